/**
 * A column of the journal grid on a real database (issue 4, item 1): setting a lesson's
 * work type moves its marks to that type, so the averages change, and every moved mark
 * is kept in the history; who may do it, and what a closed period or year refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { setLessonWorkType } from "../../lib/journal/column";
import { loadCellHistory, loadJournalGrid, saveGridCell } from "../../lib/journal/grid";
import { dayToDate } from "../../lib/time";
import { outcome, refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
/** 5А maths, today: Иванов has «3» on it as work in class; the fixture's other lesson has his «5» */
let lesson: string;
let rusLesson: string;
let testType: string;
let archivedType: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const { A } = f;
  testType = (await t.db.workType.create({ data: { schoolId: A.id, code: "TEST", name: "Контрольная работа", weight: 2 } })).id;
  archivedType = (await t.db.workType.create({ data: { schoolId: A.id, code: "OLD", name: "Старый вид", weight: 3, archived: true } })).id;
  lesson = (await t.db.lesson.create({
    data: { schoolId: A.id, cohortId: A.c5, subjectId: A.math, teacherId: A.mathT, date: dayToDate(f.today), lessonNumber: 7, status: "HELD" },
  })).id;
  await t.db.mark.create({
    data: { schoolId: A.id, lessonId: lesson, studentId: A.s1, cohortId: A.c5, subjectId: A.math, date: dayToDate(f.today), workTypeId: A.workTypeId, kind: "NUMERIC", value: 3, authorId: A.mathT },
  });
  rusLesson = (await t.db.lesson.findFirstOrThrow({ where: { schoolId: A.id, cohortId: A.c5, subjectId: A.rus }, select: { id: true } })).id;
});
afterAll(async () => {
  await t.close();
});

const averageOf = async (name: string) => {
  const g = await loadJournalGrid(await f.as("a.math"), f.A.c5, f.A.math);
  return g.students.find((s) => s.name === name);
};

describe("the work type of a column", () => {
  it("moves the lesson's marks to the chosen type, so the average changes, and keeps each move in the history", async () => {
    const math = await f.as("a.math");
    expect((await averageOf("Иванов Пётр"))?.average).toBe("4,00");
    // a second mark in the column: Петров's «4/5» is two marks, both move
    await saveGridCell(math, { lessonId: lesson, studentId: f.A.s2, input: "4/5" });

    const done = await setLessonWorkType(math, { lessonId: lesson, workTypeId: testType });
    expect(done).toEqual({ lessonId: lesson, workTypeId: testType, workTypeName: "Контрольная работа", moved: 3 });

    const l = await t.db.lesson.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: lesson } } });
    expect(l.workTypeId).toBe(testType);
    const marks = await t.db.mark.findMany({ where: { schoolId: f.A.id, lessonId: lesson, removedAt: null } });
    expect(marks.map((m) => m.workTypeId)).toEqual([testType, testType, testType]);
    // the test now weighs twice: (5×1 + 3×2) / 3
    const ivanov = await averageOf("Иванов Пётр");
    expect(ivanov?.average).toBe("3,67");
    expect(ivanov?.formula).toBe("(5×1 + 3×2) / 3 = 3,67");

    const events = await t.db.auditEvent.findMany({ where: { schoolId: f.A.id, entity: "MARK", entityId: { in: marks.map((m) => m.id) }, reason: { not: null } } });
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(e.action).toBe("UPDATE");
      expect(e.oldValue).toMatchObject({ workTypeId: f.A.workTypeId });
      expect(e.newValue).toMatchObject({ workTypeId: testType });
      expect(e.reason).toMatch(/Контрольная работа/);
      expect(e.actorUserId).toBe(math.userId);
    }
    expect(new Set(events.map((e) => e.studentId))).toEqual(new Set([f.A.s1, f.A.s2]));

    // the cell's history says what happened, in words
    const history = await loadCellHistory(math, lesson, f.A.s1);
    expect(history[0]).toMatchObject({
      entity: "MARK", action: "UPDATE", before: "3", after: "3", workTypeBefore: "Работа на уроке", workTypeAfter: "Контрольная работа", actor: "Числова М. С.",
    });
  });

  it("changes nothing the second time, and a new mark in the column gets the column's work type", async () => {
    const math = await f.as("a.math");
    const before = await t.db.auditEvent.count();
    expect((await setLessonWorkType(math, { lessonId: lesson, workTypeId: testType })).moved).toBe(0);
    expect(await t.db.auditEvent.count()).toBe(before);
    const g = await loadJournalGrid(math, f.A.c5, f.A.math);
    expect(g.lessons.find((x) => x.id === lesson)).toMatchObject({ workTypeId: testType, workTypeName: "Контрольная работа" });
    // Иванов's mark cleared and typed again: it is a test mark now
    await saveGridCell(math, { lessonId: lesson, studentId: f.A.s1, input: "" });
    await saveGridCell(math, { lessonId: lesson, studentId: f.A.s1, input: "4" });
    const retyped = await t.db.mark.findFirstOrThrow({ where: { schoolId: f.A.id, lessonId: lesson, studentId: f.A.s1, removedAt: null } });
    expect(retyped).toMatchObject({ value: 4, workTypeId: testType });
    // the chooser lists the types in use, with their weights, and not the archived one
    expect(g.workTypes.map((w) => [w.name, w.base])).toEqual([["Контрольная работа", 200], ["Работа на уроке", 100]]);
  });

  it("refuses an archived work type and one of another school", async () => {
    const math = await f.as("a.math");
    for (const workTypeId of [archivedType, f.B.workTypeId]) {
      const e = await refusal(setLessonWorkType(math, { lessonId: lesson, workTypeId }));
      expect(e.code).toBe("BAD_INPUT");
      expect(e.fieldErrors?.workTypeId).toBeDefined();
    }
  });
});

