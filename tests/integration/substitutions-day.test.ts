/**
 * Substitutions, moves and cancellations on a real database. A substitute's journal
 * shows the lesson (its teacher changes) while the original teacher is kept; a lesson
 * with marks is never moved or cancelled; a move never lands on a busy time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { cancelLesson, listDayChanges, listDayLessons, moveLesson, substituteTeacher } from "../../lib/timetable/substitutions";
import { dayToDate } from "../../lib/time";
import { refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let day: string;
let nextDay: string;
let lesson1: string;
let lesson2: string;
let lesson6: string;

async function lesson(cohortId: string, subjectId: string, teacherId: string, date: string, lessonNumber: number): Promise<string> {
  const l = await t.db.lesson.create({ data: { schoolId: f.A.id, cohortId, subjectId, teacherId, date: dayToDate(date), lessonNumber, room: "201" } });
  return l.id;
}

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const y = (await t.db.academicYear.findFirstOrThrow({ where: { schoolId: f.A.id } })).startDate.getUTCFullYear();
  day = `${y + 1}-03-02`;
  nextDay = `${y + 1}-03-03`;
  lesson1 = await lesson(f.A.c5, f.A.math, f.A.mathT, day, 1);
  lesson2 = await lesson(f.A.c5, f.A.rus, f.A.rusT, day, 2);
  lesson6 = await lesson(f.A.c6, f.A.math, f.A.mathT, day, 2);
  await lesson(f.A.c5, f.A.rus, f.A.rusT, nextDay, 3);
});
afterAll(async () => {
  await t.close();
});

describe("substitution", () => {
  it("the substitute becomes the lesson's teacher; the original teacher and the reason are kept", async () => {
    const admin = await f.as("a.admin");
    await substituteTeacher(admin, { lessonId: lesson1, teacherId: f.A.deputyA, subjectId: undefined, room: "305", reason: "Учитель на больничном" });
    const l = await t.db.lesson.findFirstOrThrow({ where: { id: lesson1 } });
    expect(l).toMatchObject({ teacherId: f.A.deputyA, room: "305", subjectId: f.A.math });
    const s = await t.db.substitution.findFirstOrThrow({ where: { lessonId: lesson1 } });
    expect(s).toMatchObject({ originalTeacherId: f.A.mathT, teacherId: f.A.deputyA, reason: "Учитель на больничном" });
    const row = (await listDayLessons(admin, day)).find((x) => x.id === lesson1);
    expect(row).toMatchObject({ teacher: "Завучева О. П.", originalTeacher: "Числова М. С." });
  });

  it("a second substitution keeps the teacher of the timetable as the original", async () => {
    const admin = await f.as("a.admin");
    await substituteTeacher(admin, { lessonId: lesson1, teacherId: f.A.rusT, subjectId: f.A.rus, room: undefined, reason: "Завуч на совещании" });
    const subs = await t.db.substitution.findMany({ where: { lessonId: lesson1 }, orderBy: { createdAt: "asc" } });
    expect(subs.map((s) => s.originalTeacherId)).toEqual([f.A.mathT, f.A.mathT]);
    expect(await t.db.lesson.findFirstOrThrow({ where: { id: lesson1 } })).toMatchObject({ teacherId: f.A.rusT, subjectId: f.A.rus });
  });

  it("a lesson with marks keeps its subject: a substitution may change the teacher only", async () => {
    const admin = await f.as("a.admin");
    const withMarks = await t.db.lesson.findFirstOrThrow({ where: { schoolId: f.A.id, cohortId: f.A.c5, subjectId: f.A.math, marks: { some: {} } } });
    const e = await refusal(substituteTeacher(admin, { lessonId: withMarks.id, teacherId: f.A.deputyA, subjectId: f.A.rus, room: undefined, reason: "Болезнь" }));
    expect(e.fieldErrors?.subjectId?.[0]).toContain("уже есть отметки");
    expect((await t.db.lesson.findFirstOrThrow({ where: { id: withMarks.id } })).subjectId).toBe(f.A.math);
  });

  it("a substitute who teaches elsewhere at that time is refused", async () => {
    const admin = await f.as("a.admin");
    const e = await refusal(substituteTeacher(admin, { lessonId: lesson2, teacherId: f.A.mathT, subjectId: undefined, room: undefined, reason: "Болезнь" }));
    expect(e.message).toContain("Числова М. С. в это время (2-й урок) ведёт урок в 6А");
    expect(await t.db.substitution.count({ where: { lessonId: lesson2 } })).toBe(0);
  });
});

describe("moving a lesson", () => {
  it("refuses a lesson with marks, and says so", async () => {
    const admin = await f.as("a.admin");
    const withMarks = await t.db.lesson.findFirstOrThrow({ where: { schoolId: f.A.id, marks: { some: {} } } });
    await t.db.lesson.update({ where: { schoolId_id: { schoolId: f.A.id, id: withMarks.id } }, data: { status: "PLANNED" } });
    const e = await refusal(moveLesson(admin, { lessonId: withMarks.id, date: nextDay, lessonNumber: 6, reason: "Экскурсия" }));
    expect(e.message).toContain("есть отметки");
    expect((await t.db.lesson.findFirstOrThrow({ where: { id: withMarks.id } })).status).toBe("PLANNED");
  });

  it("refuses a time when the class already has a lesson", async () => {
    const admin = await f.as("a.admin");
    const before = await t.db.lesson.count();
    const e = await refusal(moveLesson(admin, { lessonId: lesson2, date: nextDay, lessonNumber: 3, reason: "Экскурсия" }));
    expect(e.message).toContain("У 5А уже есть урок");
    expect(e.message).toContain("3-й урок: Русский язык");
    expect(await t.db.lesson.count()).toBe(before);
  });

  it("moves: a new lesson at the new time, the old one MOVED with the link and the reason", async () => {
    const admin = await f.as("a.admin");
    const moved = await moveLesson(admin, { lessonId: lesson2, date: nextDay, lessonNumber: 5, reason: "Класс на экскурсии" });
    const old = await t.db.lesson.findFirstOrThrow({ where: { id: lesson2 } });
    expect(old).toMatchObject({ status: "MOVED", movedToId: moved.id, statusReason: "Класс на экскурсии" });
    const fresh = await t.db.lesson.findFirstOrThrow({ where: { id: moved.id } });
    expect(fresh).toMatchObject({ cohortId: f.A.c5, subjectId: f.A.rus, teacherId: f.A.rusT, lessonNumber: 5, status: "PLANNED", timetableSlotId: null });
    expect((await listDayChanges(admin, nextDay)).map((c) => c.kind)).toEqual(["MOVED_HERE"]);
  });
});

describe("cancelling a lesson", () => {
  it("refuses a lesson with marks", async () => {
    const admin = await f.as("a.admin");
    const withMarks = await t.db.lesson.findFirstOrThrow({ where: { schoolId: f.A.id, marks: { some: {} } } });
    const e = await refusal(cancelLesson(admin, { lessonId: withMarks.id, reason: "Актированный день" }));
    expect(e.message).toContain("есть отметки");
  });

  it("cancels with a reason; the day's list shows substitutions, moves and cancellations with reasons", async () => {
    const admin = await f.as("a.admin");
    await cancelLesson(admin, { lessonId: lesson6, reason: "Актированный день: мороз −35 °C" });
    expect(await t.db.lesson.findFirstOrThrow({ where: { id: lesson6 } })).toMatchObject({ status: "CANCELLED", statusReason: "Актированный день: мороз −35 °C" });
    const changes = await listDayChanges(admin, day);
    expect(changes.map((c) => `${c.cohort} ${c.lessonNumber} ${c.kind}: ${c.reason}`)).toEqual([
      "5А 1 SUBSTITUTION: Учитель на больничном",
      "5А 1 SUBSTITUTION: Завуч на совещании",
      "5А 2 MOVED_AWAY: Класс на экскурсии",
      "6А 2 CANCELLED: Актированный день: мороз −35 °C",
    ]);
    expect(changes[0]?.details).toBe("Замена: Числова М. С. → Завучева О. П. (кабинет 305)");
    expect((await refusal(cancelLesson(admin, { lessonId: lesson6, reason: "ещё раз" }))).message).toContain("уже отменён");
  });

  it("another school's lesson is not found", async () => {
    const admin = await f.as("b.admin");
    expect((await refusal(cancelLesson(admin, { lessonId: lesson1, reason: "x" }))).code).toBe("NOT_FOUND");
  });
});
