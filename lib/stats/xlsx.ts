/**
 * The same tables as the PDF term report in one XLSX workbook (exceljs, already the
 * project's writer): one sheet a table, the heading and the note above it, numbers as
 * numbers so that a spreadsheet can add them up.
 */
import "server-only";
import ExcelJS from "exceljs";

import type { StatsReport } from "@/lib/stats/build";
import { reportTables, reportTitle, scopeLabel } from "@/lib/stats/tables";
import { printedDay } from "@/lib/timetable/format";

const SHEET_NAMES: Record<string, string> = {
  "results-byClass": "Успеваемость по классам",
  "results-bySubject": "Успеваемость по предметам",
  "results-byClassOfSubject": "Успеваемость по классам",
  "results-byPair": "Успеваемость",
  completion: "Учебный план",
  attendance: "Пропуски",
};

/** "87,5" → 87.5; "—" and text stay text */
function cellValue(s: string, column: number): string | number {
  if (column === 0) return s;
  const n = /^-?\d+(,\d+)?$/.test(s) ? Number(s.replace(",", ".")) : NaN;
  return Number.isFinite(n) ? n : s;
}

export async function renderTermReportXlsx(r: StatsReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = r.school.name;
  wb.title = `${reportTitle(r.period.kind)}: ${r.period.name}, ${r.period.yearName}`;
  for (const t of reportTables(r)) {
    const ws = wb.addWorksheet(SHEET_NAMES[t.id] ?? t.id.slice(0, 31));
    ws.addRow([`${r.school.name}. ${reportTitle(r.period.kind)}: ${r.period.name}, ${r.period.yearName} (${printedDay(r.period.from)} — ${printedDay(r.period.to)}); ${scopeLabel(r)}`]).font = { bold: true };
    ws.addRow([t.title]).font = { bold: true, size: 13 };
    if (t.note) ws.addRow([t.note]);
    ws.addRow([]);
    if (t.rows.length === 0) {
      ws.addRow([t.empty]);
    } else {
      const headRow = ws.addRow(t.headers);
      headRow.font = { bold: true };
      for (const row of t.rows) ws.addRow(row.map(cellValue));
      if (t.total) ws.addRow(t.total.map(cellValue)).font = { bold: true };
      ws.views = [{ state: "frozen", ySplit: headRow.number, xSplit: 1 }];
    }
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 28 : 12;
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
