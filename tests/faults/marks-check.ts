/**
 * What "no committed mark lost, nothing half-written" means, checked on the database
 * after a write-marks child (tests/faults/write-marks-child.ts) was killed or failed:
 *
 * - every cell the child reported COMMITTED holds exactly the marks it reported, with the
 *   values typed, each with its CREATE audit event;
 * - every mark written since the child started belongs to a cell the child began, holds
 *   the whole input (both parts of «4/5», never one) and has its CREATE audit event;
 * - no CREATE audit event of that time names a mark that is not there.
 */
import type { Db } from "../../lib/db";

export type MarksReport = {
  reported: number;
  /** cells holding marks of this run (reported ones and at most one the child died before reporting) */
  inDatabase: number;
  /** what happened to the cell the child was writing when it died (or failed) */
  last: "none" | "absent" | "complete";
  problems: string[];
};

type Cell = { lessonId: string; studentId: string; input: string };

const key = (lessonId: string, studentId: string) => `${lessonId}:${studentId}`;
const values = (input: string) => input.split("/").map(Number);

export function parseLines(lines: readonly string[]) {
  const begun = new Map<string, Cell>();
  const committed = new Map<string, Cell & { ids: string[] }>();
  const refused: { cell: Cell; code: string; message: string }[] = [];
  for (const line of lines) {
    const [word, lessonId = "", studentId = "", third = "", ...rest] = line.split(" ");
    if (word === "BEGIN") begun.set(key(lessonId, studentId), { lessonId, studentId, input: third });
    if (word === "COMMITTED") committed.set(key(lessonId, studentId), { lessonId, studentId, input: third, ids: (rest[0] ?? "").split(",").filter(Boolean) });
    if (word === "REFUSED") {
      const cell = begun.get(key(lessonId, studentId)) ?? { lessonId, studentId, input: "" };
      refused.push({ cell, code: third, message: JSON.parse(rest.join(" ") || '""') as string });
    }
  }
  return { begun, committed, refused };
}

export async function checkMarks(db: Db, schoolId: string, since: Date, lines: readonly string[]): Promise<MarksReport> {
  const { begun, committed } = parseLines(lines);
  const problems: string[] = [];
  const marks = await db.mark.findMany({
    where: { schoolId, createdAt: { gte: since } },
    orderBy: { part: "asc" },
    select: { id: true, lessonId: true, studentId: true, part: true, value: true, removedAt: true },
  });
  const audits = await db.auditEvent.findMany({
    where: { schoolId, entity: "MARK", action: "CREATE", at: { gte: since } },
    select: { entityId: true },
  });
  const auditCount = new Map<string, number>();
  for (const a of audits) auditCount.set(a.entityId, (auditCount.get(a.entityId) ?? 0) + 1);

  const byCell = new Map<string, typeof marks>();
  for (const m of marks) {
    const k = key(m.lessonId, m.studentId);
    byCell.set(k, [...(byCell.get(k) ?? []), m]);
    if (auditCount.get(m.id) !== 1) problems.push(`mark ${m.id} has ${auditCount.get(m.id) ?? 0} CREATE audit events`);
  }
  const markIds = new Set(marks.map((m) => m.id));
  for (const a of audits) if (!markIds.has(a.entityId)) problems.push(`audit event for a mark that is not there: ${a.entityId}`);

  for (const [k, c] of committed) {
    const got = byCell.get(k) ?? [];
    if (got.map((m) => m.id).join(",") !== c.ids.join(",")) problems.push(`committed cell ${k}: reported ${c.ids.join(",")}, found ${got.map((m) => m.id).join(",")}`);
    if (got.map((m) => m.value).join("/") !== values(c.input).join("/")) problems.push(`committed cell ${k}: typed ${c.input}, found ${got.map((m) => m.value).join("/")}`);
  }
  for (const [k, got] of byCell) {
    const cell = begun.get(k);
    if (!cell) {
      problems.push(`marks in a cell the child never began: ${k}`);
      continue;
    }
    if (got.some((m) => m.removedAt)) problems.push(`a removed mark in ${k}`);
    if (got.map((m) => m.value).join("/") !== values(cell.input).join("/")) problems.push(`half-written cell ${k}: typed ${cell.input}, found ${got.map((m) => m.value).join("/")}`);
  }
  const lastBegun = [...begun.keys()].at(-1);
  const last = lastBegun === undefined || committed.has(lastBegun) ? "none" : byCell.has(lastBegun) ? "complete" : "absent";
  return { reported: committed.size, inDatabase: byCell.size, last, problems };
}
