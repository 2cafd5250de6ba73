/**
 * The term report as a file: PDF or XLSX of one view of a period. Who may have it and
 * what it shows is decided by getStatsReport (reports.read, scoped).
 */
import "server-only";

import type { Principal } from "@/lib/auth/principal";
import { getStatsReport } from "@/lib/stats/load";
import type { StatsExportQuery } from "@/lib/stats/schemas";
import { renderTermReport } from "@/lib/reports/term-report";
import { renderTermReportXlsx } from "@/lib/stats/xlsx";
import { scopeLabel } from "@/lib/stats/tables";

export type StatsFile = { fileName: string; contentType: string; body: Uint8Array };

function fileSafe(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
}

export async function exportTermReport(p: Principal, q: StatsExportQuery): Promise<StatsFile> {
  const { report } = await getStatsReport(p, { periodId: q.period, view: q.view, id: q.id });
  const base = `otchet-${fileSafe(report.period.name)}-${fileSafe(report.period.yearName)}-${fileSafe(scopeLabel(report))}`;
  if (q.format === "xlsx") {
    return { fileName: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await renderTermReportXlsx(report) };
  }
  return { fileName: `${base}.pdf`, contentType: "application/pdf", body: new Uint8Array(await renderTermReport(report)) };
}
