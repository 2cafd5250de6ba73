import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { SetupForm } from "@/components/auth/setup-form";
import { RUSSIAN_TIME_ZONES } from "@/lib/auth/schemas";
import { isSetUp } from "@/lib/school/setup";
import { setupAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("setup");
  return { title: t("title") };
}

export default async function SetupPage() {
  const t = await getTranslations("setup");
  if (await isSetUp()) {
    return (
      <>
        <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mb-4">{t("alreadyDone")}</p>
        <Link href="/login" className="text-accent underline underline-offset-4">
          {t("toLogin")}
        </Link>
      </>
    );
  }
  const timeZones = RUSSIAN_TIME_ZONES.map((z) => ({ value: z, label: t(`zones.${z.replace("/", "_")}`) }));
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("intro")}</p>
      <SetupForm action={setupAction} timeZones={timeZones} />
    </>
  );
}
