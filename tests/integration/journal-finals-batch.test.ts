/**
 * The whole school's suggested period marks at once (lib/journal/finals-batch-query.ts)
 * are the marks the journal suggests one class and subject at a time
 * (lib/journal/finals.ts): compared on every journal of the demo school, whose journal is
 * filled with marks of several work types, absences, students on other scales and
 * students who changed class.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { seedDemoSchool, type SeedSummary } from "../../prisma/seed/demo-school";
import { loadPrincipal } from "../../lib/auth/load-principal";
import { listFinalsForPeriod } from "../../lib/journal/finals";
import { suggestSchoolPeriodFinals } from "../../lib/journal/finals-batch-query";
import { markSymbol } from "../../lib/grading/display";
import { SUGGESTION_REASON } from "../../lib/grading/finals";
import type { MarkValue } from "../../lib/grading/marks";
import type { Principal } from "../../lib/auth/principal";

const TODAY = new Date("2026-12-04T09:00:00+05:00");

let t: TestDb;
let summary: SeedSummary;
let admin: Principal;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  summary = await seedDemoSchool(t.db, { today: TODAY });
  const u = await t.db.user.findUniqueOrThrow({ where: { login: "admin" }, select: { id: true, sessionVersion: true } });
  const p = await loadPrincipal(u.id, u.sessionVersion);
  if (!p) throw new Error("no admin");
  admin = p;
  await addAbsences();
  await changeWeights();
}, 120_000);

/**
 * Dated weights: during the second quarter a lesson's mark comes to weigh 1.5 and later
 * 0.5, and a test 3, each version starting on a day with such marks; every mark weighs
 * what its work type weighed on the mark's own day.
 */
async function changeWeights(): Promise<void> {
  const schoolId = summary.schoolId;
  const q2 = await t.db.period.findFirstOrThrow({ where: { schoolId, kind: "QUARTER", number: 2 } });
  const test = await t.db.workType.findUniqueOrThrow({ where: { schoolId_code: { schoolId, code: "TEST" } } });
  const lesson = await t.db.workType.findUniqueOrThrow({ where: { schoolId_code: { schoolId, code: "LESSON" } } });
  // days that have marks of the type, so that a version starts on a day with marks
  const daysOf = async (workTypeId: string) =>
    (await t.db.mark.findMany({ where: { schoolId, workTypeId, date: { gte: q2.startDate, lte: q2.endDate } }, distinct: ["date"], orderBy: { date: "asc" }, select: { date: true } })).map((m) => m.date);
  const testDays = await daysOf(test.id);
  const lessonDays = await daysOf(lesson.id);
  const [l1, l2, t1] = [lessonDays[Math.floor(lessonDays.length / 3)], lessonDays[Math.floor((2 * lessonDays.length) / 3)], testDays[0]];
  if (!l1 || !l2 || l1.getTime() === l2.getTime()) throw new Error("the demo's second quarter has too few marks");
  await t.db.workTypeWeight.createMany({
    data: [
      { schoolId, workTypeId: lesson.id, validFrom: l1, weight: 1.5 },
      { schoolId, workTypeId: lesson.id, validFrom: l2, weight: 0.5 },
      ...(t1 ? [{ schoolId, workTypeId: test.id, validFrom: t1, weight: 3 }] : []),
    ],
  });
}

/**
 * Two students of one journal get many absences in the second quarter: one misses 60 %
 * of the lessons (н/а by the absence rule), one misses 40 % and is late to all the
 * others (lateness is not a miss: still attested).
 */
async function addAbsences(): Promise<void> {
  const schoolId = summary.schoolId;
  const q2 = await t.db.period.findFirstOrThrow({ where: { schoolId, kind: "QUARTER", number: 2 } });
  const lesson = await t.db.lesson.findFirstOrThrow({ where: { schoolId, status: "HELD", date: { gte: q2.startDate, lte: q2.endDate } } });
  const lessons = await t.db.lesson.findMany({
    where: { schoolId, cohortId: lesson.cohortId, subjectId: lesson.subjectId, status: "HELD", date: { gte: q2.startDate, lte: q2.endDate } },
    orderBy: { date: "asc" },
  });
  expect(lessons.length).toBeGreaterThanOrEqual(5);
  const members = await t.db.cohortMembership.findMany({ where: { schoolId, cohortId: lesson.cohortId, endDate: null }, take: 2, orderBy: { studentId: "asc" } });
  const [often, late] = members;
  if (!often || !late) throw new Error("the demo class has fewer than two students");
  const mark = async (studentId: string, l: (typeof lessons)[number], code: "ABSENT" | "LATE") =>
    t.db.attendance.upsert({
      where: { schoolId_lessonId_studentId: { schoolId, lessonId: l.id, studentId } },
      create: { schoolId, lessonId: l.id, studentId, date: l.date, code, authorId: l.teacherId },
      update: { code, removedAt: null },
    });
  const n = lessons.length;
  for (const [i, l] of lessons.entries()) {
    await mark(often.studentId, l, i < Math.ceil(0.6 * n) ? "ABSENT" : "LATE");
    await mark(late.studentId, l, i < Math.floor(0.4 * n) ? "ABSENT" : "LATE");
  }
}

afterAll(async () => {
  await t?.close();
});

const symbolOf = (m: MarkValue): string =>
  markSymbol({ kind: m.kind, value: m.kind === "NUMERIC" ? m.value : null, text: m.kind === "DESCRIPTIVE" ? m.text : null });

describe("suggested finals for a whole school", () => {
  it("match the journal's suggestion for every student of every journal of the first two quarters", async () => {
    const periods = await t.db.period.findMany({
      where: { schoolId: summary.schoolId, kind: "QUARTER", number: { in: [1, 2] } },
      select: { id: true, name: true },
    });
    expect(periods).toHaveLength(2);
    let compared = 0;
    const reasons = new Set<string>();
    for (const period of periods) {
      const batch = await suggestSchoolPeriodFinals(t.db, summary.schoolId, period.id);
      const journals = new Map<string, { cohortId: string; subjectId: string }>();
      for (const s of batch.suggestions) journals.set(`${s.cohortId}:${s.subjectId}`, { cohortId: s.cohortId, subjectId: s.subjectId });
      expect(journals.size).toBeGreaterThan(20);
      for (const { cohortId, subjectId } of journals.values()) {
        const page = await listFinalsForPeriod(admin, cohortId, subjectId, period.id);
        const fromJournal = new Map(page.rows.map((r) => [r.studentId, `${r.suggestion.symbol} (${r.suggestion.reason}) ${r.marksCount} ${r.average}`]));
        const fromBatch = new Map(
          batch.suggestions
            .filter((s) => s.cohortId === cohortId && s.subjectId === subjectId)
            .map((s) => {
              reasons.add(s.reason);
              const avg = page.rows.find((r) => r.studentId === s.studentId)?.average ?? "?";
              return [s.studentId, `${symbolOf(s.mark)} (${SUGGESTION_REASON[s.reason]}) ${s.totals.count} ${avg}`];
            }),
        );
        expect(fromBatch, `${period.name}, ${page.cohort.name}, ${page.subject.name}`).toEqual(fromJournal);
        compared += fromJournal.size;
      }
    }
    // the demo journal is rich enough to exercise the rules, not only the mean
    expect(compared).toBeGreaterThan(1000);
    expect(reasons).toContain("MEAN");
    expect(reasons).toContain("TOO_MANY_ABSENCES");
  }, 300_000);
});
