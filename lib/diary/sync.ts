/**
 * The family's diary for the device (issue 7, items 2–3): everything the diary's screens
 * show, for each child of the signed-in guardian (or the student themself), so that the
 * phone can open the diary without a network — and, after the first time, only what
 * changed.
 *
 * The protocol (POST /api/diary/sync, body `{since?, have?}` as JSON or gzipped JSON:
 * lib/diary/sync-body.ts; GET with `?since=…&have=<childId>/<screen>:<hash>,…` answers
 * the same):
 * - no `since`: the first sync. Every screen of every child, and the year's marks as
 *   entities. `full: true`.
 * - `since` (the `version` of an earlier answer, an opaque cursor: the server's time of
 *   that read, ISO, minus 10 seconds of overlap so that a write racing the read is sent
 *   again rather than lost) and `have` ({childId: {screen: hash}}, every screen the device
 *   holds): for each child, the marks changed since then (Mark.updatedAt > since; the
 *   removed ones as ids in `removed`), and only the screens whose hash differs from the
 *   device's. `keys` lists every screen the child has now, so the device drops any other
 *   (a day gone by, a period of last year); it is null when that is exactly the set the
 *   device listed, the usual case. A child that is gone (consent withdrawn) disappears
 *   from the answer.
 * - a child the device holds no screen of (a new child, a cleared store) gets everything,
 *   marks included (`fullMarks: true`), even in a delta.
 * An unreadable `since` counts as none (a full sync), and a malformed `have` entry as a
 * screen the device lacks (and the set of screens as unknown): the device always recovers.
 *
 * The screens are the diary's DTOs cut small (lib/diary/sync-shape.ts): a week is a
 * header and a screen per day; the marks page of a period under way (the term, the year)
 * is a header and, per subject, its card (average, formula, forecast…) and its marks
 * list, while the pages of the other periods, which seldom change, stay whole; the
 * year's list names the terms' lists when it is just them. `today` comes once in the
 * answer rather than in every screen. So a changed mark resends its day, its subject's
 * card and list, and the year's card, not the whole week and term; a night passing
 * resends only what really moved (forecasts, the homework ahead). The DTOs are the very
 * ones the diary's pages render (lib/diary/*), and joining the pieces gives them back
 * exactly, so the device shows the server's averages and formulas and computes nothing.
 *
 * A screen's hash is the first 128 bits of the SHA-256 of its JSON, base64url (22
 * characters).
 *
 * Cost: per child, the read models' fixed number of queries (two weeks, the year's marks
 * pages read together, six sections) and one query for the marks as entities.
 */
import "server-only";
import { createHash } from "node:crypto";

import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { listMyStudents } from "@/lib/people/students";
import { markSymbol } from "@/lib/grading/display";
import { hundredths } from "@/lib/grading/marks";
import { formatWeight } from "@/lib/grading/average";
import { schoolToday } from "@/lib/time";
import { readDiaryWeeks } from "@/lib/diary/week";
import { readDiaryMarksOfYear, spanOf } from "@/lib/diary/marks";
import { getDiaryHomework } from "@/lib/diary/homework";
import { getDiaryTests } from "@/lib/diary/tests";
import { getDiaryClass } from "@/lib/diary/class";
import { getDiaryCalendar } from "@/lib/diary/holidays";
import { getDiaryRecommendations } from "@/lib/diary/recommendations";
import { getDiaryResults } from "@/lib/diary/results";
import { splitMarksPages, splitSection, splitWeek } from "@/lib/diary/sync-shape";
import { withRequestMemo } from "@/lib/request-memo";

export { screenKind, type ScreenData, type ScreenKind } from "@/lib/diary/sync-shape";

/** A mark as an entity: what the device needs to list «Новые оценки» and keep marks by id. */
export type SyncMark = {
  id: string;
  studentId: string;
  subjectId: string;
  subjectName: string;
  /** "YYYY-MM-DD", the lesson's day */
  date: string;
  lessonId: string;
  part: number;
  kind: "NUMERIC" | "PASS" | "FAIL" | "NOT_ATTESTED" | "EXEMPT" | "DESCRIPTIVE";
  value: number | null;
  text: string | null;
  /** «5», «н/а», «зач»: as the diary shows it */
  symbol: string;
  workType: string;
  /** «2», «1,5»: the work type's weight on the mark's day */
  weight: string;
  comment: string | null;
  /** the last change, ISO */
  updatedAt: string;
};

export type SyncScreen = { key: string; hash: string; data: unknown };

