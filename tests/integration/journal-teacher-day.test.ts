/**
 * The teacher's home (issue 4, item 10) on a real database: the day's lessons with their
 * substitutions, the class list for the records, and what is left unfilled — lessons
 * without a topic, lessons where nothing was marked, period finals due — for the
 * teacher's own journals and not another's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { getTeacherDay } from "../../lib/journal/teacher-day";
import { listMissingWork, MISSING_LIMIT } from "../../lib/journal/missing";
import { addDays, dayToDate } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const A = f.A;
  const db = t.db;
  const past = addDays(f.today, -2);
  const lesson = async (key: string, data: { cohortId: string; subjectId: string; teacherId: string; day: string; n: number; status: "PLANNED" | "HELD" | "CANCELLED" | "MOVED"; topic?: string }) => {
    const l = await db.lesson.create({
      data: { schoolId: A.id, cohortId: data.cohortId, subjectId: data.subjectId, teacherId: data.teacherId, date: dayToDate(data.day), lessonNumber: data.n, status: data.status, topic: data.topic ?? null },
    });
    ids[key] = l.id;
    return l.id;
  };
  const math5 = { cohortId: A.c5, subjectId: A.math, teacherId: A.mathT };
  await lesson("heldNoTopic", { ...math5, day: past, n: 1, status: "HELD" });
  const marked = await lesson("plannedWithAbsence", { ...math5, day: past, n: 2, status: "PLANNED", topic: "Дроби" });
  await db.attendance.create({ data: { schoolId: A.id, lessonId: marked, studentId: A.s1, date: dayToDate(past), code: "ILL", authorId: A.mathT } });
  const removed = await lesson("removedMarkOnly", { ...math5, day: past, n: 3, status: "HELD", topic: "Проценты" });
  await db.mark.create({
    data: { schoolId: A.id, lessonId: removed, studentId: A.s1, cohortId: A.c5, subjectId: A.math, date: dayToDate(past), workTypeId: A.workTypeId, kind: "NUMERIC", value: 5, authorId: A.mathT, removedAt: new Date() },
  });
  await lesson("cancelled", { ...math5, day: past, n: 4, status: "CANCELLED" });
  await lesson("moved", { ...math5, day: past, n: 5, status: "MOVED" });
  await lesson("todayPlanned", { ...math5, day: f.today, n: 6, status: "PLANNED" });
  await lesson("future", { ...math5, day: addDays(f.today, 2), n: 1, status: "PLANNED" });
  // Russian in 5А is the other teacher's journal: many lessons without a topic
  for (let i = 0; i < MISSING_LIMIT + 2; i++) {
    await lesson(`rus${i}`, { cohortId: A.c5, subjectId: A.rus, teacherId: A.rusT, day: addDays(past, -i), n: 7, status: "HELD" });
  }
  // a lesson of maths in 6А given today by the Russian teacher in place of the maths teacher
  const given = await lesson("given", { cohortId: A.c6, subjectId: A.math, teacherId: A.rusT, day: f.today, n: 7, status: "PLANNED" });
  await db.substitution.create({ data: { schoolId: A.id, lessonId: given, originalTeacherId: A.mathT, teacherId: A.rusT, reason: "Курсы повышения квалификации" } });

  // periods: one ending in three days (due), one ended and closed, one ending in ten days
  const period = (name: string, number: number, end: string, closedAt: Date | null) =>
    db.period.create({
      data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number, name, startDate: dayToDate(addDays(f.today, -40)), endDate: dayToDate(end), closedAt, gradeFrom: 1, gradeTo: 9 },
    });
  const due = await period("2 четверть", 2, addDays(f.today, 3), null);
  ids.due = due.id;
  await period("1 четверть", 1, addDays(f.today, -1), new Date());
  await period("3 четверть", 3, addDays(f.today, 10), null);
  await db.finalMark.create({
    data: { schoolId: A.id, studentId: A.s1, subjectId: A.math, cohortId: A.c5, periodId: due.id, kind: "PERIOD", markKind: "NUMERIC", value: 5, confirmedById: A.mathT, confirmedAt: new Date() },
  });
});
afterAll(async () => {
  await t.close();
});

describe("today's lessons", () => {
  it("show a lesson given away with who gives it, and the substitute sees whom they replace", async () => {
    const mine = await getTeacherDay(await f.as("a.math"));
    const given = mine.lessons.find((l) => l.id === ids.given);
    expect(given).toMatchObject({ cohortName: "6А", subjectName: "Математика", givenTo: "Словарёва Е. О.", substituteFor: null, substitutionReason: "Курсы повышения квалификации", canOpen: true });
    const own = mine.lessons.find((l) => l.id === ids.todayPlanned);
    expect(own).toMatchObject({ givenTo: null, substituteFor: null, substitutionReason: null, canOpen: true });

    const sub = await getTeacherDay(await f.as("a.rus"));
    const taking = sub.lessons.find((l) => l.id === ids.given);
    // Russian teacher does not teach maths in 6А: no link to a page she could not open
    expect(taking).toMatchObject({ substituteFor: "Числова М. С.", givenTo: null, canOpen: false });
    expect(sub.lessons.map((l) => l.subjectName).sort()).toEqual(["Математика", "Русский язык"]);
  });

  it("list the students of the class the teacher leads, for their records", async () => {
    const day = await getTeacherDay(await f.as("a.math"));
    expect(day.classes).toEqual([
      { id: f.A.c5, name: "5А", studentCount: 2, students: [{ id: f.A.s1, name: "Иванов Пётр" }, { id: f.A.s2, name: "Петров Илья" }] },
    ]);
    expect((await getTeacherDay(await f.as("a.rus"))).classes).toEqual([]);
  });
});

describe("what is not filled in", () => {
  it("lists the maths teacher's lessons without a topic and with nothing marked, not another's", async () => {
    const m = await listMissingWork(await f.as("a.math"));
    expect(m.topics).toEqual({
      total: 1,
      items: [{ lessonId: ids.heldNoTopic, date: addDays(f.today, -2), lessonNumber: 1, cohortId: f.A.c5, cohortName: "5А", subjectId: f.A.math, subjectName: "Математика" }],
    });
    // a removed mark is no mark; an absence is a record; cancelled, moved, today's planned and future lessons wait for nothing
    expect(m.attendance.items.map((l) => l.lessonId).sort()).toEqual([ids.heldNoTopic, ids.removedMarkOnly].sort());
    expect(m.attendance.total).toBe(2);
  });

  it("counts every item of a group but lists at most twenty, the latest first", async () => {
    const m = await listMissingWork(await f.as("a.rus"));
    expect(m.topics.total).toBe(MISSING_LIMIT + 2);
    expect(m.topics.items).toHaveLength(MISSING_LIMIT);
    expect(m.topics.items[0]?.lessonId).toBe(ids.rus0);
    expect(m.topics.items.every((l) => l.subjectName === "Русский язык")).toBe(true);
  });

  it("lists the finals due of a period ending within a week, per journal, with how many are missing", async () => {
    const math = await listMissingWork(await f.as("a.math"));
    expect(math.finals.items.map((x) => [x.periodName, x.cohortName, x.subjectName, x.missing, x.total, x.ended])).toEqual([
      ["2 четверть", "5А", "Математика", 1, 2, false],
      ["2 четверть", "6А", "Математика", 1, 1, false],
    ]);
    expect(math.finals.items[0]?.periodId).toBe(ids.due);
    const rus = await listMissingWork(await f.as("a.rus"));
    expect(rus.finals.items.map((x) => [x.periodName, x.cohortName, x.subjectName, x.missing, x.total])).toEqual([["2 четверть", "5А", "Русский язык", 2, 2]]);
  });

  it("has nothing of school A for a teacher of school B, and nothing for an administrator without lessons", async () => {
    const empty = { topics: { total: 0, items: [] }, attendance: { total: 0, items: [] }, finals: { total: 0, items: [] } };
    expect(await listMissingWork(await f.as("b.teacher"))).toEqual(empty);
    expect(await listMissingWork(await f.as("a.admin"))).toEqual(empty);
  });
});
