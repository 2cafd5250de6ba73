/**
 * The statistics of one view on screen: for each part (results, completion, missed
 * lessons) a heading, a chart where a picture helps, and the table beside it — the table
 * is the source of every number and what a screen reader reads. Server component.
 */
import { getTranslations } from "next-intl/server";

import type { StatsReport } from "@/lib/stats/build";
import { LESSON_TYPES, type Completion, type LessonTypeName } from "@/lib/stats/completion";
import type { ResultsSummary } from "@/lib/stats/results";
import type { AttendanceTally } from "@/lib/stats/attendance";
import { hours, mean, percent } from "@/lib/stats/tables";
import { StatsTable, type StatsTableData } from "@/components/admin/stats/stats-table";
import { MarksChart } from "@/components/admin/stats/marks-chart";
import { CompletionChart } from "@/components/admin/stats/completion-chart";

/** how many rows a chart's summary names before «and N more» */
const SUMMARY_ROWS = 12;

function resultsCells(s: ResultsSummary): string[] {
  const c = s.counts;
  return [String(s.n), String(c[5]), String(c[4]), String(c[3]), String(c[2]), String(c.notAttested), String(c.exempt), percent(s.successRate), percent(s.qualityRate), mean(s.mean), percent(s.sou)];
}

function attendanceCells(t: AttendanceTally): string[] {
  return [String(t.ABSENT), String(t.ILL), String(t.EXCUSED), String(t.missed), String(t.LATE)];
}

export async function StatsReportView({ report }: { report: StatsReport }) {
  const t = await getTranslations("stats");
  const r = report;
  const summarise = (items: string[]) =>
    items.length > SUMMARY_ROWS ? `${items.slice(0, SUMMARY_ROWS).join("; ")}; ${t("chart.more", { count: items.length - SUMMARY_ROWS })}.` : `${items.join("; ")}.`;

  // ── results
  const firstOf = { byClass: t("col.class"), bySubject: t("col.subject"), byClassOfSubject: t("col.class"), byPair: t("col.pair") } as const;
  const resultsHead = [t("col.n"), t("col.five"), t("col.four"), t("col.three"), t("col.two"), t("col.na"), t("col.exempt"), t("col.success"), t("col.quality"), t("col.mean"), t("col.sou")];
  const resultTables = r.results.map((table) => {
    const studentsCounted = table.id === "byClass" || (r.view === "class" && table.total !== null);
    const data: StatsTableData = {
      id: `results-${table.id}`,
      caption: t(`caption.${table.id}`),
      note: studentsCounted ? t("note.students") : t("note.marks"),
      headers: [firstOf[table.id], ...resultsHead],
      rows: table.rows.map((row) => ({ key: row.key, cells: [row.label, ...resultsCells(row.summary)] })),
      total: table.total && table.rows.length > 0 ? [r.view === "school" ? t("totalSchool") : t("total"), ...resultsCells(table.total)] : undefined,
      empty: t("emptyResults"),
    };
    const chartRows = table.rows.map((row) => ({ key: row.key, label: row.label, five: row.summary.counts[5], four: row.summary.counts[4], three: row.summary.counts[3], two: row.summary.counts[2], na: row.summary.counts.notAttested }));
    const summary = summarise(chartRows.map((x) => t("chart.marksRow", { label: x.label, five: x.five, four: x.four, three: x.three, two: x.two, na: x.na })));
    return { data, chartRows, ariaLabel: t("chart.marksLabel", { caption: data.caption, summary }) };
  });

  // ── completion
  const c = r.completion;
  const items: Completion[] = [...c.rows.map((x) => x.completion), c.total];
  const types: LessonTypeName[] = LESSON_TYPES.filter((ty) => items.some((x) => (x.heldByType[ty] ?? 0) > 0));
  const completionCells = (x: Completion) => [
    hours(x.plannedTenths), ...(r.inProgress ? [hours(x.dueTenths)] : []), String(x.held),
    ...types.map((ty) => String(x.heldByType[ty] ?? 0)),
    hours(x.shortfallTenths), percent(x.shortfallRate),
  ];
  const completionCaption = t({ byClass: "caption.completionByClass", bySubject: "caption.completionBySubject", byPair: "caption.completionByPair" }[c.id] as "caption.completionByClass");
  const completionTable: StatsTableData = {
    id: "completion",
    caption: completionCaption,
    note: t("note.completion"),
    headers: [
      { byClass: t("col.class"), bySubject: t("col.subject"), byPair: t("col.pair") }[c.id],
      t("col.planned"), ...(r.inProgress ? [t("col.due")] : []), t("col.held"),
      ...types.map((ty) => t("col.heldType", { type: t(`lessonTypes.${ty}`) })),
      t("col.shortfall"), t("col.shortfallPct"),
    ],
    rows: c.rows.map((x) => ({ key: x.key, cells: [x.label, ...completionCells(x.completion)] })),
    total: c.rows.length > 0 ? [t("total"), ...completionCells(c.total)] : undefined,
    empty: t("emptyCompletion"),
  };
  const completionRows = c.rows.map((x) => ({
    key: x.key, label: x.label,
    done: x.completion.dueTenths > 0 ? (x.completion.held * 1000) / x.completion.dueTenths : null,
    doneText: x.completion.dueTenths > 0 ? `${percent(x.completion.doneRate)} %` : "—",
  }));
  const completionLabel = t("chart.completionLabel", {
    caption: completionCaption,
    summary: summarise(completionRows.map((x) => t("chart.completionRow", { label: x.label, done: x.doneText.replace(" %", "") }))),
  });

  // ── attendance
  const a = r.attendance;
  const attendanceTable: StatsTableData = {
    id: "attendance",
    caption: t(a.id === "byStudent" ? "caption.attendanceByStudent" : "caption.attendanceByClass"),
    note: t("note.attendance"),
    headers: [a.id === "byStudent" ? t("col.student") : t("col.class"), t("col.absent"), t("col.ill"), t("col.excused"), t("col.missed"), t("col.late")],
    rows: a.rows.map((x) => ({ key: x.key, cells: [x.label, ...attendanceCells(x.tally)] })),
    total: a.rows.length > 0 ? [t("total"), ...attendanceCells(a.total)] : undefined,
    empty: t("emptyAttendance"),
  };

  const kindLabels = { five: t("col.five"), four: t("col.four"), three: t("col.three"), two: t("col.two"), na: t("col.na") };
  return (
    <>
      <section aria-labelledby="results-title" className="mt-6">
        <h2 id="results-title" className="mb-2 text-xl font-bold">{t("resultsTitle")}</h2>
        {resultTables.map((x) => (
          <div key={x.data.id} className="mb-6">
            {x.chartRows.length > 0 && <MarksChart id={`chart-${x.data.id}`} rows={x.chartRows} ariaLabel={x.ariaLabel} legendTitle={t("chart.legend")} kindLabels={kindLabels} />}
            <StatsTable t={x.data} />
          </div>
        ))}
      </section>
      <section aria-labelledby="completion-title" className="mt-6">
        <h2 id="completion-title" className="mb-2 text-xl font-bold">{t("completionTitle")}</h2>
        {completionRows.length > 0 && <CompletionChart rows={completionRows} ariaLabel={completionLabel} planLabel={t("chart.plan")} />}
        <StatsTable t={completionTable} />
      </section>
      <section aria-labelledby="attendance-title" className="mt-6">
        <h2 id="attendance-title" className="mb-2 text-xl font-bold">{t("attendanceTitle")}</h2>
        <StatsTable t={attendanceTable} />
      </section>
    </>
  );
}
