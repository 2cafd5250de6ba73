import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { PageTitle } from "@/components/ui/page-title";
import { Notice } from "@/components/ui/notice";
import { FinalsTable } from "@/components/journal/finals/finals-table";
import { AcceptAllForm } from "@/components/journal/finals/accept-all-form";
import { ExamTable } from "@/components/journal/finals/exam-table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { defaultPeriodId, listFinalsForPeriod, type FinalsPage } from "@/lib/journal/finals";
import { schoolToday } from "@/lib/time";
import { confirmAllAction, confirmAllOverallAction, confirmFinalAction, confirmOverallAction, recordExamAction } from "./actions";

type Params = { params: Promise<{ cohortId: string; subjectId: string }>; searchParams: Promise<{ period?: string | string[] }> };

// the title and the page need the same data: load it once per request
const loadOnce = cache(async (cohortId: string, subjectId: string, period: string | undefined): Promise<FinalsPage> => {
  const p = await requirePageRole(["TEACHER", "ADMIN"], `/journal/finals/${cohortId}/${subjectId}`);
  try {
    const periodId = period ?? (await defaultPeriodId(p, cohortId, schoolToday(p.timeZone)));
    if (!periodId) notFound();
    return await listFinalsForPeriod(p, cohortId, subjectId, periodId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

async function load({ params, searchParams }: Params): Promise<FinalsPage> {
  const { cohortId, subjectId } = await params;
  const { period } = await searchParams;
  return loadOnce(cohortId, subjectId, typeof period === "string" ? period : undefined);
}

export async function generateMetadata(props: Params) {
  const t = await getTranslations("finals");
  const page = await load(props);
  return { title: t("title", { cohort: page.cohort.name, subject: page.subject.name }) };
}

export default async function FinalsPageView(props: Params) {
  const page = await load(props);
  const t = await getTranslations("finals");
  const base = `/journal/finals/${page.cohort.id}/${page.subject.id}`;
  const ids = { cohortId: page.cohort.id, subjectId: page.subject.id, periodId: page.period.id };
  const editable = page.canWrite && !page.period.closed && (page.scale === "FIVE_POINT" || page.scale === "PASS_FAIL");
  return (
    <main id="main" className="mx-auto max-w-screen-xl px-4 py-6">
      <PageTitle title={t("title", { cohort: page.cohort.name, subject: page.subject.name })} lead={t("lead")} />
      <nav aria-label={t("periods")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {page.periods.map((q) => (
            <li key={q.id}>
              <Link
                href={`${base}?period=${q.id}`}
                aria-current={q.id === page.period.id ? "page" : undefined}
                className={`inline-block rounded border-2 px-3 py-1 underline ${q.id === page.period.id ? "border-accent font-bold" : "border-gray-300"}`}
              >
                {q.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page.period.closed && <Notice kind="info">{t("closed", { period: page.period.name })}</Notice>}
      {!page.canWrite && !page.period.closed && <Notice kind="info">{t("readOnly")}</Notice>}
      {page.canWrite && !editable && !page.period.closed && <Notice kind="info">{t("noScale")}</Notice>}
      {editable && page.rows.length > 0 && <AcceptAllForm action={confirmAllAction} ids={ids} />}
      <FinalsTable page={page} action={confirmFinalAction} />
      {page.exam && page.exam.rows.length > 0 && (
        <section aria-labelledby="overall-heading" className="mt-8">
          <h2 id="overall-heading" className="text-xl font-bold">
            {page.exam.hasExam ? t("examHeading") : t("overallHeading")}
          </h2>
          <p className="mt-1 max-w-3xl">{page.exam.hasExam ? t("examLead") : t("overallLead")}</p>
          {editable && (
            <AcceptAllForm
              action={confirmAllOverallAction}
              ids={ids}
              idPrefix="accept-all-overall"
              label={t("acceptAllOverall")}
              hint={t("acceptAllOverallHint")}
            />
          )}
          <ExamTable page={page} examAction={recordExamAction} finalAction={confirmOverallAction} />
        </section>
      )}
    </main>
  );
}
