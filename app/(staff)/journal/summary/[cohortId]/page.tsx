import { cache } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { PageTitle } from "@/components/ui/page-title";
import { SummaryTable } from "@/components/journal/summary/summary-table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { readSummarySheet, type SummarySheet } from "@/lib/journal/summary";

type Params = { params: Promise<{ cohortId: string }>; searchParams: Promise<{ year?: string | string[] }> };

const loadOnce = cache(async (cohortId: string, year: string | undefined): Promise<SummarySheet> => {
  const p = await requirePageRole(["TEACHER", "ADMIN"], `/journal/summary/${cohortId}`);
  try {
    return await readSummarySheet(p, cohortId, year);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

async function load({ params, searchParams }: Params): Promise<SummarySheet> {
  const { cohortId } = await params;
  const { year } = await searchParams;
  return loadOnce(cohortId, typeof year === "string" ? year : undefined);
}

export async function generateMetadata(props: Params) {
  const t = await getTranslations("finals");
  const sheet = await load(props);
  return { title: t("sheetTitle", { cohort: sheet.cohort.name }) };
}

export default async function SummaryPage(props: Params) {
  const sheet = await load(props);
  const t = await getTranslations("finals");
  const tx = await getTranslations("extracts");
  const { year } = await props.searchParams;
  const pdfHref = `/api/reports/summary/${sheet.cohort.id}${typeof year === "string" ? `?year=${encodeURIComponent(year)}` : ""}`;
  return (
    <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6">
      <PageTitle title={t("sheetTitle", { cohort: sheet.cohort.name })} lead={t("sheetLead", { year: sheet.cohort.yearName })}>
        <a href={pdfHref} className="text-accent underline underline-offset-4">
          {tx("summaryPdf")}
        </a>
      </PageTitle>
      {sheet.rows.length === 0 ? (
        <p>{t("sheetEmpty")}</p>
      ) : sheet.subjects.length === 0 ? (
        <p>{t("sheetNoSubjects")}</p>
      ) : (
        <SummaryTable sheet={sheet} />
      )}
      <section aria-labelledby="legend" className="mt-6 max-w-3xl">
        <h2 id="legend" className="text-xl font-bold">
          {t("legendHeading")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>{t("legendSuccess")}</li>
          <li>{t("legendQuality")}</li>
          <li>{t("legendMean")}</li>
          <li>{t("legendSou")}</li>
          <li>{t("legendExempt")}</li>
        </ul>
      </section>
    </main>
  );
}
