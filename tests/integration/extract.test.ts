/**
 * Paper extracts (R2.3, issue 8) on a real database: the PDF's own text (pdftotext) holds
 * the right student, marks, weighted average, period mark, absences, recommendations and
 * forecast; large print says the same in one column; a class batch starts each student
 * on a new page, for the paper list or the whole class; every print is logged; nobody
 * prints a student they may not, and a refused or bad request records nothing.
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
import { addDays, dayToDate } from "../../lib/time";
import { printClassExtracts, printStudentExtract } from "../../lib/reports/extract-pdf";
import { listExtractPrints } from "../../lib/reports/extract-prints";
import { extractClassOptions, selectClassExtracts } from "../../lib/reports/extract-data";
import type { StudentExtractQuery } from "../../lib/reports/extract-params";

let t: TestDb;
let f: TwoSchools;
let quarter: string;
let dir: string;

/** The PDF's text as a reader's tool extracts it, page by page (form feed between pages). */
function pdfPages(pdf: Buffer): string[] {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync("/usr/bin/pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  return text.split("\f").filter((p) => p.trim() !== "");
}
const flat = (pdf: Buffer) => pdfPages(pdf).join("\n").replace(/\s+/g, " ");
function pdfInfo(pdf: Buffer): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("/usr/bin/pdfinfo", [file], { encoding: "utf8" });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "extract-test-"));
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const A = f.A;
  const year = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: A.id, id: A.yearId } } });
  // a quarter under way: from the year's start to a month from today
  quarter = (await t.db.period.create({
    data: { schoolId: A.id, yearId: A.yearId, kind: "QUARTER", number: 1, name: "1 четверть", startDate: year.startDate, endDate: dayToDate(addDays(f.today, 30)), gradeFrom: 1, gradeTo: 11 },
  })).id;
  // a test of weight 2: maths of s1 is 5 (weight 1) and 3 (weight 2) → (5 + 6) / 3 = 3,67
  const test = await t.db.workType.create({ data: { schoolId: A.id, code: "TEST", name: "Контрольная работа", weight: 2 } });
  const day = dayToDate(f.today);
  const lesson = await t.db.lesson.create({ data: { schoolId: A.id, cohortId: A.c5, subjectId: A.math, teacherId: A.mathT, date: day, lessonNumber: 7, status: "HELD", topic: "Дроби" } });
  await t.db.mark.create({ data: { schoolId: A.id, lessonId: lesson.id, studentId: A.s1, cohortId: A.c5, subjectId: A.math, date: day, workTypeId: test.id, kind: "NUMERIC", value: 3, authorId: A.mathT } });
  // s2 was ill at that lesson, and late to another
  await t.db.attendance.create({ data: { schoolId: A.id, lessonId: lesson.id, studentId: A.s2, date: day, code: "ILL", authorId: A.mathT } });
  const rusLesson = await t.db.lesson.findFirstOrThrow({ where: { schoolId: A.id, cohortId: A.c5, subjectId: A.rus } });
  await t.db.attendance.create({ data: { schoolId: A.id, lessonId: rusLesson.id, studentId: A.s2, date: day, code: "LATE", minutesLate: 5, authorId: A.rusT } });
  await t.db.recommendation.create({ data: { schoolId: A.id, studentId: A.s1, subjectId: A.math, authorId: A.mathT, date: day, text: "Повторить таблицу умножения на 7." } });
  await t.db.finalMark.create({
    data: { schoolId: A.id, studentId: A.s1, subjectId: A.rus, cohortId: A.c5, periodId: quarter, kind: "PERIOD", markKind: "NUMERIC", value: 4, confirmedById: A.rusT, confirmedAt: new Date() },
  });
});
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const q = (studentId: string, o: Partial<StudentExtractQuery> = {}): StudentExtractQuery => ({ studentId, span: { kind: "period", periodId: quarter }, largePrint: false, ...o });
const prints = () => t.db.extractPrint.findMany({ orderBy: [{ printedAt: "asc" }, { id: "asc" }] });

