import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { listTeachers, listYearCohorts } from "@/lib/curriculum/calendar";
import { listCohortSubjects, listTimetable } from "@/lib/timetable/slots";
import { printedDay } from "@/lib/timetable/format";
import { listYearPeriods } from "@/lib/timetable/periods";
import { schoolToday } from "@/lib/time";
import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/select-field";
import { ActionForm } from "@/components/admin/timetable/action-form";
import { addSlotAction, endSlotAction, generateAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("timetable");
  return { title: t("title") };
}

type Search = Promise<{ cohort?: string; teacher?: string }>;

export default async function TimetablePage({ searchParams }: { searchParams: Search }) {
  const p = await requirePageRole(["ADMIN"], "/admin/timetable");
  const t = await getTranslations("timetable");
  const sp = await searchParams;
  const [cohorts, teachers] = await Promise.all([listYearCohorts(p), listTeachers(p)]);
  const cohort = cohorts.find((c) => c.id === sp.cohort);
  const teacher = cohort ? undefined : teachers.find((s) => s.id === sp.teacher);
  const [slots, subjects, { lastSchoolDay }] = await Promise.all([
    listTimetable(p, { cohortId: cohort?.id, teacherId: teacher?.id }),
    cohort ? listCohortSubjects(p, cohort.id) : Promise.resolve([]),
    listYearPeriods(p),
  ]);
  const today = schoolToday(p.timeZone);
  const weekdays = [1, 2, 3, 4, 5, 6].map((d) => ({ value: String(d), label: t(`weekdays.${d}`) }));
  const validity = (from: string, to: string | null) => (to ? t("fromTo", { from: printedDay(from), to: printedDay(to) }) : t("fromOnly", { from: printedDay(from) }));
  const caption = cohort ? t("captionCohort", { name: cohort.name }) : teacher ? t("captionTeacher", { name: teacher.name }) : "";
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      <div className="mb-6 flex flex-wrap gap-8">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <SelectField name="cohort" label={t("byCohort")} defaultValue={cohort?.id ?? ""} options={[{ value: "", label: t("chooseCohort") }, ...cohorts.map((c) => ({ value: c.id, label: c.name }))]} />
          <button type="submit" className="mb-5 rounded border-2 border-accent px-4 py-2 font-semibold text-accent hover:bg-blue-50">{t("showCohort")}</button>
        </form>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <SelectField name="teacher" label={t("byTeacher")} defaultValue={teacher?.id ?? ""} options={[{ value: "", label: t("chooseTeacher") }, ...teachers.map((s) => ({ value: s.id, label: s.name }))]} />
          <button type="submit" className="mb-5 rounded border-2 border-accent px-4 py-2 font-semibold text-accent hover:bg-blue-50">{t("showTeacher")}</button>
        </form>
      </div>

      {(cohort ?? teacher) && (
        <DataTable
          caption={caption}
          rows={slots}
          rowKey={(s) => s.id}
          empty={t("noSlots", { name: cohort?.name ?? teacher?.name ?? "" })}
          columns={[
            { key: "day", header: t("colDay"), rowHeader: true, cell: (s) => t(`weekdays.${s.weekday}`) },
            { key: "n", header: t("colLesson"), cell: (s) => s.lessonNumber },
            ...(cohort ? [] : [{ key: "cohort", header: t("colCohort"), cell: (s: (typeof slots)[number]) => s.cohort }]),
            { key: "subject", header: t("colSubject"), cell: (s) => s.subject },
            ...(teacher ? [] : [{ key: "teacher", header: t("colTeacher"), cell: (s: (typeof slots)[number]) => s.teacher }]),
            { key: "room", header: t("colRoom"), cell: (s) => s.room ?? "—" },
            { key: "valid", header: t("colValid"), cell: (s) => validity(s.validFrom, s.validTo) },
          ]}
        />
      )}

      <div className="mt-8 grid gap-10 xl:grid-cols-2">
        {cohort && (
          <section aria-labelledby="add-slot">
            <h2 id="add-slot" className="mb-2 text-xl font-bold">{t("addTitle", { name: cohort.name })}</h2>
            <p className="mb-3 max-w-xl">{t("addLead")}</p>
            <ActionForm
              id="slot"
              action={addSlotAction}
              submit={t("addSubmit")}
              pending={t("saving")}
              errorTitle={t("addError")}
              fields={[
                { kind: "hidden", name: "cohortId", value: cohort.id },
                { kind: "select", name: "weekday", label: t("weekday"), options: weekdays, defaultValue: "1" },
                { kind: "number", name: "lessonNumber", label: t("lessonNumber"), hint: t("lessonNumberHint"), required: true, width: "short" },
                { kind: "select", name: "subjectId", label: t("subject"), hint: t("subjectHint"), options: [{ value: "", label: t("chooseSubject") }, ...subjects.map((s) => ({ value: s.id, label: s.name }))] },
                { kind: "select", name: "teacherId", label: t("teacher"), options: [{ value: "", label: t("chooseTeacher") }, ...teachers.map((s) => ({ value: s.id, label: s.name }))] },
                { kind: "text", name: "room", label: t("room"), width: "short" },
                { kind: "date", name: "validFrom", label: t("validFrom"), required: true, defaultValue: today },
                { kind: "date", name: "validTo", label: t("validTo"), hint: t("validToHint") },
              ]}
            />
          </section>
        )}
        {slots.length > 0 && (
          <section aria-labelledby="end-slot">
            <h2 id="end-slot" className="mb-2 text-xl font-bold">{t("endTitle")}</h2>
            <p className="mb-3 max-w-xl">{t("endLead")}</p>
            <ActionForm
              id="end"
              action={endSlotAction}
              submit={t("endSubmit")}
              pending={t("saving")}
              errorTitle={t("errorTitle")}
              fields={[
                {
                  kind: "select", name: "slotId", label: t("endWhich"),
                  options: slots.map((s) => ({ value: s.id, label: `${t(`weekdays.${s.weekday}`)}, ${s.lessonNumber}: ${s.cohort}, ${s.subject} (${s.teacher})` })),
                },
                { kind: "date", name: "from", label: t("endFrom"), required: true, defaultValue: today },
              ]}
            />
          </section>
        )}
        <section aria-labelledby="generate">
          <h2 id="generate" className="mb-2 text-xl font-bold">{t("generateTitle")}</h2>
          <p className="mb-3 max-w-xl">{t("generateLead")}</p>
          <ActionForm
            id="generate-form"
            action={generateAction}
            submit={t("generateSubmit")}
            pending={t("generating")}
            errorTitle={t("errorTitle")}
            fields={[
              { kind: "date", name: "from", label: t("generateFrom"), required: true, defaultValue: today },
              { kind: "date", name: "to", label: t("generateTo"), hint: t("generateToHint"), required: true, defaultValue: lastSchoolDay ?? "" },
              { kind: "select", name: "cohortId", label: t("generateCohort"), defaultValue: cohort?.id ?? "", options: [{ value: "", label: t("allCohorts") }, ...cohorts.map((c) => ({ value: c.id, label: c.name }))] },
            ]}
          />
        </section>
      </div>
    </>
  );
}
