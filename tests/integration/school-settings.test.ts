/** Grading settings on a real database: dated policy versions, work type weights, who may change them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { AppError } from "../../lib/errors";
import type { Principal } from "../../lib/auth/principal";
import { DEFAULT_POLICY } from "../../lib/grading/policy";
import { FEDERAL_RULES } from "../../lib/timetable/assessment-rules";
import {
  createGradingPolicyVersion, listGradingPolicies, loadAssessmentRules, loadGradingPolicy, loadWorkTypeWeights, type PolicyInput,
} from "../../lib/school/grading-policy";
import { changeWorkTypeWeight, createWorkType, getWorkType, listWorkTypes, updateWorkType } from "../../lib/school/work-types";
import { outcome } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let admin: Principal;
let teacher: Principal;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  admin = await f.as("a.admin");
  teacher = await f.as("a.math");
});
afterAll(async () => {
  await t.close();
});

const policy = (validFrom: string, t3: number, t4: number, t5: number): PolicyInput => ({
  validFrom, thresholds: { 3: t3, 4: t4, 5: t5 }, minMarks: 3, maxAbsenceShare: 50, maxAssessmentsPerDay: 1, maxAssessmentShare: 10, minAssessmentGapDays: 1750,
});

describe("the grading policy, version by version", () => {
  it("uses the common rules until the school sets its own", async () => {
    expect(await loadGradingPolicy(f.A.id, "2030-01-01")).toEqual(DEFAULT_POLICY);
    expect(await loadAssessmentRules(f.A.id, "2030-01-01")).toEqual(FEDERAL_RULES);
  });

  it("applies the version in force on each day; old versions stay", async () => {
    await createGradingPolicyVersion(admin, policy("2030-09-01", 250, 350, 450));
    await createGradingPolicyVersion(admin, { ...policy("2031-01-09", 265, 365, 465), minMarks: 4, maxAbsenceShare: 40, maxAssessmentsPerDay: 2, minAssessmentGapDays: 1400 });
    expect(await loadGradingPolicy(f.A.id, "2030-08-31")).toEqual(DEFAULT_POLICY);
    expect(await loadGradingPolicy(f.A.id, "2030-12-31")).toEqual({ validFrom: "2030-09-01", thresholds: { 3: 250, 4: 350, 5: 450 }, minMarks: 3, maxAbsenceShare: 50 });
    expect(await loadGradingPolicy(f.A.id, "2031-01-09")).toEqual({ validFrom: "2031-01-09", thresholds: { 3: 265, 4: 365, 5: 465 }, minMarks: 4, maxAbsenceShare: 40 });
    expect(await loadAssessmentRules(f.A.id, "2031-02-01")).toEqual({ maxPerDayPerCohort: 2, maxShareOfHours: 10, minGapDays: 14 });
    expect((await listGradingPolicies(admin)).map((v) => v.validFrom)).toEqual(["2031-01-09", "2030-09-01"]);
    // the other school is not affected
    expect(await loadGradingPolicy(f.B.id, "2031-02-01")).toEqual(DEFAULT_POLICY);
  });

  it("refuses thresholds that do not rise and a second version on the same day, writing nothing", async () => {
    const e = await createGradingPolicyVersion(admin, policy("2032-01-01", 360, 350, 450)).catch((x: unknown) => x);
    expect((e as AppError).code).toBe("BAD_INPUT");
    expect((e as AppError).message).toContain("Пороги должны расти");
    const dup = await createGradingPolicyVersion(admin, policy("2030-09-01", 260, 360, 460)).catch((x: unknown) => x);
    expect((dup as AppError).code).toBe("CONFLICT");
    expect((dup as AppError).fieldErrors?.validFrom?.[0]).toContain("уже есть");
    expect(await t.db.gradingPolicy.count({ where: { schoolId: f.A.id } })).toBe(2);
  });

  it("refuses a version starting inside a closed year", async () => {
    await t.db.academicYear.update({ where: { schoolId_id: { schoolId: f.B.id, id: f.B.yearId } }, data: { closedAt: new Date() } });
    const adminB = await f.as("b.admin");
    const y = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.B.id, id: f.B.yearId } } });
    const day = y.startDate.toISOString().slice(0, 10);
    expect(await outcome(createGradingPolicyVersion(adminB, policy(day, 250, 350, 450)))).toBe("PERIOD_CLOSED");
  });
});

describe("work types and their weights", () => {
  it("adds a work type and changes a weight from today; the journal reads the weights in hundredths", async () => {
    const { id } = await createWorkType(admin, { name: "Диктант", weight: 150, isAssessment: true, code: "DICTATION" });
    const auto = await createWorkType(admin, { name: "Проект", weight: 200, isAssessment: false, code: null });
    expect((await getWorkType(admin, auto.id)).code).toMatch(/^CUSTOM_\d+$/);
    await updateWorkType(admin, { id, name: "Диктант", isAssessment: true, archived: false });
    await changeWorkTypeWeight(admin, { workTypeId: id, validFrom: null, weight: 250 });
    const w = await loadWorkTypeWeights(f.A.id, f.today);
    expect(w.byCode.get("DICTATION")).toBe(250);
    expect(w.byId.get(id)).toBe(250);
    expect(w.byCode.get("LESSON")).toBe(100);
    expect((await listWorkTypes(admin)).map((x) => x.name)).toEqual(["Диктант", "Проект", "Работа на уроке"]);
  });

  it("refuses a weight outside 0,1–10 and a duplicate name", async () => {
    const lesson = (await listWorkTypes(admin)).find((x) => x.code === "LESSON");
    if (!lesson) throw new Error("no LESSON");
    expect(await outcome(changeWorkTypeWeight(admin, { workTypeId: lesson.id, validFrom: null, weight: 1500 }))).toBe("BAD_INPUT");
    expect(await outcome(createWorkType(admin, { name: "диктант", weight: 100, isAssessment: false, code: null }))).toBe("CONFLICT");
    expect((await getWorkType(admin, lesson.id)).weight).toBe(100);
  });

  it("archiving keeps the weight for old marks", async () => {
    const lesson = (await listWorkTypes(admin)).find((x) => x.code === "LESSON");
    if (!lesson) throw new Error("no LESSON");
    await updateWorkType(admin, { id: lesson.id, name: lesson.name, isAssessment: false, archived: true });
    expect((await loadWorkTypeWeights(f.A.id, f.today)).byId.get(lesson.id)).toBe(100);
    expect((await getWorkType(admin, lesson.id)).archived).toBe(true);
  });
});

describe("who may change the settings", () => {
  it("a teacher gets FORBIDDEN for every write", async () => {
    const any = f.A.workTypeId;
    const codes = await Promise.all([
      outcome(createGradingPolicyVersion(teacher, policy("2033-09-01", 250, 350, 450))),
      outcome(createWorkType(teacher, { name: "Эссе", weight: 100, isAssessment: false, code: null })),
      outcome(updateWorkType(teacher, { id: any, name: "Урок", isAssessment: false, archived: false })),
      outcome(changeWorkTypeWeight(teacher, { workTypeId: any, validFrom: null, weight: 1000 })),
      outcome(listGradingPolicies(teacher)),
      outcome(listWorkTypes(teacher)),
    ]);
    expect(codes).toEqual(Array(6).fill("FORBIDDEN"));
  });

  it("another school's administrator does not find the work type", async () => {
    const adminB = await f.as("b.admin");
    expect(await outcome(updateWorkType(adminB, { id: f.A.workTypeId, name: "Чужой", isAssessment: false, archived: false }))).toBe("NOT_FOUND");
  });
});
