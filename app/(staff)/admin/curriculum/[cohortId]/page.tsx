import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { AppError } from "@/lib/errors";
import { requirePageRole } from "@/lib/auth/page-guard";
import { getCohortCurriculum } from "@/lib/curriculum/curriculum";
import { listTeachers } from "@/lib/curriculum/calendar";
import { listSubjects } from "@/lib/curriculum/subjects";
import { MARK_SCALES } from "@/lib/curriculum/schemas";
import { formatTenths } from "@/lib/curriculum/school-weeks";
import { printedDay } from "@/lib/timetable/format";
import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/data-table";
import { ActionForm, type FieldSpec } from "@/components/admin/timetable/action-form";
import { addItemAction, reviseItemAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("curriculum");
  return { title: t("title") };
}

export default async function CohortCurriculumPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const { cohortId } = await params;
  const p = await requirePageRole(["ADMIN"], `/admin/curriculum/${cohortId}`);
  const t = await getTranslations("curriculum");
  const [plan, teachers, subjects] = await Promise.all([
    getCohortCurriculum(p, cohortId).catch((e: unknown) => {
      // a mistyped or foreign address is "not found", not an error
      if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    listTeachers(p),
    listSubjects(p),
  ]);
  const teacherOptions = [{ value: "", label: t("noTeacher") }, ...teachers.map((s) => ({ value: s.id, label: s.name }))];
  const scaleOptions = MARK_SCALES.map((s) => ({ value: s, label: t(`scales.${s}`) }));
  const validity = (from: string, to: string | null) => (to ? t("fromTo", { from: printedDay(from), to: printedDay(to) }) : t("fromOnly", { from: printedDay(from) }));
  const hoursFields = (prefill?: { hoursPerWeek: string | null; hoursPerYear: number | null; scale: string; teacherIds: string[] }): FieldSpec[] => [
    { kind: "number", name: "hoursPerWeek", label: t("hoursPerWeek"), hint: t("hoursPerWeekHint"), width: "short", defaultValue: prefill?.hoursPerWeek?.replace(".", ",") ?? "" },
    { kind: "number", name: "hoursPerYear", label: t("hoursPerYear"), hint: t("hoursPerYearHint"), width: "short", defaultValue: prefill?.hoursPerYear?.toString() ?? "" },
    { kind: "select", name: "scale", label: t("scale"), options: scaleOptions, defaultValue: prefill?.scale ?? "FIVE_POINT" },
    { kind: "select", name: "teacherId", label: t("teacher"), options: teacherOptions, defaultValue: prefill?.teacherIds[0] ?? "" },
    { kind: "select", name: "teacher2Id", label: t("teacher2"), hint: t("teacher2Hint"), options: teacherOptions, defaultValue: prefill?.teacherIds[1] ?? "" },
  ];
  const open = plan.lines.filter((l) => l.validTo === null || l.validTo >= plan.year.from);
  return (
    <>
      <PageTitle
        title={t("planTitle", { name: plan.cohort.name })}
        lead={t("planLead", { from: printedDay(plan.year.from), to: printedDay(plan.year.to), weeks: plan.schoolWeeks })}
      />
      <p className="mb-4">
        <Link href="/admin/curriculum" className="text-accent underline underline-offset-4">{t("backToList")}</Link>
      </p>
      <DataTable
        caption={t("planCaption", { name: plan.cohort.name })}
        rows={plan.lines}
        rowKey={(l) => l.id}
        empty={t("noLines")}
        columns={[
          { key: "subject", header: t("colSubject"), rowHeader: true, cell: (l) => l.subject },
          { key: "week", header: t("colWeek"), cell: (l) => (l.hoursPerWeek === null ? "—" : l.hoursPerWeek.replace(".", ",")) },
          { key: "year", header: t("colYear"), cell: (l) => (l.hoursPerYear === null ? t("plannedHours", { hours: formatTenths(l.plannedTenths) }) : l.hoursPerYear) },
          { key: "scale", header: t("colScale"), cell: (l) => t(`scales.${l.scale}`) },
          { key: "teachers", header: t("colTeachers"), cell: (l) => (l.teachers.length ? l.teachers.join(", ") : t("noTeacherShort")) },
          { key: "valid", header: t("colValid"), cell: (l) => validity(l.validFrom, l.validTo) },
        ]}
      />
      <p className="mb-8 max-w-3xl text-muted">{t("hoursExplained", { weeks: plan.schoolWeeks })}</p>
      <div className="grid gap-10 xl:grid-cols-2">
        <section aria-labelledby="add-line">
          <h2 id="add-line" className="mb-2 text-xl font-bold">{t("addLineTitle")}</h2>
          <ActionForm
            id="line"
            action={addItemAction}
            submit={t("addLine")}
            pending={t("saving")}
            errorTitle={t("errorTitle")}
            fields={[
              { kind: "hidden", name: "cohortId", value: plan.cohort.id },
              { kind: "select", name: "subjectId", label: t("subject"), options: [{ value: "", label: t("chooseSubject") }, ...subjects.map((s) => ({ value: s.id, label: s.name }))] },
              ...hoursFields(),
              { kind: "date", name: "validFrom", label: t("validFrom"), required: true, defaultValue: plan.year.from },
              { kind: "date", name: "validTo", label: t("validTo"), hint: t("validToHint") },
            ]}
          />
        </section>
        {open.length > 0 && (
          <section aria-labelledby="revise-line">
            <h2 id="revise-line" className="mb-2 text-xl font-bold">{t("reviseTitle")}</h2>
            <p className="mb-3 max-w-xl">{t("reviseLead")}</p>
            <ActionForm
              id="revise"
              action={reviseItemAction}
              submit={t("revise")}
              pending={t("saving")}
              errorTitle={t("errorTitle")}
              fields={[
                { kind: "select", name: "itemId", label: t("line"), options: open.map((l) => ({ value: l.id, label: `${l.subject}: ${validity(l.validFrom, l.validTo)}` })) },
                ...hoursFields(),
                { kind: "date", name: "from", label: t("reviseFrom"), hint: t("reviseFromHint"), required: true },
              ]}
            />
          </section>
        )}
      </div>
    </>
  );
}
