/**
 * Dated weights of work types on a real database: a new weight is a version from a day,
 * marks before that day keep the old weight, versions are never replaced, a closed year is
 * left alone, and only the administrator changes them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { AppError } from "../../lib/errors";
import type { Principal } from "../../lib/auth/principal";
import { addDays, dayToDate } from "../../lib/time";
import { loadWorkTypeWeightHistories, loadWorkTypeWeights } from "../../lib/school/grading-policy";
import { changeWorkTypeWeight, createWorkType, getWorkType, listWorkTypes, listWorkTypeWeights } from "../../lib/school/work-types";
import { loadStudentMarks } from "../../lib/journal/student-marks-query";
import { weighByDate } from "../../lib/grading/weights";

let t: TestDb;
let f: TwoSchools;
let admin: Principal;
let teacher: Principal;
let testId: string;
/** two days inside the open school year of the fixtures */
let d1: string;
let d2: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  admin = await f.as("a.admin");
  teacher = await f.as("a.math");
  const y = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: f.A.yearId } } });
  const start = y.startDate.toISOString().slice(0, 10);
  d1 = addDays(start, 30);
  d2 = addDays(start, 60);
  testId = (await createWorkType(admin, { name: "Контрольная работа", weight: 200, isAssessment: true, code: "TEST" })).id;
});
afterAll(async () => {
  await t.close();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("a new weight from a date", () => {
  it("keeps the weight from the beginning before the first version, and each version from its day on", async () => {
    expect((await loadWorkTypeWeights(f.A.id, d1)).byId.get(testId)).toBe(200);
    await changeWorkTypeWeight(admin, { workTypeId: testId, validFrom: d2, weight: 300 });
    await changeWorkTypeWeight(admin, { workTypeId: testId, validFrom: d1, weight: 250 });
    const on = async (day: string) => (await loadWorkTypeWeights(f.A.id, day)).byCode.get("TEST");
    expect(await on(addDays(d1, -1))).toBe(200);
    expect(await on(d1)).toBe(250);
    expect(await on(addDays(d2, -1))).toBe(250);
    expect(await on(d2)).toBe(300);
    expect(await on(addDays(d2, 400))).toBe(300);
    // other work types and the other school are untouched
    expect((await loadWorkTypeWeights(f.A.id, d2)).byId.get(f.A.workTypeId)).toBe(100);
    expect((await loadWorkTypeWeights(f.B.id, d2)).byId.get(f.B.workTypeId)).toBe(100);
    expect((await loadWorkTypeWeights(f.B.id, d2)).byId.has(testId)).toBe(false);
  });

  it("lists the versions, latest first, ending with the weight from the beginning", async () => {
    const versions = await listWorkTypeWeights(admin, testId);
    expect(versions.map((v) => [v.validFrom, v.weight])).toEqual([[d2, 300], [d1, 250], [null, 200]]);
    const inForce = f.today >= d2 ? d2 : f.today >= d1 ? d1 : null;
    expect(versions.filter((v) => v.inForce).map((v) => v.validFrom)).toEqual([inForce]);
    const expected = inForce === d2 ? 300 : inForce === d1 ? 250 : 200;
    expect((await getWorkType(admin, testId)).weight).toBe(expected);
    expect((await listWorkTypes(admin)).find((w) => w.id === testId)?.weight).toBe(expected);
    const h = (await loadWorkTypeWeightHistories(f.A.id)).get(testId);
    expect(h).toEqual({ code: "TEST", base: 200, versions: [{ validFrom: d1, weight: 250 }, { validFrom: d2, weight: 300 }] });
  });

  it("refuses a second version on the same day, replacing nothing", async () => {
    const e = await failure(changeWorkTypeWeight(admin, { workTypeId: testId, validFrom: d1, weight: 400 }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toContain("Вес вида работы «Контрольная работа» с ");
    expect(e.message).toContain("уже задан");
    expect(e.fieldErrors?.weightFrom?.[0]).toBe(e.message);
    expect((await loadWorkTypeWeights(f.A.id, d1)).byId.get(testId)).toBe(250);
    expect(await t.db.workTypeWeight.count({ where: { schoolId: f.A.id, workTypeId: testId } })).toBe(2);
  });

  it("refuses a date inside a closed year, and a weight outside 0,1–10", async () => {
    const closed = await t.db.academicYear.create({
      data: { schoolId: f.A.id, name: "2019/2020", startDate: dayToDate("2019-09-01"), endDate: dayToDate("2020-08-31"), closedAt: new Date() },
    });
    const e = await failure(changeWorkTypeWeight(admin, { workTypeId: testId, validFrom: "2020-01-13", weight: 150 }));
    expect(e.code).toBe("PERIOD_CLOSED");
    expect(e.message).toContain("2019/2020 закрыт");
    expect((await failure(changeWorkTypeWeight(admin, { workTypeId: testId, validFrom: addDays(d2, 1), weight: 1500 }))).code).toBe("BAD_INPUT");
    expect(await t.db.workTypeWeight.count({ where: { schoolId: f.A.id, workTypeId: testId } })).toBe(2);
    await t.db.academicYear.delete({ where: { schoolId_id: { schoolId: f.A.id, id: closed.id } } });
  });

  it("starts today in the school's zone when no date is given", async () => {
    const { id } = await createWorkType(admin, { name: "Диктант", weight: 150, isAssessment: false, code: "DICTATION" });
    const v = await changeWorkTypeWeight(admin, { workTypeId: id, validFrom: null, weight: 175 });
    expect(v.validFrom).toBe(f.today);
    expect((await loadWorkTypeWeights(f.A.id, f.today)).byCode.get("DICTATION")).toBe(175);
    expect((await loadWorkTypeWeights(f.A.id, addDays(f.today, -1))).byCode.get("DICTATION")).toBe(150);
    expect((await getWorkType(admin, id)).weight).toBe(175);
  });
});

describe("marks weigh what their work type weighed on their date", () => {
  it("a weight from tomorrow leaves today's marks alone; one from today changes them", async () => {
    const q = { schoolId: f.A.id, studentId: f.A.s1, from: addDays(f.today, -7), to: addDays(f.today, 7) };
    const weights = async () => (await loadStudentMarks(t.db, q)).map((m) => m.workType.weight);
    expect(await weights()).toEqual(["1.00", "1.00"]);
    await changeWorkTypeWeight(admin, { workTypeId: f.A.workTypeId, validFrom: addDays(f.today, 1), weight: 300 });
    expect(await weights()).toEqual(["1.00", "1.00"]);
    await changeWorkTypeWeight(admin, { workTypeId: f.A.workTypeId, validFrom: f.today, weight: 200 });
    expect(await weights()).toEqual(["2.00", "2.00"]);

    // a period's average: each mark by its own date
    const histories = await loadWorkTypeWeightHistories(f.A.id);
    const weighed = weighByDate(
      [
        { date: addDays(f.today, -1), workTypeId: f.A.workTypeId, mark: 5 },
        { date: f.today, workTypeId: f.A.workTypeId, mark: 4 },
        { date: addDays(f.today, 1), workTypeId: f.A.workTypeId, mark: 3 },
      ],
      histories,
    );
    expect(weighed.map((m) => m.weight)).toEqual([100, 200, 300]);
  });
});

describe("who may change the weights", () => {
  it("a teacher gets FORBIDDEN", async () => {
    expect((await failure(changeWorkTypeWeight(teacher, { workTypeId: testId, validFrom: addDays(d2, 2), weight: 100 }))).code).toBe("FORBIDDEN");
    expect((await failure(listWorkTypeWeights(teacher, testId))).code).toBe("FORBIDDEN");
    expect(await t.db.workTypeWeight.count({ where: { schoolId: f.A.id, workTypeId: testId } })).toBe(2);
  });

  it("another school's administrator does not find the work type", async () => {
    const adminB = await f.as("b.admin");
    expect((await failure(changeWorkTypeWeight(adminB, { workTypeId: testId, validFrom: f.today, weight: 100 }))).code).toBe("NOT_FOUND");
    expect((await failure(listWorkTypeWeights(adminB, testId))).code).toBe("NOT_FOUND");
  });
});
