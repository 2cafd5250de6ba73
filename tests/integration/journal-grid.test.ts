/**
 * The journal grid on a real database (issue 4, item 1): who may open which grid, what
 * it shows for a period, the averages with their formulas, and the teacher's list of
 * journals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { listMyJournals, loadJournalGrid, saveGridCell } from "../../lib/journal/grid";
import { addDays, dayToDate } from "../../lib/time";
import { refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let q1: string;
let q2: string;
let leaver: string;
let oldLesson: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const { A } = f;
  const yearStart = (await t.db.academicYear.findFirstOrThrow({ where: { schoolId: A.id } })).startDate;
  const yearEnd = (await t.db.academicYear.findFirstOrThrow({ where: { schoolId: A.id } })).endDate;
  const yesterday = dayToDate(addDays(f.today, -1));
  q1 = (await t.db.period.create({ data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 1, name: "1 четверть", startDate: yearStart, endDate: yesterday } })).id;
  q2 = (await t.db.period.create({ data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 2, name: "2 четверть", startDate: dayToDate(f.today), endDate: yearEnd } })).id;
  // a student who left 5А yesterday: in the first term's grid, not in the current one
  leaver = (await t.db.student.create({ data: { schoolId: A.id, lastName: "Ушедший", firstName: "Антон", birthDate: dayToDate("2015-01-01"), gender: "MALE", recordNumber: "R-left" } })).id;
  await t.db.cohortMembership.create({ data: { schoolId: A.id, cohortId: A.c5, studentId: leaver, startDate: yearStart, endDate: yesterday, endReason: "LEFT" } });
  oldLesson = (await t.db.lesson.create({ data: { schoolId: A.id, cohortId: A.c5, subjectId: A.math, teacherId: A.mathT, date: yesterday, lessonNumber: 2, status: "HELD", topic: "Дроби" } })).id;
  // a test weighs twice a lesson's work
  const test = await t.db.workType.create({ data: { schoolId: A.id, code: "TEST", name: "Контрольная работа", weight: 2 } });
  const testLesson = await t.db.lesson.create({
    data: { schoolId: A.id, cohortId: A.c5, subjectId: A.math, teacherId: A.mathT, date: dayToDate(f.today), lessonNumber: 6, status: "HELD", lessonType: "TEST", workTypeId: test.id },
  });
  await t.db.mark.create({
    data: { schoolId: A.id, lessonId: testLesson.id, studentId: A.s1, cohortId: A.c5, subjectId: A.math, date: dayToDate(f.today), workTypeId: test.id, kind: "NUMERIC", value: 3, authorId: A.mathT },
  });
});
afterAll(async () => {
  await t.close();
});

describe("the journal grid", () => {
  it("opens on the current term and lists the terms for switching", async () => {
    const g = await loadJournalGrid(await f.as("a.math"), f.A.c5, f.A.math);
    expect(g.period.id).toBe(q2);
    expect(g.periods.map((p) => p.name)).toEqual(["1 четверть", "2 четверть"]);
    expect(g.cohort.name).toBe("5А");
    expect(g.subject.name).toBe("Математика");
    expect(g.writable).toBe(true);
  });

  it("shows the term's lessons, the marks in their cells and each average with its formula", async () => {
    const g = await loadJournalGrid(await f.as("a.math"), f.A.c5, f.A.math);
    expect(g.lessons.map((l) => l.lessonType)).toEqual(["LESSON", "TEST"]);
    expect(g.lessons[1]?.workTypeName).toBe("Контрольная работа");
    expect(g.students.map((s) => s.name)).toEqual(["Иванов Пётр", "Петров Илья"]);
    const [first, test] = g.lessons;
    if (!first || !test) throw new Error("lessons missing");
    expect(g.cells[`${first.id}:${f.A.s1}`]).toBe("5");
    expect(g.cells[`${test.id}:${f.A.s1}`]).toBe("3");
    expect(g.cells[`${first.id}:${f.A.s2}`]).toBe("3");
    const ivanov = g.students[0];
    expect(ivanov?.average).toBe("3,67");
    expect(ivanov?.formula).toBe("(5×1 + 3×2) / 3 = 3,67");
  });

  it("lists a student who left only in the term they were in the class", async () => {
    const math = await f.as("a.math");
    const current = await loadJournalGrid(math, f.A.c5, f.A.math, q2);
    expect(current.students.map((s) => s.id)).not.toContain(leaver);
    const earlier = await loadJournalGrid(math, f.A.c5, f.A.math, q1);
    expect(earlier.students.map((s) => s.name)).toContain("Ушедший Антон");
    expect(earlier.lessons.map((l) => l.id)).toEqual([oldLesson]);
  });

  it("shows what was just saved, attendance included", async () => {
    const math = await f.as("a.math");
    const g = await loadJournalGrid(math, f.A.c5, f.A.math);
    const lesson = g.lessons[0];
    if (!lesson) throw new Error("no lesson");
    expect(await saveGridCell(math, { lessonId: lesson.id, studentId: f.A.s2, input: "4/5" })).toEqual({ lessonId: lesson.id, studentId: f.A.s2, text: "4/5" });
    expect(await saveGridCell(math, { lessonId: lesson.id, studentId: f.A.s2, input: "н" })).toMatchObject({ text: "н 4/5" });
    const after = await loadJournalGrid(math, f.A.c5, f.A.math);
    expect(after.cells[`${lesson.id}:${f.A.s2}`]).toBe("н 4/5");
    const refused = await refusal(saveGridCell(math, { lessonId: lesson.id, studentId: f.A.s2, input: "7" }));
    expect(refused.code).toBe("BAD_INPUT");
  });

  it("is not found for a teacher of another subject, nor for another school", async () => {
    expect((await refusal(loadJournalGrid(await f.as("a.rus"), f.A.c5, f.A.math))).code).toBe("NOT_FOUND");
    expect((await refusal(loadJournalGrid(await f.as("a.math"), f.A.c6, f.A.rus))).code).toBe("NOT_FOUND");
    expect((await refusal(loadJournalGrid(await f.as("b.admin"), f.A.c5, f.A.math))).code).toBe("NOT_FOUND");
    expect((await refusal(loadJournalGrid(await f.as("b.teacher"), f.A.c5, f.A.math, q1))).code).toBe("NOT_FOUND");
    expect((await refusal(loadJournalGrid(await f.as("a.g1"), f.A.c5, f.A.math))).code).toBe("FORBIDDEN");
  });

  it("is read-only for the class teacher of another subject, the administration and a closed term", async () => {
    // the maths teacher leads 5А: she reads its Russian journal but cannot write it
    const rus = await loadJournalGrid(await f.as("a.math"), f.A.c5, f.A.rus);
    expect(rus.writable).toBe(false);
    expect(rus.cells).not.toEqual({});
    expect((await loadJournalGrid(await f.as("a.admin"), f.A.c5, f.A.math)).writable).toBe(false);
    await t.db.period.update({ where: { schoolId_id: { schoolId: f.A.id, id: q1 } }, data: { closedAt: new Date() } });
    const closed = await loadJournalGrid(await f.as("a.math"), f.A.c5, f.A.math, q1);
    expect(closed.period.closed).toBe(true);
    expect(closed.writable).toBe(false);
  });
});

describe("the teacher's list of journals", () => {
  it("lists each class and subject the teacher teaches, and nothing for others", async () => {
    expect((await listMyJournals(await f.as("a.math"))).map((j) => `${j.cohortName} ${j.subjectName}`)).toEqual(["5А Математика", "6А Математика"]);
    expect((await listMyJournals(await f.as("a.rus"))).map((j) => `${j.cohortName} ${j.subjectName}`)).toEqual(["5А Русский язык"]);
    expect(await listMyJournals(await f.as("a.admin"))).toEqual([]);
    expect((await listMyJournals(await f.as("b.teacher"))).map((j) => j.cohortId)).toEqual([f.B.cB]);
  });
});