export type SyncChild = {
  id: string;
  name: string;
  className: string | null;
  /**
   * every screen the child has now (the device drops any other); null in a delta when
   * that is exactly the set of screens the device listed in `have`
   */
  keys: string[] | null;
  /** the screens whose hash the device does not have */
  screens: SyncScreen[];
  /** true: `marks` is every mark of the year (replace); false: only the changed ones */
  fullMarks: boolean;
  marks: SyncMark[];
  /** ids of marks removed since `since` */
  removed: string[];
};

export type SyncAnswer = {
  /** the cursor for the next `since` */
  version: string;
  /** the server's time of the read, ISO */
  serverTime: string;
  /** the school's today at the read, "YYYY-MM-DD": the screens leave it out where it is this day */
  today: string;
  full: boolean;
  userId: string;
  children: SyncChild[];
};

/** The device's screens: childId → screen → hash. */
export type HaveBody = Record<string, Record<string, string>>;

/** `have` as GET's `<childId>/<screen>:<hash>,…` or as POST's {childId: {screen: hash}}. */
export type SyncRequest = { since?: string | null; have?: string | HaveBody | null };

export type Have = {
  /** childId → screen → hash */
  screens: Map<string, Map<string, string>>;
  /** false when an entry was malformed or over the limit: the device's set of screens is then not known exactly */
  exact: boolean;
};

const OVERLAP_MS = 10_000;
/** far more than any family holds (a child has some sixty screens) */
export const MAX_HAVE = 4000;
const CHILD = /^[0-9a-f-]{36}$/;
const SCREEN = /^[a-z0-9-]{1,100}$/;
const HASH = /^[A-Za-z0-9_-]{22}$/;

/** The device's `have`; malformed entries are left out (the screen is just sent) and make it inexact. */
export function parseHave(raw: string | HaveBody | null | undefined): Have {
  const screens = new Map<string, Map<string, string>>();
  let exact = true;
  let n = 0;
  const add = (child: string, screen: string, hash: unknown) => {
    if (n++ >= MAX_HAVE || !CHILD.test(child) || !SCREEN.test(screen) || typeof hash !== "string" || !HASH.test(hash)) {
      exact = false;
      return;
    }
    const map = screens.get(child) ?? new Map<string, string>();
    map.set(screen, hash);
    screens.set(child, map);
  };
  if (typeof raw === "string") {
    for (const entry of raw ? raw.split(",") : []) {
      const m = /^([^/]*)\/([^:]*):(.*)$/.exec(entry.trim());
      if (m) add(m[1] ?? "", m[2] ?? "", m[3]);
      else exact = false;
    }
  } else if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const [child, map] of Object.entries(raw)) {
      if (!map || typeof map !== "object" || Array.isArray(map)) {
        exact = false;
        continue;
      }
      for (const [screen, hash] of Object.entries(map)) add(child, screen, hash);
    }
  } else if (raw != null) {
    exact = false;
  }
  return { screens, exact };
}

/** The first 128 bits of SHA-256 of the JSON, base64url. */
export function screenHash(data: unknown): string {
  return createHash("sha256").update(JSON.stringify(data)).digest("base64url").slice(0, 22);
}

function parseSince(raw: string | null | undefined): Date | null {
  if (!raw || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(raw)) return null;
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? null : d;
}


/** A section a child has no data for (no year, no periods) answers NOT_FOUND: the screen is simply absent. */
async function optional<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  }
}

type MarkRow = {
  id: string; studentId: string; subjectId: string; subjectName: string; date: string; lessonId: string; part: number;
  kind: SyncMark["kind"]; value: number | null; text: string | null; comment: string | null;
  workName: string; workWeight: string; updatedAt: Date; removed: boolean;
};

/**
 * One child's marks of [from, to] in one statement: all the live ones (since = null) or
 * every one changed after `since`, removed ones included. The child is one the caller
 * has already found through the scope.
 */
async function loadMarkEntities(schoolId: string, studentId: string, from: string, to: string, since: Date | null): Promise<MarkRow[]> {
  const changed = since ? Prisma.sql`m."updatedAt" > ${since}` : Prisma.sql`m."removedAt" IS NULL`;
  return db.$queryRaw<MarkRow[]>(Prisma.sql`
    SELECT m.id, m."studentId", m."subjectId", s.name AS "subjectName", to_char(m.date, 'YYYY-MM-DD') AS date, m."lessonId",
           m.part, m.kind::text AS kind, m.value, m.text, m.comment, w.name AS "workName",
           COALESCE(v.weight, w.weight)::text AS "workWeight", m."updatedAt", (m."removedAt" IS NOT NULL) AS removed
      FROM "Mark" m
      JOIN "Subject" s ON s."schoolId" = m."schoolId" AND s.id = m."subjectId"
      JOIN "WorkType" w ON w."schoolId" = m."schoolId" AND w.id = m."workTypeId"
      LEFT JOIN LATERAL (
        SELECT ww.weight FROM "WorkTypeWeight" ww
         WHERE ww."schoolId" = m."schoolId" AND ww."workTypeId" = m."workTypeId" AND ww."validFrom" <= m.date
         ORDER BY ww."validFrom" DESC LIMIT 1
      ) v ON true
     WHERE m."schoolId" = ${schoolId}::uuid AND m."studentId" = ${studentId}::uuid
       AND m.date >= ${from}::date AND m.date <= ${to}::date AND ${changed}
     ORDER BY m.date, m."lessonId", m.part`);
}

