/**
 * The administrator's import: read the file, check every row, and either change nothing
 * and list every bad row, or apply all rows in one transaction. Each run is logged in
 * ImportRun with its counts, its errors and the file's hash.
 */
import "server-only";
import { createHash } from "node:crypto";

import { db } from "@/lib/db/server";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { matchHeaders, type ImportKindName } from "@/lib/imports/columns";
import { countResults, type ImportCounts, type ImportedRow } from "@/lib/imports/common";
import { checkAndApply } from "@/lib/imports/kinds";
import { rowsOf, type RowError } from "@/lib/imports/row-check";
import { MAX_UPLOAD_BYTES } from "@/lib/imports/schemas";
import { readSheet } from "@/lib/imports/table";
import { schoolToday } from "@/lib/time";

export type ImportReport = {
  kind: ImportKindName;
  fileName: string;
  status: "APPLIED" | "REJECTED";
  counts: ImportCounts;
  rows: ImportedRow[];
  errors: RowError[];
};

/** Thrown inside the transaction so it rolls back; carries the row errors out. */
class Rejected extends Error {
  constructor(readonly errors: RowError[]) {
    super("rejected");
  }
}

export async function importFile(p: Principal, input: { kind: ImportKindName; fileName: string; bytes: Uint8Array }): Promise<ImportReport> {
  assertCan(p, "school.manage");
  if (input.bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError("BAD_INPUT", "Файл больше 5 МБ. Разделите его на несколько файлов поменьше.", { file: ["Файл больше 5 МБ."] });
  if (input.bytes.byteLength === 0) throw new AppError("BAD_INPUT", "Файл пустой.", { file: ["Файл пустой."] });
  const fileName = input.fileName.slice(0, 200) || "без имени";
  const fileHash = createHash("sha256").update(input.bytes).digest("hex");
  const sheet = await readSheet(fileName, input.bytes);
  if (sheet.headers.length === 0 || sheet.rows.length === 0) {
    throw new AppError("BAD_INPUT", "В файле нет строк с данными: первая строка — заголовки, со второй — данные.", { file: ["В файле нет данных."] });
  }
  const base = { schoolId: p.schoolId, kind: input.kind, fileName, fileHash, actorUserId: p.userId };
  const reject = async (errors: RowError[]): Promise<ImportReport> => {
    await db.importRun.create({ data: { ...base, status: "REJECTED", errors: errors.slice(0, 1000) } });
    return { kind: input.kind, fileName, status: "REJECTED", counts: { created: 0, updated: 0, unchanged: 0 }, rows: [], errors };
  };

  const { index, problems } = matchHeaders(input.kind, sheet.headers);
  if (problems.length > 0) return reject(problems.map((x) => ({ line: 1, column: x.column, value: "", message: x.message })));

  const rows = rowsOf(index, sheet.rows);
  const opts = { today: schoolToday(p.timeZone), enteredById: p.staffId };
  try {
    const applied = await db.$transaction(
      async (tx) => {
        const outcome = await checkAndApply(tx, input.kind, p.schoolId, rows, opts);
        if ("errors" in outcome) throw new Rejected(outcome.errors);
        const counts = countResults(outcome.rows);
        await tx.importRun.create({ data: { ...base, status: "APPLIED", ...counts } });
        return { rows: outcome.rows, counts };
      },
      { timeout: 5 * 60_000, maxWait: 30_000 },
    );
    return { kind: input.kind, fileName, status: "APPLIED", counts: applied.counts, rows: applied.rows, errors: [] };
  } catch (error) {
    if (error instanceof Rejected) return reject(error.errors);
    throw error;
  }
}

export type ImportRunView = {
  id: string;
  at: Date;
  /** exam results are imported on their own page (lib/exams) and listed here too */
  kind: ImportKindName | "EXAM_RESULTS" | "ONEROSTER";
  fileName: string;
  status: "APPLIED" | "REJECTED";
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  actor: string;
};

export async function listImportRuns(p: Principal, limit = 20, kind?: ImportRunView["kind"]): Promise<ImportRunView[]> {
  assertCan(p, "school.manage");
  const runs = await db.importRun.findMany({ where: { schoolId: p.schoolId, ...(kind ? { kind } : {}) }, orderBy: { at: "desc" }, take: limit });
  const users = await db.user.findMany({
    where: { schoolId: p.schoolId, id: { in: [...new Set(runs.map((r) => r.actorUserId))] } },
    select: { id: true, login: true, staff: { select: { lastName: true, firstName: true, middleName: true } } },
  });
  const names = new Map(users.map((u) => [u.id, u.staff ? [u.staff.lastName, u.staff.firstName, u.staff.middleName].filter(Boolean).join(" ") : u.login]));
  return runs.map((r) => ({
    id: r.id, at: r.at, kind: r.kind, fileName: r.fileName, status: r.status, created: r.created, updated: r.updated, unchanged: r.unchanged,
    errorCount: Array.isArray(r.errors) ? r.errors.length : 0, actor: names.get(r.actorUserId) ?? "",
  }));
}
