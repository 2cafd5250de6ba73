import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";

export async function generateMetadata() {
  const t = await getTranslations("people");
  return { title: t("title") };
}

export default async function PeoplePage() {
  await requirePageRole(["ADMIN"], "/admin/people");
  const t = await getTranslations("people");
  const sections = ["students", "guardians", "staff"] as const;
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      <ul className="grid max-w-3xl gap-4">
        {sections.map((s) => (
          <li key={s} className="rounded border-2 border-gray-300 p-4">
            <h2 className="text-xl font-bold">
              <Link href={`/admin/people/${s}`} className="text-accent underline underline-offset-4">
                {t(`${s}.title`)}
              </Link>
            </h2>
            <p className="mt-1">{t(`${s}.lead`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
