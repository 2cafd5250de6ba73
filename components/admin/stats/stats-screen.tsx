import { getTranslations } from "next-intl/server";

import { hasRole, type Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { getStatsReport, listStatsPeriods, type StatsPage } from "@/lib/stats/load";
import { parseShow } from "@/lib/stats/schemas";
import { printedDay } from "@/lib/timetable/format";
import { PageTitle } from "@/components/ui/page-title";
import { Notice } from "@/components/ui/notice";
import { SelectField } from "@/components/ui/select-field";
import { StatsReportView } from "@/components/admin/stats/report-view";

const BUTTON = "rounded border-2 border-accent px-4 py-2 font-semibold text-accent hover:bg-blue-50";

/**
 * The statistics screen (issue 8, R5): the administrator's (/admin/stats, the whole
 * school) and a teacher's (/journal/stats, only their own classes and subjects: the
 * scope is lib/stats/load.ts's, by the principal).
 */
export async function StatsScreen({ p, sp }: { p: Principal; sp: { period?: string; show?: string } }) {
  const t = await getTranslations("stats");
  const periods = await listStatsPeriods(p);
  const lead = hasRole(p, "ADMIN") ? t("lead") : `${t("lead")} ${t("leadTeacher")}`;
  if (periods.length === 0) {
    return (
      <>
        <PageTitle title={t("title")} lead={lead} />
        <p>{t("noPeriods")}</p>
      </>
    );
  }
  const asked = sp.period ? periods.find((x) => x.id === sp.period) : undefined;
  const periodError = sp.period && !asked ? [t("badPeriod")] : undefined;
  const period = asked ?? periods.find((x) => x.current) ?? periods[0];
  if (!period) return null;
  let { view, id } = parseShow(sp.show);
  let showFallback = false;
  let page: StatsPage;
  try {
    page = await getStatsReport(p, { periodId: period.id, view, id });
  } catch (error) {
    // a class, subject or teacher not in this period (another year chosen): the school
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND" || view === "school") throw error;
    showFallback = true;
    view = "school";
    id = undefined;
    page = await getStatsReport(p, { periodId: period.id, view });
  }
  const { report, options } = page;
  const showValue = view === "school" ? "school" : `${view}:${id ?? ""}`;
  const showOptions = [
    { value: "school", label: t("school") },
    ...options.classes.map((c) => ({ value: `class:${c.id}`, label: t("classOption", { name: c.name }) })),
    ...options.subjects.map((s) => ({ value: `subject:${s.id}`, label: t("subjectOption", { name: s.name }) })),
    ...options.teachers.map((x) => ({ value: `teacher:${x.id}`, label: t("teacherOption", { name: x.name }) })),
  ];
  const scope = report.view === "school" || !report.focus
    ? t("scopeSchool")
    : t(report.view === "class" ? "scopeClass" : report.view === "subject" ? "scopeSubject" : "scopeTeacher", { name: report.focus.name });
  const query = new URLSearchParams({ period: report.period.id, view: report.view, ...(report.focus ? { id: report.focus.id } : {}) });
  return (
    <>
      <PageTitle title={t("title")} lead={lead} />
      <form method="get" className="mb-4 max-w-xl">
        <SelectField name="period" label={t("period")} defaultValue={period.id} errors={periodError} options={periods.map((x) => ({ value: x.id, label: x.label }))} />
        <SelectField name="show" label={t("show")} hint={t("showHint")} defaultValue={showValue} options={showOptions} />
        <button type="submit" className={BUTTON}>{t("submit")}</button>
      </form>
      {showFallback && <Notice kind="info">{t("badShow")}</Notice>}

      <h2 className="text-xl font-bold">{t("heading", { period: report.period.name, year: report.period.yearName, scope })}</h2>
      <p className="mb-2">
        {t("dates", { from: printedDay(report.period.from), to: printedDay(report.period.to) })}
        {report.inProgress && ` ${t("inProgress", { today: printedDay(report.today) })}`}
      </p>
      {report.finalsCount === 0 ? (
        <Notice kind="info">{t("noFinals")}</Notice>
      ) : (
        report.pairsWithoutFinals > 0 && <Notice kind="info">{t("someMissing", { count: report.pairsWithoutFinals })}</Notice>
      )}

      <section aria-labelledby="downloads-title" className="my-4">
        <h2 id="downloads-title" className="text-lg font-bold">{t("downloadsTitle")}</h2>
        <p className="mb-2 max-w-3xl">{t("downloadsLead")}</p>
        <ul className="flex flex-wrap gap-3">
          <li>
            <a className={`inline-block ${BUTTON}`} href={`/api/stats/term-report?format=pdf&${query.toString()}`} download>{t("downloadPdf")}</a>
          </li>
          <li>
            <a className={`inline-block ${BUTTON}`} href={`/api/stats/term-report?format=xlsx&${query.toString()}`} download>{t("downloadXlsx")}</a>
          </li>
        </ul>
      </section>

      <StatsReportView report={report} />
    </>
  );
}