describe("who may set it", () => {
  it("a teacher of another subject cannot; the class teacher reading another subject's journal cannot either", async () => {
    const before = await t.db.auditEvent.count();
    // the Russian teacher does not see 5А's maths at all
    expect(await outcome(setLessonWorkType(await f.as("a.rus"), { lessonId: lesson, workTypeId: f.A.workTypeId }))).toBe("NOT_FOUND");
    // the maths teacher leads 5А and reads its Russian journal, but does not write it
    expect(await outcome(setLessonWorkType(await f.as("a.math"), { lessonId: rusLesson, workTypeId: testType }))).toBe("FORBIDDEN");
    // nor do the administration and families
    for (const login of ["a.admin", "a.g1", "a.s1"]) {
      expect(await outcome(setLessonWorkType(await f.as(login), { lessonId: lesson, workTypeId: f.A.workTypeId }))).toBe("FORBIDDEN");
    }
    expect(await t.db.auditEvent.count()).toBe(before);
    expect((await t.db.lesson.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: lesson } } })).workTypeId).toBe(testType);
  });

  it("a teacher of another school gets «not found»", async () => {
    const e = await refusal(setLessonWorkType(await f.as("b.teacher"), { lessonId: lesson, workTypeId: f.B.workTypeId }));
    expect(e.code).toBe("NOT_FOUND");
  });
});

describe("a closed period or year", () => {
  it("refuses while the term is closed and allows again once it is reopened", async () => {
    const math = await f.as("a.math");
    const { A } = f;
    const year = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: A.id, id: A.yearId } } });
    const term = await t.db.period.create({
      data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 1, name: "1 четверть", startDate: year.startDate, endDate: year.endDate, closedAt: new Date() },
    });
    const e = await refusal(setLessonWorkType(math, { lessonId: lesson, workTypeId: A.workTypeId }));
    expect(e.code).toBe("PERIOD_CLOSED");
    expect(e.message).toMatch(/1 четверть закрыта/);
    expect((await t.db.mark.findMany({ where: { schoolId: A.id, lessonId: lesson, removedAt: null } })).every((m) => m.workTypeId === testType)).toBe(true);

    await t.db.period.update({ where: { schoolId_id: { schoolId: A.id, id: term.id } }, data: { closedAt: null } });
    expect((await setLessonWorkType(math, { lessonId: lesson, workTypeId: A.workTypeId })).moved).toBe(3);
  });

  it("refuses in a closed year", async () => {
    const { A } = f;
    await t.db.academicYear.update({ where: { schoolId_id: { schoolId: A.id, id: A.yearId } }, data: { closedAt: new Date() } });
    try {
      expect(await outcome(setLessonWorkType(await f.as("a.math"), { lessonId: lesson, workTypeId: testType }))).toBe("PERIOD_CLOSED");
    } finally {
      await t.db.academicYear.update({ where: { schoolId_id: { schoolId: A.id, id: A.yearId } }, data: { closedAt: null } });
    }
  });
});
