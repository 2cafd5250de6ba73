/**
 * The summary sheet as a PDF (issue 8): landscape A4, the class's students down and the
 * subjects across with their periods, the year, exam and final marks and the class
 * statistics — the same facts as the screen (lib/journal/summary.ts); subjects that do not
 * fit go to the next sheet, which repeats the students; whoever cannot read the sheet
 * on screen cannot download it either.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { refusal } from "../support/refusal";
import { dayToDate } from "../../lib/time";
import { periodShort, printSummarySheet, subjectsPerPage } from "../../lib/reports/summary-sheet";

let t: TestDb;
let f: TwoSchools;
let dir: string;
let q1: string;
let yearPeriod: string;

function run(tool: string, args: string[], pdf: Buffer): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args.map((a) => (a === "$FILE" ? file : a))], { encoding: "utf8" });
}
const pages = (pdf: Buffer) => run("/usr/bin/pdftotext", ["-layout", "-enc", "UTF-8", "$FILE", "-"], pdf).split("\f").filter((p) => p.trim() !== "").map((p) => p.replace(/\s+/g, " "));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "summary-sheet-test-"));
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const A = f.A;
  const year = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: A.id, id: A.yearId } } });
  yearPeriod = (await t.db.period.findFirstOrThrow({ where: { schoolId: A.id, kind: "YEAR" } })).id;
  q1 = (await t.db.period.create({
    data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 1, name: "1 четверть", startDate: year.startDate, endDate: dayToDate(f.today), gradeFrom: 1, gradeTo: 9 },
  })).id;
  const final = (studentId: string, subjectId: string, by: string, periodId: string, kind: "PERIOD" | "YEAR", markKind: "NUMERIC" | "NOT_ATTESTED", value: number | null) =>
    t.db.finalMark.create({ data: { schoolId: A.id, studentId, subjectId, cohortId: A.c5, periodId, kind, markKind, value, confirmedById: by, confirmedAt: new Date() } });
  await final(A.s1, A.math, A.mathT, q1, "PERIOD", "NUMERIC", 5);
  await final(A.s2, A.math, A.mathT, q1, "PERIOD", "NUMERIC", 3);
  await final(A.s1, A.rus, A.rusT, q1, "PERIOD", "NUMERIC", 4);
  await final(A.s2, A.rus, A.rusT, q1, "PERIOD", "NOT_ATTESTED", null);
  await final(A.s1, A.math, A.mathT, yearPeriod, "YEAR", "NUMERIC", 5);
});
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the summary sheet as a PDF", () => {
  it("is a landscape A4 document of the class with each student's marks by subject and period, and the class statistics", async () => {
    const out = await printSummarySheet(await f.as("a.admin"), f.A.c5);
    expect(out.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const info = run("/usr/bin/pdfinfo", ["$FILE"], out.pdf);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+/);
    expect(info).toMatch(/Title:\s+Сводная ведомость — 5А, \d{4}\/\d{4}/);
    expect(out.pdf.toString("latin1")).toMatch(/\/Lang \(ru\)|\/Lang <[0-9a-fA-F]+>/);
    const [page, ...rest] = pages(out.pdf);
    expect(rest).toEqual([]);
    expect(page).toContain("Школа А");
    expect(page).toContain("Сводная ведомость итоговых отметок");
    expect(page).toContain("Класс 5А");
    expect(page).toContain("Математика");
    expect(page).toContain("Русский язык");
    // columns per subject: 1 ч, Год; rows: Иванов П. 5 5 | 4 —; Петров И. 3 | н/а
    expect(page).toMatch(/1 Иванов П\. 5 5 4 /);
    expect(page).toMatch(/2 Петров И\. 3 н\/а /);
    // maths in the first quarter: 5 and 3 → успеваемость 100, качество 50, средний 4,00, СОУ 68;
    // the year: one «5» so far; Russian: 4 and н/а; no Russian year mark yet
    expect(page).toMatch(/Успеваемость, % 100,0 100,0 50,0 —/);
    expect(page).toMatch(/Качество знаний, % 50,0 100,0 50,0 —/);
    expect(page).toMatch(/Средний балл 4,00 5,00 4,00 —/);
    expect(page).toMatch(/СОУ, % 68,0 100,0 35,5 —/);
    expect(page).toContain("1 ч — 1 четверть; Год — годовая отметка");
  });

  it("splits subjects that do not fit onto further sheets, each repeating the students", async () => {
    const A = f.A;
    const per = subjectsPerPage(2);
    // enough subjects for three sheets
    for (let i = 0; i < per * 2 + 1; i++) {
      const subject = await t.db.subject.create({ data: { schoolId: A.id, name: `Курс ${String(i + 1).padStart(2, "0")}`, shortName: `К${i + 1}` } });
      await t.db.curriculumItem.create({ data: { schoolId: A.id, cohortId: A.c5, subjectId: subject.id, hoursPerWeek: 1, validFrom: dayToDate(`${f.today.slice(0, 4)}-01-01`) } });
    }
    const out = await printSummarySheet(await f.as("a.math"), A.c5);
    const all = pages(out.pdf);
    expect(all.length).toBe(3);
    all.forEach((p, i) => {
      expect(p).toContain("Иванов П.");
      expect(p).toContain("Петров И.");
      expect(p).toContain(`лист ${i + 1} из 3`);
    });
    expect(all[2]).toContain("Классный руководитель");
    expect(all[0]).not.toContain("Классный руководитель");
  });

  it("is for those who may read the sheet on screen only", async () => {
    expect((await refusal(printSummarySheet(await f.as("a.rus"), f.A.c6))).code).toBe("NOT_FOUND");
    expect((await refusal(printSummarySheet(await f.as("b.admin"), f.A.c5))).code).toBe("NOT_FOUND");
    expect((await refusal(printSummarySheet(await f.as("a.g1"), f.A.c5))).code).toBe("FORBIDDEN");
    expect((await refusal(printSummarySheet(await f.as("a.admin"), "not-an-id"))).code).toBe("NOT_FOUND");
  });

  it("names the columns as a paper journal does", () => {
    expect(["1 четверть", "2 полугодие", "3 триместр", "Год", "Экзамен", "Итоговая"].map(periodShort)).toEqual(["1 ч", "2 п/г", "3 тр", "Год", "Экз.", "Итог."]);
  });
});
