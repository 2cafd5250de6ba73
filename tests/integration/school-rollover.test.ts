/**
 * The year rollover on a real database: promotion, repeating, leaving, graduating; one
 * transaction; a second run refused; the old year read-only; last year's marks untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { AppError } from "../../lib/errors";
import type { Principal } from "../../lib/auth/principal";
import { dayToDate } from "../../lib/time";
import { applyRollover, previewRollover } from "../../lib/school/rollover";
import { addHoliday } from "../../lib/school/holidays";
import { outcome } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let admin: Principal;
let startYear: number;
let s4: string;
let s9: string;
let c9: string;
let group: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  admin = await f.as("a.admin");
  const y = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: f.A.yearId } } });
  startYear = y.startDate.getUTCFullYear();
  const schoolId = f.A.id;
  const start = y.startDate;
  // a fourth pupil in 5А who will leave, a 9th-grade class that graduates, and a group of 5А
  s4 = (await t.db.student.create({ data: { schoolId, lastName: "Сидоров", firstName: "Антон", birthDate: dayToDate(`${startYear - 11}-05-05`), gender: "MALE", recordNumber: "R-40" } })).id;
  s9 = (await t.db.student.create({ data: { schoolId, lastName: "Выпускникова", firstName: "Вера", birthDate: dayToDate(`${startYear - 15}-05-05`), gender: "FEMALE", recordNumber: "R-90" } })).id;
  c9 = (await t.db.cohort.create({ data: { schoolId, yearId: f.A.yearId, kind: "CLASS", name: "9А", grade: 9 } })).id;
  group = (await t.db.cohort.create({ data: { schoolId, yearId: f.A.yearId, kind: "GROUP", name: "5А — группа 1", grade: 5, parentId: f.A.c5 } })).id;
  await t.db.cohortMembership.createMany({
    data: [
      { schoolId, cohortId: f.A.c5, studentId: s4, startDate: start },
      { schoolId, cohortId: c9, studentId: s9, startDate: start },
      { schoolId, cohortId: group, studentId: f.A.s1, startDate: start },
    ],
  });
  await t.db.programEnrolment.create({ data: { schoolId, studentId: s9, programId: (await t.db.program.create({ data: { schoolId, level: "OOO", name: "ООП ООО" } })).id, startDate: start } });
});
afterAll(async () => {
  await t.close();
});

describe("the rollover preview", () => {
  it("proposes promotion for every class and graduation for the last grade", async () => {
    const p = await previewRollover(admin);
    if (!p) throw new Error("nothing to roll over");
    expect(p.year.id).toBe(f.A.yearId);
    expect(p.nextYear).toEqual({ name: `${startYear + 1}/${startYear + 2}`, startDate: `${startYear + 1}-09-01`, exists: false });
    expect(p.finalGrade).toBe(9);
    expect(p.groups.map((g) => [g.name, g.nextName, g.pupils.length])).toEqual([["5А", "6А", 3], ["6А", "7А", 1], ["9А", null, 1]]);
    expect(p.groups[2]?.pupils[0]).toMatchObject({ id: s9, proposed: "GRADUATE" });
    expect(p.notCarried).toEqual(["5А — группа 1"]);
  });

  it("is for administrators only", async () => {
    expect(await outcome(previewRollover(await f.as("a.math")))).toBe("FORBIDDEN");
    expect(await outcome(applyRollover(await f.as("a.math"), { yearId: f.A.yearId, choices: {} }))).toBe("FORBIDDEN");
    expect(await outcome(applyRollover(await f.as("b.admin"), { yearId: f.A.yearId, choices: {} }))).toBe("NOT_FOUND");
  });
});

describe("applying the rollover", () => {
  let marksBefore: unknown;

  it("moves everyone at once and closes the old year", async () => {
    marksBefore = await t.db.mark.findMany({ where: { schoolId: f.A.id }, orderBy: { id: "asc" } });
    const summary = await applyRollover(admin, { yearId: f.A.yearId, choices: { [f.A.s2]: "REPEAT", [s4]: "LEAVE" } });
    expect(summary).toEqual({
      fromYear: `${startYear}/${startYear + 1}`, toYear: `${startYear + 1}/${startYear + 2}`, yearCreated: true,
      cohortsCreated: 3, promoted: 2, repeated: 1, left: 1, graduated: 1,
    });

    const next = await t.db.academicYear.findFirstOrThrow({ where: { schoolId: f.A.id, name: `${startYear + 1}/${startYear + 2}` } });
    expect(next.startDate.toISOString().slice(0, 10)).toBe(`${startYear + 1}-09-01`);
    // the calendar came along: the fixture year has one YEAR period
    expect(await t.db.period.count({ where: { schoolId: f.A.id, yearId: next.id } })).toBe(1);

    const cohorts = await t.db.cohort.findMany({ where: { schoolId: f.A.id, yearId: next.id }, orderBy: { name: "asc" } });
    expect(cohorts.map((c) => [c.name, c.grade, c.kind])).toEqual([["5А", 5, "CLASS"], ["6А", 6, "CLASS"], ["7А", 7, "CLASS"]]);
    const six = cohorts.find((c) => c.name === "6А");
    expect(six).toMatchObject({ previousId: f.A.c5, classTeacherId: f.A.mathT });

    const memberships = async (studentId: string) =>
      t.db.cohortMembership.findMany({ where: { schoolId: f.A.id, studentId }, orderBy: { startDate: "asc" }, include: { cohort: { select: { name: true, yearId: true, kind: true } } } });
    const end = dayToDate(`${startYear + 1}-08-31`);
    const s1 = await memberships(f.A.s1);
    expect(s1.filter((m) => m.cohort.yearId === f.A.yearId).every((m) => m.endReason === "PROMOTED" && m.endDate?.getTime() === end.getTime())).toBe(true);
    expect(s1.filter((m) => m.cohort.yearId === next.id).map((m) => [m.cohort.name, m.startDate.toISOString().slice(0, 10), m.endDate])).toEqual([["6А", `${startYear + 1}-09-01`, null]]);
    const s2 = await memberships(f.A.s2);
    expect(s2.map((m) => [m.cohort.name, m.endReason])).toEqual([["5А", "REPEATED"], ["5А", null]]);
    expect((await memberships(f.A.s3)).map((m) => [m.cohort.name, m.endReason])).toEqual([["6А", "PROMOTED"], ["7А", null]]);
    expect((await memberships(s4)).map((m) => m.endReason)).toEqual(["LEFT"]);
    expect((await memberships(s9)).map((m) => m.endReason)).toEqual(["GRADUATED"]);

    const gone = await t.db.student.findMany({ where: { schoolId: f.A.id, leftAt: { not: null } }, select: { id: true, leftAt: true } });
    expect(gone.map((s) => s.id).sort()).toEqual([s4, s9].sort());
    expect(gone.every((s) => s.leftAt?.getTime() === end.getTime())).toBe(true);
    expect((await t.db.programEnrolment.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: s9 } })).endDate?.getTime()).toBe(end.getTime());
    // guardians and accounts belong to the school: still there, still linked
    expect(await t.db.guardianship.count({ where: { schoolId: f.A.id, studentId: f.A.s1 } })).toBe(1);
    expect(await t.db.user.count({ where: { schoolId: f.A.id, studentId: f.A.s1 } })).toBe(1);

    const old = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: f.A.yearId } } });
    expect(old.closedAt).not.toBeNull();
    expect(await t.db.mark.findMany({ where: { schoolId: f.A.id }, orderBy: { id: "asc" } })).toEqual(marksBefore);
  });

  it("refuses a second run and writes nothing", async () => {
    const counts = async () => [await t.db.cohort.count(), await t.db.cohortMembership.count(), await t.db.academicYear.count()];
    const before = await counts();
    const e = await applyRollover(admin, { yearId: f.A.yearId, choices: {} }).catch((x: unknown) => x);
    expect((e as AppError).code).toBe("CONFLICT");
    expect((e as AppError).message).toContain("уже выполнен");
    expect(await counts()).toEqual(before);
  });

  it("the old year refuses writes; the preview moves on to the new year", async () => {
    const e = await addHoliday(admin, { yearId: f.A.yearId, kind: "HOLIDAY", name: "Поздно", startDate: `${startYear + 1}-06-01`, endDate: `${startYear + 1}-06-02`, gradeFrom: 1, gradeTo: 11 }).catch((x: unknown) => x);
    expect((e as AppError).code).toBe("PERIOD_CLOSED");
    const p = await previewRollover(admin);
    expect(p?.year.name).toBe(`${startYear + 1}/${startYear + 2}`);
    expect(p?.groups.map((g) => [g.name, g.pupils.length])).toEqual([["5А", 1], ["6А", 1], ["7А", 1]]);
  });
});
