/**
 * Templates and exports as files: the same columns either way, so an export edited in
 * Excel goes straight back in, and a re-import of an unedited export changes nothing.
 */
import "server-only";

import { db } from "@/lib/db/server";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { writtenColumns, type ImportKindName } from "@/lib/imports/columns";
import { exportRowsOf } from "@/lib/imports/kinds";
import { writeCsv, writeXlsx, type FileFormat } from "@/lib/imports/table";
import { schoolToday } from "@/lib/time";

export type DownloadFile = { fileName: string; contentType: string; body: Uint8Array };

const SHEET: Record<ImportKindName, string> = {
  STUDENTS: "Ученики", GUARDIANS: "Родители", STAFF: "Сотрудники", COHORTS: "Классы и группы", TIMETABLE: "Расписание",
};
const CONTENT_TYPE: Record<FileFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

async function file(kind: ImportKindName, format: FileFormat, baseName: string, rows: string[][]): Promise<DownloadFile> {
  const headers = writtenColumns(kind).map((c) => c.header);
  const body = format === "csv" ? writeCsv(headers, rows) : await writeXlsx(SHEET[kind], headers, rows);
  return { fileName: `${baseName}.${format}`, contentType: CONTENT_TYPE[format], body };
}

/** A template with the Russian headers and one example row. */
export async function buildTemplate(p: Principal, kind: ImportKindName, format: FileFormat): Promise<DownloadFile> {
  assertCan(p, "school.manage");
  return file(kind, format, `template-${kind.toLowerCase()}`, [writtenColumns(kind).map((c) => c.example)]);
}

export async function buildExport(p: Principal, kind: ImportKindName, format: FileFormat): Promise<DownloadFile> {
  assertCan(p, "school.manage");
  const today = schoolToday(p.timeZone);
  // one transaction: the rows of an export agree with each other
  const rows = await db.$transaction((tx) => exportRowsOf(tx, kind, p.schoolId, today), { timeout: 60_000 });
  return file(kind, format, `export-${kind.toLowerCase()}-${today}`, rows);
}
