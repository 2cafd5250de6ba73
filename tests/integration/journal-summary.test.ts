/**
 * The summary sheet on a real database (issue 4, item 6): the confirmed final marks of a
 * class by subject and period, and under each column the statistics of DOMAIN.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { listFinalsLinks, readSummarySheet } from "../../lib/journal/summary";
import { dayToDate } from "../../lib/time";
import { refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let q1: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const A = f.A;
  const year = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: A.id, id: A.yearId } } });
  q1 = (await t.db.period.create({
    data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 1, name: "1 четверть", startDate: year.startDate, endDate: dayToDate(f.today), gradeFrom: 1, gradeTo: 9 },
  })).id;
  const final = (studentId: string, subjectId: string, by: string, markKind: "NUMERIC" | "NOT_ATTESTED", value: number | null) =>
    t.db.finalMark.create({
      data: { schoolId: A.id, studentId, subjectId, cohortId: A.c5, periodId: q1, kind: "PERIOD", markKind, value, confirmedById: by, confirmedAt: new Date() },
    });
  await final(A.s1, A.math, A.mathT, "NUMERIC", 5);
  await final(A.s2, A.math, A.mathT, "NUMERIC", 3);
  await final(A.s1, A.rus, A.rusT, "NUMERIC", 4);
  await final(A.s2, A.rus, A.rusT, "NOT_ATTESTED", null);
});
afterAll(async () => {
  await t.close();
});

describe("the summary sheet", () => {
  it("shows the final marks by subject and period with the class statistics of DOMAIN.md", async () => {
    const sheet = await readSummarySheet(await f.as("a.math"), f.A.c5);
    expect(sheet.cohort.name).toBe("5А");
    expect(sheet.subjects.map((s) => s.name)).toEqual(["Математика", "Русский язык"]);
    expect(sheet.periods.map((x) => x.name)).toEqual(["1 четверть", "Год"]);
    expect(sheet.rows.map((r) => [r.name, ...r.cells])).toEqual([
      ["Иванов П.", "5", "", "4", ""],
      ["Петров И.", "3", "", "н/а", ""],
    ]);
    // maths: 5 and 3 → всё успевают, качество 1 из 2, средний 4, СОУ (100 + 36) / 2
    expect(sheet.stats[0]).toEqual({ n: 2, success: "100,0", quality: "50,0", mean: "4,00", sou: "68,0" });
    // Russian: 4 and н/а → успеваемость 1 из 2, средний балл только из отметок, СОУ (64 + 7) / 2
    expect(sheet.stats[2]).toEqual({ n: 2, success: "50,0", quality: "50,0", mean: "4,00", sou: "35,5" });
    // a column without marks says so rather than showing zeros
    expect(sheet.stats[1]).toEqual({ n: 0, success: "—", quality: "—", mean: "—", sou: "—" });
  });

  it("adds the exam and the final marks after the year once a class has them", async () => {
    const A = f.A;
    const yearPeriod = (await t.db.period.findFirstOrThrow({ where: { schoolId: A.id, kind: "YEAR" } })).id;
    const mark = (kind: "YEAR" | "EXAM" | "FINAL", value: number) =>
      t.db.finalMark.create({
        data: { schoolId: A.id, studentId: A.s1, subjectId: A.math, cohortId: A.c5, periodId: yearPeriod, kind, markKind: "NUMERIC", value, confirmedById: A.mathT, confirmedAt: new Date() },
      });
    await mark("YEAR", 4);
    await mark("EXAM", 5);
    await mark("FINAL", 5);
    try {
      const sheet = await readSummarySheet(await f.as("a.math"), A.c5);
      expect(sheet.periods.map((x) => x.name)).toEqual(["1 четверть", "Год", "Экзамен", "Итоговая"]);
      const ivanov = sheet.rows.find((r) => r.name === "Иванов П.");
      // maths: 1 четверть, год, экзамен, итоговая; then Russian
      expect(ivanov?.cells.slice(0, 4)).toEqual(["5", "4", "5", "5"]);
      expect(sheet.stats[2]).toEqual({ n: 1, success: "100,0", quality: "100,0", mean: "5,00", sou: "100,0" });
    } finally {
      // the other tests read the sheet of a class with no year marks
      await t.db.finalMark.deleteMany({ where: { schoolId: A.id, periodId: yearPeriod } });
    }
  });

  it("is read by the class teacher, the cohort's teachers and the administration only", async () => {
    expect((await readSummarySheet(await f.as("a.rus"), f.A.c5)).rows).toHaveLength(2);
    expect((await readSummarySheet(await f.as("a.admin"), f.A.c5, f.A.yearId)).rows).toHaveLength(2);
    expect((await refusal(readSummarySheet(await f.as("a.rus"), f.A.c6))).code).toBe("NOT_FOUND");
    expect((await refusal(readSummarySheet(await f.as("b.admin"), f.A.c5))).code).toBe("NOT_FOUND");
    expect((await refusal(readSummarySheet(await f.as("a.admin"), f.A.c5, f.B.yearId))).code).toBe("NOT_FOUND");
    expect((await refusal(readSummarySheet(await f.as("a.g1"), f.A.c5))).code).toBe("FORBIDDEN");
  });

  it("lists where a teacher may go: their classes' sheets and their subjects' finals", async () => {
    const links = await listFinalsLinks(await f.as("a.rus"));
    expect(links.sheets.map((s) => s.cohortName)).toEqual(["5А"]);
    expect(links.finals.map((x) => `${x.cohortName} ${x.subjectName}`)).toEqual(["5А Русский язык"]);
    const math = await listFinalsLinks(await f.as("a.math"));
    expect(math.finals.map((x) => `${x.cohortName} ${x.subjectName}`)).toEqual(["5А Математика", "5А Русский язык", "6А Математика"]);
  });
});
