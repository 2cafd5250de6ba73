/**
 * The family's diary sections on a real database (issue 5, items 4–6): the test
 * schedule, teachers and class, holidays, homework, recommendations, results and the
 * display settings. A guardian sees their own children only, a student only themself;
 * another child, or a child of another school, is "not found".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { outcome, refusal } from "../support/refusal";
import type { Principal } from "../../lib/auth/principal";
import { pickChild } from "../../lib/diary/pick-child";
import { getDiaryTests } from "../../lib/diary/tests";
import { getDiaryClass } from "../../lib/diary/class";
import { getDiaryCalendar } from "../../lib/diary/holidays";
import { getDiaryHomework } from "../../lib/diary/homework";
import { getDiaryRecommendations } from "../../lib/diary/recommendations";
import { getDiaryResults } from "../../lib/diary/results";
import { displayModeClasses, getDisplaySettings, setDisplaySettings } from "../../lib/people/display-settings";
import { addDays, dayToDate } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
let quarterId: string;
let yearPeriodId: string;
const CONFIRMED_AT = new Date("2026-10-25T09:03:00.000Z"); // 14:03 in Yekaterinburg

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const { A, B, today } = f;
  const db = t.db;
  const d = (n: number) => dayToDate(addDays(today, n));

  // the calendar: a quarter around today, holidays (one only for grade 1), school B's own
  quarterId = (await db.period.create({ data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 2, name: "2 четверть", startDate: d(-30), endDate: d(30) } })).id;
  yearPeriodId = (await db.period.findFirstOrThrow({ where: { schoolId: A.id, kind: "YEAR" }, select: { id: true } })).id;
  await db.holiday.create({ data: { schoolId: A.id, yearId: A.yearId, name: "Зимние каникулы", startDate: d(31), endDate: d(40) } });
  await db.holiday.create({ data: { schoolId: A.id, yearId: A.yearId, name: "Дополнительные каникулы", startDate: d(50), endDate: d(56), gradeFrom: 1, gradeTo: 1 } });
  await db.holiday.create({ data: { schoolId: B.id, yearId: B.yearId, name: "Каникулы школы Б", startDate: d(31), endDate: d(40) } });

  // a group of 5А with s1 in it, a subject of the group taught by the deputy
  const labour = (await db.subject.create({ data: { schoolId: A.id, name: "Труд", shortName: "Труд" } })).id;
  const group = (await db.cohort.create({ data: { schoolId: A.id, yearId: A.yearId, kind: "GROUP", name: "5А — группа 1", grade: 5, parentId: A.c5 } })).id;
  await db.cohortMembership.create({ data: { schoolId: A.id, cohortId: group, studentId: A.s1, startDate: d(-200) } });
  const item = await db.curriculumItem.create({ data: { schoolId: A.id, cohortId: group, subjectId: labour, hoursPerWeek: 2, validFrom: d(-200) } });
  await db.curriculumTeacher.create({ data: { schoolId: A.id, curriculumItemId: item.id, staffId: A.deputyA } });
  const program = await db.program.create({ data: { schoolId: A.id, level: "OOO", name: "Основное общее образование" } });
  await db.programEnrolment.create({ data: { schoolId: A.id, studentId: A.s1, programId: program.id, startDate: d(-200) } });

  // tests: 5А, its group, 6А, school B; one long past (outside the period)
  await db.assessmentEvent.create({ data: { schoolId: A.id, cohortId: A.c5, subjectId: A.math, workTypeId: A.workTypeId, date: d(3), title: "Контрольная: дроби" } });
  await db.assessmentEvent.create({ data: { schoolId: A.id, cohortId: group, subjectId: labour, workTypeId: A.workTypeId, date: d(4), title: "Зачёт по труду" } });
  await db.assessmentEvent.create({ data: { schoolId: A.id, cohortId: A.c5, subjectId: A.rus, workTypeId: A.workTypeId, date: d(-10), title: "Диктант" } });
  await db.assessmentEvent.create({ data: { schoolId: A.id, cohortId: A.c5, subjectId: A.rus, workTypeId: A.workTypeId, date: d(-60), title: "Старый диктант" } });
  await db.assessmentEvent.create({ data: { schoolId: A.id, cohortId: A.c6, subjectId: A.math, workTypeId: A.workTypeId, date: d(5), title: "Контрольная 6А" } });
  await db.assessmentEvent.create({ data: { schoolId: B.id, cohortId: B.cB, subjectId: B.math, workTypeId: B.workTypeId, date: d(3), title: "Контрольная школы Б" } });

  // homework: the class's, one for s1 only, one for s2 only, a past one with a file
  const lesson = await db.lesson.findFirstOrThrow({ where: { schoolId: A.id, cohortId: A.c5, subjectId: A.math }, select: { id: true } });
  const hw = (data: { cohortId: string; subjectId: string; authorId: string; text: string; due: number; studentId?: string; lessonId?: string; schoolId?: string }) =>
    db.homework.create({
      data: { schoolId: data.schoolId ?? A.id, cohortId: data.cohortId, subjectId: data.subjectId, authorId: data.authorId, text: data.text, dueDate: d(data.due), studentId: data.studentId ?? null, lessonId: data.lessonId ?? null },
    });
  await hw({ cohortId: A.c5, subjectId: A.math, authorId: A.mathT, text: "№ 1–5 на с. 40", due: 1, lessonId: lesson.id });
  await hw({ cohortId: A.c5, subjectId: A.math, authorId: A.mathT, text: "Задание только для Пети", due: 2, studentId: A.s1 });
  await hw({ cohortId: A.c5, subjectId: A.math, authorId: A.mathT, text: "Задание только для Ильи", due: 2, studentId: A.s2 });
  const old = await hw({ cohortId: A.c5, subjectId: A.rus, authorId: A.rusT, text: "Выучить правило", due: -3 });
  await db.homeworkFile.create({ data: { schoolId: A.id, homeworkId: old.id, fileName: "правило.pdf", mimeType: "application/pdf", size: 2048, sha256: "0".repeat(64), data: Buffer.from("%PDF-1.4") } });
  await hw({ cohortId: A.c5, subjectId: A.rus, authorId: A.rusT, text: "Очень старое задание", due: -30 });
  await hw({ cohortId: A.c6, subjectId: A.math, authorId: A.mathT, text: "Задание 6А", due: 1 });
  await hw({ schoolId: B.id, cohortId: B.cB, subjectId: B.math, authorId: B.teacherB, text: "Задание школы Б", due: 1 });

  // recommendations
  await db.recommendation.create({ data: { schoolId: A.id, studentId: A.s1, subjectId: A.math, authorId: A.mathT, date: d(-5), text: "Повторить таблицу умножения" } });
  await db.recommendation.create({ data: { schoolId: A.id, studentId: A.s1, subjectId: null, authorId: A.rusT, date: d(-1), text: "Больше читать вслух" } });
  await db.recommendation.create({ data: { schoolId: A.id, studentId: A.s2, subjectId: A.math, authorId: A.mathT, date: d(-1), text: "Рекомендация Илье" } });

  // final marks: s1's quarter and year in maths, s2's quarter; a removed one
  const final = (studentId: string, periodId: string, kind: "PERIOD" | "YEAR" | "EXAM", value: number, removed = false) =>
    db.finalMark.create({
      data: {
        schoolId: A.id, studentId, subjectId: A.math, cohortId: A.c5, periodId, kind, markKind: "NUMERIC", value, confirmedById: A.mathT,
        confirmedAt: CONFIRMED_AT, ...(removed ? { removedAt: CONFIRMED_AT } : {}),
      },
    });
  await final(A.s1, quarterId, "PERIOD", 5);
  await final(A.s1, yearPeriodId, "YEAR", 4);
  await final(A.s1, yearPeriodId, "EXAM", 3, true);
  await final(A.s2, quarterId, "PERIOD", 3);
});
afterAll(async () => {
  await t.close();
});

type Section = (p: Principal, studentId: string) => Promise<unknown>;
const SECTIONS: [string, Section][] = [
  ["tests", getDiaryTests],
  ["class", getDiaryClass],
  ["holidays", getDiaryCalendar],
  ["homework", (p, id) => getDiaryHomework(p, id)],
  ["past homework", (p, id) => getDiaryHomework(p, id, { past: true })],
  ["recommendations", getDiaryRecommendations],
  ["results", getDiaryResults],
];

describe("who sees which child's diary", () => {
  it.each(SECTIONS)("%s: own children and self only; others are not found; staff are refused", async (_name, section) => {
    const { A, B } = f;
    const g1 = await f.as("a.g1");
    const s1 = await f.as("a.s1");
    expect(await outcome(section(g1, A.s1))).toBe("OK");
    expect(await outcome(section(g1, A.s3))).toBe("OK");
    expect(await outcome(section(g1, A.s2))).toBe("NOT_FOUND");
    expect(await outcome(section(g1, B.sB))).toBe("NOT_FOUND");
    expect(await outcome(section(g1, "not-an-id"))).toBe("NOT_FOUND");
    expect(await outcome(section(await f.as("b.g"), A.s1))).toBe("NOT_FOUND");
    expect(await outcome(section(await f.as("b.g"), B.sB))).toBe("OK");
    expect(await outcome(section(s1, A.s1))).toBe("OK");
    expect(await outcome(section(s1, A.s3))).toBe("NOT_FOUND");
    expect(await outcome(section(s1, A.s2))).toBe("NOT_FOUND");
    expect(await outcome(section(await f.as("a.math"), A.s1))).toBe("FORBIDDEN");
  });

  it("the child switcher's list: a guardian's children, a student only themself; a foreign ?child= is not found", async () => {
    const { A, B } = f;
    const g1 = await f.as("a.g1");
    const both = await pickChild(g1, undefined);
    expect(both.children.map((c) => c.id).sort()).toEqual([A.s1, A.s3].sort());
    expect(both.current?.id).toBe(both.children[0]?.id);
    expect((await pickChild(g1, A.s3)).current).toMatchObject({ id: A.s3, name: "Иванова Дарья", className: "6А" });
    expect((await refusal(pickChild(g1, A.s2))).code).toBe("NOT_FOUND");
    expect((await refusal(pickChild(g1, B.sB))).code).toBe("NOT_FOUND");
    const s1 = await pickChild(await f.as("a.s1"), undefined);
    expect(s1.children.map((c) => c.id)).toEqual([A.s1]);
    expect((await refusal(pickChild(await f.as("a.s1"), A.s3))).code).toBe("NOT_FOUND");
  });
});

describe("the sections' content", () => {
  it("tests: the child's class and group tests of the period and the weeks ahead, not another class's or school's", async () => {
    const data = await getDiaryTests(await f.as("a.g1"), f.A.s1);
    expect(data.period).toMatchObject({ name: "2 четверть", startDate: addDays(f.today, -30), endDate: addDays(f.today, 30) });
    expect(data.events.map((e) => [e.date, e.subjectName, e.title, e.cohortKind])).toEqual([
      [addDays(f.today, -10), "Русский язык", "Диктант", "CLASS"],
      [addDays(f.today, 3), "Математика", "Контрольная: дроби", "CLASS"],
      [addDays(f.today, 4), "Труд", "Зачёт по труду", "GROUP"],
    ]);
    expect(data.events[0]?.workType).toBe("Работа на уроке");
    const sister = await getDiaryTests(await f.as("a.g1"), f.A.s3);
    expect(sister.events.map((e) => e.title)).toEqual(["Контрольная 6А"]);
  });

  it("class: class teacher, subjects with teachers of the class and the group, the program", async () => {
    const data = await getDiaryClass(await f.as("a.s1"), f.A.s1);
    expect(data).toMatchObject({ className: "5А", classTeacher: { name: "Числова Мария Сергеевна" }, program: "Основное общее образование" });
    expect(data.cohorts.map((c) => [c.kind, c.name, c.parentName])).toEqual([["CLASS", "5А", null], ["GROUP", "5А — группа 1", "5А"]]);
    expect(data.cohorts[0]?.subjects.map((s) => [s.subjectName, s.teachers.map((x) => x.name)])).toEqual([
      ["Математика", ["Числова Мария Сергеевна"]],
      ["Русский язык", ["Словарёва Елена Олеговна"]],
    ]);
    expect(data.cohorts[1]?.subjects).toEqual([{ subjectName: "Труд", teachers: [{ name: "Завучева Ольга Петровна", position: "директор" }] }]);
    const sister = await getDiaryClass(await f.as("a.g1"), f.A.s3);
    expect(sister).toMatchObject({ className: "6А", classTeacher: null, program: null });
    expect(sister.cohorts.map((c) => c.name)).toEqual(["6А"]);
  });

  it("holidays: the year's periods and the holidays of the child's grade, the school's own", async () => {
    const data = await getDiaryCalendar(await f.as("a.g1"), f.A.s1);
    expect(data.periods.map((x) => [x.name, x.kind])).toEqual([["2 четверть", "QUARTER"], ["Год", "YEAR"]]);
    expect(data.holidays).toEqual([
      expect.objectContaining({ name: "Зимние каникулы", startDate: addDays(f.today, 31), endDate: addDays(f.today, 40), days: 10 }),
    ]);
    const b = await getDiaryCalendar(await f.as("b.g"), f.B.sB);
    expect(b.holidays.map((h) => h.name)).toEqual(["Каникулы школы Б"]);
  });

  it("homework: from today on, the class's and the child's own individual one, never another child's", async () => {
    const data = await getDiaryHomework(await f.as("a.g1"), f.A.s1);
    expect(data.subjects.map((s) => [s.subjectName, s.items.map((h) => [h.text, h.individual])])).toEqual([
      ["Математика", [["№ 1–5 на с. 40", false], ["Задание только для Пети", true]]],
    ]);
    const first = data.subjects[0]?.items[0];
    expect(first).toMatchObject({ dueDate: addDays(f.today, 1), teacher: "Числова Мария Сергеевна", lesson: { date: f.today, topic: "Тема" } });
    const other = await getDiaryHomework(await f.as("a.g2"), f.A.s2);
    expect(other.subjects.flatMap((s) => s.items.map((h) => h.text))).toEqual(["№ 1–5 на с. 40", "Задание только для Ильи"]);
    const sister = await getDiaryHomework(await f.as("a.g1"), f.A.s3);
    expect(sister.subjects.flatMap((s) => s.items.map((h) => h.text))).toEqual(["Задание 6А"]);
  });

  it("homework: «прошедшие» shows the last two weeks with files, not older ones", async () => {
    const data = await getDiaryHomework(await f.as("a.s1"), f.A.s1, { past: true });
    expect(data).toMatchObject({ past: true, from: addDays(f.today, -14), to: addDays(f.today, -1) });
    expect(data.subjects).toEqual([
      {
        subjectName: "Русский язык",
        items: [expect.objectContaining({ text: "Выучить правило", dueDate: addDays(f.today, -3), lesson: null, files: [expect.objectContaining({ fileName: "правило.pdf", size: 2048 })] })],
      },
    ]);
    const file = data.subjects[0]?.items[0]?.files[0];
    expect(file?.href).toBe(`/api/homework-files/${file?.id}`);
  });

  it("recommendations: the child's own, newest first, with subject and teacher", async () => {
    const data = await getDiaryRecommendations(await f.as("a.g1"), f.A.s1);
    expect(data.items.map((r) => [r.date, r.subjectName, r.teacher, r.text])).toEqual([
      [addDays(f.today, -1), null, "Словарёва Елена Олеговна", "Больше читать вслух"],
      [addDays(f.today, -5), "Математика", "Числова Мария Сергеевна", "Повторить таблицу умножения"],
    ]);
    expect((await getDiaryRecommendations(await f.as("a.g1"), f.A.s3)).items).toEqual([]);
  });

  it("results: confirmed final marks per subject with the time they were set; a removed one is gone; no state exams yet", async () => {
    const data = await getDiaryResults(await f.as("a.s1"), f.A.s1);
    expect(data.periods).toEqual([{ id: quarterId, name: "2 четверть" }]);
    expect(data.subjects).toEqual([
      {
        subjectName: "Математика",
        periods: [{ periodId: quarterId, mark: { symbol: "5", confirmedAt: CONFIRMED_AT.toISOString() } }],
        year: { symbol: "4", confirmedAt: CONFIRMED_AT.toISOString() },
        exam: null,
        final: null,
      },
    ]);
    expect(data.stateExams).toEqual([]);
    const sister = await getDiaryResults(await f.as("a.g1"), f.A.s3);
    expect(sister.subjects).toEqual([]);
  });
});

describe("state exam results in the diary", () => {
  it("the child's published results show the exam, subject, day, primary score of the maximum, the mark and when they were published; unpublished ones and other children's do not", async () => {
    const { A } = f;
    const exam = (studentId: string, subjectId: string, kind: "OGE" | "GVE", day: string, score: number, mark: number, publishedAt: Date | null) =>
      t.db.examResult.create({
        data: { schoolId: A.id, yearId: A.yearId, studentId, subjectId, kind, examDate: dayToDate(day), primaryScore: score, maxScore: 31, mark, receivedAt: CONFIRMED_AT, publishedAt },
      });
    await exam(A.s1, A.math, "OGE", f.today, 18, 4, CONFIRMED_AT);
    await exam(A.s1, A.rus, "GVE", addDays(f.today, -1), 20, 5, CONFIRMED_AT);
    await exam(A.s1, A.rus, "OGE", f.today, 12, 3, null);
    await exam(A.s2, A.math, "OGE", f.today, 7, 2, CONFIRMED_AT);
    const data = await getDiaryResults(await f.as("a.g1"), A.s1);
    expect(data.stateExams.map(({ id: _id, ...e }) => e)).toEqual([
      { subjectName: "Математика", exam: "ОГЭ", examDate: f.today, primaryScore: 18, maxScore: 31, mark: "4", publishedAt: CONFIRMED_AT.toISOString() },
      { subjectName: "Русский язык", exam: "ГВЭ", examDate: addDays(f.today, -1), primaryScore: 20, maxScore: 31, mark: "5", publishedAt: CONFIRMED_AT.toISOString() },
    ]);
    expect((await getDiaryResults(await f.as("a.s1"), A.s1)).stateExams).toHaveLength(2);
    expect((await getDiaryResults(await f.as("a.g1"), A.s3)).stateExams).toEqual([]);
    expect((await getDiaryResults(await f.as("a.g2"), A.s2)).stateExams.map((e) => e.mark)).toEqual(["2"]);
  });
});

describe("display settings", () => {
  it("a user changes only their own settings, and the page classes follow them", async () => {
    const g1 = await f.as("a.g1");
    const g2 = await f.as("a.g2");
    expect(getDisplaySettings(g1)).toEqual({ largePrint: false, highContrast: false, plainLanguage: false });
    expect(displayModeClasses(g1)).toBe("");
    await setDisplaySettings(g1, { largePrint: true, highContrast: true, plainLanguage: false });
    const rows = await t.db.user.findMany({ where: { login: { in: ["a.g1", "a.g2", "a.s1"] } }, select: { login: true, largePrint: true, highContrast: true, plainLanguage: true }, orderBy: { login: "asc" } });
    expect(rows).toEqual([
      { login: "a.g1", largePrint: true, highContrast: true, plainLanguage: false },
      { login: "a.g2", largePrint: false, highContrast: false, plainLanguage: false },
      { login: "a.s1", largePrint: false, highContrast: false, plainLanguage: false },
    ]);
    expect(displayModeClasses(await f.as("a.g1"))).toBe("large-print high-contrast");
    expect(displayModeClasses(g2)).toBe("");
    expect(displayModeClasses(null)).toBe("");
    await setDisplaySettings(g1, { largePrint: false, highContrast: true, plainLanguage: true });
    expect(getDisplaySettings(await f.as("a.g1"))).toEqual({ largePrint: false, highContrast: true, plainLanguage: true });
  });

  it("a principal of another school cannot reach a user row by id", async () => {
    const g1 = await f.as("a.g1");
    const forged: Principal = { ...g1, schoolId: f.B.id };
    expect((await refusal(setDisplaySettings(forged, { largePrint: true, highContrast: false, plainLanguage: false }))).code).toBe("NOT_FOUND");
  });
});
