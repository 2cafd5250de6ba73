import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listFinalsLinks } from "@/lib/journal/summary";

export async function generateMetadata() {
  const t = await getTranslations("finals");
  return { title: t("indexTitle") };
}

export default async function FinalsIndexPage() {
  const p = await requirePageRole(["TEACHER", "ADMIN"], "/journal/finals");
  const links = await listFinalsLinks(p);
  const t = await getTranslations("finals");
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-6">
      <PageTitle title={t("indexTitle")} lead={t("indexLead")} />
      <section aria-labelledby="finals-links" className="mt-6">
        <h2 id="finals-links" className="text-xl font-bold">
          {t("finalsHeading")}
        </h2>
        {links.finals.length === 0 ? (
          <p className="mt-2">{t("noFinalsLinks")}</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {links.finals.map((l) => (
              <li key={`${l.cohortId}-${l.subjectId}`}>
                <Link href={`/journal/finals/${l.cohortId}/${l.subjectId}`} className="underline">
                  {t("finalsLink", { cohort: l.cohortName, subject: l.subjectName, year: l.yearName })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="sheet-links" className="mt-8">
        <h2 id="sheet-links" className="text-xl font-bold">
          {t("sheetsHeading")}
        </h2>
        {links.sheets.length === 0 ? (
          <p className="mt-2">{t("noSheetLinks")}</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {links.sheets.map((l) => (
              <li key={l.cohortId}>
                <Link href={`/journal/summary/${l.cohortId}`} className="underline">
                  {t("sheetLink", { cohort: l.cohortName, year: l.yearName })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
