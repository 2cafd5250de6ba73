/**
 * A student's record (R3, issue 4, item 7) on a real database: final marks of two years
 * under their years and programs, individual-plan subjects, attendance totals, and who
 * may read it — the family their own child only, staff of the school by their role, a
 * subject teacher only their subjects, and nobody of another school.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { readMyStudentRecord, readStudentRecord, type StudentRecord } from "../../lib/journal/student-record";
import { addDays, dateToDay, dayToDate } from "../../lib/time";
import { outcome } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let prevName: string;
let currName: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const A = f.A;
  const db = t.db;
  const year = await db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: A.id, id: A.yearId } } });
  currName = year.name;
  const start = dateToDay(year.startDate);
  const prevStart = addDays(start, -365);
  const prevEnd = addDays(start, -1);
  const startYear = Number(start.slice(0, 4));
  prevName = `${startYear - 1}/${startYear}`;

  // last year: 4А, primary school (НОО), a first quarter and the year
  const prev = await db.academicYear.create({
    data: { schoolId: A.id, name: prevName, startDate: dayToDate(prevStart), endDate: dayToDate(prevEnd), closedAt: new Date() },
  });
  const prevQ1 = await db.period.create({
    data: { schoolId: A.id, yearId: prev.id, kind: "QUARTER", number: 1, name: "1 четверть", startDate: dayToDate(prevStart), endDate: dayToDate(addDays(prevStart, 50)), gradeFrom: 1, gradeTo: 9 },
  });
  const prevYear = await db.period.create({
    data: { schoolId: A.id, yearId: prev.id, kind: "YEAR", number: 1, name: "Год", startDate: dayToDate(prevStart), endDate: dayToDate(prevEnd) },
  });
  const c4 = await db.cohort.create({ data: { schoolId: A.id, yearId: prev.id, kind: "CLASS", name: "4А", grade: 4 } });
  await db.cohortMembership.create({
    data: { schoolId: A.id, cohortId: c4.id, studentId: A.s1, startDate: dayToDate(prevStart), endDate: dayToDate(prevEnd), endReason: "PROMOTED" },
  });
  await db.curriculumItem.create({ data: { schoolId: A.id, cohortId: c4.id, subjectId: A.math, hoursPerWeek: 4, validFrom: dayToDate(prevStart) } });
  const music = await db.subject.create({ data: { schoolId: A.id, name: "Музыка", shortName: "Муз" } });
  await db.curriculumItem.create({ data: { schoolId: A.id, cohortId: c4.id, subjectId: music.id, hoursPerWeek: 1, validFrom: dayToDate(prevStart), scale: "PASS_FAIL" } });

  // this year: also an individual plan with a correction course
  const q1 = await db.period.create({
    data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 1, name: "1 четверть", startDate: year.startDate, endDate: dayToDate(addDays(start, 50)), gradeFrom: 1, gradeTo: 9 },
  });
  const iup = await db.cohort.create({ data: { schoolId: A.id, yearId: A.yearId, kind: "INDIVIDUAL", name: "ИУП: Иванов П.", grade: 5 } });
  await db.cohortMembership.create({ data: { schoolId: A.id, cohortId: iup.id, studentId: A.s1, startDate: year.startDate } });
  const speech = await db.subject.create({ data: { schoolId: A.id, name: "Логопедические занятия", shortName: "Лог", kind: "CORRECTION" } });
  await db.curriculumItem.create({ data: { schoolId: A.id, cohortId: iup.id, subjectId: speech.id, hoursPerWeek: 1, validFrom: year.startDate, scale: "DESCRIPTIVE" } });
  // a course with no marks at all is not part of the record
  const clubs = await db.subject.create({ data: { schoolId: A.id, name: "Кружок", shortName: "Кр" } });
  await db.curriculumItem.create({ data: { schoolId: A.id, cohortId: A.c5, subjectId: clubs.id, hoursPerWeek: 1, validFrom: year.startDate, scale: "NONE" } });

  const nooProgram = await db.program.create({ data: { schoolId: A.id, level: "NOO", variant: "AOOP", name: "АООП НОО обучающихся с ЗПР (вариант 7.2)" } });
  const oooProgram = await db.program.create({ data: { schoolId: A.id, level: "OOO", variant: "NONE", name: "ООП основного общего образования" } });
  await db.programEnrolment.create({ data: { schoolId: A.id, studentId: A.s1, programId: nooProgram.id, startDate: dayToDate(prevStart), endDate: dayToDate(prevEnd) } });
  await db.programEnrolment.create({ data: { schoolId: A.id, studentId: A.s1, programId: oooProgram.id, startDate: year.startDate } });

  const final = (studentId: string, subjectId: string, cohortId: string, periodId: string, kind: "PERIOD" | "YEAR", markKind: "NUMERIC" | "NOT_ATTESTED" | "PASS" | "DESCRIPTIVE", value: number | null, text: string | null = null) =>
    db.finalMark.create({ data: { schoolId: A.id, studentId, subjectId, cohortId, periodId, kind, markKind, value, text, confirmedById: A.mathT, confirmedAt: new Date() } });
  await final(A.s1, A.math, c4.id, prevQ1.id, "PERIOD", "NUMERIC", 4);
  await final(A.s1, A.math, c4.id, prevYear.id, "YEAR", "NUMERIC", 5);
  await final(A.s1, music.id, c4.id, prevYear.id, "YEAR", "PASS", null);
  await final(A.s1, A.math, A.c5, q1.id, "PERIOD", "NUMERIC", 5);
  await final(A.s1, A.rus, A.c5, q1.id, "PERIOD", "NOT_ATTESTED", null);
  await final(A.s1, speech.id, iup.id, q1.id, "PERIOD", "DESCRIPTIVE", null, "Делает успехи в звукопроизношении");
  // a removed final mark is not shown
  const removed = await final(A.s2, A.math, A.c5, q1.id, "PERIOD", "NUMERIC", 2);
  await db.finalMark.update({ where: { schoolId_id: { schoolId: A.id, id: removed.id } }, data: { removedAt: new Date() } });

  // attendance this year: ill at maths, absent at Russian, late once; last year: one valid absence
  const lesson = async (cohortId: string, subjectId: string, teacherId: string, day: string, n: number) =>
    (await db.lesson.create({ data: { schoolId: A.id, cohortId, subjectId, teacherId, date: dayToDate(day), lessonNumber: n, status: "HELD", topic: "Тема" } })).id;
  const d = addDays(start, 3);
  const absent = async (lessonId: string, day: string, code: "ILL" | "ABSENT" | "EXCUSED" | "LATE") =>
    db.attendance.create({ data: { schoolId: A.id, lessonId, studentId: A.s1, date: dayToDate(day), code, authorId: A.mathT } });
  await absent(await lesson(A.c5, A.math, A.mathT, d, 1), d, "ILL");
  await absent(await lesson(A.c5, A.rus, A.rusT, d, 2), d, "ABSENT");
  await absent(await lesson(A.c5, A.math, A.mathT, d, 3), d, "LATE");
  const old = addDays(prevStart, 10);
  await absent(await lesson(c4.id, A.math, A.mathT, old, 1), old, "EXCUSED");
});
afterAll(async () => {
  await t.close();
});

const years = (r: StudentRecord) => r.sections.flatMap((s) => s.years);
function table(r: StudentRecord, yearName: string): Record<string, Record<string, string>> {
  const y = years(r).find((x) => x.name === yearName);
  if (!y) throw new Error(`no year ${yearName}`);
  return Object.fromEntries(y.subjects.map((s) => [s.name, Object.fromEntries(y.columns.map((c, i) => [c.label, s.cells[i] ?? ""]))]));
}

describe("the record", () => {
  it("puts the finals of two years under their years and programs", async () => {
    const r = await readMyStudentRecord(await f.as("a.g1"), f.A.s1);
    expect(r.scope).toBe("FULL");
    expect(r.student).toMatchObject({ name: "Иванов Пётр", className: "5А", recordNumber: "R-1" });
    expect(r.sections.map((s) => [s.program?.level, s.program?.variant, s.years.map((y) => y.name)])).toEqual([
      ["NOO", "AOOP", [prevName]],
      ["OOO", "NONE", [currName]],
    ]);
    expect(r.sections[0]?.program?.name).toBe("АООП НОО обучающихся с ЗПР (вариант 7.2)");
    expect(r.sections[0]?.program?.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.sections[1]?.program?.to).toBeNull();

    const [prev, curr] = years(r);
    expect(prev?.grade).toBe(4);
    expect(prev?.cohorts.map((c) => [c.name, c.kind])).toEqual([["4А", "CLASS"]]);
    expect(table(r, prevName)).toEqual({
      "Математика": { "1 четверть": "4", "Год": "5" },
      "Музыка": { "1 четверть": "", "Год": "зач" },
    });
    expect(curr?.grade).toBe(5);
    expect(curr?.cohorts.map((c) => c.name).sort()).toEqual(["5А", "ИУП: Иванов П."]);
    expect(curr?.columns.map((c) => [c.label, c.kind])).toEqual([["1 четверть", "PERIOD"], ["Год", "YEAR"]]);
    expect(table(r, currName)).toEqual({
      "Математика": { "1 четверть": "5", "Год": "" },
      "Русский язык": { "1 четверть": "н/а", "Год": "" },
      "Логопедические занятия": { "1 четверть": "Делает успехи в звукопроизношении", "Год": "" },
    });
    const speech = curr?.subjects.find((s) => s.name === "Логопедические занятия");
    expect(speech).toMatchObject({ kind: "CORRECTION", individual: true });
    expect(curr?.subjects.find((s) => s.name === "Математика")?.individual).toBe(false);
  });

  it("counts the lessons missed of each year, ill and valid reasons apart, lateness not as missed", async () => {
    const r = await readMyStudentRecord(await f.as("a.s1"), f.A.s1);
    const [prev, curr] = years(r);
    expect(prev?.attendance).toEqual({ missed: 1, ill: 0, excused: 1, late: 0 });
    expect(curr?.attendance).toEqual({ missed: 2, ill: 1, excused: 0, late: 1 });
  });

  it("shows a removed final mark nowhere", async () => {
    const r = await readStudentRecord(await f.as("a.admin"), f.A.s2);
    expect(table(r, currName)["Математика"]).toEqual({ "1 четверть": "", "Год": "" });
  });
});

describe("who reads it", () => {
  it("a guardian reads their own children only", async () => {
    const g1 = await f.as("a.g1");
    expect(await outcome(readMyStudentRecord(g1, f.A.s1))).toBe("OK");
    expect(await outcome(readMyStudentRecord(g1, f.A.s3))).toBe("OK");
    expect(await outcome(readMyStudentRecord(g1, f.A.s2))).toBe("NOT_FOUND");
    expect(await outcome(readMyStudentRecord(await f.as("a.g2"), f.A.s1))).toBe("NOT_FOUND");
    // the staff entry point is not the family's
    expect(await outcome(readStudentRecord(g1, f.A.s1))).toBe("NOT_FOUND");
  });

  it("a student reads their own record only", async () => {
    const s1 = await f.as("a.s1");
    expect(await outcome(readMyStudentRecord(s1, f.A.s1))).toBe("OK");
    expect(await outcome(readMyStudentRecord(s1, f.A.s2))).toBe("NOT_FOUND");
  });

  it("a guardian whose guardianship ended reads nothing more", async () => {
    await t.db.guardianship.updateMany({ where: { schoolId: f.A.id, guardianId: f.A.g2, studentId: f.A.s2 }, data: { endDate: dayToDate(f.today) } });
    expect(await outcome(readMyStudentRecord(await f.as("a.g2"), f.A.s2))).toBe("NOT_FOUND");
    await t.db.guardianship.updateMany({ where: { schoolId: f.A.id, guardianId: f.A.g2, studentId: f.A.s2 }, data: { endDate: null } });
  });

  it("nobody of another school reads it, whatever their role", async () => {
    for (const login of ["b.admin", "b.teacher"]) expect(await outcome(readStudentRecord(await f.as(login), f.A.s1))).toBe("NOT_FOUND");
    for (const login of ["b.g", "b.s"]) expect(await outcome(readMyStudentRecord(await f.as(login), f.A.s1))).toBe("NOT_FOUND");
    expect(await outcome(readStudentRecord(await f.as("a.admin"), f.B.sB))).toBe("NOT_FOUND");
    expect(await outcome(readStudentRecord(await f.as("a.admin"), "not-an-id"))).toBe("NOT_FOUND");
  });

  it("the administration and the class teacher read the whole record", async () => {
    for (const login of ["a.admin", "a.deputy", "a.math"]) {
      const r = await readStudentRecord(await f.as(login), f.A.s1);
      expect(r.scope).toBe("FULL");
      expect(Object.keys(table(r, currName)).sort()).toEqual(["Логопедические занятия", "Математика", "Русский язык"]);
      expect(years(r)[1]?.attendance.missed).toBe(2);
    }
  });

  it("a subject teacher reads only their subjects, with their lessons' absences", async () => {
    const r = await readStudentRecord(await f.as("a.rus"), f.A.s1);
    expect(r.scope).toBe("OWN_SUBJECTS");
    expect(table(r, currName)).toEqual({ "Русский язык": { "1 четверть": "н/а", "Год": "" } });
    expect(table(r, prevName)).toEqual({});
    expect(years(r)[1]?.attendance).toEqual({ missed: 1, ill: 0, excused: 0, late: 0 });
    // a student they do not teach
    expect(await outcome(readStudentRecord(await f.as("a.rus"), f.A.s3))).toBe("NOT_FOUND");
  });

  it("a teacher is not the family: the diary entry point refuses them", async () => {
    expect(await outcome(readMyStudentRecord(await f.as("a.math"), f.A.s1))).toBe("FORBIDDEN");
  });
});
