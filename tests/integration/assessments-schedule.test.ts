/**
 * The test schedule on a real database: each rule of the federal recommendations warns
 * (without blocking) with the school's own settings, and the schedule exports as a PDF
 * and as an XLSX that reads back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { AppError } from "../../lib/errors";
import { getCohortSchedule, planAssessmentEvent, removeAssessmentEvent } from "../../lib/timetable/assessments";
import { exportAssessmentSchedule } from "../../lib/timetable/assessment-export";
import type { AssessmentInput } from "../../lib/timetable/schemas";
import { dayToDate } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
let y: number;
let testType: string;
let music: string;
let quarter: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const year = await t.db.academicYear.findFirstOrThrow({ where: { schoolId: f.A.id } });
  y = year.startDate.getUTCFullYear();
  testType = (await t.db.workType.create({ data: { schoolId: f.A.id, code: "TEST", name: "Контрольная работа", weight: 2, isAssessment: true } })).id;
  music = (await t.db.subject.create({ data: { schoolId: f.A.id, name: "Музыка", shortName: "Муз." } })).id;
  // 10 hours a year: one test at most by the 10 % rule
  await t.db.curriculumItem.create({ data: { schoolId: f.A.id, cohortId: f.A.c5, subjectId: music, hoursPerYear: 10, validFrom: year.startDate } });
  quarter = (
    await t.db.period.create({
      data: { schoolId: f.A.id, yearId: f.A.yearId, kind: "QUARTER", number: 2, name: "2 четверть", startDate: dayToDate(`${y}-11-02`), endDate: dayToDate(`${y}-12-30`), gradeFrom: 1, gradeTo: 9 },
    })
  ).id;
});
afterAll(async () => {
  await t.close();
});

const plan = (over: Partial<AssessmentInput>): AssessmentInput => ({
  cohortId: f.A.c5, subjectId: f.A.math, workTypeId: testType, date: `${y}-11-10`, title: "Контрольная работа «Дроби»", ...over,
});

describe("warnings of the test schedule", () => {
  it("a lone test saves without warnings", async () => {
    const admin = await f.as("a.admin");
    const r = await planAssessmentEvent(admin, plan({}));
    expect(r.warnings).toEqual([]);
  });

  it("two tests in one day: saved, with a warning", async () => {
    const admin = await f.as("a.admin");
    const r = await planAssessmentEvent(admin, plan({ subjectId: f.A.rus, title: "Диктант" }));
    expect(r.warnings).toEqual([expect.stringContaining("В один день (" + `${y}-11-10) у 5А 2 оценочные процедуры; рекомендуется не больше одной`)]);
    expect(await t.db.assessmentEvent.count({ where: { cohortId: f.A.c5 } })).toBe(2);
  });

  it("two tests of a subject closer than 2.5 weeks: a warning with the gap", async () => {
    const admin = await f.as("a.admin");
    const r = await planAssessmentEvent(admin, plan({ date: `${y}-11-20` }));
    expect(r.warnings).toEqual(["Математика: две оценочные процедуры с промежутком 10 дн.; рекомендуется не чаще одного раза в 2,5 недели."]);
  });

  it("more than 10 % of the subject's yearly hours: a warning naming the limit", async () => {
    const admin = await f.as("a.admin");
    expect((await planAssessmentEvent(admin, plan({ subjectId: music, date: `${y}-10-01`, title: "Музыкальная викторина" }))).warnings).toEqual([]);
    const r = await planAssessmentEvent(admin, plan({ subjectId: music, date: `${y + 1}-03-01`, title: "Итоговая викторина" }));
    expect(r.warnings).toEqual(["Музыка: 2 оценочных процедур за год при 10 ч — больше 10 % часов (допустимо 1)."]);
  });

  it("the rules are the school's settings in force", async () => {
    const admin = await f.as("a.admin");
    await t.db.gradingPolicy.create({
      data: { schoolId: f.A.id, validFrom: dayToDate(`${y}-09-01`), threshold3: 2.5, threshold4: 3.5, threshold5: 4.5, maxAssessmentsPerDay: 3, maxAssessmentShare: 30, minAssessmentGapDays: 7 },
    });
    const schedule = await getCohortSchedule(admin, f.A.c5);
    expect(schedule.rules).toEqual({ maxPerDayPerCohort: 3, maxShareOfHours: 30, minGapDays: 7 });
    expect(schedule.warnings).toEqual([]);
    await t.db.gradingPolicy.deleteMany({ where: { schoolId: f.A.id } });
    expect((await getCohortSchedule(admin, f.A.c5)).warnings).toHaveLength(3);
  });

  it("a subject outside the curriculum or a work type that is not a test is refused and nothing is written", async () => {
    const admin = await f.as("a.admin");
    const before = await t.db.assessmentEvent.count();
    for (const bad of [plan({ cohortId: f.A.c6, subjectId: f.A.rus }), plan({ workTypeId: f.A.workTypeId })]) {
      try {
        await planAssessmentEvent(admin, bad);
        throw new Error("expected a refusal");
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe("BAD_INPUT");
      }
    }
    expect(await t.db.assessmentEvent.count()).toBe(before);
  });

  it("removing a test removes its warning", async () => {
    const admin = await f.as("a.admin");
    const e = await t.db.assessmentEvent.findFirstOrThrow({ where: { title: "Итоговая викторина" } });
    await removeAssessmentEvent(admin, e.id);
    expect((await getCohortSchedule(admin, f.A.c5)).warnings.some((w) => w.startsWith("Музыка"))).toBe(false);
  });
});

describe("exports", () => {
  it("a cohort's schedule for a quarter is a PDF", async () => {
    const admin = await f.as("a.admin");
    const out = await exportAssessmentSchedule(admin, { format: "pdf", periodId: quarter, cohortId: f.A.c5 });
    expect(out.contentType).toBe("application/pdf");
    expect(Buffer.from(out.body.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(out.fileName).toMatch(/^grafik-5А-2-четверть.*\.pdf$/);
  });

  it("the school's schedule for a quarter is an XLSX with one row per test of the quarter", async () => {
    const admin = await f.as("a.admin");
    const out = await exportAssessmentSchedule(admin, { format: "xlsx", periodId: quarter, cohortId: undefined });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.body.buffer.slice(out.body.byteOffset, out.body.byteOffset + out.body.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet");
    const rows: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 3) rows.push([row.getCell(2).text, row.getCell(3).text, row.getCell(5).text].join(" | "));
    });
    expect(rows).toEqual(["5А | Математика | Контрольная работа «Дроби»", "5А | Русский язык | Диктант", "5А | Математика | Контрольная работа «Дроби»"]);
    expect(ws.getRow(3).getCell(1).text).toBe("Дата");
  });

  it("another school's period is not found", async () => {
    const admin = await f.as("b.admin");
    await expect(exportAssessmentSchedule(admin, { format: "pdf", periodId: quarter, cohortId: undefined })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
