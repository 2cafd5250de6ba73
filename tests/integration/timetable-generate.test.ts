/**
 * «Создать уроки на период» on a real database: lessons from the timetable skip each
 * grade's holidays; running it again changes nothing; after a timetable change, empty
 * planned lessons follow the timetable while lessons with marks stay and are reported.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { addTimetableSlot, endTimetableSlot, listTimetable } from "../../lib/timetable/slots";
import { createLessonsForPeriod } from "../../lib/timetable/lessons";
import { generateLessonsForSchool } from "../../lib/timetable/generate";
import { mondayOf } from "../../lib/curriculum/school-weeks";
import { dateToDay, dayToDate } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
let c1: string;
let y: number;
/** a Monday in February of the school year, in the week of grade 1's extra holiday */
let febMonday: string;

const plus = (day: string, n: number): string => {
  const d = dayToDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dateToDay(d);
};

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const year = await t.db.academicYear.findFirstOrThrow({ where: { schoolId: f.A.id }, select: { startDate: true } });
  y = year.startDate.getUTCFullYear();
  febMonday = mondayOf(`${y + 1}-02-17`);
  c1 = (await t.db.cohort.create({ data: { schoolId: f.A.id, yearId: f.A.yearId, kind: "CLASS", name: "1А", grade: 1 } })).id;
  await t.db.curriculumItem.create({ data: { schoolId: f.A.id, cohortId: c1, subjectId: f.A.math, hoursPerWeek: 4, validFrom: year.startDate } });
  await t.db.holiday.create({
    data: { schoolId: f.A.id, yearId: f.A.yearId, name: "Дополнительные каникулы для 1 класса", startDate: dayToDate(febMonday), endDate: dayToDate(plus(febMonday, 6)), gradeFrom: 1, gradeTo: 1 },
  });
  const admin = await f.as("a.admin");
  const from = dateToDay(year.startDate);
  // Monday 1st lesson: maths in 1А (rusT) and in 5А (mathT); Wednesday 2nd: maths in 5А
  await addTimetableSlot(admin, { cohortId: c1, weekday: 1, lessonNumber: 1, subjectId: f.A.math, teacherId: f.A.rusT, room: "101", validFrom: from, validTo: undefined });
  await addTimetableSlot(admin, { cohortId: f.A.c5, weekday: 1, lessonNumber: 1, subjectId: f.A.math, teacherId: f.A.mathT, room: "201", validFrom: from, validTo: undefined });
  await addTimetableSlot(admin, { cohortId: f.A.c5, weekday: 3, lessonNumber: 2, subjectId: f.A.math, teacherId: f.A.mathT, room: "201", validFrom: from, validTo: undefined });
});
afterAll(async () => {
  await t.close();
});

const lessonsOf = (cohortId: string, from: string, to: string) =>
  t.db.lesson.findMany({
    where: { schoolId: f.A.id, cohortId, date: { gte: dayToDate(from), lte: dayToDate(to) } },
    orderBy: [{ date: "asc" }, { lessonNumber: "asc" }],
    select: { id: true, date: true, lessonNumber: true, teacherId: true, room: true, timetableSlotId: true, status: true },
  });

