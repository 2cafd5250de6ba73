/**
 * What every fault child process (tests/faults/*-child.ts) shares: it runs the app's
 * own code under plain Node (`node --import tsx`), so the "server-only" marker, which
 * throws outside a React server bundle, is made a no-op first; it opens the database the
 * way the app does (lib/db.ts, from DATABASE_URL or PGLITE_DIR); and it talks to the test
 * over stdout, one line per fact, written synchronously so that a line on the pipe is a
 * fact that had already happened when the process was killed.
 */
import { writeSync } from "node:fs";
import { createRequire } from "node:module";

import type { Principal } from "../../lib/auth/principal";

/** Makes `import "server-only"` a no-op in this process (it is only a marker). */
export function allowServerOnly(): void {
  const require = createRequire(import.meta.url);
  const path = require.resolve("server-only");
  require.cache[path] ??= { id: path, filename: path, loaded: true, exports: {} } as unknown as NodeJS.Module;
}

/** One line to the test, written before the call returns (no buffering in a stream). */
export function tell(...words: (string | number)[]): void {
  writeSync(1, `${words.join(" ")}\n`);
}

/** The app's domain modules, loaded after the marker is neutralised. */
export async function app() {
  allowServerOnly();
  const [db, principal, grid, imports, errors] = await Promise.all([
    import("../../lib/db"),
    import("../../lib/auth/load-principal"),
    import("../../lib/journal/grid"),
    import("../../lib/imports/run-import"),
    import("../../lib/errors"),
  ]);
  return { ...db, ...principal, ...grid, ...imports, ...errors };
}

export type App = Awaited<ReturnType<typeof app>>;

/** The demo school's user with this login, as the app sees them after signing in. */
export async function principalOf(a: App, login: string): Promise<Principal> {
  const user = await a.db.user.findUniqueOrThrow({ where: { login }, select: { id: true, sessionVersion: true } });
  const p = await a.loadPrincipal(user.id, user.sessionVersion);
  if (!p) throw new Error(`no principal for ${login}`);
  return p;
}

/**
 * Cells the demo teacher may write and that hold nothing yet: the teacher's held lessons
 * of the current term up to today, each with the students of its class that day. The
 * same demo school gives the same list, so the test can tell what each write was.
 */
export async function emptyCells(a: App, p: Principal, limit: number): Promise<{ lessonId: string; studentId: string }[]> {
  const db = a.db;
  const today = new Date();
  const open = await db.period.findMany({
    where: { schoolId: p.schoolId, kind: { not: "YEAR" }, closedAt: null, startDate: { lte: today }, endDate: { gte: today } },
    select: { startDate: true },
    orderBy: { startDate: "asc" },
  });
  const from = open[0]?.startDate;
  if (!from) throw new Error("the demo school has no open term today");
  const lessons = await db.lesson.findMany({
    where: { schoolId: p.schoolId, teacherId: p.staffId ?? "", status: "HELD", date: { gte: from, lte: today } },
    orderBy: [{ date: "desc" }, { lessonNumber: "asc" }, { id: "asc" }],
    select: { id: true, date: true, cohortId: true },
  });
  const out: { lessonId: string; studentId: string }[] = [];
  for (const l of lessons) {
    const [members, taken] = await Promise.all([
      db.cohortMembership.findMany({
        where: { schoolId: p.schoolId, cohortId: l.cohortId, startDate: { lte: l.date }, OR: [{ endDate: null }, { endDate: { gte: l.date } }] },
        orderBy: { studentId: "asc" },
        select: { studentId: true },
      }),
      db.mark.findMany({ where: { schoolId: p.schoolId, lessonId: l.id }, select: { studentId: true } }),
    ]);
    const busy = new Set(taken.map((m) => m.studentId));
    for (const m of members) {
      if (busy.has(m.studentId)) continue;
      out.push({ lessonId: l.id, studentId: m.studentId });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** What the child writes into its n-th cell: single marks and double marks (two rows in one transaction). */
export function inputFor(n: number): string {
  return ["5", "4/5", "3", "5/4", "4"][n % 5] ?? "5";
}
