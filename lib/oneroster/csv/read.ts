/**
 * Reading a OneRoster CSV package: the zip, its manifest and each data file as rows of
 * named cells with the line a person sees in a text editor (the header is line 1). A
 * problem of the package itself — not a zip, no manifest, a missing column — is told in
 * Russian with the file and the column, for the school administrator who uploaded it.
 */
import { parse } from "csv-parse/sync";
import JSZip from "jszip";

import { COLUMNS, type DataFile } from "@/lib/oneroster/csv/columns";
import type { FileMode } from "@/lib/oneroster/csv/write";

export type PackageProblem = { file: string; line: number; column: string; value: string; message: string };
export type CsvRow = { line: number; values: Record<string, string> };
export type CsvPackage = { modes: Map<string, FileMode>; files: Map<string, CsvRow[]> };

/** Most rows of a school's roster; a zip that unpacks to more is refused before it fills the memory. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

function parseCsv(text: string): { line: number; cells: string[] }[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = parse(body, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.map((r) => ({ line: r.info.lines, cells: r.record }));
}

/**
 * The package, or the list of what is wrong with it. `required` are the columns each
 * file must have (the binding's required fields we read); the others may be left out,
 * and columns we do not know (metadata.*) are ignored.
 */
export async function readPackage(
  bytes: Uint8Array,
  required: Partial<Record<DataFile, readonly string[]>>,
): Promise<{ package: CsvPackage } | { problems: PackageProblem[] }> {
  const fail = (file: string, message: string, line = 0, column = "", value = "") => ({ problems: [{ file, line, column, value, message }] });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return fail("", "Это не архив ZIP. Загрузите архив OneRoster: manifest.csv и файлы CSV в одном ZIP.");
  }
  const entries = new Map<string, JSZip.JSZipObject>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    // a package zipped together with its folder still reads: the name without the path
    entries.set(entry.name.split("/").pop() ?? entry.name, entry);
  }
  let unpacked = 0;
  const textOf = async (name: string): Promise<string | null> => {
    const entry = entries.get(name);
    if (!entry) return null;
    const text = await entry.async("string");
    unpacked += text.length;
    if (unpacked > MAX_UNPACKED_BYTES) throw new TooLarge();
    return text;
  };

  try {
    const manifestText = await textOf("manifest.csv");
    if (manifestText === null) return fail("manifest.csv", "В архиве нет файла manifest.csv: без него неясно, какие файлы в архиве.");
    const problems: PackageProblem[] = [];
    const modes = new Map<string, FileMode>();
    const manifest = parseCsv(manifestText);
    const [head, ...props] = manifest;
    if (!head || head.cells[0] !== "propertyName" || head.cells[1] !== "value") {
      return fail("manifest.csv", "Первая строка manifest.csv должна быть «propertyName,value».", 1);
    }
    const values = new Map(props.map((p) => [p.cells[0] ?? "", { value: (p.cells[1] ?? "").trim(), line: p.line }]));
    const version = values.get("oneroster.version");
    if (version?.value !== "1.2") {
      problems.push({ file: "manifest.csv", line: version?.line ?? 0, column: "value", value: version?.value ?? "", message: "Нужна версия OneRoster 1.2 (строка oneroster.version = 1.2)." });
    }
    for (const [name, { value, line }] of values) {
      if (!name.startsWith("file.")) continue;
      if (value !== "bulk" && value !== "delta" && value !== "absent") {
        problems.push({ file: "manifest.csv", line, column: "value", value, message: `У «${name}» может быть только bulk, delta или absent.` });
      } else modes.set(name.slice(5), value);
    }
    if (problems.length > 0) return { problems };

    const files = new Map<string, CsvRow[]>();
    for (const [file, mode] of modes) {
      if (mode === "absent" || !(file in COLUMNS)) continue;
      const name = `${file}.csv`;
      const text = await textOf(name);
      if (text === null) {
        problems.push({ file: name, line: 0, column: "", value: "", message: `В manifest.csv файл ${name} указан, а в архиве его нет.` });
        continue;
      }
      let records: { line: number; cells: string[] }[];
      try {
        records = parseCsv(text);
      } catch (error) {
        const line = error instanceof Error && "lines" in error && typeof error.lines === "number" ? error.lines : 0;
        problems.push({ file: name, line, column: "", value: "", message: "Файл не удалось прочитать как CSV: проверьте кавычки." });
        continue;
      }
      const [header, ...rows] = records;
      const columns = header?.cells.map((c) => c.trim()) ?? [];
      const missing = (required[file as DataFile] ?? []).filter((c) => !columns.includes(c));
      for (const c of missing) problems.push({ file: name, line: 1, column: c, value: "", message: `В файле нет столбца «${c}».` });
      if (missing.length > 0) continue;
      files.set(
        file,
        rows.map((r) => {
          const values: Record<string, string> = {};
          columns.forEach((c, i) => (values[c] = (r.cells[i] ?? "").trim()));
          return { line: r.line, values };
        }),
      );
    }
    return problems.length > 0 ? { problems } : { package: { modes, files } };
  } catch (error) {
    if (error instanceof TooLarge) return fail("", "Архив после распаковки больше 100 МБ — это не похоже на данные одной школы.");
    throw error;
  }
}

class TooLarge extends Error {}