describe("lessons from the timetable", () => {
  it("skips grade 1's extra holiday for 1А only, and writes teacher, room and slot into each lesson", async () => {
    const admin = await f.as("a.admin");
    const range = { from: plus(febMonday, -7), to: plus(febMonday, 13) };
    const report = await createLessonsForPeriod(admin, { ...range, cohortId: undefined });
    // three weeks: 1А has Mondays of weeks 1 and 3; 5А has 2 lessons a week
    expect(report.created).toBe(2 + 6);
    expect(report.keptWithWork).toEqual([]);
    const first = await lessonsOf(c1, range.from, range.to);
    expect(first.map((l) => dateToDay(l.date))).toEqual([plus(febMonday, -7), plus(febMonday, 7)]);
    const fifth = await lessonsOf(f.A.c5, febMonday, febMonday);
    expect(fifth).toHaveLength(1);
    expect(fifth[0]).toMatchObject({ teacherId: f.A.mathT, room: "201", status: "PLANNED" });
    expect(fifth[0]?.timetableSlotId).not.toBeNull();
  });

  it("running it again changes nothing", async () => {
    const admin = await f.as("a.admin");
    const range = { from: plus(febMonday, -7), to: plus(febMonday, 13), cohortId: undefined };
    const before = await t.db.lesson.findMany({ where: { schoolId: f.A.id }, orderBy: { id: "asc" } });
    const again = await createLessonsForPeriod(admin, range);
    expect(again).toMatchObject({ created: 0, updated: 0, removed: 0, unchanged: 8, keptWithWork: [] });
    expect(await t.db.lesson.findMany({ where: { schoolId: f.A.id }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("after a timetable change: empty lessons follow it, a held lesson with marks stays and is reported", async () => {
    const admin = await f.as("a.admin");
    const range = { from: plus(febMonday, -7), to: plus(febMonday, 13) };
    const [held] = await lessonsOf(f.A.c5, range.from, range.from);
    if (!held) throw new Error("no lesson");
    await t.db.lesson.update({ where: { schoolId_id: { schoolId: f.A.id, id: held.id } }, data: { status: "HELD", topic: "Дроби" } });
    await t.db.mark.create({
      data: { schoolId: f.A.id, lessonId: held.id, studentId: f.A.s1, cohortId: f.A.c5, subjectId: f.A.math, date: held.date, workTypeId: f.A.workTypeId, kind: "NUMERIC", value: 5, authorId: f.A.mathT },
    });
    // Monday maths in 5А moves from the 1st to the 4th lesson for the whole year
    const monday = (await listTimetable(admin, { cohortId: f.A.c5 })).find((s) => s.weekday === 1);
    if (!monday) throw new Error("no slot");
    await endTimetableSlot(admin, { slotId: monday.id, from: `${y}-09-01` });
    await addTimetableSlot(admin, { cohortId: f.A.c5, weekday: 1, lessonNumber: 4, subjectId: f.A.math, teacherId: f.A.mathT, room: "201", validFrom: `${y}-09-01`, validTo: undefined });

    const report = await createLessonsForPeriod(admin, { ...range, cohortId: f.A.c5 });
    expect(report).toMatchObject({ created: 3, removed: 2, updated: 0 });
    expect(report.keptWithWork).toEqual([
      expect.objectContaining({ id: held.id, date: range.from, lessonNumber: 1, cohort: "5А", subject: "Математика", teacher: "Числова М. С.", status: "HELD" }),
    ]);
    const mondays = (await lessonsOf(f.A.c5, range.from, range.to)).filter((l) => l.date.getUTCDay() === 1);
    expect(mondays.map((l) => `${dateToDay(l.date)}#${l.lessonNumber}`)).toEqual([
      `${range.from}#1`, `${range.from}#4`, `${febMonday}#4`, `${plus(febMonday, 7)}#4`,
    ]);
    expect(await t.db.mark.count({ where: { lessonId: held.id } })).toBe(1);
    // and again: nothing more to do, the held lesson is reported again, never removed
    const again = await createLessonsForPeriod(admin, { ...range, cohortId: f.A.c5 });
    expect(again).toMatchObject({ created: 0, removed: 0, updated: 0 });
    expect(again.keptWithWork.map((k) => k.id)).toEqual([held.id]);
  });

  it("a new teacher in the timetable is written into planned lessons, not held ones", async () => {
    const admin = await f.as("a.admin");
    const range = { from: plus(febMonday, -7), to: plus(febMonday, 13) };
    const wed = (await listTimetable(admin, { cohortId: f.A.c5 })).find((s) => s.weekday === 3);
    if (!wed) throw new Error("no slot");
    await endTimetableSlot(admin, { slotId: wed.id, from: `${y}-09-01` });
    await addTimetableSlot(admin, { cohortId: f.A.c5, weekday: 3, lessonNumber: 2, subjectId: f.A.math, teacherId: f.A.deputyA, room: "202", validFrom: `${y}-09-01`, validTo: undefined });
    const report = await createLessonsForPeriod(admin, { ...range, cohortId: f.A.c5 });
    expect(report.updated).toBe(3);
    const weds = (await lessonsOf(f.A.c5, range.from, range.to)).filter((l) => l.date.getUTCDay() === 3);
    expect(weds.every((l) => l.teacherId === f.A.deputyA && l.room === "202")).toBe(true);
  });

  it("the benchmark entry point generates for the whole school without a principal", async () => {
    const report = await generateLessonsForSchool(t.db, f.A.id, { from: plus(febMonday, 14), to: plus(febMonday, 20) });
    expect(report.created).toBe(3);
  });
});
