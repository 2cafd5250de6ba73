/**
 * The journal grid on a real database (issue 4, item 1): who may open which grid, what
 * it shows for a period, the averages with their formulas, and the teacher's list of
 * journals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { listMyJournals, loadCellHistory, loadJournalGrid, saveGridCell } from "../../lib/journal/grid";
import { addDays, dayToDate } from "../../lib/time";
import { outcome, refusal } from "../support/refusal";

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
    expect(await saveGridCell(math, { lessonId: lesson.id, studentId: f.A.s2, input: "4/5" })).toMatchObject({ lessonId: lesson.id, studentId: f.A.s2, text: "4/5" });
    const saved = await saveGridCell(math, { lessonId: lesson.id, studentId: f.A.s2, input: "н" });
    expect(saved).toMatchObject({ text: "н 4/5" });
    const after = await loadJournalGrid(math, f.A.c5, f.A.math);
    expect(after.cells[`${lesson.id}:${f.A.s2}`]).toBe("н 4/5");
    // the save brings the student's new average, the same the whole grid shows (no reload needed)
    const row = after.students.find((s) => s.id === f.A.s2);
    expect(saved.average).toEqual({ average: row?.average, formula: row?.formula });
    expect(saved.average?.formula).toContain("4×1 + 5×1");
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

describe("students on other scales", () => {
  /** A subject of 5А taught by the maths teacher on the given scale, with one held lesson today. */
  async function subjectOn(name: string, scale: "PASS_FAIL" | "DESCRIPTIVE") {
    const { A } = f;
    const subject = (await t.db.subject.create({ data: { schoolId: A.id, name, shortName: name.slice(0, 5) } })).id;
    const year = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: A.id, id: A.yearId } } });
    const item = await t.db.curriculumItem.create({ data: { schoolId: A.id, cohortId: A.c5, subjectId: subject, hoursPerWeek: 1, scale, validFrom: year.startDate } });
    await t.db.curriculumTeacher.create({ data: { schoolId: A.id, curriculumItemId: item.id, staffId: A.mathT } });
    const lesson = (await t.db.lesson.create({
      data: { schoolId: A.id, cohortId: A.c5, subjectId: subject, teacherId: A.mathT, date: dayToDate(f.today), lessonNumber: 8, status: "HELD" },
    })).id;
    return { subject, lesson };
  }

  it("writes words on the descriptive scale and shows them in the cell", async () => {
    const math = await f.as("a.math");
    const { subject, lesson } = await subjectOn("Чтение (описательно)", "DESCRIPTIVE");
    const text = "Читает по слогам, понимает прочитанное с помощью учителя";
    expect(await saveGridCell(math, { lessonId: lesson, studentId: f.A.s1, input: text })).toMatchObject({ text });
    // an attendance code is still an attendance code here
    expect(await saveGridCell(math, { lessonId: lesson, studentId: f.A.s2, input: "б" })).toMatchObject({ text: "б" });
    const g = await loadJournalGrid(math, f.A.c5, subject);
    expect(g.scale).toBe("DESCRIPTIVE");
    expect(g.cells[`${lesson}:${f.A.s1}`]).toBe(text);
    // words never enter an average
    expect(g.students.find((s) => s.id === f.A.s1)?.average).not.toMatch(/\d/);
  });

  it("takes «зач» and «незач» on the pass/fail scale and refuses a number with a reason", async () => {
    const math = await f.as("a.math");
    const { subject, lesson } = await subjectOn("Курс по выбору", "PASS_FAIL");
    expect(await saveGridCell(math, { lessonId: lesson, studentId: f.A.s1, input: "зач" })).toMatchObject({ text: "зач" });
    expect(await saveGridCell(math, { lessonId: lesson, studentId: f.A.s2, input: "ytpfx" })).toMatchObject({ text: "незач" });
    const e = await refusal(saveGridCell(math, { lessonId: lesson, studentId: f.A.s1, input: "5" }));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.message).toMatch(/«зач» или «незач»/);
    const g = await loadJournalGrid(math, f.A.c5, subject);
    expect(g.scale).toBe("PASS_FAIL");
    expect(g.cells[`${lesson}:${f.A.s1}`]).toBe("зач");
    expect(g.cells[`${lesson}:${f.A.s2}`]).toBe("незач");
  });
});

describe("the history of a cell", () => {
  it("lists every change, newest first, in the journal's words: who, before, after", async () => {
    const math = await f.as("a.math");
    const { A } = f;
    const lesson = (await t.db.lesson.create({
      data: { schoolId: A.id, cohortId: A.c5, subjectId: A.math, teacherId: A.mathT, date: dayToDate(f.today), lessonNumber: 5, status: "HELD" },
    })).id;
    await saveGridCell(math, { lessonId: lesson, studentId: A.s2, input: "4" });
    await saveGridCell(math, { lessonId: lesson, studentId: A.s2, input: "н" });
    await saveGridCell(math, { lessonId: lesson, studentId: A.s2, input: "" });
    const h = await loadCellHistory(math, lesson, A.s2);
    const shown = (r: (typeof h)[number]) => `${r.entity} ${r.action} ${r.before ?? "—"} → ${r.after ?? "—"}`;
    expect(h.slice(2).map(shown)).toEqual(["ATTENDANCE CREATE — → н", "MARK CREATE — → 4"]);
    // clearing the cell removes the absence and the mark in one step (the same instant: either order)
    expect(h.slice(0, 2).map(shown).sort()).toEqual(["ATTENDANCE REMOVE н → —", "MARK REMOVE 4 → —"]);
    expect(h.every((r) => r.actor === "Числова М. С." && /\d{4}/.test(r.atText))).toBe(true);
    expect(await loadCellHistory(math, lesson, A.s1)).toEqual([]);
  });

  it("is readable where the journal is, and not found elsewhere", async () => {
    // the class teacher reads the Russian journal's history; the school's administration too
    const rusLesson = (await t.db.lesson.findFirstOrThrow({ where: { schoolId: f.A.id, cohortId: f.A.c5, subjectId: f.A.rus } })).id;
    expect(await outcome(loadCellHistory(await f.as("a.math"), rusLesson, f.A.s1))).toBe("OK");
    expect(await outcome(loadCellHistory(await f.as("a.admin"), rusLesson, f.A.s1))).toBe("OK");
    expect(await outcome(loadCellHistory(await f.as("a.rus"), oldLesson, f.A.s1))).toBe("NOT_FOUND");
    expect(await outcome(loadCellHistory(await f.as("b.teacher"), rusLesson, f.A.s1))).toBe("NOT_FOUND");
    expect(await outcome(loadCellHistory(await f.as("a.g1"), rusLesson, f.A.s1))).toBe("FORBIDDEN");
  });
});
