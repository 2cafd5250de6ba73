/**
 * Subjects and the curriculum on a real database: a line with its planned yearly hours
 * from the school calendar, a change as a new version from a date, bad input refused
 * with the field named; and every write of this part refused to a teacher.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { AppError } from "../../lib/errors";
import { createSubject, listSubjects } from "../../lib/curriculum/subjects";
import { addCurriculumItem, getCohortCurriculum, reviseCurriculumItem } from "../../lib/curriculum/curriculum";
import { addTimetableSlot, endTimetableSlot } from "../../lib/timetable/slots";
import { createLessonsForPeriod } from "../../lib/timetable/lessons";
import { cancelLesson, moveLesson, substituteTeacher } from "../../lib/timetable/substitutions";
import { planAssessmentEvent, removeAssessmentEvent } from "../../lib/timetable/assessments";
import { exportAssessmentSchedule } from "../../lib/timetable/assessment-export";
import { dayToDate } from "../../lib/time";
import { outcome } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let y: number;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  y = (await t.db.academicYear.findFirstOrThrow({ where: { schoolId: f.A.id } })).startDate.getUTCFullYear();
  // the school year of grades 1–9: 1 Sep – 26 May, with autumn holidays (a whole week off)
  await t.db.period.updateMany({ where: { schoolId: f.A.id, kind: "YEAR" }, data: { endDate: dayToDate(`${y + 1}-05-26`) } });
  await t.db.holiday.create({ data: { schoolId: f.A.id, yearId: f.A.yearId, name: "Осенние каникулы", startDate: dayToDate(`${y}-10-24`), endDate: dayToDate(`${y}-11-01`) } });
});
afterAll(async () => {
  await t.close();
});

describe("subjects", () => {
  it("adds a correction course and refuses a second subject of the same name", async () => {
    const admin = await f.as("a.admin");
    await createSubject(admin, { name: "Логопедические занятия", shortName: "Логопед.", kind: "CORRECTION" });
    expect((await listSubjects(admin)).map((s) => `${s.name}:${s.kind}`)).toEqual(["Логопедические занятия:CORRECTION", "Математика:SUBJECT", "Русский язык:SUBJECT"]);
    try {
      await createSubject(admin, { name: "математика", shortName: "М", kind: "SUBJECT" });
      throw new Error("expected a refusal");
    } catch (e) {
      expect((e as AppError).fieldErrors?.name).toEqual(["Предмет с таким названием уже есть."]);
    }
  });
});

describe("the curriculum of a cohort", () => {
  it("shows planned yearly hours from the calendar: hours a week × school weeks", async () => {
    const admin = await f.as("a.admin");
    const logo = (await listSubjects(admin)).find((s) => s.name === "Логопедические занятия");
    if (!logo) throw new Error("no subject");
    await addCurriculumItem(admin, {
      cohortId: f.A.c5, subjectId: logo.id, hoursPerWeek: "0.5", hoursPerYear: undefined, scale: "NONE",
      teacherId: f.A.rusT, teacher2Id: undefined, validFrom: `${y}-09-01`, validTo: undefined,
    });
    const plan = await getCohortCurriculum(admin, f.A.c5);
    const weeks = plan.schoolWeeks;
    // 1 Sep – 26 May spans 39 calendar weeks; the autumn week off leaves 38 (for 2026/27)
    expect(weeks).toBeGreaterThanOrEqual(37);
    expect(weeks).toBeLessThanOrEqual(39);
    const line = plan.lines.find((l) => l.subject === "Логопедические занятия");
    expect(line).toMatchObject({ hoursPerWeek: "0.5", scale: "NONE", teachers: ["Словарёва Е. О."], plannedTenths: 5 * weeks });
    expect(plan.lines.find((l) => l.subject === "Математика")?.plannedTenths).toBe(40 * weeks);
  });

  it("a second line for the same subject and dates is refused; a change is a new version from a date", async () => {
    const admin = await f.as("a.admin");
    const e = await outcome(
      addCurriculumItem(admin, { cohortId: f.A.c5, subjectId: f.A.math, hoursPerWeek: "5", hoursPerYear: undefined, scale: "FIVE_POINT", teacherId: undefined, teacher2Id: undefined, validFrom: `${y}-09-01`, validTo: undefined }),
    );
    expect(e).toBe("BAD_INPUT");
    const math = (await getCohortCurriculum(admin, f.A.c5)).lines.find((l) => l.subject === "Математика");
    if (!math) throw new Error("no line");
    await reviseCurriculumItem(admin, { itemId: math.id, hoursPerWeek: "5", hoursPerYear: undefined, scale: "FIVE_POINT", teacherId: f.A.mathT, teacher2Id: f.A.deputyA, from: `${y + 1}-01-12` });
    const lines = (await getCohortCurriculum(admin, f.A.c5)).lines.filter((l) => l.subject === "Математика");
    expect(lines.map((l) => [l.hoursPerWeek, l.validFrom, l.validTo, l.teachers.length])).toEqual([
      ["4", `${y}-09-01`, `${y + 1}-01-11`, 1],
      ["5", `${y + 1}-01-12`, null, 2],
    ]);
    expect(await outcome(reviseCurriculumItem(admin, { itemId: math.id, hoursPerWeek: "3", hoursPerYear: undefined, scale: "FIVE_POINT", teacherId: undefined, teacher2Id: undefined, from: `${y}-08-01` }))).toBe("BAD_INPUT");
  });

  it("another school's cohort is not found", async () => {
    const admin = await f.as("b.admin");
    expect(await outcome(getCohortCurriculum(admin, f.A.c5))).toBe("NOT_FOUND");
  });
});

describe("a teacher may not change the plan, the timetable, lessons or the test schedule", () => {
  it("every write and every read of this part is FORBIDDEN to a teacher", async () => {
    const teacher = await f.as("a.math");
    const lesson = await t.db.lesson.findFirstOrThrow({ where: { schoolId: f.A.id } });
    const day = `${y}-12-07`;
    const id = lesson.id;
    const calls: Promise<unknown>[] = [
      createSubject(teacher, { name: "Черчение", shortName: "Черч.", kind: "SUBJECT" }),
      addCurriculumItem(teacher, { cohortId: f.A.c5, subjectId: f.A.rus, hoursPerWeek: "1", hoursPerYear: undefined, scale: "FIVE_POINT", teacherId: undefined, teacher2Id: undefined, validFrom: day, validTo: undefined }),
      reviseCurriculumItem(teacher, { itemId: id, hoursPerWeek: "1", hoursPerYear: undefined, scale: "FIVE_POINT", teacherId: undefined, teacher2Id: undefined, from: day }),
      addTimetableSlot(teacher, { cohortId: f.A.c5, weekday: 1, lessonNumber: 1, subjectId: f.A.math, teacherId: f.A.mathT, room: undefined, validFrom: day, validTo: undefined }),
      endTimetableSlot(teacher, { slotId: id, from: day }),
      createLessonsForPeriod(teacher, { from: day, to: day, cohortId: undefined }),
      substituteTeacher(teacher, { lessonId: id, teacherId: f.A.rusT, subjectId: undefined, room: undefined, reason: "x" }),
      moveLesson(teacher, { lessonId: id, date: day, lessonNumber: 7, reason: "x" }),
      cancelLesson(teacher, { lessonId: id, reason: "x" }),
      planAssessmentEvent(teacher, { cohortId: f.A.c5, subjectId: f.A.math, workTypeId: f.A.workTypeId, date: day, title: "x" }),
      removeAssessmentEvent(teacher, id),
      exportAssessmentSchedule(teacher, { format: "pdf", periodId: id, cohortId: undefined }),
      listSubjects(teacher),
      getCohortCurriculum(teacher, f.A.c5),
    ];
    for (const call of calls) expect(await outcome(call)).toBe("FORBIDDEN");
    for (const g of ["a.g1", "a.s1"]) expect(await outcome(createSubject(await f.as(g), { name: "Черчение", shortName: "Черч.", kind: "SUBJECT" }))).toBe("FORBIDDEN");
    expect(await t.db.subject.count({ where: { name: "Черчение" } })).toBe(0);
    expect(await t.db.lesson.findFirstOrThrow({ where: { id } })).toEqual(lesson);
  });
});
