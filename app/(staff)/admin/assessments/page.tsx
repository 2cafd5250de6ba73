import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { listYearCohorts } from "@/lib/curriculum/calendar";
import { getCohortSchedule, listAssessmentOptions } from "@/lib/timetable/assessments";
import { listYearPeriods } from "@/lib/timetable/periods";
import { printedDay } from "@/lib/timetable/format";
import { schoolToday } from "@/lib/time";
import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { SelectField } from "@/components/ui/select-field";
import { ActionForm } from "@/components/admin/timetable/action-form";
import { RemoveButton } from "@/components/admin/timetable/remove-button";
import { planAction, removeAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("assessments");
  return { title: t("title") };
}

const BUTTON = "rounded border-2 border-accent px-4 py-2 font-semibold text-accent hover:bg-blue-50";

export default async function AssessmentsPage({ searchParams }: { searchParams: Promise<{ cohort?: string }> }) {
  const p = await requirePageRole(["ADMIN"], "/admin/assessments");
  const t = await getTranslations("assessments");
  const sp = await searchParams;
  const [cohorts, { periods }] = await Promise.all([listYearCohorts(p), listYearPeriods(p)]);
  const cohort = cohorts.find((c) => c.id === sp.cohort);
  const [schedule, options] = cohort ? await Promise.all([getCohortSchedule(p, cohort.id), listAssessmentOptions(p, cohort.id)]) : [null, null];
  const today = schoolToday(p.timeZone);
  const current = periods.find((x) => x.kind !== "YEAR" && x.from <= today && today <= x.to) ?? periods[0];
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <SelectField name="cohort" label={t("cohort")} defaultValue={cohort?.id ?? ""} options={[{ value: "", label: t("chooseCohort") }, ...cohorts.map((c) => ({ value: c.id, label: c.name }))]} />
        <button type="submit" className={`mb-5 ${BUTTON}`}>{t("show")}</button>
      </form>

      {schedule && options && cohort && (
        <>
          <p className="mb-2 max-w-3xl">
            {t("rules", { perDay: schedule.rules.maxPerDayPerCohort, share: schedule.rules.maxShareOfHours, gap: String(schedule.rules.minGapDays).replace(".", ",") })}
          </p>
          {schedule.warnings.length > 0 ? (
            <Notice kind="warning">
              <p className="font-semibold">{t("cohortWarnings", { name: cohort.name, count: schedule.warnings.length })}</p>
              <ul className="ml-6 list-disc">
                {schedule.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Notice>
          ) : (
            <p className="my-4">{t("noWarnings")}</p>
          )}
          <DataTable
            caption={t("caption", { name: cohort.name })}
            rows={schedule.events}
            rowKey={(e) => e.id}
            empty={t("noEvents", { name: cohort.name })}
            columns={[
              { key: "date", header: t("colDate"), rowHeader: true, cell: (e) => printedDay(e.date) },
              { key: "subject", header: t("colSubject"), cell: (e) => e.subject },
              { key: "type", header: t("colType"), cell: (e) => e.workType },
              { key: "title", header: t("colTitle"), cell: (e) => e.title },
              {
                key: "remove", header: t("colRemove"),
                cell: (e) => <RemoveButton action={removeAction} name="eventId" value={e.id} visibleLabel={t("remove")} label={t("removeLabel", { title: e.title, date: printedDay(e.date) })} />,
              },
            ]}
          />
          <section aria-labelledby="plan" className="mt-8">
            <h2 id="plan" className="mb-2 text-xl font-bold">{t("planTitle", { name: cohort.name })}</h2>
            <p className="mb-3 max-w-xl">{t("planLead")}</p>
            {options.workTypes.length === 0 && <p className="mb-3 font-semibold">{t("noWorkTypes")}</p>}
            <ActionForm
              id="event"
              action={planAction}
              submit={t("planSubmit")}
              pending={t("saving")}
              errorTitle={t("errorTitle")}
              fields={[
                { kind: "hidden", name: "cohortId", value: cohort.id },
                { kind: "select", name: "subjectId", label: t("subject"), options: [{ value: "", label: t("chooseSubject") }, ...options.subjects.map((s) => ({ value: s.id, label: s.name }))] },
                { kind: "select", name: "workTypeId", label: t("workType"), options: options.workTypes.map((w) => ({ value: w.id, label: w.name })) },
                { kind: "date", name: "date", label: t("date"), required: true },
                { kind: "text", name: "title", label: t("eventTitle"), hint: t("eventTitleHint"), required: true },
              ]}
            />
          </section>
        </>
      )}

      <section aria-labelledby="export" className="mt-10">
        <h2 id="export" className="mb-2 text-xl font-bold">{t("exportTitle")}</h2>
        <p className="mb-3 max-w-xl">{t("exportLead")}</p>
        {periods.length === 0 ? (
          <p>{t("noPeriods")}</p>
        ) : (
          <form method="get" action="/api/admin/assessments/export" className="max-w-xl">
            <SelectField name="periodId" label={t("period")} defaultValue={current?.id} options={periods.map((x) => ({ value: x.id, label: t("periodOption", { name: x.name, from: printedDay(x.from), to: printedDay(x.to) }) }))} />
            <SelectField name="cohortId" label={t("exportCohort")} defaultValue={cohort?.id ?? ""} options={[{ value: "", label: t("wholeSchool") }, ...cohorts.map((c) => ({ value: c.id, label: c.name }))]} />
            <div className="flex flex-wrap gap-3">
              <button type="submit" name="format" value="pdf" className={BUTTON}>{t("downloadPdf")}</button>
              <button type="submit" name="format" value="xlsx" className={BUTTON}>{t("downloadXlsx")}</button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}
