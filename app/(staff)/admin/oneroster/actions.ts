"use server";
/**
 * The administrator's upload of a OneRoster 1.2 CSV package (issue 9): «Проверить» runs
 * the import as a dry run, «Загрузить» applies it (lib/oneroster/csv/import.ts checks
 * every line again and writes all or nothing). Both answer with plain data the form can
 * render; the permission check is the import's own.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { userAction } from "@/lib/action";
import type { Principal } from "@/lib/auth/principal";
import { importOneRosterCsv, type OneRosterImportReport } from "@/lib/oneroster/csv/import";
import { readPackage } from "@/lib/oneroster/csv/read";
import { ONEROSTER_MAX_ZIP_BYTES as MAX_ZIP_BYTES, ONEROSTER_MAX_ZIP_MB } from "@/lib/oneroster/csv/limits";

/** A broken column can make thousands of mistakes; the page lists this many, and says how many in all. */
const MAX_ERRORS_SHOWN = 500;
/** The files the import reads; the others (marks, categories…) it leaves out. */
const LOADED = new Set(["orgs", "academicSessions", "courses", "classes", "users", "roles", "enrollments", "demographics"]);

const packageSchema = z.object({
  file: z
    .custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0 && v.name !== "", { error: "Выберите архив ZIP с пакетом OneRoster." })
    .refine((f) => f.size <= MAX_ZIP_BYTES, { error: `Архив больше ${ONEROSTER_MAX_ZIP_MB} МБ. Выгрузите из другой программы пакет поменьше (например, только изменения).` }),
});

export type OneRosterFileRows = { file: string; rows: number; loaded: boolean };

export type OneRosterUploadResult = {
  /** new on every answer, so the form shows each result afresh (and moves focus to it) */
  id: string;
  report: OneRosterImportReport;
  /** all the mistakes; `report.errors` holds at most the first 500 */
  errorCount: number;
  /** for a package without mistakes, its data files and their rows */
  files: OneRosterFileRows[];
};

async function upload(p: Principal, file: File, dryRun: boolean): Promise<OneRosterUploadResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const report = await importOneRosterCsv(p, bytes, { dryRun, fileName: file.name });
  let files: OneRosterFileRows[] = [];
  if (report.status === "CHECKED") {
    // the package already read without a problem; read again only to name its files
    const read = await readPackage(bytes, {});
    if ("package" in read) {
      files = [...read.package.files].map(([name, rows]) => ({ file: `${name}.csv`, rows: rows.length, loaded: LOADED.has(name) }));
    }
  }
  return { id: crypto.randomUUID(), report: { ...report, errors: report.errors.slice(0, MAX_ERRORS_SHOWN) }, errorCount: report.errors.length, files };
}

/** «Проверить»: every line checked, what would change counted, nothing written. */
export const checkOneRosterAction = userAction(packageSchema, (p, input) => upload(p, input.file, true));

/** «Загрузить»: checked again and applied, all or nothing; logged in ImportRun. */
export const applyOneRosterAction = userAction(packageSchema, async (p, input) => {
  const result = await upload(p, input.file, false);
  revalidatePath("/admin/oneroster");
  return result;
});