function toEntity(r: MarkRow): SyncMark {
  return {
    id: r.id, studentId: r.studentId, subjectId: r.subjectId, subjectName: r.subjectName, date: r.date, lessonId: r.lessonId,
    part: r.part, kind: r.kind, value: r.value, text: r.text,
    symbol: markSymbol({ kind: r.kind, value: r.value, text: r.text }),
    workType: r.workName, weight: formatWeight(hundredths(r.workWeight)), comment: r.comment, updatedAt: r.updatedAt.toISOString(),
  };
}

/** Every screen of one child, keyed. */
async function readScreens(p: Principal, childId: string, today: string): Promise<{ screens: [string, unknown][]; year: { from: string; to: string } | null }> {
  const [pages, weeks, homework, tests, klass, holidays, recommendations, results] = await Promise.all([
    // every period's page of the year, read in one go: the current one first
    optional(readDiaryMarksOfYear(p, childId)),
    // this week and the next, read together
    readDiaryWeeks(p, childId, today, 2),
    optional(getDiaryHomework(p, childId)),
    optional(getDiaryTests(p, childId)),
    optional(getDiaryClass(p, childId)),
    optional(getDiaryCalendar(p, childId)),
    optional(getDiaryRecommendations(p, childId)),
    optional(getDiaryResults(p, childId)),
  ]);
  const first = pages?.[0] ?? null;
  const [week, next] = weeks;
  if (!week || !next) throw new AppError("NOT_FOUND");
  const screens: [string, unknown][] = [...splitWeek("week", week, today), ...splitWeek("week-next", next, today)];
  if (pages && pages.length) screens.push(...splitMarksPages(pages, today));
  if (homework) screens.push(splitSection("homework", homework, today));
  if (tests) screens.push(splitSection("tests", tests, today));
  if (klass) screens.push(splitSection("class", klass, today));
  if (holidays) screens.push(splitSection("holidays", holidays, today));
  if (recommendations) screens.push(splitSection("recommendations", recommendations, today));
  if (results) screens.push(splitSection("results", results, today));
  return { screens, year: first ? spanOf(first.periods) : null };
}

/**
 * The device's sync: a full one without `since`, else only what changed (see the top of
 * this file). Children are read one after the other, each child's screens side by side.
 */
export async function syncDiary(p: Principal, req: SyncRequest = {}): Promise<SyncAnswer> {
  // the screens of a child share their reads of the child and the school's rules
  return withRequestMemo(() => sync(p, req));
}

async function sync(p: Principal, req: SyncRequest): Promise<SyncAnswer> {
  assertCan(p, "diary.read");
  const readAt = new Date();
  const since = parseSince(req.since);
  const have = since ? parseHave(req.have) : { screens: new Map<string, Map<string, string>>(), exact: false };
  const today = schoolToday(p.timeZone, readAt);
  const children = await listMyStudents(p);
  const out: SyncChild[] = [];
  for (const c of children) {
    const known = have.screens.get(c.id);
    const fullMarks = since === null || known === undefined || known.size === 0;
    const { screens, year } = await readScreens(p, c.id, today);
    const rows = year ? await loadMarkEntities(p.schoolId, c.id, year.from, year.to, fullMarks ? null : since) : [];
    const changed: SyncScreen[] = [];
    for (const [key, data] of screens) {
      const hash = screenHash(data);
      if (known?.get(key) !== hash) changed.push({ key, hash, data });
    }
    // the device's set of screens is the server's: no need to list it again
    const sameSet = have.exact && known !== undefined && known.size === screens.length && screens.every(([key]) => known.has(key));
    out.push({
      id: c.id,
      name: c.name,
      className: c.className,
      keys: sameSet ? null : screens.map(([key]) => key),
      screens: changed,
      fullMarks,
      marks: rows.filter((r) => !r.removed).map(toEntity),
      removed: rows.filter((r) => r.removed).map((r) => r.id),
    });
  }
  return {
    version: new Date(readAt.getTime() - OVERLAP_MS).toISOString(),
    serverTime: readAt.toISOString(),
    today,
    full: since === null,
    userId: p.userId,
    children: out,
  };
}