describe("one student's extract", () => {
  it("holds the school, the student, the class, the marks with their dates, the weighted average, the period mark, the recommendation and the forecast", async () => {
    const admin = await f.as("a.admin");
    const out = await printStudentExtract(admin, q(f.A.s1));
    expect(out.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = flat(out.pdf);
    expect(text).toContain("Школа А");
    expect(text).toContain("г. Ханты-Мансийск");
    expect(text).toContain("Выписка из электронного журнала");
    expect(text).toContain("Иванов Пётр");
    expect(text).toContain("Класс: 5А");
    expect(text).toContain("1 четверть");
    const dm = `${f.today.slice(8, 10)}.${f.today.slice(5, 7)}`;
    // maths: 5 and 3 of weight 2 → 3,67; Russian: 4, and the teacher's quarter mark 4
    expect(text).toMatch(new RegExp(`Математика\\s+5 \\(${dm}\\), 3 \\(${dm}\\)\\s+3,67`));
    expect(text).toMatch(/Русский язык\s+4 \(\d\d\.\d\d\)\s+4,00\s+4/);
    expect(text).toContain("Повторить таблицу умножения на 7.");
    expect(text).toContain("Числова Мария Сергеевна");
    // the forecast in the diary's words (lib/grading/forecast-text.ts)
    expect(text).toContain("Прогноз: По средней выходит «4», но пока это «н/а»");
    expect(text).toContain("классный руководитель");
    expect(text).toContain("Числова М. С.");
    // the document says what it is and in which language
    const info = pdfInfo(out.pdf);
    expect(info).toMatch(/Title:\s+Выписка из электронного журнала — Иванов Пётр, 1 четверть/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
    expect(out.pdf.toString("latin1")).toMatch(/\/Lang \(ru\)|\/Lang <[0-9a-fA-F]+>/);
  });

  it("counts absences by code: б and оп for the other student, none for the first", async () => {
    const admin = await f.as("a.admin");
    const text = flat((await printStudentExtract(admin, q(f.A.s2))).pdf);
    expect(text).toContain("Петров Илья");
    expect(text).toMatch(/Математика 3 \(\d\d\.\d\d\) 3,00 — б ?— ?1/);
    expect(text).toMatch(/Русский язык нет отметок — — оп ?— ?1/);
    expect(text).toContain("Пропущено уроков: 1 (н — 0, б — 1, у — 0). Опозданий (оп): 1.");
    expect(text).toContain("За этот период рекомендаций нет.");
    const first = flat((await printStudentExtract(admin, q(f.A.s1))).pdf);
    expect(first).toContain("Пропущено уроков: 0. Опозданий (оп): 0.");
  });

  it("large print says the same, one fact a line, in bigger type", async () => {
    const admin = await f.as("a.admin");
    const out = await printStudentExtract(admin, q(f.A.s1, { largePrint: true }));
    const text = flat(out.pdf);
    expect(text).toContain("Средний балл: 3,67");
    expect(text).toContain("Отметка за четверть: 4");
    expect(text).toContain("Отметка за четверть: пока не выставлена");
    expect(text).toContain("Повторить таблицу умножения на 7.");
    expect(pdfInfo(out.pdf)).toMatch(/Title:\s+.*\(крупный шрифт\)/);
    const last = (await prints()).at(-1);
    expect(last).toMatchObject({ studentId: f.A.s1, largePrint: true, batchId: null, periodId: quarter, cohortId: f.A.c5 });
  });

  it("for a range of days: the marks of those days, no period mark and no forecast", async () => {
    const admin = await f.as("a.admin");
    const text = flat((await printStudentExtract(admin, q(f.A.s1, { span: { kind: "range", from: addDays(f.today, -3), to: f.today } }))).pdf);
    expect(text).toMatch(/Математика\s+5 \(\d\d\.\d\d\), 3 \(\d\d\.\d\d\)\s+3,67\s+—/);
    expect(text).toContain("Прогноз даётся в выписке за отчётный период.");
    const last = (await prints()).at(-1);
    expect(last?.periodId).toBeNull();
    expect(last?.toDate.toISOString().slice(0, 10)).toBe(f.today);
  });

  it("records who printed it, for whom and when", async () => {
    const before = (await prints()).length;
    const admin = await f.as("a.admin");
    await printStudentExtract(admin, q(f.A.s1));
    const rows = await prints();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ schoolId: f.A.id, studentId: f.A.s1, cohortId: f.A.c5, printedById: admin.userId, largePrint: false, batchId: null });
  });

  it("the class teacher prints their own class only; a subject teacher, another school and families cannot; nothing is recorded", async () => {
    const before = (await prints()).length;
    const classTeacher = await f.as("a.math");
    expect(flat((await printStudentExtract(classTeacher, q(f.A.s1))).pdf)).toContain("Иванов Пётр");
    // a.math teaches maths in 6А but does not lead it
    expect((await refusal(printStudentExtract(classTeacher, q(f.A.s3)))).code).toBe("NOT_FOUND");
    // a.rus teaches Russian in 5А but is not its class teacher
    expect((await refusal(printStudentExtract(await f.as("a.rus"), q(f.A.s1)))).code).toBe("NOT_FOUND");
    expect((await refusal(printStudentExtract(await f.as("b.admin"), q(f.A.s1)))).code).toBe("NOT_FOUND");
    expect((await refusal(printStudentExtract(await f.as("a.g1"), q(f.A.s1)))).code).toBe("FORBIDDEN");
    expect((await refusal(printStudentExtract(classTeacher, q(f.A.s1, { studentId: "0190a1b2-0000-7000-8000-000000000000" })))).code).toBe("NOT_FOUND");
    expect(await prints()).toHaveLength(before + 1);
  });

  it("a period of another school or grade is refused as bad input and records nothing", async () => {
    const before = (await prints()).length;
    const admin = await f.as("a.admin");
    const otherYear = await t.db.period.findFirstOrThrow({ where: { schoolId: f.B.id } });
    expect((await refusal(printStudentExtract(admin, q(f.A.s1, { span: { kind: "period", periodId: otherYear.id } })))).code).toBe("BAD_INPUT");
    const seniors = await t.db.period.create({
      data: { schoolId: f.A.id, yearId: f.A.yearId, kind: "SEMESTER", number: 1, name: "1 полугодие", startDate: dayToDate(addDays(f.today, -60)), endDate: dayToDate(addDays(f.today, 30)), gradeFrom: 10, gradeTo: 11 },
    });
    const e = await refusal(printStudentExtract(admin, q(f.A.s1, { span: { kind: "period", periodId: seniors.id } })));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.fieldErrors?.["period"]).toBeDefined();
    expect(await prints()).toHaveLength(before);
  });

  it("without a span it is the period under way", async () => {
    const admin = await f.as("a.admin");
    const text = flat((await printStudentExtract(admin, q(f.A.s1, { span: { kind: "default" } }))).pdf);
    expect(text).toContain("1 четверть");
  });
});

