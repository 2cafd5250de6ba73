/**
 * Reading and writing the sheet itself: a CSV or XLSX file becomes a header and rows of
 * text cells with the line number a person sees in Excel (the header is line 1), and a
 * table of text becomes a CSV (UTF-8 with a byte order mark and «;», which a Russian
 * Excel opens as is) or an XLSX whose cells are text, so «0042» stays «0042».
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

import { AppError } from "@/lib/errors";
import { decodeText, detectDelimiter } from "@/lib/imports/decode";

export type SheetRow = { line: number; cells: string[] };
export type Sheet = { headers: string[]; rows: SheetRow[] };
export type FileFormat = "csv" | "xlsx";

export function formatOf(fileName: string, bytes: Uint8Array): FileFormat | null {
  // an XLSX is a zip: "PK\x03\x04"
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx")) return "xlsx";
  if (lower.endsWith(".xls")) return null;
  return "csv";
}

/** A cell as typed: trimmed, and the apostrophe an export put before «=», «+», «-», «@» taken off. */
function clean(value: string): string {
  const v = value.replace(/\u00a0/g, " ").trim();
  return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}

function sheetOf(records: { line: number; cells: string[] }[]): Sheet {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c !== ""));
  const [head, ...rows] = nonEmpty;
  return { headers: head?.cells ?? [], rows };
}

export function readCsv(bytes: Uint8Array): Sheet {
  const { text } = decodeText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = error instanceof Error && "lines" in error && typeof error.lines === "number" ? error.lines : null;
    throw new AppError("BAD_INPUT", `Файл CSV не удалось прочитать${line ? ` (около строки ${line})` : ""}: проверьте кавычки или сохраните файл из Excel заново.`);
  }
  return sheetOf(records.map((r) => ({ line: r.info.lines, cells: r.record.map(clean) })));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "да" : "нет";
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result ?? null);
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text);
  return "";
}

export async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new AppError("BAD_INPUT", "Файл Excel не удалось прочитать. Сохраните его заново в формате XLSX или CSV.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const records: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(clean(cellText(row.getCell(c).value)));
    records.push({ line: row.number, cells });
  });
  return sheetOf(records);
}

export async function readSheet(fileName: string, bytes: Uint8Array): Promise<Sheet> {
  const format = formatOf(fileName, bytes);
  if (format === null) throw new AppError("BAD_INPUT", "Старый формат Excel (XLS) не читается. Сохраните файл как «Книга Excel (XLSX)» или CSV.");
  return format === "xlsx" ? readXlsx(bytes) : readCsv(bytes);
}

function csvCell(value: string): string {
  // an export opened in Excel must not run a cell as a formula
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeCsv(headers: readonly string[], rows: readonly (readonly string[])[]): Uint8Array {
  const lines = [headers, ...rows].map((r) => r.map(csvCell).join(";"));
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

export async function writeXlsx(sheetName: string, headers: readonly string[], rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = headers.map((h, i) => ({
    header: h,
    key: String(i),
    width: Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)) + 2),
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([...r]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
