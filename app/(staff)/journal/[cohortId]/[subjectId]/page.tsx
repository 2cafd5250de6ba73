import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { PageTitle } from "@/components/ui/page-title";
import { JournalGrid } from "@/components/journal/journal-grid";
import { PeriodLessons } from "@/components/journal/lesson/period-lessons";
import { requirePageRole } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { loadJournalGrid, type JournalGrid as Grid } from "@/lib/journal/grid";
import { countHomeworkByLesson } from "@/lib/journal/homework";
import { cellHistoryAction, saveCellAction, setWorkTypeAction } from "./actions";

type Params = { params: Promise<{ cohortId: string; subjectId: string }>; searchParams: Promise<{ period?: string | string[] }> };

// the title and the page need the same grid: load it once per request
const loadOnce = cache(async (cohortId: string, subjectId: string, period: string | undefined): Promise<Grid> => {
  const p = await requirePageRole(["TEACHER", "ADMIN"], `/journal/${cohortId}/${subjectId}`);
  try {
    return await loadJournalGrid(p, cohortId, subjectId, period);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

async function load({ params, searchParams }: Params): Promise<Grid> {
  const { cohortId, subjectId } = await params;
  const { period } = await searchParams;
  return loadOnce(cohortId, subjectId, typeof period === "string" ? period : undefined);
}

export async function generateMetadata(props: Params) {
  const t = await getTranslations("grid");
  const g = await load(props);
  return { title: t("title", { cohort: g.cohort.name, subject: g.subject.name }) };
}

export default async function JournalGridPage(props: Params) {
  const g = await load(props);
  const t = await getTranslations("grid");
  const base = `/journal/${g.cohort.id}/${g.subject.id}`;
  const tl = await getTranslations("lesson");
  const homework = await countHomeworkByLesson(await requirePageRole(["TEACHER", "ADMIN"], base), g.lessons.map((l) => l.id));
  return (
    <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6">
      <PageTitle title={t("title", { cohort: g.cohort.name, subject: g.subject.name })}>
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <Link href={`/journal/finals/${g.cohort.id}/${g.subject.id}`} className="text-accent underline underline-offset-4">
            {t("finalsLink")}
          </Link>
          <Link href={`/journal/plan/${g.cohort.id}/${g.subject.id}`} className="text-accent underline underline-offset-4">
            {tl("planLink")}
          </Link>
        </p>
      </PageTitle>
      {g.periods.length > 1 && (
        <nav aria-label={t("periods")} className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {g.periods.map((q) => (
              <li key={q.id}>
                <Link
                  href={`${base}?period=${q.id}`}
                  aria-current={q.id === g.period.id ? "page" : undefined}
                  className={`inline-block rounded border-2 px-3 py-1 underline ${q.id === g.period.id ? "border-accent font-bold" : "border-gray-300"}`}
                >
                  {q.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {g.period.closed && <p className="mb-3 font-semibold">{t("periodClosed", { period: g.period.name })}</p>}
      {!g.period.closed && !g.writable && <p className="mb-3 font-semibold">{t("readOnly")}</p>}
      {g.lessons.length === 0 && <p className="mb-3">{t("noLessons")}</p>}
      {g.students.length === 0 ? (
        <p>{t("noStudents")}</p>
      ) : (
        <JournalGrid
          cohortId={g.cohort.id}
          subjectId={g.subject.id}
          periodId={g.period.id}
          caption={t("caption", { cohort: g.cohort.name, subject: g.subject.name, period: g.period.name })}
          lessons={g.lessons}
          students={g.students}
          cells={g.cells}
          writable={g.writable}
          scale={g.scale}
          workTypes={g.workTypes}
          save={saveCellAction}
          setWorkType={setWorkTypeAction}
          loadHistory={cellHistoryAction}
        />
      )}
      <PeriodLessons
        lessons={g.lessons}
        homework={homework}
        caption={tl("periodLessonsCaption", { cohort: g.cohort.name, subject: g.subject.name, period: g.period.name })}
      />
    </main>
  );
}