describe("a class batch", () => {
  it("for the paper list: only the children a guardian must get on paper", async () => {
    const admin = await f.as("a.admin");
    const none = await refusal(printClassExtracts(admin, { cohortId: f.A.c5, span: { kind: "period", periodId: quarter }, who: "paper", largePrint: false }));
    expect(none.code).toBe("BAD_INPUT");
    expect(none.message).toContain("никого нет");
    // Петрова refuses on paper: Петров goes on the paper list
    const text = await t.db.consentText.findFirstOrThrow({ where: { schoolId: f.A.id } });
    await t.db.consentEvent.create({
      data: { schoolId: f.A.id, guardianId: f.A.g2, studentId: f.A.s2, textId: text.id, decision: "REFUSED", form: "PAPER", documentNumber: "О-1", documentDate: dayToDate(f.today) },
    });
    const sel = await selectClassExtracts(admin, { cohortId: f.A.c5, span: { kind: "period", periodId: quarter }, who: "paper" });
    expect(sel.students.map((s) => s.name)).toEqual(["Петров Илья"]);
    const before = (await prints()).length;
    const out = await printClassExtracts(admin, { cohortId: f.A.c5, span: { kind: "period", periodId: quarter }, who: "paper", largePrint: false });
    expect(out.count).toBe(1);
    const pages = pdfPages(out.pdf);
    expect(pages.join("\n")).toContain("Петров Илья");
    expect(pages.join("\n")).not.toContain("Иванов Пётр");
    const rows = (await prints()).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.batchId).toEqual(expect.any(String));
  });

  it("for the whole class: one student per page, in the order of the class list, under one batch id", async () => {
    const admin = await f.as("a.admin");
    const before = (await prints()).length;
    const out = await printClassExtracts(admin, { cohortId: f.A.c5, span: { kind: "period", periodId: quarter }, who: "all", largePrint: true });
    expect(out.count).toBe(2);
    const pages = pdfPages(out.pdf);
    const firstOf = (name: string) => pages.findIndex((p) => p.includes(`Обучающийся: ${name}`));
    expect(firstOf("Иванов Пётр")).toBe(0);
    expect(firstOf("Петров Илья")).toBeGreaterThan(0);
    // no page holds two students
    for (const p of pages) expect(p.includes("Иванов Пётр") && p.includes("Петров Илья")).toBe(false);
    expect(pdfInfo(out.pdf)).toMatch(/Title:\s+Выписки из электронного журнала — 5А, 1 четверть \(крупный шрифт\)/);
    const rows = (await prints()).slice(before);
    expect(rows.map((r) => r.studentId).sort()).toEqual([f.A.s1, f.A.s2].sort());
    expect(new Set(rows.map((r) => r.batchId)).size).toBe(1);
    expect(rows.every((r) => r.largePrint && r.batchId !== null)).toBe(true);
  });

  it("the class teacher prints their own class; other classes are not found", async () => {
    const teacher = await f.as("a.math");
    expect((await printClassExtracts(teacher, { cohortId: f.A.c5, span: { kind: "period", periodId: quarter }, who: "all", largePrint: false })).count).toBe(2);
    expect((await refusal(printClassExtracts(teacher, { cohortId: f.A.c6, span: { kind: "period", periodId: quarter }, who: "all", largePrint: false }))).code).toBe("NOT_FOUND");
    expect((await refusal(printClassExtracts(await f.as("b.admin"), { cohortId: f.A.c5, span: { kind: "period", periodId: quarter }, who: "all", largePrint: false }))).code).toBe("NOT_FOUND");
    expect((await extractClassOptions(teacher)).map((c) => c.name)).toEqual(["5А"]);
    expect((await extractClassOptions(await f.as("a.admin"))).map((c) => c.name)).toEqual(["5А", "6А"]);
  });

  it("the print log shows who printed what, newest first, a batch as one entry", async () => {
    const admin = await f.as("a.admin");
    const log = await listExtractPrints(admin);
    const newest = log.entries[0];
    expect(newest).toMatchObject({ printedBy: "Числова М. С.", cohort: "5А", batch: true, students: ["Иванов Пётр", "Петров Илья"] });
    expect(newest?.span).toContain("1 четверть");
    const times = log.entries.map((e) => e.printedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await refusal(listExtractPrints(await f.as("a.math")))).code).toBe("NOT_FOUND");
    // the other school's log is its own
    expect((await listExtractPrints(await f.as("b.admin"))).entries).toEqual([]);
  });
});
