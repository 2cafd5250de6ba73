/**
 * The weekly timetable on a real database: a slot that puts a teacher, a room or a class
 * in two places at once is refused with a message naming what to change, and nothing is
 * written; groups of one class may have lessons at the same time, but not with the class.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { addTimetableSlot, endTimetableSlot, listTimetable } from "../../lib/timetable/slots";
import type { SlotInput } from "../../lib/timetable/schemas";
import { refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let yearStart: string;
let group1: string;
let group2: string;
let techId: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const y = await t.db.academicYear.findFirstOrThrow({ where: { schoolId: f.A.id }, select: { startDate: true } });
  yearStart = y.startDate.toISOString().slice(0, 10);
  // 5А is split into two groups for technology; both groups have it in the curriculum
  const tech = await t.db.subject.create({ data: { schoolId: f.A.id, name: "Технология", shortName: "Техн." } });
  for (const name of ["5А — девочки", "5А — мальчики"]) {
    const g = await t.db.cohort.create({ data: { schoolId: f.A.id, yearId: f.A.yearId, kind: "GROUP", name, grade: 5, parentId: f.A.c5 } });
    await t.db.curriculumItem.create({ data: { schoolId: f.A.id, cohortId: g.id, subjectId: tech.id, hoursPerWeek: 2, validFrom: y.startDate } });
    if (name.endsWith("девочки")) group1 = g.id;
    else group2 = g.id;
  }
  techId = tech.id;
});
afterAll(async () => {
  await t.close();
});

const slot = (over: Partial<SlotInput>): SlotInput => ({
  cohortId: f.A.c5, weekday: 2, lessonNumber: 3, subjectId: f.A.math, teacherId: f.A.mathT, room: "201", validFrom: yearStart, validTo: undefined, ...over,
});

describe("adding slots", () => {
  it("saves a free slot and shows it in the class's and the teacher's timetable", async () => {
    const admin = await f.as("a.admin");
    await addTimetableSlot(admin, slot({}));
    const byCohort = await listTimetable(admin, { cohortId: f.A.c5 });
    expect(byCohort.map((s) => `${s.weekday}/${s.lessonNumber} ${s.subject} ${s.teacher} ${s.room}`)).toEqual(["2/3 Математика Числова М. С. 201"]);
    const byTeacher = await listTimetable(admin, { teacherId: f.A.mathT });
    expect(byTeacher.map((s) => s.cohort)).toEqual(["5А"]);
  });

  it("a teacher in two places at once is refused, named, and nothing is written", async () => {
    const admin = await f.as("a.admin");
    const before = await t.db.timetableSlot.count();
    const e = await refusal(addTimetableSlot(admin, slot({ cohortId: f.A.c6, room: "305" })));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.message).toContain("Учитель Числова М. С. уже ведёт урок в 5А во вторник, 3-й урок");
    expect(e.message).toContain("Выберите другого учителя");
    expect(e.fieldErrors?.teacherId?.[0]).toContain("Числова М. С.");
    expect(await t.db.timetableSlot.count()).toBe(before);
  });

  it("a room taken by another class is refused", async () => {
    const admin = await f.as("a.admin");
    const e = await refusal(addTimetableSlot(admin, slot({ cohortId: f.A.c6, teacherId: f.A.rusT })));
    expect(e.message).toContain("Кабинет 201 уже занят во вторник, 3-й урок: там урок 5А (Математика)");
    expect(e.fieldErrors?.room).toHaveLength(1);
  });

  it("a class with two lessons at once is refused", async () => {
    const admin = await f.as("a.admin");
    const e = await refusal(addTimetableSlot(admin, slot({ subjectId: f.A.rus, teacherId: f.A.rusT, room: "203" })));
    expect(e.message).toContain("У 5А уже есть урок во вторник, 3-й урок: Математика");
    expect(e.fieldErrors?.lessonNumber).toHaveLength(1);
  });

  it("two groups of a class may have lessons at the same time; a group may not clash with its whole class", async () => {
    const admin = await f.as("a.admin");
    await addTimetableSlot(admin, slot({ cohortId: group1, subjectId: techId, teacherId: f.A.rusT, room: "210", lessonNumber: 4 }));
    await addTimetableSlot(admin, slot({ cohortId: group2, subjectId: techId, teacherId: f.A.deputyA, room: "211", lessonNumber: 4 }));
    const e = await refusal(addTimetableSlot(admin, slot({ cohortId: group1, subjectId: techId, teacherId: f.A.deputyA, room: "212", lessonNumber: 3, weekday: 2 })));
    expect(e.message).toContain("У 5А уже есть урок во вторник, 3-й урок");
  });

  it("slots that do not overlap in time do not conflict: a slot ended is free from its end", async () => {
    const admin = await f.as("a.admin");
    const [mine] = await listTimetable(admin, { cohortId: f.A.c5 });
    if (!mine) throw new Error("no slot");
    const y = Number(yearStart.slice(0, 4));
    await endTimetableSlot(admin, { slotId: mine.id, from: `${y + 1}-01-11` });
    await addTimetableSlot(admin, slot({ cohortId: f.A.c6, room: "305", validFrom: `${y + 1}-01-11` }));
    expect(await t.db.timetableSlot.count({ where: { schoolId: f.A.id, teacherId: f.A.mathT, weekday: 2, lessonNumber: 3 } })).toBe(2);
  });

  it("last year's slots left open-ended do not clash with this year's", async () => {
    const admin = await f.as("a.admin");
    const y = Number(yearStart.slice(0, 4));
    const last = await t.db.academicYear.create({ data: { schoolId: f.A.id, name: `${y - 1}/${y}`, startDate: new Date(`${y - 1}-09-01`), endDate: new Date(`${y}-08-31`) } });
    const old = await t.db.cohort.create({ data: { schoolId: f.A.id, yearId: last.id, kind: "CLASS", name: "4А", grade: 4 } });
    await t.db.timetableSlot.create({
      data: { schoolId: f.A.id, cohortId: old.id, subjectId: f.A.math, teacherId: f.A.mathT, room: "201", weekday: 4, lessonNumber: 1, validFrom: new Date(`${y - 1}-09-01`) },
    });
    await addTimetableSlot(admin, slot({ weekday: 4, lessonNumber: 1 }));
    expect(await t.db.timetableSlot.count({ where: { schoolId: f.A.id, weekday: 4, lessonNumber: 1 } })).toBe(2);
    // and the teacher's timetable shows this year's lesson only
    expect((await listTimetable(admin, { teacherId: f.A.mathT })).filter((s) => s.weekday === 4).map((s) => s.cohort)).toEqual(["5А"]);
  });

  it("a subject outside the class's curriculum is refused", async () => {
    const admin = await f.as("a.admin");
    const e = await refusal(addTimetableSlot(admin, slot({ cohortId: f.A.c6, subjectId: f.A.rus, teacherId: f.A.rusT, room: "1", weekday: 5 })));
    expect(e.fieldErrors?.subjectId?.[0]).toContain("учебного плана");
  });

  it("another school's class or teacher is not found", async () => {
    const admin = await f.as("a.admin");
    expect((await refusal(addTimetableSlot(admin, slot({ cohortId: f.B.cB, weekday: 6 })))).code).toBe("NOT_FOUND");
    const e = await refusal(addTimetableSlot(admin, slot({ teacherId: f.B.teacherB, weekday: 6 })));
    expect(e.fieldErrors?.teacherId).toBeDefined();
  });
});
