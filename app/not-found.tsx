/** An address that leads nowhere (or to something this user may not see: the same answer). */
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("app.notFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getTranslations("app.notFound");
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3">{t("lead")}</p>
      <p className="mt-6">
        <Link href="/" className="text-accent underline underline-offset-4">
          {t("home")}
        </Link>
      </p>
    </main>
  );
}
