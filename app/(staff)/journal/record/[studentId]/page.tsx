import { cache } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { PageTitle } from "@/components/ui/page-title";
import { Notice } from "@/components/ui/notice";
import { RecordYearView } from "@/components/journal/record/record-year";
import { requirePageRole } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { readStudentRecord, type RecordProgram, type StudentRecord } from "@/lib/journal/student-record";
import { formatDayRu } from "@/lib/time";

type Params = { params: Promise<{ studentId: string }> };

// the title and the page need the same record: load it once per request
const loadOnce = cache(async (studentId: string): Promise<StudentRecord> => {
  const p = await requirePageRole(["TEACHER", "ADMIN"], `/journal/record/${studentId}`);
  try {
    return await readStudentRecord(p, studentId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params) {
  const t = await getTranslations("record");
  const r = await loadOnce((await params).studentId);
  return { title: t("title", { name: r.student.name }) };
}

async function ProgramLines({ program }: { program: RecordProgram }) {
  const t = await getTranslations("record");
  const kind = [t(`level.${program.level}`), ...(program.variant === "NONE" ? [] : [t(`variant.${program.variant}`)])].join("; ");
  return (
    <>
      <p>{kind}</p>
      <p>
        {program.to
          ? t("programDatesClosed", { from: formatDayRu(program.from), to: formatDayRu(program.to) })
          : t("programDates", { from: formatDayRu(program.from) })}
      </p>
    </>
  );
}

/** The paper extract of the period under way (for the administration and the class teacher). */
async function ExtractLinks({ studentId }: { studentId: string }) {
  const t = await getTranslations("extracts");
  const href = `/api/reports/extract?student=${encodeURIComponent(studentId)}`;
  return (
    <nav aria-label={t("recordLinks")} className="mb-4">
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        <li><a href={href} className="text-accent underline underline-offset-4">{t("recordLink")}</a></li>
        <li><a href={`${href}&large=1`} className="text-accent underline underline-offset-4">{t("recordLinkLarge")}</a></li>
      </ul>
    </nav>
  );
}

export default async function StudentRecordPage({ params }: Params) {
  const r = await loadOnce((await params).studentId);
  const t = await getTranslations("record");
  const s = r.student;
  return (
    <main id="main" className="mx-auto max-w-screen-xl px-4 py-6">
      <PageTitle title={t("title", { name: s.name })} lead={t("lead")} />
      <ul className="mb-4 space-y-1">
        <li>{t("recordNumber", { number: s.recordNumber })}</li>
        {s.className && <li>{t("className", { name: s.className })}</li>}
        {s.individualPlan && <li>{t("individualPlan")}</li>}
        {s.homeSchooling && <li>{t("homeSchooling")}</li>}
        {s.leftAt && <li>{t("leftAt", { date: formatDayRu(s.leftAt) })}</li>}
      </ul>
      {r.scope === "FULL" && <ExtractLinks studentId={s.id} />}
      {r.scope === "OWN_SUBJECTS" && <Notice kind="info">{t("ownSubjects")}</Notice>}
      {r.sections.length === 0 && <p>{t("empty")}</p>}
      {r.sections.map((section, i) => {
        const id = `program-${i}`;
        return (
          <section key={id} aria-labelledby={id} className="mt-8">
            <h2 id={id} className="text-xl font-bold">
              {section.program ? t("program", { name: section.program.name }) : t("noProgram")}
            </h2>
            {section.program && <ProgramLines program={section.program} />}
            {section.years.map((y) => (
              <RecordYearView key={y.id} year={y} />
            ))}
          </section>
        );
      })}
      {r.sections.length > 0 && (
        <section aria-labelledby="record-legend" className="mt-8 max-w-3xl">
          <h2 id="record-legend" className="text-xl font-bold">
            {t("legendHeading")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            <li>{t("legendNa")}</li>
            <li>{t("legendExempt")}</li>
            <li>{t("legendPass")}</li>
            <li>{t("legendEmpty")}</li>
          </ul>
        </section>
      )}
    </main>
  );
}
