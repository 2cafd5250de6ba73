/**
 * Final marks on a real database (issue 4, item 5): the suggestion is lib/grading's, an
 * override needs a reason and keeps the suggestion, every change is in the history, a
 * closed period refuses, and only the subject's teacher confirms.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { confirmAllSuggested, confirmFinalMark, listFinalsForPeriod } from "../../lib/journal/finals";
import { closePeriod, reopenPeriod } from "../../lib/journal/period-lock";
import { suggestPeriodMark } from "../../lib/grading/finals";
import { DEFAULT_POLICY } from "../../lib/grading/policy";
import { addDays, dateToDay, dayToDate } from "../../lib/time";
import { refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let q1: string;
let q2: string;
let yearPeriod: string;
let yearStart: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const A = f.A;
  const year = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: A.id, id: A.yearId } } });
  yearStart = dateToDay(year.startDate);
  q1 = (await t.db.period.create({
    data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 1, name: "1 четверть", startDate: year.startDate, endDate: dayToDate(f.today), gradeFrom: 1, gradeTo: 9 },
  })).id;
  q2 = (await t.db.period.create({
    data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 2, name: "2 четверть", startDate: dayToDate(addDays(f.today, 1)), endDate: year.endDate, gradeFrom: 1, gradeTo: 9 },
  })).id;
  yearPeriod = (await t.db.period.findFirstOrThrow({ where: { schoolId: A.id, kind: "YEAR" } })).id;
  // a test weighs 2, and from the third day 3: the mark of the second day keeps weight 2
  const test = await t.db.workType.create({ data: { schoolId: A.id, code: "TEST", name: "Контрольная работа", weight: 2 } });
  await t.db.workTypeWeight.create({ data: { schoolId: A.id, workTypeId: test.id, validFrom: dayToDate(addDays(yearStart, 3)), weight: 3 } });
  const lesson = async (day: string, n: number, workTypeId: string | null) =>
    (await t.db.lesson.create({
      data: { schoolId: A.id, cohortId: A.c5, subjectId: A.math, teacherId: A.mathT, date: dayToDate(day), lessonNumber: n, status: "HELD", workTypeId },
    })).id;
  const mark = (lessonId: string, day: string, studentId: string, value: number, workTypeId: string) =>
    t.db.mark.create({ data: { schoolId: A.id, lessonId, studentId, cohortId: A.c5, subjectId: A.math, date: dayToDate(day), workTypeId, kind: "NUMERIC", value, authorId: A.mathT } });
  const d1 = addDays(yearStart, 1);
  const d2 = addDays(yearStart, 2);
  const d3 = addDays(yearStart, 4);
  const l1 = await lesson(d1, 1, null);
  const l2 = await lesson(d2, 1, test.id);
  const l3 = await lesson(d3, 1, null);
  await mark(l1, d1, A.s1, 4, A.workTypeId);
  await mark(l2, d2, A.s1, 3, test.id);
  await mark(l1, d1, A.s2, 2, A.workTypeId);
  await t.db.attendance.create({ data: { schoolId: A.id, lessonId: l3, studentId: A.s1, date: dayToDate(d3), code: "ABSENT", authorId: A.mathT } });
  // a lesson that did not take place counts neither as held nor as missed
  await t.db.lesson.create({ data: { schoolId: A.id, cohortId: A.c5, subjectId: A.math, teacherId: A.mathT, date: dayToDate(d3), lessonNumber: 2, status: "CANCELLED" } });
});
afterAll(async () => {
  await t.close();
});

const key = () => ({ cohortId: f.A.c5, subjectId: f.A.math, periodId: q1 });

describe("the suggestion", () => {
  it("is lib/grading's for the period's marks weighted by their date, with reason and formula", async () => {
    const page = await listFinalsForPeriod(await f.as("a.math"), f.A.c5, f.A.math, q1);
    expect(page.canWrite).toBe(true);
    expect(page.period).toMatchObject({ name: "1 четверть", closed: false });
    expect(page.periods.map((x) => x.name)).toEqual(["1 четверть", "2 четверть", "Год"]);
    const s1 = page.rows.find((r) => r.studentId === f.A.s1);
    // 4×1 (day 1), 3×2 (the test on day 2, before its weight became 3), 5×1 (today)
    const expected = suggestPeriodMark(
      { marks: [4, 3, 5].map((v, i) => ({ mark: { kind: "NUMERIC", value: v as 3 | 4 | 5 }, weight: i === 1 ? 200 : 100 })), lessonsHeld: 4, lessonsMissed: 1 },
      DEFAULT_POLICY,
    );
    expect(expected.mark).toEqual({ kind: "NUMERIC", value: 4 });
    expect(s1).toMatchObject({
      name: "Иванов П.", marksCount: 3, average: "3,75", formula: "(4×1 + 3×2 + 5×1) / 4 = 3,75",
      suggestion: { symbol: "4", reason: "по средневзвешенному баллу" }, final: null,
    });
    expect(page.rows.find((r) => r.studentId === f.A.s2)?.suggestion).toEqual({ symbol: "н/а", reason: "мало отметок для аттестации" });
  });

  it("is shown to the class teacher and the administration, not to others", async () => {
    const admin = await listFinalsForPeriod(await f.as("a.admin"), f.A.c5, f.A.math, q1);
    expect(admin.canWrite).toBe(false);
    expect(admin.rows).toHaveLength(2);
    // a.math leads 5А, so reads its Russian too, but may not confirm it
    expect((await listFinalsForPeriod(await f.as("a.math"), f.A.c5, f.A.rus, q1)).canWrite).toBe(false);
    expect((await refusal(listFinalsForPeriod(await f.as("a.rus"), f.A.c5, f.A.math, q1))).code).toBe("NOT_FOUND");
    expect((await refusal(listFinalsForPeriod(await f.as("b.admin"), f.A.c5, f.A.math, q1))).code).toBe("NOT_FOUND");
    expect((await refusal(listFinalsForPeriod(await f.as("a.g1"), f.A.c5, f.A.math, q1))).code).toBe("FORBIDDEN");
  });
});

describe("confirming", () => {
  it("refuses an override without a reason, naming the field, and writes nothing", async () => {
    const math = await f.as("a.math");
    const audits = await t.db.auditEvent.count();
    const e = await refusal(confirmFinalMark(math, { ...key(), studentId: f.A.s1, value: "5" }));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.fieldErrors?.reason?.[0]).toMatch(/^Причина: .*предложенной \(«4»\)/);
    expect(await t.db.finalMark.count()).toBe(0);
    expect(await t.db.auditEvent.count()).toBe(audits);
  });

  it("refuses a value off the scale", async () => {
    const e = await refusal(confirmFinalMark(await f.as("a.math"), { ...key(), studentId: f.A.s1, value: "7", reason: "так" }));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.fieldErrors?.value?.[0]).toMatch(/^Итоговая отметка:/);
    expect((await refusal(confirmFinalMark(await f.as("a.math"), { ...key(), studentId: f.A.s1, value: "1", reason: "так" }))).code).toBe("BAD_INPUT");
    expect(await t.db.finalMark.count()).toBe(0);
  });

  it("keeps the suggestion and the reason of an override; a later change is audited with old and new", async () => {
    const math = await f.as("a.math");
    const row = await confirmFinalMark(math, { ...key(), studentId: f.A.s1, value: "5", reason: "Победитель районной олимпиады" });
    expect(row.final).toEqual({ symbol: "5", overridden: true, reason: "Победитель районной олимпиады" });
    const stored = await t.db.finalMark.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: f.A.s1, periodId: q1 } });
    expect(stored).toMatchObject({ kind: "PERIOD", markKind: "NUMERIC", value: 5, suggestedKind: "NUMERIC", suggestedValue: 4, overrideReason: "Победитель районной олимпиады", confirmedById: f.A.mathT });

    const back = await confirmFinalMark(math, { ...key(), studentId: f.A.s1, value: "4" });
    expect(back.final).toEqual({ symbol: "4", overridden: false, reason: null });
    const trail = await t.db.auditEvent.findMany({ where: { schoolId: f.A.id, entity: "FINAL_MARK", entityId: stored.id }, orderBy: { at: "asc" } });
    expect(trail.map((a) => [a.action, a.reason])).toEqual([["CREATE", "Победитель районной олимпиады"], ["UPDATE", null]]);
    expect(trail[1]?.oldValue).toMatchObject({ kind: "NUMERIC", value: 5 });
    expect(trail[1]?.newValue).toMatchObject({ kind: "NUMERIC", value: 4, suggestedValue: 4 });
    // the same mark again changes nothing and adds no history
    await confirmFinalMark(math, { ...key(), studentId: f.A.s1, value: "4" });
    expect(await t.db.auditEvent.count({ where: { entity: "FINAL_MARK", entityId: stored.id } })).toBe(2);
  });

  it("accepts all suggestions for the students still without a mark", async () => {
    expect(await confirmAllSuggested(await f.as("a.math"), key())).toEqual({ confirmed: 1 });
    const page = await listFinalsForPeriod(await f.as("a.math"), f.A.c5, f.A.math, q1);
    expect(page.rows.map((r) => r.final?.symbol)).toEqual(["4", "н/а"]);
    expect(await confirmAllSuggested(await f.as("a.math"), key())).toEqual({ confirmed: 0 });
  });

  it("is only for the subject's teacher: another teacher, the administrator and a guardian are refused", async () => {
    for (const login of ["a.rus", "a.admin", "a.g1", "b.teacher"]) {
      const e = await refusal(confirmFinalMark(await f.as(login), { ...key(), studentId: f.A.s1, value: "3", reason: "проверка прав" }));
      expect(e.code).toBe("FORBIDDEN");
    }
    expect(await t.db.finalMark.count({ where: { value: 3 } })).toBe(0);
  });

  it("a closed period refuses until it is reopened", async () => {
    const admin = await f.as("a.admin");
    const math = await f.as("a.math");
    await closePeriod(admin, q1);
    const e = await refusal(confirmFinalMark(math, { ...key(), studentId: f.A.s2, value: "3", reason: "Пересдача" }));
    expect(e.code).toBe("PERIOD_CLOSED");
    expect(e.message).toMatch(/1 четверть закрыта/);
    expect((await refusal(confirmAllSuggested(math, key()))).code).toBe("PERIOD_CLOSED");
    expect((await listFinalsForPeriod(math, f.A.c5, f.A.math, q1)).period.closed).toBe(true);
    await reopenPeriod(admin, q1, "Пересдача по заявлению родителей");
    expect((await confirmFinalMark(math, { ...key(), studentId: f.A.s2, value: "3", reason: "Пересдача" })).final?.symbol).toBe("3");
  });
});

describe("the year mark", () => {
  it("is suggested from the confirmed period marks", async () => {
    await t.db.finalMark.create({
      data: {
        schoolId: f.A.id, studentId: f.A.s1, subjectId: f.A.math, cohortId: f.A.c5, periodId: q2, kind: "PERIOD",
        markKind: "NUMERIC", value: 5, confirmedById: f.A.mathT, confirmedAt: new Date(),
      },
    });
    const math = await f.as("a.math");
    const page = await listFinalsForPeriod(math, f.A.c5, f.A.math, yearPeriod);
    const s1 = page.rows.find((r) => r.studentId === f.A.s1);
    // (4 + 5) / 2 = 4,5: a tie goes to the student
    expect(s1).toMatchObject({ periodMarks: ["4", "5"], average: "4,50", suggestion: { symbol: "5" } });
    expect(page.rows.find((r) => r.studentId === f.A.s2)).toMatchObject({ periodMarks: ["3"], suggestion: { symbol: "3" } });
    const row = await confirmFinalMark(math, { cohortId: f.A.c5, subjectId: f.A.math, periodId: yearPeriod, studentId: f.A.s1, value: "5" });
    expect(row.final).toEqual({ symbol: "5", overridden: false, reason: null });
    expect(await t.db.finalMark.count({ where: { kind: "YEAR", studentId: f.A.s1 } })).toBe(1);
  });
});
