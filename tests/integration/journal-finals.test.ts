/**
 * Final marks on a real database (issue 4, item 5): the suggestion is lib/grading's, an
 * override needs a reason and keeps the suggestion, every change is in the history, a
 * closed period refuses, and only the subject's teacher confirms. In a graduating class
 * the year page also holds the exam mark and the final (итоговая) mark.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import {
  confirmAllOverallSuggested, confirmAllSuggested, confirmFinalMark, confirmOverallMark, listFinalsForPeriod, recordExamMark,
} from "../../lib/journal/finals";
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
    expect(await confirmAllSuggested(await f.as("a.math"), key())).toEqual({ confirmed: 1, skipped: 0 });
    const page = await listFinalsForPeriod(await f.as("a.math"), f.A.c5, f.A.math, q1);
    expect(page.rows.map((r) => r.final?.symbol)).toEqual(["4", "н/а"]);
    expect(await confirmAllSuggested(await f.as("a.math"), key())).toEqual({ confirmed: 0, skipped: 0 });
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
    expect(s1).toMatchObject({ periodMarks: ["4", "5"], average: "4,50", suggestion: { symbol: "5", reason: "по отметкам за периоды" }, missing: null });
    expect(page.rows.find((r) => r.studentId === f.A.s2)).toMatchObject({ periodMarks: ["3"], suggestion: { symbol: "3" }, missing: "нет отметки за 2 четверть" });
    // a grade-5 class has no exam and no final (итоговая) mark
    expect(page.exam).toBeNull();
    const row = await confirmFinalMark(math, { cohortId: f.A.c5, subjectId: f.A.math, periodId: yearPeriod, studentId: f.A.s1, value: "5" });
    expect(row.final).toEqual({ symbol: "5", overridden: false, reason: null });
    expect(await t.db.finalMark.count({ where: { kind: "YEAR", studentId: f.A.s1 } })).toBe(1);
  });

  it("follows the period marks as confirmed: a changed or taken-back period mark changes it", async () => {
    const math = await f.as("a.math");
    const year = () => listFinalsForPeriod(math, f.A.c5, f.A.math, yearPeriod);
    // s2's first quarter was confirmed «3» above; the teacher changes it to «5» with a reason
    await confirmFinalMark(math, { ...key(), studentId: f.A.s2, value: "5", reason: "Пересдача контрольной" });
    expect((await year()).rows.find((r) => r.studentId === f.A.s2)).toMatchObject({ periodMarks: ["5"], suggestion: { symbol: "5" } });
    // s1's second-quarter mark is taken back: the year says which is missing and counts the rest
    await t.db.finalMark.updateMany({ where: { schoolId: f.A.id, studentId: f.A.s1, periodId: q2 }, data: { removedAt: new Date() } });
    expect((await year()).rows.find((r) => r.studentId === f.A.s1)).toMatchObject({ periodMarks: ["4"], suggestion: { symbol: "4" }, missing: "нет отметки за 2 четверть" });
    // accepting all on the year skips the student whose period mark is missing
    expect(await confirmAllSuggested(math, { cohortId: f.A.c5, subjectId: f.A.math, periodId: yearPeriod })).toEqual({ confirmed: 0, skipped: 1 });
    expect(await t.db.finalMark.count({ where: { kind: "YEAR", studentId: f.A.s2 } })).toBe(0);
  });
});

describe("exam and final (итоговая) marks in grade 9", () => {
  let c9: string;
  let e1: string;
  let e2: string;
  let e3: string;
  let uo: string;
  const ids = () => ({ cohortId: c9, subjectId: f.A.math });

  beforeAll(async () => {
    const A = f.A;
    const year = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: A.id, id: A.yearId } } });
    // 9А: a.math teaches its maths, a.rus leads the class (reads it, may not write maths)
    c9 = (await t.db.cohort.create({ data: { schoolId: A.id, yearId: A.yearId, kind: "CLASS", name: "9А", grade: 9, classTeacherId: A.rusT } })).id;
    const item = await t.db.curriculumItem.create({ data: { schoolId: A.id, cohortId: c9, subjectId: A.math, hoursPerWeek: 4, validFrom: year.startDate } });
    await t.db.curriculumTeacher.create({ data: { schoolId: A.id, curriculumItemId: item.id, staffId: A.mathT } });
    const ooo = await t.db.program.create({ data: { schoolId: A.id, level: "OOO", variant: "AOOP", name: "АООП ООО обучающихся с ЗПР" } });
    const uo1 = await t.db.program.create({ data: { schoolId: A.id, level: "OOO", variant: "FAOOP_UO_1", name: "ФАООП УО (вариант 1)" } });
    let k = 100;
    const pupil = async (lastName: string, programId: string) => {
      k += 1;
      const st = await t.db.student.create({ data: { schoolId: A.id, lastName, firstName: "Ученик", birthDate: dayToDate("2010-05-01"), gender: "MALE", recordNumber: `R-${k}` } });
      await t.db.cohortMembership.create({ data: { schoolId: A.id, cohortId: c9, studentId: st.id, startDate: year.startDate } });
      await t.db.programEnrolment.create({ data: { schoolId: A.id, studentId: st.id, programId, startDate: year.startDate } });
      return st.id;
    };
    e1 = await pupil("Андреев", ooo.id);
    e2 = await pupil("Борисов", ooo.id);
    e3 = await pupil("Васильев", ooo.id);
    uo = await pupil("Григорьев", uo1.id);
    // year marks as confirmed by the teacher: 4, 3, 4, 3
    for (const [studentId, value] of [[e1, 4], [e2, 3], [e3, 4], [uo, 3]] as const) {
      await t.db.finalMark.create({
        data: { schoolId: A.id, studentId, subjectId: A.math, cohortId: c9, periodId: yearPeriod, kind: "YEAR", markKind: "NUMERIC", value, confirmedById: A.mathT, confirmedAt: new Date() },
      });
    }
  });

  const row = async (studentId: string, login = "a.math") =>
    (await listFinalsForPeriod(await f.as(login), c9, f.A.math, yearPeriod)).exam?.rows.find((r) => r.studentId === studentId);

  it("the year page shows the exam column to those who may enter it", async () => {
    const page = await listFinalsForPeriod(await f.as("a.math"), c9, f.A.math, yearPeriod);
    expect(page.exam).toMatchObject({ hasExam: true, canWriteExam: true });
    expect(page.exam?.rows.map((r) => [r.name, r.examKind, r.year, r.exam])).toEqual([
      ["Андреев У.", "STATE", "4", null],
      ["Борисов У.", "STATE", "3", null],
      ["Васильев У.", "STATE", "4", null],
      // ФАООП УО: no state exam; the final is the year mark
      ["Григорьев У.", null, "3", null],
    ]);
    expect((await listFinalsForPeriod(await f.as("a.admin"), c9, f.A.math, yearPeriod)).exam).toMatchObject({ canWriteExam: true });
    expect((await listFinalsForPeriod(await f.as("a.rus"), c9, f.A.math, yearPeriod)).exam).toMatchObject({ canWriteExam: false });
    // a quarter has no exam column
    expect((await listFinalsForPeriod(await f.as("a.math"), c9, f.A.math, q1)).exam).toBeNull();
  });

  it("records an exam mark with no suggestion, audited as a final mark", async () => {
    const r = await recordExamMark(await f.as("a.math"), { ...ids(), studentId: e1, mark: 5 });
    expect(r).toMatchObject({ exam: "5", year: "4" });
    const stored = await t.db.finalMark.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: e1, kind: "EXAM" } });
    expect(stored).toMatchObject({ periodId: yearPeriod, markKind: "NUMERIC", value: 5, suggestedKind: null, suggestedValue: null, overrideReason: null, confirmedById: f.A.mathT });
    const trail = await t.db.auditEvent.findMany({ where: { schoolId: f.A.id, entity: "FINAL_MARK", entityId: stored.id } });
    expect(trail.map((a) => a.action)).toEqual(["CREATE"]);
    expect(trail[0]?.newValue).toMatchObject({ finalKind: "EXAM", kind: "NUMERIC", value: 5 });
    expect(trail[0]?.studentId).toBe(e1);
  });

  it("the administrator enters exam marks too (the results come to the school office)", async () => {
    expect((await recordExamMark(await f.as("a.admin"), { ...ids(), studentId: e2, mark: 4 })).exam).toBe("4");
    const stored = await t.db.finalMark.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: e2, kind: "EXAM" } });
    expect(stored.confirmedById).toBe(f.A.adminA);
  });

  it("suggests the final from year and exam: 4 and 5 give 5, 3 and 4 give 4, year alone gives the year", async () => {
    expect((await row(e1))?.suggestion).toEqual({ symbol: "5", reason: "среднее годовой и экзаменационной, округлено по правилам математики" });
    expect((await row(e2))?.suggestion.symbol).toBe("4");
    expect((await row(e3))?.suggestion).toEqual({ symbol: "4", reason: "экзамена не было: равна годовой" });
    expect((await row(uo))?.suggestion.symbol).toBe("3");
  });

  it("«не сдавал» takes an exam mark back, kept in the history; the final follows", async () => {
    const math = await f.as("a.math");
    await recordExamMark(math, { ...ids(), studentId: e3, mark: 3 });
    expect((await row(e3))?.suggestion.symbol).toBe("4"); // (4 + 3) / 2 = 3.5 → 4
    await recordExamMark(math, { ...ids(), studentId: e3, mark: 2 });
    expect((await row(e3))?.suggestion.symbol).toBe("3"); // (4 + 2) / 2 = 3
    const back = await recordExamMark(math, { ...ids(), studentId: e3, mark: null });
    expect(back).toMatchObject({ exam: null, suggestion: { symbol: "4" } });
    const stored = await t.db.finalMark.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: e3, kind: "EXAM" } });
    expect(stored.removedAt).not.toBeNull();
    const trail = await t.db.auditEvent.findMany({ where: { schoolId: f.A.id, entity: "FINAL_MARK", entityId: stored.id }, orderBy: { at: "asc" } });
    expect(trail.map((a) => a.action)).toEqual(["CREATE", "UPDATE", "REMOVE"]);
    expect(trail[2]?.oldValue).toMatchObject({ kind: "NUMERIC", value: 2 });
    // «не сдавал» again changes nothing
    await recordExamMark(math, { ...ids(), studentId: e3, mark: null });
    expect(await t.db.auditEvent.count({ where: { entity: "FINAL_MARK", entityId: stored.id } })).toBe(3);
  });

  it("refuses an exam where none applies, and a value off the scale", async () => {
    const math = await f.as("a.math");
    const e = await refusal(recordExamMark(math, { ...ids(), studentId: uo, mark: 4 }));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.message).toMatch(/экзамен по предмету «Математика» не предусмотрен/);
    expect((await refusal(recordExamMark(math, { ...ids(), studentId: e3, mark: 7 as 5 }))).code).toBe("BAD_INPUT");
    // grade 5 has no exams
    expect((await refusal(recordExamMark(math, { cohortId: f.A.c5, subjectId: f.A.math, studentId: f.A.s1, mark: 5 }))).code).toBe("BAD_INPUT");
    expect(await t.db.finalMark.count({ where: { kind: "EXAM", studentId: { in: [uo, f.A.s1] } } })).toBe(0);
  });

  it("refuses another teacher, a guardian and school B, writing nothing", async () => {
    const before = await t.db.auditEvent.count();
    expect((await refusal(recordExamMark(await f.as("a.rus"), { ...ids(), studentId: e3, mark: 5 }))).code).toBe("FORBIDDEN");
    expect((await refusal(recordExamMark(await f.as("a.g1"), { ...ids(), studentId: e3, mark: 5 }))).code).toBe("FORBIDDEN");
    expect((await refusal(recordExamMark(await f.as("b.admin"), { ...ids(), studentId: e3, mark: 5 }))).code).toBe("NOT_FOUND");
    expect((await refusal(recordExamMark(await f.as("b.teacher"), { ...ids(), studentId: e3, mark: 5 }))).code).toBe("NOT_FOUND");
    const w = { ...ids(), periodId: yearPeriod, studentId: e1, value: "5" };
    expect((await refusal(confirmOverallMark(await f.as("a.rus"), w))).code).toBe("FORBIDDEN");
    expect((await refusal(confirmOverallMark(await f.as("a.admin"), w))).code).toBe("FORBIDDEN");
    expect((await refusal(confirmOverallMark(await f.as("b.teacher"), w))).code).toBe("FORBIDDEN");
    expect((await refusal(listFinalsForPeriod(await f.as("b.admin"), c9, f.A.math, yearPeriod))).code).toBe("NOT_FOUND");
    expect(await t.db.auditEvent.count()).toBe(before);
    expect(await t.db.finalMark.count({ where: { kind: "FINAL" } })).toBe(0);
  });

  it("confirms the final: the suggestion as is, or another mark with a reason that is kept", async () => {
    const math = await f.as("a.math");
    const y = { ...ids(), periodId: yearPeriod };
    expect((await confirmOverallMark(math, { ...y, studentId: e1, value: "5" })).final).toEqual({ symbol: "5", overridden: false, reason: null });
    const e = await refusal(confirmOverallMark(math, { ...y, studentId: e2, value: "3" }));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.fieldErrors?.reason?.[0]).toMatch(/^Причина: .*предложенной \(«4»\)/);
    const r = await confirmOverallMark(math, { ...y, studentId: e2, value: "3", reason: "Решение педагогического совета" });
    expect(r.final).toEqual({ symbol: "3", overridden: true, reason: "Решение педагогического совета" });
    const stored = await t.db.finalMark.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: e2, kind: "FINAL" } });
    expect(stored).toMatchObject({ periodId: yearPeriod, value: 3, suggestedKind: "NUMERIC", suggestedValue: 4, overrideReason: "Решение педагогического совета" });
    const trail = await t.db.auditEvent.findMany({ where: { schoolId: f.A.id, entity: "FINAL_MARK", entityId: stored.id } });
    expect(trail.map((a) => [a.action, a.reason])).toEqual([["CREATE", "Решение педагогического совета"]]);
    expect(trail[0]?.newValue).toMatchObject({ finalKind: "FINAL", value: 3, suggestedValue: 4 });
  });

  it("accepts all suggested finals that are still unset, skipping a student with no year mark", async () => {
    const math = await f.as("a.math");
    await t.db.finalMark.updateMany({ where: { schoolId: f.A.id, studentId: uo, kind: "YEAR" }, data: { removedAt: new Date() } });
    expect((await row(uo))?.suggestion).toEqual({ symbol: null, reason: "сначала выставьте годовую отметку" });
    const y = { ...ids(), periodId: yearPeriod };
    expect((await refusal(confirmOverallMark(math, { ...y, studentId: uo, value: "3", reason: "без годовой" }))).code).toBe("BAD_INPUT");
    expect(await confirmAllOverallSuggested(math, y)).toEqual({ confirmed: 1, skipped: 1 });
    expect((await row(e3))?.final?.symbol).toBe("4");
    expect((await row(e2))?.final?.symbol).toBe("3"); // the override is kept
    expect(await confirmAllOverallSuggested(math, y)).toEqual({ confirmed: 0, skipped: 1 });
  });

  it("a closed year refuses exam and final marks until it is reopened", async () => {
    const admin = await f.as("a.admin");
    const math = await f.as("a.math");
    await closePeriod(admin, yearPeriod);
    const e = await refusal(recordExamMark(math, { ...ids(), studentId: e3, mark: 5 }));
    expect(e.code).toBe("PERIOD_CLOSED");
    expect(e.message).toBe("Год закрыт для изменений. Открыть его может администратор.");
    expect((await refusal(recordExamMark(admin, { ...ids(), studentId: e3, mark: 5 }))).code).toBe("PERIOD_CLOSED");
    expect((await refusal(confirmOverallMark(math, { ...ids(), periodId: yearPeriod, studentId: e1, value: "4", reason: "проверка" }))).code).toBe("PERIOD_CLOSED");
    expect((await refusal(confirmAllOverallSuggested(math, { ...ids(), periodId: yearPeriod }))).code).toBe("PERIOD_CLOSED");
    expect((await refusal(confirmFinalMark(math, { ...ids(), periodId: yearPeriod, studentId: e1, value: "4" }))).code).toBe("PERIOD_CLOSED");
    await reopenPeriod(admin, yearPeriod, "Пересдача экзамена в дополнительный срок");
    expect((await recordExamMark(math, { ...ids(), studentId: e3, mark: 5 })).exam).toBe("5");
  });
});
