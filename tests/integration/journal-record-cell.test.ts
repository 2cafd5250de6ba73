/**
 * Writing a journal cell on a real database: who may write where, what a closed period
 * refuses, and that every change is kept in the history (issue 4, items 2, 5 and 8).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { listCellHistory, recordCell } from "../../lib/journal/record-cell";
import { closePeriod, reopenPeriod } from "../../lib/journal/period-lock";
import { dayToDate } from "../../lib/time";
import { refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let mathLesson5A: string;
let rusLesson5A: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const find = async (cohortId: string, subjectId: string) =>
    (await t.db.lesson.findFirstOrThrow({ where: { schoolId: f.A.id, cohortId, subjectId }, select: { id: true } })).id;
  mathLesson5A = await find(f.A.c5, f.A.math);
  rusLesson5A = await find(f.A.c5, f.A.rus);
});
afterAll(async () => {
  await t.close();
});

describe("a teacher writes a cell", () => {
  it("sets, doubles, corrects and clears a mark; each step is in the history with who and what", async () => {
    const math = await f.as("a.math");
    const cell = { lessonId: mathLesson5A, studentId: f.A.s2 };
    expect((await recordCell(math, { ...cell, input: "4" })).marks.map((m) => m.value)).toEqual([4]);
    expect((await recordCell(math, { ...cell, input: "4/5" })).marks.map((m) => m.value)).toEqual([4, 5]);
    expect((await recordCell(math, { ...cell, input: "5" })).marks.map((m) => m.value)).toEqual([5]);
    const cleared = await recordCell(math, { ...cell, input: "" });
    expect(cleared).toEqual({ marks: [], attendance: null });
    // the fixture's «3» was there before: 3 → 4 → 4/5 → 5 → (empty)
    const history = await listCellHistory(math, cell.lessonId, cell.studentId);
    expect(history.map((h) => h.action).reverse()).toEqual(["UPDATE", "CREATE", "UPDATE", "REMOVE", "REMOVE"]);
    expect(history.every((h) => h.actor === "Числова М. С.")).toBe(true);
    // nothing is deleted: the rows stay, marked removed
    expect(await t.db.mark.count({ where: { schoolId: f.A.id, lessonId: cell.lessonId, studentId: cell.studentId } })).toBe(2);
  });

  it("records attendance codes and writes the same value only once", async () => {
    const math = await f.as("a.math");
    const cell = { lessonId: mathLesson5A, studentId: f.A.s1 };
    expect((await recordCell(math, { ...cell, input: "н" })).attendance).toBe("ABSENT");
    expect((await recordCell(math, { ...cell, input: "б" })).attendance).toBe("ILL");
    await recordCell(math, { ...cell, input: "б" });
    const att = await t.db.attendance.findFirstOrThrow({ where: { schoolId: f.A.id, lessonId: cell.lessonId, studentId: cell.studentId } });
    expect(await t.db.auditEvent.count({ where: { schoolId: f.A.id, entity: "ATTENDANCE", entityId: att.id } })).toBe(2);
  });

  it("refuses a value off the scale with a Russian reason and writes nothing", async () => {
    const math = await f.as("a.math");
    const before = await t.db.auditEvent.count();
    const e = await refusal(recordCell(math, { lessonId: mathLesson5A, studentId: f.A.s1, input: "7" }));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.message).toMatch(/не отметка/);
    expect(await t.db.auditEvent.count()).toBe(before);
  });
});

describe("who may write where", () => {
  it("a teacher cannot write to another teacher's subject, even as class teacher", async () => {
    expect((await refusal(recordCell(await f.as("a.rus"), { lessonId: mathLesson5A, studentId: f.A.s1, input: "5" }))).code).toBe("FORBIDDEN");
    expect((await refusal(recordCell(await f.as("a.math"), { lessonId: rusLesson5A, studentId: f.A.s1, input: "5" }))).code).toBe("FORBIDDEN");
  });

  it("families and administrators do not write marks; another school's lesson is not found", async () => {
    for (const login of ["a.g1", "a.s1", "a.admin"] as const) {
      expect((await refusal(recordCell(await f.as(login), { lessonId: mathLesson5A, studentId: f.A.s1, input: "5" }))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(recordCell(await f.as("b.teacher"), { lessonId: mathLesson5A, studentId: f.A.s1, input: "5" }))).code).toBe("NOT_FOUND");
  });

  it("a student of another class cannot get a mark in this lesson", async () => {
    const e = await refusal(recordCell(await f.as("a.math"), { lessonId: mathLesson5A, studentId: f.A.s3, input: "5" }));
    expect(e.message).toMatch(/не учился в классе/);
  });
});

describe("a closed period", () => {
  it("refuses every change until the administrator reopens it with a reason", async () => {
    const today = f.today;
    const period = await t.db.period.create({
      data: { schoolId: f.A.id, yearId: f.A.yearId, kind: "QUARTER", number: 2, name: "2 четверть", startDate: dayToDate(today), endDate: dayToDate(today), gradeFrom: 1, gradeTo: 9 },
    });
    const admin = await f.as("a.admin");
    const math = await f.as("a.math");
    expect((await refusal(closePeriod(math, period.id))).code).toBe("FORBIDDEN");
    await closePeriod(admin, period.id);
    const e = await refusal(recordCell(math, { lessonId: mathLesson5A, studentId: f.A.s1, input: "5" }));
    expect(e.code).toBe("PERIOD_CLOSED");
    expect(e.message).toMatch(/2 четверть закрыта/);
    expect((await refusal(reopenPeriod(admin, period.id, ""))).code).toBe("BAD_INPUT");
    await reopenPeriod(admin, period.id, "Исправление ошибки в отметке по заявлению родителя");
    expect((await recordCell(math, { lessonId: mathLesson5A, studentId: f.A.s1, input: "5" })).marks.map((m) => m.value)).toEqual([5]);
    const trail = await t.db.auditEvent.findMany({ where: { schoolId: f.A.id, entity: "PERIOD", entityId: period.id }, orderBy: { at: "asc" } });
    expect(trail.map((a) => [a.action, a.reason])).toEqual([["CLOSE", null], ["REOPEN", "Исправление ошибки в отметке по заявлению родителя"]]);
  });
});
