/**
 * Statistics (R5) on a real database: a small fixture class with hand-computed figures
 * for results, curriculum completion and attendance; the scope of a teacher and of
 * another school; the term report as a PDF (its text read back with pdftotext) and as an
 * XLSX (read back with exceljs).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { refusal } from "../support/refusal";
import { getStatsReport, listStatsPeriods } from "../../lib/stats/load";
import { exportTermReport } from "../../lib/stats/export";
import { formatFraction } from "../../lib/grading/statistics";
import type { StatsReport } from "../../lib/stats/build";
import { addDays, dayToDate } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
let q1: string;
let q2: string;
let s4: string;

const pct = (x: { num: number; den: number }) => formatFraction(x);
const avg = (x: { num: number; den: number }) => formatFraction(x, 2);

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const A = f.A;
  const year = await t.db.academicYear.findFirstOrThrow({ where: { schoolId: A.id } });
  const y = year.startDate.getUTCFullYear();
  // 1 Sep – 25 Oct: 8 school weeks, no holidays; 4 h a week of each subject = 32 h
  q1 = (await t.db.period.create({ data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 1, name: "1 четверть", startDate: dayToDate(`${y}-09-01`), endDate: dayToDate(`${y}-10-25`), gradeFrom: 1, gradeTo: 9 } })).id;
  q2 = (await t.db.period.create({ data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 2, name: "2 четверть", startDate: dayToDate(`${y}-11-05`), endDate: dayToDate(`${y}-12-28`), gradeFrom: 1, gradeTo: 9 } })).id;
  s4 = (await t.db.student.create({ data: { schoolId: A.id, lastName: "Сидорова", firstName: "Вера", birthDate: dayToDate(`${y - 11}-05-05`), gender: "FEMALE", recordNumber: "R-st-4" } })).id;
  await t.db.cohortMembership.create({ data: { schoolId: A.id, cohortId: A.c5, studentId: s4, startDate: year.startDate } });

  // lessons: 5А maths 28 lessons + 2 tests held (and one cancelled, one moved away);
  // 5А Russian 32 held; 6А maths 20 held
  const lessons: { cohortId: string; subjectId: string; teacherId: string; lessonType?: "TEST"; status: "HELD" | "CANCELLED" | "MOVED"; date: Date; lessonNumber: number }[] = [];
  const add = (cohortId: string, subjectId: string, teacherId: string, count: number, extra: Partial<(typeof lessons)[number]> = {}) => {
    for (let i = 0; i < count; i++) lessons.push({ cohortId, subjectId, teacherId, status: "HELD", date: dayToDate(addDays(`${y}-09-01`, i)), lessonNumber: 1 + lessons.length % 7, ...extra });
  };
  add(A.c5, A.math, A.mathT, 28);
  add(A.c5, A.math, A.mathT, 2, { lessonType: "TEST" });
  add(A.c5, A.math, A.mathT, 1, { status: "CANCELLED" });
  add(A.c5, A.math, A.mathT, 1, { status: "MOVED" });
  add(A.c5, A.rus, A.rusT, 32);
  add(A.c6, A.math, A.mathT, 20);
  await t.db.lesson.createMany({ data: lessons.map((l) => ({ schoolId: A.id, ...l })) });
  const held = await t.db.lesson.findMany({ where: { schoolId: A.id, status: "HELD", date: { lte: dayToDate(`${y}-10-25`) } }, select: { id: true, cohortId: true, subjectId: true, date: true } });
  const lessonOf = (cohortId: string, subjectId: string, i: number) => {
    const l = held.filter((x) => x.cohortId === cohortId && x.subjectId === subjectId)[i];
    if (!l) throw new Error("no lesson");
    return l;
  };
  const absent = async (studentId: string, l: { id: string; date: Date }, code: "ABSENT" | "ILL" | "EXCUSED" | "LATE", authorId: string) =>
    t.db.attendance.create({ data: { schoolId: A.id, lessonId: l.id, studentId, date: l.date, code, authorId } });
  await absent(f.A.s1, lessonOf(A.c5, A.math, 0), "ILL", A.mathT);
  await absent(f.A.s1, lessonOf(A.c5, A.math, 1), "ILL", A.mathT);
  await absent(f.A.s2, lessonOf(A.c5, A.rus, 0), "ABSENT", A.rusT);
  await absent(s4, lessonOf(A.c5, A.math, 2), "LATE", A.mathT);
  for (let i = 0; i < 3; i++) await absent(f.A.s3, lessonOf(A.c6, A.math, i), "EXCUSED", A.mathT);

  // final marks of the quarter: 5А maths 5, 3, 2; Russian 4, н/а, 4; 6А maths 5
  const fm = (studentId: string, cohortId: string, subjectId: string, mark: number | "NA", by: string) =>
    t.db.finalMark.create({
      data: {
        schoolId: A.id, studentId, cohortId, subjectId, periodId: q1, kind: "PERIOD",
        markKind: mark === "NA" ? "NOT_ATTESTED" : "NUMERIC", value: mark === "NA" ? null : mark, confirmedById: by, confirmedAt: new Date(),
      },
    });
  await fm(f.A.s1, A.c5, A.math, 5, A.mathT);
  await fm(f.A.s2, A.c5, A.math, 3, A.mathT);
  await fm(s4, A.c5, A.math, 2, A.mathT);
  await fm(f.A.s1, A.c5, A.rus, 4, A.rusT);
  await fm(f.A.s2, A.c5, A.rus, "NA", A.rusT);
  await fm(s4, A.c5, A.rus, 4, A.rusT);
  await fm(f.A.s3, A.c6, A.math, 5, A.mathT);
  // a removed final mark does not count
  await t.db.finalMark.create({
    data: { schoolId: A.id, studentId: f.A.s3, cohortId: A.c6, subjectId: A.rus, periodId: q1, kind: "PERIOD", markKind: "NUMERIC", value: 2, confirmedById: A.mathT, confirmedAt: new Date(), removedAt: new Date() },
  });
});
afterAll(async () => {
  await t.close();
});

const rows = (r: StatsReport, i: number) => (r.results[i]?.rows ?? []).map((x) => [x.label, x.summary.n, pct(x.summary.successRate), pct(x.summary.qualityRate), avg(x.summary.mean), pct(x.summary.sou)]);

describe("the school's statistics for the 1st quarter", () => {
  it("results by class count students, by subject count marks — the hand-computed figures", async () => {
    const { report } = await getStatsReport(await f.as("a.admin"), { periodId: q1, view: "school" });
    expect(report.finalsCount).toBe(7);
    // 5А: Иванов 5 and 4 (on 4 and 5), Петров 3 and н/а, Сидорова 2 and 4; marks 5 4 3 н/а 2 4
    // mean 18/5 = 3,60; СОУ (100 + 2·64 + 36 + 16 + 7) / 6 = 47,8
    expect(rows(report, 0)).toEqual([
      ["5А", 3, "33,3", "33,3", "3,60", "47,8"],
      ["6А", 1, "100,0", "100,0", "5,00", "100,0"],
    ]);
    const total = report.results[0]?.total;
    expect(total && [total.n, pct(total.successRate), pct(total.qualityRate), avg(total.mean), pct(total.sou)]).toEqual([4, "50,0", "50,0", "3,83", "55,3"]);
    // maths 5 3 2 5: 3 of 4 succeed, 2 of 4 on 4 and 5, mean 3,75, СОУ 252/4; Russian 4 н/а 4
    expect(rows(report, 1)).toEqual([
      ["Математика", 4, "75,0", "50,0", "3,75", "63,0"],
      ["Русский язык", 3, "66,7", "66,7", "4,00", "45,0"],
    ]);
    expect(report.results[1]?.rows[1]?.summary.counts).toMatchObject({ 4: 2, notAttested: 1 });
  });

  it("completion: 32 h planned a subject; cancelled and moved lessons do not count", async () => {
    const { report } = await getStatsReport(await f.as("a.admin"), { periodId: q1, view: "class", id: f.A.c5 });
    expect(report.inProgress).toBe(false);
    expect(report.completion.rows.map((x) => [x.label, x.completion.plannedTenths, x.completion.held, x.completion.heldByType, x.completion.shortfallTenths, pct(x.completion.shortfallRate)])).toEqual([
      ["Математика", 320, 30, { LESSON: 28, TEST: 2 }, 20, "6,3"],
      ["Русский язык", 320, 32, { LESSON: 32 }, 0, "0,0"],
    ]);
    const school = (await getStatsReport(await f.as("a.admin"), { periodId: q1, view: "school" })).report;
    expect(school.completion.rows.map((x) => [x.label, x.completion.plannedTenths, x.completion.held, x.completion.shortfallTenths])).toEqual([
      ["5А", 640, 62, 20],
      ["6А", 320, 20, 120],
    ]);
  });

  it("attendance by reason: per student of a class, per class for the school", async () => {
    const admin = await f.as("a.admin");
    const cls = (await getStatsReport(admin, { periodId: q1, view: "class", id: f.A.c5 })).report;
    expect(cls.attendance.rows.map((x) => [x.label, x.tally.ABSENT, x.tally.ILL, x.tally.EXCUSED, x.tally.missed, x.tally.LATE])).toEqual([
      ["Иванов Пётр", 0, 2, 0, 2, 0],
      ["Петров Илья", 1, 0, 0, 1, 0],
      ["Сидорова Вера", 0, 0, 0, 0, 1],
    ]);
    const school = (await getStatsReport(admin, { periodId: q1, view: "school" })).report;
    expect(school.attendance.rows.map((x) => [x.label, x.tally.missed])).toEqual([["5А", 3], ["6А", 3]]);
    expect(school.attendance.total.missed).toBe(6);
    const maths = (await getStatsReport(admin, { periodId: q1, view: "subject", id: f.A.math })).report;
    // Петров's absence was at Russian
    expect(maths.attendance.rows.map((x) => [x.label, x.tally.missed])).toEqual([["5А", 2], ["6А", 3]]);
  });

  it("a teacher's view: the classes and subjects they teach", async () => {
    const { report, options } = await getStatsReport(await f.as("a.admin"), { periodId: q1, view: "teacher", id: f.A.mathT });
    expect(options.teachers.map((x) => x.name)).toEqual(["Словарёва Е. О.", "Числова М. С."]);
    expect(rows(report, 0)).toEqual([
      ["5А, Математика", 3, "66,7", "33,3", "3,33", "50,7"],
      ["6А, Математика", 1, "100,0", "100,0", "5,00", "100,0"],
    ]);
  });

  it("a period without final marks says so, and still counts lessons", async () => {
    const { report } = await getStatsReport(await f.as("a.admin"), { periodId: q2, view: "school" });
    expect(report.finalsCount).toBe(0);
    expect(report.pairsWithoutFinals).toBe(3);
    expect(report.results[0]?.rows).toEqual([]);
  });

  it("the periods to choose from, with the latest ended quarter first choice", async () => {
    const list = await listStatsPeriods(await f.as("a.admin"));
    expect(list.map((x) => x.label)).toEqual(expect.arrayContaining([expect.stringMatching(/: 1 четверть \(1–9 кл\.\)$/)]));
  });
});

describe("who sees what", () => {
  it("the Russian teacher sees only Russian in 5А: results, plan and absences", async () => {
    const rus = await f.as("a.rus");
    const { report, options } = await getStatsReport(rus, { periodId: q1, view: "school" });
    expect(rows(report, 0)).toEqual([["5А", 3, "66,7", "66,7", "4,00", "45,0"]]);
    expect(report.results[1]?.rows.map((x) => x.label)).toEqual(["Русский язык"]);
    expect(report.completion.rows.map((x) => [x.label, x.completion.held])).toEqual([["5А", 32]]);
    expect(report.attendance.total.missed).toBe(1);
    expect(options).toMatchObject({ classes: [{ name: "5А" }], subjects: [{ name: "Русский язык" }], teachers: [{ name: "Словарёва Е. О." }] });
    expect((await refusal(getStatsReport(rus, { periodId: q1, view: "class", id: f.A.c6 }))).code).toBe("NOT_FOUND");
    expect((await refusal(getStatsReport(rus, { periodId: q1, view: "teacher", id: f.A.mathT }))).code).toBe("NOT_FOUND");
  });

  it("the maths teacher, who leads 5А, sees every subject of 5А and maths in 6А", async () => {
    const { report } = await getStatsReport(await f.as("a.math"), { periodId: q1, view: "school" });
    expect(report.results[1]?.rows.map((x) => x.label)).toEqual(["Математика", "Русский язык"]);
    expect(rows(report, 0).map((r) => r[0])).toEqual(["5А", "6А"]);
  });

  it("another school's administrator, a guardian and a student get nothing", async () => {
    expect((await refusal(getStatsReport(await f.as("b.admin"), { periodId: q1, view: "school" }))).code).toBe("NOT_FOUND");
    expect((await refusal(getStatsReport(await f.as("a.g1"), { periodId: q1, view: "school" }))).code).toBe("FORBIDDEN");
    expect((await refusal(getStatsReport(await f.as("a.s1"), { periodId: q1, view: "school" }))).code).toBe("FORBIDDEN");
    expect((await refusal(exportTermReport(await f.as("a.g1"), { format: "pdf", period: q1, view: "school" }))).code).toBe("FORBIDDEN");
  });
});

describe("the term report as files", () => {
  it("a PDF with real Russian text, the title and the language", async () => {
    const file = await exportTermReport(await f.as("a.admin"), { format: "pdf", period: q1, view: "school" });
    expect(file.contentType).toBe("application/pdf");
    expect(file.fileName).toMatch(/^otchet-1-четверть-.*-вся-школа\.pdf$/);
    const dir = mkdtempSync(join(tmpdir(), "term-report-"));
    const path = join(dir, "report.pdf");
    writeFileSync(path, file.body);
    const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
    expect(text).toContain("Школа А");
    expect(text).toContain("Отчёт за четверть");
    expect(text).toContain("1 четверть");
    expect(text).toMatch(/5А\s+3\s+1\s+2\s+1\s+1\s+1\s+0\s+33,3\s+33,3\s+3,60\s+47,8/);
    expect(text).toMatch(/Всего по школе\s+4\s/);
    expect(text).toContain("Выполнение учебного плана");
    expect(text).toMatch(/6А\s+32\s+20\s+.*12\s+37,5/);
    expect(text).toContain("Пропуски уроков по классам");
    const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
    expect(info).toMatch(/Title:\s+Отчёт за четверть: 1 четверть, .* — вся школа/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28/);
    expect(Buffer.from(file.body).toString("latin1")).toMatch(/\/Lang \(ru\)/);
  });

  it("an XLSX of the same tables, numbers as numbers", async () => {
    const file = await exportTermReport(await f.as("a.admin"), { format: "xlsx", period: q1, view: "school" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body.buffer.slice(file.body.byteOffset, file.body.byteOffset + file.body.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Успеваемость по классам", "Успеваемость по предметам", "Учебный план", "Пропуски"]);
    const sheet = wb.getWorksheet("Успеваемость по классам");
    const values: unknown[][] = [];
    sheet?.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    expect(values).toContainEqual(["5А", 3, 1, 2, 1, 1, 1, 0, 33.3, 33.3, 3.6, 47.8]);
    const plan: unknown[][] = [];
    wb.getWorksheet("Учебный план")?.eachRow((r) => plan.push((r.values as unknown[]).slice(1)));
    expect(plan).toContainEqual(["5А", 64, 62, 60, 2, 2, 3.1]);
  });
});

describe("a pass/fail subject (зачёт) in the 3rd quarter", () => {
  let q3: string;
  beforeAll(async () => {
    const A = f.A;
    const year = await t.db.academicYear.findFirstOrThrow({ where: { schoolId: A.id } });
    const y = year.startDate.getUTCFullYear() + 1;
    q3 = (await t.db.period.create({ data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 3, name: "3 четверть", startDate: dayToDate(`${y}-01-12`), endDate: dayToDate(`${y}-03-20`), gradeFrom: 1, gradeTo: 9 } })).id;
    const project = (await t.db.subject.create({ data: { schoolId: A.id, name: "Проектная деятельность", shortName: "Проект" } })).id;
    // 5А: maths 5, 5, 5; the project зач, зач, незач
    const fm = (studentId: string, subjectId: string, mark: { markKind: "NUMERIC" | "PASS" | "FAIL"; value?: number }) =>
      t.db.finalMark.create({
        data: { schoolId: A.id, studentId, cohortId: A.c5, subjectId, periodId: q3, kind: "PERIOD", markKind: mark.markKind, value: mark.value ?? null, confirmedById: A.mathT, confirmedAt: new Date() },
      });
    for (const s of [f.A.s1, f.A.s2, s4]) await fm(s, A.math, { markKind: "NUMERIC", value: 5 });
    await fm(f.A.s1, project, { markKind: "PASS" });
    await fm(f.A.s2, project, { markKind: "PASS" });
    await fm(s4, project, { markKind: "FAIL" });
  });

  it("«зач» counts in успеваемость only: the project has no качество or СОУ, and the class's СОУ stays 100 %", async () => {
    const { report } = await getStatsReport(await f.as("a.admin"), { periodId: q3, view: "class", id: f.A.c5 });
    // maths: 3 «5»; the project: 2 of 3 succeed, no five-point marks
    expect(rows(report, 0)).toEqual([
      ["Математика", 3, "100,0", "100,0", "5,00", "100,0"],
      ["Проектная деятельность", 3, "66,7", "—", "—", "—"],
    ]);
    // Сидорова's «незач» fails her: 2 of 3 students succeed, both on «5»; СОУ 300 / 3 five-point marks
    const total = report.results[0]?.total;
    expect(total && [total.n, total.graded, pct(total.successRate), pct(total.qualityRate), avg(total.mean), pct(total.sou)]).toEqual([3, 3, "66,7", "66,7", "5,00", "100,0"]);
  });

  it("the PDF and the XLSX show the «зач» and «незач» counts that make up N", async () => {
    const admin = await f.as("a.admin");
    const pdf = await exportTermReport(admin, { format: "pdf", period: q3, view: "class", id: f.A.c5 });
    const dir = mkdtempSync(join(tmpdir(), "term-report-"));
    const path = join(dir, "report.pdf");
    writeFileSync(path, pdf.body);
    const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
    expect(text).toMatch(/н\/а\s+зач\s+незач\s+осв/);
    // N 3 = 0 «5» … + 2 зач + 1 незач
    expect(text).toMatch(/Проектная деятельность\s+3\s+0\s+0\s+0\s+0\s+0\s+2\s+1\s+0\s+66,7\s+—\s+—\s+—/);
    expect(text).toContain("«зач» и «незач» входят в N и в успеваемость");

    const file = await exportTermReport(admin, { format: "xlsx", period: q3, view: "class", id: f.A.c5 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body.buffer.slice(file.body.byteOffset, file.body.byteOffset + file.body.byteLength) as ArrayBuffer);
    const values: unknown[][] = [];
    wb.getWorksheet("Успеваемость по предметам")?.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    expect(values).toContainEqual(["Предмет", "N", "«5»", "«4»", "«3»", "«2»", "н/а", "зач", "незач", "осв", "Успеваемость, %", "Качество, %", "Средний балл", "СОУ, %"]);
    expect(values).toContainEqual(["Проектная деятельность", 3, 0, 0, 0, 0, 0, 2, 1, 0, 66.7, "—", "—", "—"]);
    expect(values).toContainEqual(["Итого", 3, 3, 0, 0, 0, 0, 2, 1, 0, 66.7, 66.7, 5, 100]);
  });
});
