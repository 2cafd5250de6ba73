/**
 * The family's diary week on a real database (issue 5, item 1): a guardian sees their
 * child's lessons with bell times, the substitute named with the teacher replaced, a
 * cancelled and a moved lesson with their reasons, the child's own marks and attendance,
 * the homework due each day (the class's and the child's own, with files), holidays, and
 * lessons of the child's group; nobody sees another family's child.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { outcome } from "../support/refusal";
import { mondayOf, readDiaryWeek, readDiaryWeeks, weekParam, type DiaryWeek } from "../../lib/diary/week";
import { addDays, dateToDay, dayToDate } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
let monday: string;
let ids: { math1: string; rus2: string; cancelled: string; moved: string; movedTo: string; group: string; fileId: string };

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const A = f.A;
  const sid = A.id;
  const year = await t.db.academicYear.findFirstOrThrow({ where: { schoolId: sid }, select: { startDate: true } });
  // a week well inside the school year, whatever day the tests run on
  monday = mondayOf(addDays(dateToDay(year.startDate), 70));
  const day = (i: number) => dayToDate(addDays(monday, i));
  const testType = await t.db.workType.create({ data: { schoolId: sid, code: "TEST", name: "Контрольная работа", weight: 2 } });

  const bells = await t.db.bellSchedule.create({ data: { schoolId: sid, name: "Основное", validFrom: year.startDate } });
  for (const [number, startsAt, endsAt] of [[1, "08:30", "09:10"], [2, "09:20", "10:00"], [3, "10:20", "11:00"]] as const) {
    await t.db.bellSlot.create({ data: { schoolId: sid, scheduleId: bells.id, number, startsAt, endsAt } });
  }
  const lesson = (data: { cohortId?: string; subjectId: string; teacherId: string; i: number; n: number; status?: "PLANNED" | "HELD" | "CANCELLED" | "MOVED"; statusReason?: string; topic?: string; room?: string }) =>
    t.db.lesson.create({
      data: {
        schoolId: sid, cohortId: data.cohortId ?? A.c5, subjectId: data.subjectId, teacherId: data.teacherId, date: day(data.i), lessonNumber: data.n,
        status: data.status ?? "HELD", statusReason: data.statusReason ?? null, topic: data.topic ?? null, room: data.room ?? null,
      },
      select: { id: true },
    });
  const mark = (lessonId: string, studentId: string, subjectId: string, i: number, value: number, workTypeId: string, removed = false) =>
    t.db.mark.create({
      data: {
        schoolId: sid, lessonId, studentId, cohortId: A.c5, subjectId, date: day(i), workTypeId, kind: "NUMERIC", value, authorId: A.mathT,
        removedAt: removed ? new Date() : null,
      },
    });

  // Monday: maths (a test: s1 gets 5, s2 gets 3), Russian taught by the deputy instead of its teacher, a mark removed
  const math1 = await lesson({ subjectId: A.math, teacherId: A.mathT, i: 0, n: 1, topic: "Дроби", room: "12" });
  await mark(math1.id, A.s1, A.math, 0, 5, testType.id);
  await mark(math1.id, A.s2, A.math, 0, 3, testType.id);
  const rus2 = await lesson({ subjectId: A.rus, teacherId: A.deputyA, i: 0, n: 2 });
  await t.db.substitution.create({ data: { schoolId: sid, lessonId: rus2.id, originalTeacherId: A.rusT, teacherId: A.deputyA, reason: "Болезнь учителя" } });
  await t.db.attendance.create({ data: { schoolId: sid, lessonId: rus2.id, studentId: A.s1, date: day(0), code: "LATE", minutesLate: 7, authorId: A.deputyA } });
  const math3 = await lesson({ subjectId: A.math, teacherId: A.mathT, i: 0, n: 3 });
  await mark(math3.id, A.s1, A.math, 0, 2, A.workTypeId, true);

  // Tuesday: maths cancelled; Wednesday: maths moved to Thursday
  const cancelled = await lesson({ subjectId: A.math, teacherId: A.mathT, i: 1, n: 1, status: "CANCELLED", statusReason: "Карантин" });
  const movedTo = await lesson({ subjectId: A.math, teacherId: A.mathT, i: 3, n: 5, status: "PLANNED" });
  const moved = await t.db.lesson.create({
    data: { schoolId: sid, cohortId: A.c5, subjectId: A.math, teacherId: A.mathT, date: day(2), lessonNumber: 2, status: "MOVED", movedToId: movedTo.id, statusReason: "Олимпиада" },
    select: { id: true },
  });

  // homework due Tuesday: the class's (with a file), s1's own, and s2's own
  const hw = await t.db.homework.create({ data: { schoolId: sid, lessonId: math1.id, cohortId: A.c5, subjectId: A.math, text: "№ 12, 13", dueDate: day(1), authorId: A.mathT } });
  const file = await t.db.homeworkFile.create({
    data: { schoolId: sid, homeworkId: hw.id, fileName: "задачи.pdf", mimeType: "application/pdf", size: 2048, sha256: "0".repeat(64), data: new Uint8Array([1, 2, 3]) },
  });
  await t.db.homework.create({ data: { schoolId: sid, lessonId: math1.id, cohortId: A.c5, subjectId: A.math, studentId: A.s1, text: "Повторить таблицу", dueDate: day(1), authorId: A.mathT } });
  await t.db.homework.create({ data: { schoolId: sid, lessonId: math1.id, cohortId: A.c5, subjectId: A.math, studentId: A.s2, text: "Чужое задание", dueDate: day(1), authorId: A.mathT } });

  // Friday: a lesson of s1's group; and one of a group s1 left on Wednesday
  const eng = (await t.db.subject.create({ data: { schoolId: sid, name: "Английский язык", shortName: "Англ" } })).id;
  const group = await t.db.cohort.create({ data: { schoolId: sid, yearId: A.yearId, kind: "GROUP", name: "5А — английский, группа 1", grade: 5, parentId: A.c5 } });
  const left = await t.db.cohort.create({ data: { schoolId: sid, yearId: A.yearId, kind: "GROUP", name: "5А — кружок", grade: 5, parentId: A.c5 } });
  await t.db.cohortMembership.create({ data: { schoolId: sid, cohortId: group.id, studentId: A.s1, startDate: year.startDate } });
  await t.db.cohortMembership.create({ data: { schoolId: sid, cohortId: left.id, studentId: A.s1, startDate: year.startDate, endDate: day(2), endReason: "MOVED" } });
  const groupLesson = await lesson({ cohortId: group.id, subjectId: eng, teacherId: A.rusT, i: 4, n: 3 });
  await lesson({ cohortId: left.id, subjectId: eng, teacherId: A.rusT, i: 4, n: 4 });

  // Saturday: a day off for everyone; a holiday of grade 1 only on Friday
  await t.db.holiday.create({ data: { schoolId: sid, yearId: A.yearId, kind: "NON_WORKING_DAY", name: "День здоровья", startDate: day(5), endDate: day(5) } });
  await t.db.holiday.create({ data: { schoolId: sid, yearId: A.yearId, name: "Дополнительные каникулы", startDate: day(4), endDate: day(4), gradeFrom: 1, gradeTo: 1 } });

  ids = { math1: math1.id, rus2: rus2.id, cancelled: cancelled.id, moved: moved.id, movedTo: movedTo.id, group: groupLesson.id, fileId: file.id };
});
afterAll(async () => {
  await t.close();
});

function lessonOf(w: DiaryWeek, id: string) {
  const l = w.days.flatMap((d) => d.lessons).find((x) => x.id === id);
  if (!l) throw new Error(`lesson ${id} not in the week`);
  return l;
}

describe("the week a guardian sees", () => {
  it("runs Monday to Saturday of the week of any day asked, with links to the weeks around it", async () => {
    const w = await readDiaryWeek(await f.as("a.g1"), f.A.s1, addDays(monday, 3));
    expect(w.weekStart).toBe(monday);
    expect(w.weekEnd).toBe(addDays(monday, 5));
    expect(w.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(w.previousWeek).toBe(addDays(monday, -7));
    expect(w.nextWeek).toBe(addDays(monday, 7));
    expect(w.student.name).toBe("Иванов Пётр");
    expect(mondayOf(addDays(monday, 6))).toBe(monday);
  });

  it("shows the child's lesson with bell time, teacher, room, topic and the child's own mark with its work type", async () => {
    const w = await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday);
    const l = lessonOf(w, ids.math1);
    expect(l).toMatchObject({
      lessonNumber: 1, startsAt: "08:30", endsAt: "09:10", subjectName: "Математика", teacher: "Числова М. С.", room: "12", topic: "Дроби",
      status: "HELD", substitution: null, cohort: null,
      marks: [{ symbol: "5", workType: "Контрольная работа" }],
    });
  });

  it("names the substitute and the teacher replaced, with the reason, and the child's lateness", async () => {
    const w = await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday);
    const l = lessonOf(w, ids.rus2);
    expect(l.teacher).toBe("Завучева О. П.");
    expect(l.substitution).toEqual({ teacher: "Завучева О. П.", originalTeacher: "Словарёва Е. О.", reason: "Болезнь учителя" });
    expect(l.startsAt).toBe("09:20");
    expect(l.attendance).toEqual({ code: "LATE", symbol: "оп", minutesLate: 7 });
  });

  it("marks a cancelled lesson and a moved one with their reasons and where it went", async () => {
    const w = await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday);
    expect(lessonOf(w, ids.cancelled)).toMatchObject({ status: "CANCELLED", statusReason: "Карантин" });
    expect(lessonOf(w, ids.moved)).toMatchObject({ status: "MOVED", statusReason: "Олимпиада", movedTo: { day: addDays(monday, 3), lessonNumber: 5 } });
    expect(lessonOf(w, ids.movedTo)).toMatchObject({ status: "PLANNED", movedFrom: { day: addDays(monday, 2), lessonNumber: 2, reason: "Олимпиада" } });
  });

  it("does not show a removed mark", async () => {
    const w = await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday);
    const symbols = w.days.flatMap((d) => d.lessons).flatMap((l) => l.marks.map((m) => m.symbol));
    expect(symbols).toEqual(["5"]);
  });

  it("lists the homework due each day: the class's with its file, and the child's own, never another child's", async () => {
    const w = await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday);
    const tuesday = w.days[1];
    expect(tuesday?.homework.map((h) => [h.subjectName, h.text, h.individual])).toEqual([
      ["Математика", "№ 12, 13", false],
      ["Математика", "Повторить таблицу", true],
    ]);
    expect(tuesday?.homework[0]?.files).toEqual([{ id: ids.fileId, name: "задачи.pdf", size: 2048, href: `/api/homework-files/${ids.fileId}` }]);
    const other = await readDiaryWeek(await f.as("a.g2"), f.A.s2, monday);
    expect(other.days[1]?.homework.map((h) => h.text)).toEqual(["№ 12, 13", "Чужое задание"]);
    expect(other.days.flatMap((d) => d.lessons).flatMap((l) => l.marks.map((m) => m.symbol))).toEqual(["3"]);
  });

  it("includes the lessons of the child's group, not of a group the child has left, nor of a group of others", async () => {
    const w = await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday);
    const friday = w.days[4];
    expect(friday?.lessons.map((l) => [l.subjectName, l.cohort?.kind, l.cohort?.name])).toEqual([["Английский язык", "GROUP", "5А — английский, группа 1"]]);
    const s2 = await readDiaryWeek(await f.as("a.g2"), f.A.s2, monday);
    expect(s2.days[4]?.lessons).toEqual([]);
  });

  it("shows a day off of the child's grade, not a holiday of another grade", async () => {
    const w = await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday);
    expect(w.days[5]?.holiday).toEqual({ name: "День здоровья", kind: "NON_WORKING_DAY" });
    expect(w.days[4]?.holiday).toBeNull();
  });

  it("weeks read together (the offline diary's this week and next) are each the week read alone", async () => {
    const g1 = await f.as("a.g1");
    for (const child of [f.A.s1, f.A.s3]) {
      const together = await readDiaryWeeks(g1, child, addDays(monday, -4), 3);
      const alone = await Promise.all([-7, 0, 7].map((d) => readDiaryWeek(g1, child, addDays(monday, d))));
      expect(together.map((w) => w.weekStart)).toEqual([addDays(monday, -7), monday, addDays(monday, 7)]);
      expect(together).toEqual(alone);
    }
    // the weeks together hold what the week alone shows: lessons, marks, homework, holidays
    const [, week] = await readDiaryWeeks(g1, f.A.s1, addDays(monday, -7), 2);
    expect(week?.days.flatMap((d) => d.lessons).length).toBeGreaterThan(0);
    expect(week?.days[5]?.holiday).toEqual({ name: "День здоровья", kind: "NON_WORKING_DAY" });
  });

  it("marks today when the week is the current one", async () => {
    const w = await readDiaryWeek(await f.as("a.g1"), f.A.s1, f.today);
    expect(w.days.filter((d) => d.isToday).map((d) => d.day)).toEqual(w.days.some((d) => d.day === f.today) ? [f.today] : []);
    expect(w.today).toBe(f.today);
  });
});

describe("who may read a week", () => {
  it("a guardian reads each of their children, not another family's child nor a child of another school", async () => {
    const g1 = await f.as("a.g1");
    expect(await outcome(readDiaryWeek(g1, f.A.s3, monday))).toBe("OK");
    expect(await outcome(readDiaryWeek(g1, f.A.s2, monday))).toBe("NOT_FOUND");
    expect(await outcome(readDiaryWeek(g1, f.B.sB, monday))).toBe("NOT_FOUND");
    expect(await outcome(readDiaryWeek(await f.as("b.g"), f.A.s1, monday))).toBe("NOT_FOUND");
    expect(await outcome(readDiaryWeek(g1, "not-an-id", monday))).toBe("NOT_FOUND");
  });

  it("a student sees only themself; staff use the journal, not the diary", async () => {
    const s1 = await f.as("a.s1");
    expect(await outcome(readDiaryWeek(s1, f.A.s1, monday))).toBe("OK");
    expect(await outcome(readDiaryWeek(s1, f.A.s2, monday))).toBe("NOT_FOUND");
    expect(await outcome(readDiaryWeek(s1, f.A.s3, monday))).toBe("NOT_FOUND");
    expect(await outcome(readDiaryWeek(await f.as("a.math"), f.A.s1, monday))).toBe("FORBIDDEN");
  });

  it("reads a bad ?week= as this week", () => {
    expect(weekParam("31.02.2026", "2026-12-04")).toBe("2026-12-04");
    expect(weekParam("07.12.2026", "2026-12-04")).toBe("2026-12-07");
    expect(weekParam(undefined, "2026-12-04")).toBe("2026-12-04");
  });
});
