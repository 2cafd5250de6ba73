/**
 * The statistics of one view on screen: for each part (results, completion, missed
 * lessons) a heading, a chart where a picture helps, and the table beside it — the table
 * is the source of every number and what a screen reader reads. Server component.
 */
import { getTranslations } from "next-intl/server";

import type { StatsReport } from "@/lib/stats/build";
import { percent, reportTables, type DocTable } from "@/lib/stats/tables";
import { StatsTable, type StatsTableData } from "@/components/admin/stats/stats-table";
import { MarksChart } from "@/components/admin/stats/marks-chart";
import { CompletionChart } from "@/components/admin/stats/completion-chart";

/** how many rows a chart's summary names before «and N more» */
const SUMMARY_ROWS = 12;

function tableData(d: DocTable): StatsTableData {
  return {
    id: d.id, caption: d.title, note: d.note, headers: d.headers, empty: d.empty, total: d.total,
    rows: d.rows.map((cells, i) => ({ key: d.keys[i] ?? String(i), cells })),
  };
}

export async function StatsReportView({ report }: { report: StatsReport }) {
  const t = await getTranslations("stats");
  const r = report;
  const summarise = (items: string[]) =>
    items.length > SUMMARY_ROWS ? `${items.slice(0, SUMMARY_ROWS).join("; ")}; ${t("chart.more", { count: items.length - SUMMARY_ROWS })}.` : `${items.join("; ")}.`;
  // the rows, columns and notes are the documents' (lib/stats/tables.ts), in the user's words
  const tables = new Map(reportTables(r, t).map((d) => [d.id, tableData(d)]));
  const table = (id: string): StatsTableData => {
    const d = tables.get(id);
    if (!d) throw new Error(`no table ${id}`);
    return d;
  };

  // ── results: a chart of the five-point marks (a row with only «зач» / «незач» has none)
  const resultTables = r.results.map((x) => {
    const data = table(`results-${x.id}`);
    const chartRows = x.rows
      .map((row) => ({ key: row.key, label: row.label, five: row.summary.counts[5], four: row.summary.counts[4], three: row.summary.counts[3], two: row.summary.counts[2], na: row.summary.counts.notAttested }))
      .filter((row) => row.five + row.four + row.three + row.two + row.na > 0);
    const summary = summarise(chartRows.map((row) => t("chart.marksRow", { label: row.label, five: row.five, four: row.four, three: row.three, two: row.two, na: row.na })));
    return { data, chartRows, ariaLabel: t("chart.marksLabel", { caption: data.caption, summary }) };
  });

  // ── completion
  const completionTable = table("completion");
  const completionRows = r.completion.rows.map((x) => ({
    key: x.key, label: x.label,
    done: x.completion.dueTenths > 0 ? (x.completion.held * 1000) / x.completion.dueTenths : null,
    doneText: x.completion.dueTenths > 0 ? `${percent(x.completion.doneRate)} %` : "—",
  }));
  const completionLabel = t("chart.completionLabel", {
    caption: completionTable.caption,
    summary: summarise(completionRows.map((x) => t("chart.completionRow", { label: x.label, done: x.doneText.replace(" %", "") }))),
  });

  // ── attendance
  const attendanceTable = table("attendance");

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
