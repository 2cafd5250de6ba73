/**
 * Writing a OneRoster CSV package: rows into RFC 4180 text with the binding's header,
 * the manifest, and the zip of them all. Everything here is deterministic — rows sorted
 * by sourcedId, files in a fixed order, one fixed time stamp on every zip entry — so two
 * exports of the same data are the same bytes and a consumer can tell «nothing changed»
 * from the hash alone.
 */
import JSZip from "jszip";

import { COLUMNS, MANIFEST_FILES, SOURCE_SYSTEM, fileName, type DataFile, type Row } from "@/lib/oneroster/csv/columns";

export type FileMode = "bulk" | "delta" | "absent";

/**
 * One cell. Quoted when it holds a comma, a quote, a line break or an edge space, the
 * quote doubled inside (RFC 4180 §2.6–2.7). The binding allows no line break inside a
 * field, so a stray one in a name is turned into a space rather than breaking the file.
 */
export function csvField(value: string): string {
  const v = value.replace(/\r\n|\r|\n/g, " ");
  return /[",]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A whole file: the header, then the rows, each line ended by CRLF as RFC 4180 has it. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(",") + "\r\n").join("");
}

/** The cells of a row in the file's column order; a missing value is an empty cell. */
export function cellsOf<F extends DataFile>(file: F, row: Row<F>): string[] {
  const columns: readonly string[] = COLUMNS[file];
  const values = row as Record<string, string | undefined>;
  return columns.map((c) => values[c] ?? "");
}

/** The file's rows ordered by sourcedId (then the whole line, for equal ids), so the output is stable. */
export function sortedRows(rows: readonly string[][]): string[][] {
  return [...rows].sort((a, b) => compare(a[0] ?? "", b[0] ?? "") || compare(a.join(","), b.join(",")));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function manifestText(modes: Partial<Record<string, FileMode>>): string {
  const rows: string[][] = [
    ["manifest.version", "1.0"],
    ["oneroster.version", "1.2"],
    ...MANIFEST_FILES.map((f) => [`file.${f}`, modes[f] ?? "absent"]),
    ["source.systemName", SOURCE_SYSTEM.name],
    ["source.systemCode", SOURCE_SYSTEM.code],
  ];
  return csvText(["propertyName", "value"], rows);
}

/** The entries' time stamp: fixed, so the zip does not change with the clock. */
const ENTRY_DATE = new Date(Date.UTC(2020, 0, 1));

/** manifest.csv first, then the data files in the order given. */
export async function zipPackage(files: readonly { name: string; text: string }[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.text, { date: ENTRY_DATE, createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "UNIX" });
}

export type CsvPackageFile = { file: DataFile; mode: FileMode; rows: string[][] };

/**
 * The package: each file with rows is written in its mode; an empty one is declared
 * absent and left out (the binding does not allow a data file without rows).
 */
export async function buildPackage(files: readonly CsvPackageFile[]): Promise<Uint8Array> {
  const modes: Record<string, FileMode> = {};
  const out: { name: string; text: string }[] = [];
  for (const f of files) {
    if (f.rows.length === 0 || f.mode === "absent") continue;
    modes[f.file] = f.mode;
    out.push({ name: fileName(f.file), text: csvText(COLUMNS[f.file], sortedRows(f.rows)) });
  }
  return zipPackage([{ name: "manifest.csv", text: manifestText(modes) }, ...out]);
}
