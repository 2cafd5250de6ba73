/**
 * Paper extracts after review (issue 8): a class teacher prints only the time a child
 * spent in their class (an extract reads all of its span, so a span reaching into the
 * child's next class would show that class's marks); published exam results are on the
 * paper; a paper batch for a past period keeps the children who have left the class
 * since; a subject with very many marks runs onto the next page whole, under a repeated
 * table header; large print has no type under 16 pt. On a real database, the PDF's own
 * text read back with pdftotext.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { refusal } from "../support/refusal";
import { addDays, dayToDate, formatDayRu } from "../../lib/time";
import { printClassExtracts, printStudentExtract } from "../../lib/reports/extract-pdf";
import { selectClassExtracts } from "../../lib/reports/extract-data";
import type { ClassExtractQuery, StudentExtractQuery } from "../../lib/reports/extract-params";

let t: TestDb;
let f: TwoSchools;
let dir: string;
/** Сидоров Олег: in 5А from the start of the year to `moved`, in 6А from the next day */
let s4: string;
let moved: string;
let music: string;

function pdfPages(pdf: Buffer): string[] {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync("/usr/bin/pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return text.split("\f").filter((p) => p.trim() !== "");
}
const flat = (pdf: Buffer) => pdfPages(pdf).join("\n").replace(/\s+/g, " ");

/** Every font size the PDF sets (`/F1 16 Tf` in its content streams), in points. */
function fontSizes(pdf: Buffer): number[] {
  const sizes: number[] = [];
  const raw = pdf.toString("latin1");
  const start = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(raw))) {
    const from = m.index + m[0].length;
    const to = raw.indexOf("endstream", from);
    if (to < 0) break;
    let body: string;
    try {
      body = inflateSync(pdf.subarray(from, to)).toString("latin1");
    } catch {
      body = raw.slice(from, to);
    }
    for (const x of body.matchAll(/\/[A-Za-z0-9+_-]+ ([\d.]+) Tf/g)) sizes.push(Number(x[1]));
    start.lastIndex = to;
  }
  return sizes;
}

const dm = (day: string) => formatDayRu(day).slice(0, 5);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "extract-review-"));
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const A = f.A;
  moved = addDays(f.today, -30);
  // 6А gets a class teacher: the Russian teacher
  await t.db.cohort.update({ where: { schoolId_id: { schoolId: A.id, id: A.c6 } }, data: { classTeacherId: A.rusT } });
  const history = (await t.db.subject.create({ data: { schoolId: A.id, name: "История", shortName: "Ист" } })).id;
  music = (await t.db.subject.create({ data: { schoolId: A.id, name: "Музыка", shortName: "Муз" } })).id;
  const year = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: A.id, id: A.yearId } } });
  s4 = (await t.db.student.create({ data: { schoolId: A.id, lastName: "Сидоров", firstName: "Олег", birthDate: dayToDate("2015-05-05"), gender: "MALE", recordNumber: "R-44" } })).id;
  await t.db.cohortMembership.create({ data: { schoolId: A.id, cohortId: A.c5, studentId: s4, startDate: year.startDate, endDate: dayToDate(moved) } });
  await t.db.cohortMembership.create({ data: { schoolId: A.id, cohortId: A.c6, studentId: s4, startDate: dayToDate(addDays(moved, 1)) } });
  // a history mark in 5А before the move (2) and one in 6А after it (5)
  for (const [cohortId, day, value] of [[A.c5, addDays(moved, -10), 2], [A.c6, addDays(f.today, -3), 5]] as const) {
    const l = await t.db.lesson.create({ data: { schoolId: A.id, cohortId, subjectId: history, teacherId: A.rusT, date: dayToDate(day), lessonNumber: 8, status: "HELD", topic: "Тема" } });
    await t.db.mark.create({ data: { schoolId: A.id, lessonId: l.id, studentId: s4, cohortId, subjectId: history, date: dayToDate(day), workTypeId: A.workTypeId, kind: "NUMERIC", value, authorId: A.rusT } });
  }
  await t.db.recommendation.create({ data: { schoolId: A.id, studentId: s4, authorId: A.rusT, date: dayToDate(addDays(f.today, -2)), text: "Совет из 6А: читать по 20 минут." } });
  // s2's exams: a published ОГЭ in maths, a ГВЭ not yet published, a published one long ago
  const exam = (kind: "OGE" | "GVE" | "VOCATIONAL", subjectId: string, day: string, score: number, max: number, mark: number, published: boolean) =>
    t.db.examResult.create({
      data: { schoolId: A.id, yearId: A.yearId, studentId: A.s2, subjectId, kind, examDate: dayToDate(day), primaryScore: score, maxScore: max, mark, receivedAt: new Date(), publishedAt: published ? new Date() : null },
    });
  await exam("OGE", A.math, addDays(f.today, -10), 23, 31, 4, true);
  await exam("GVE", A.rus, addDays(f.today, -9), 11, 20, 3, false);
  await exam("VOCATIONAL", A.rus, addDays(f.today, -50), 40, 50, 5, true);
  // s1: 300 music marks over 60 days, far more than a page holds in one row
  const from = addDays(f.today, -80);
  for (let d = 0; d < 60; d++) {
    const day = dayToDate(addDays(from, d));
    for (let n = 1; n <= 5; n++) {
      const l = await t.db.lesson.create({ data: { schoolId: A.id, cohortId: A.c5, subjectId: music, teacherId: A.mathT, date: day, lessonNumber: n, status: "HELD", topic: "Пение" } });
      await t.db.mark.create({ data: { schoolId: A.id, lessonId: l.id, studentId: A.s1, cohortId: A.c5, subjectId: music, date: day, workTypeId: A.workTypeId, kind: "NUMERIC", value: 5, authorId: A.mathT } });
    }
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const range = (studentId: string, from: string, to: string, o: Partial<StudentExtractQuery> = {}): StudentExtractQuery => ({ studentId, span: { kind: "range", from, to }, largePrint: false, ...o });
const batch = (cohortId: string, from: string, to: string, who: "paper" | "all"): ClassExtractQuery => ({ cohortId, span: { kind: "range", from, to }, who, largePrint: false });
const prints = () => t.db.extractPrint.count();

describe("a class teacher prints only the child's time in their class", () => {
  it("the former class teacher gets the span inside their time, and is refused for a span reaching into the new class", async () => {
    const old = await f.as("a.math");
    const inside = flat((await printStudentExtract(old, range(s4, addDays(moved, -20), moved))).pdf);
    expect(inside).toContain("Сидоров Олег");
    expect(inside).toMatch(new RegExp(`История\\s+2 \\(${dm(addDays(moved, -10))}\\)`));
    expect(inside).not.toContain(dm(addDays(f.today, -3)));
    const before = await prints();
    // from before the move to today: the 6А marks would be on it
    expect((await refusal(printStudentExtract(old, range(s4, addDays(moved, -20), f.today)))).code).toBe("NOT_FOUND");
    // a single day after the move is enough to refuse
    expect((await refusal(printStudentExtract(old, range(s4, moved, addDays(moved, 1))))).code).toBe("NOT_FOUND");
    // the period under way (the year) reaches into 6А too
    expect((await refusal(printStudentExtract(old, { studentId: s4, span: { kind: "default" }, largePrint: false }))).code).toBe("NOT_FOUND");
    expect(await prints()).toBe(before);
  });

  it("the new class teacher gets the time since the move, not before it; the administrator gets all", async () => {
    const now = await f.as("a.rus");
    const text = flat((await printStudentExtract(now, range(s4, addDays(moved, 1), f.today))).pdf);
    expect(text).toMatch(new RegExp(`История\\s+5 \\(${dm(addDays(f.today, -3))}\\)`));
    expect(text).toContain("Совет из 6А: читать по 20 минут.");
    expect((await refusal(printStudentExtract(now, range(s4, addDays(moved, -5), f.today)))).code).toBe("NOT_FOUND");
    const all = flat((await printStudentExtract(await f.as("a.admin"), range(s4, addDays(moved, -20), f.today))).pdf);
    expect(all).toMatch(/История\s+2 \(\d\d\.\d\d\), 5 \(\d\d\.\d\d\)/);
  });

  it("a class batch by the class teacher: only for a span every child spent wholly in the class", async () => {
    const old = await f.as("a.math");
    const out = await printClassExtracts(old, batch(f.A.c5, addDays(moved, -20), moved, "all"));
    expect(out.count).toBe(3);
    expect(flat(out.pdf)).toContain("Сидоров Олег");
    const before = await prints();
    expect((await refusal(printClassExtracts(old, batch(f.A.c5, addDays(moved, -20), f.today, "all")))).code).toBe("NOT_FOUND");
    expect(await prints()).toBe(before);
    // after the move the child is not in 5А's batch at all
    const later = await printClassExtracts(old, batch(f.A.c5, addDays(moved, 1), f.today, "all"));
    expect(later.count).toBe(2);
    expect(flat(later.pdf)).not.toContain("Сидоров Олег");
    // the administrator prints any span
    expect((await printClassExtracts(await f.as("a.admin"), batch(f.A.c5, addDays(moved, -20), f.today, "all"))).count).toBe(3);
  });
});

describe("exam results on paper", () => {
  it("lists the published results of the span — kind, subject, date, primary score of max, mark — and nothing unpublished", async () => {
    const admin = await f.as("a.admin");
    const text = flat((await printStudentExtract(admin, range(f.A.s2, addDays(f.today, -20), f.today))).pdf);
    expect(text).toContain("Результаты государственной итоговой аттестации");
    expect(text).toContain(`ОГЭ, Математика, ${formatDayRu(addDays(f.today, -10))}: первичный балл 23 из 31, отметка 4.`);
    expect(text).not.toContain("ГВЭ");
    expect(text).not.toContain("11 из 20");
    // outside the span
    expect(text).not.toContain("квалификационный экзамен");
    const wide = flat((await printStudentExtract(admin, range(f.A.s2, addDays(f.today, -60), f.today))).pdf);
    expect(wide).toContain(`квалификационный экзамен, Русский язык, ${formatDayRu(addDays(f.today, -50))}: первичный балл 40 из 50, отметка 5.`);
  });

  it("says the same in large print, one fact a line", async () => {
    const text = flat((await printStudentExtract(await f.as("a.admin"), range(f.A.s2, addDays(f.today, -20), f.today, { largePrint: true }))).pdf);
    expect(text).toContain("Результаты государственной итоговой аттестации");
    expect(text).toContain(`ОГЭ, Математика Дата: ${formatDayRu(addDays(f.today, -10))} Первичный балл: 23 из 31 Отметка: 4`);
  });

  it("says nothing about exams when there are none", async () => {
    const text = flat((await printStudentExtract(await f.as("a.admin"), range(f.A.s2, addDays(f.today, -5), f.today))).pdf);
    expect(text).not.toContain("итоговой аттестации");
  });
});

describe("a paper batch for a past period", () => {
  it("decides the paper list among the children of the class during the span, including those who have left since", async () => {
    const admin = await f.as("a.admin");
    // s1 and s2 have their guardians' consent; Сидоров has no guardian recorded and left 5А
    const past = await selectClassExtracts(admin, { cohortId: f.A.c5, span: { kind: "range", from: addDays(moved, -20), to: moved }, who: "paper" });
    expect(past.students.map((s) => s.name)).toEqual(["Сидоров Олег"]);
    const out = await printClassExtracts(admin, batch(f.A.c5, addDays(moved, -20), moved, "paper"));
    expect(out.count).toBe(1);
    expect(flat(out.pdf)).toContain("Сидоров Олег");
    // since the move: nobody of 5А is on paper
    expect((await refusal(printClassExtracts(admin, batch(f.A.c5, addDays(moved, 1), f.today, "paper")))).message).toContain("никого нет");
    // a guardian who chose «только на бумаге» puts the child on the paper list
    await t.db.deliveryPreference.create({ data: { schoolId: f.A.id, guardianId: f.A.g2, frequency: "PAPER_ONLY" } });
    const now = await selectClassExtracts(admin, { cohortId: f.A.c5, span: { kind: "range", from: addDays(moved, 1), to: f.today }, who: "paper" });
    expect(now.students.map((s) => s.name)).toEqual(["Петров Илья"]);
  });
});

describe("the layout of a long extract", () => {
  it("a subject row taller than a page runs onto the next page whole, under the repeated table header", async () => {
    const out = await printStudentExtract(await f.as("a.admin"), range(f.A.s1, addDays(f.today, -80), addDays(f.today, -21)));
    const pages = pdfPages(out.pdf);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join("\n").replace(/\s+/g, " ");
    // every mark's date is there (a line may break between a mark and its date)
    expect(text.match(/\(\d\d\.\d\d\)/g)).toHaveLength(300);
    expect(text).toContain(`5 (${dm(addDays(f.today, -21))})`);
    expect(pages.filter((p) => p.includes("Предмет")).length).toBeGreaterThan(1);
    expect(text).toContain("классный руководитель");
  });

  it("large print sets no text under 16 pt: legend, notes, signature hints, footer", async () => {
    const out = await printStudentExtract(await f.as("a.admin"), { studentId: f.A.s2, span: { kind: "default" }, largePrint: true });
    const text = flat(out.pdf);
    expect(text).toContain("н — пропуск без уважительной причины");
    expect(text).toContain("За год прогноз не даётся");
    expect(text).toContain("дата выдачи");
    expect(text).toContain("Выписка: Петров Илья");
    expect(text).toContain("Результаты государственной итоговой аттестации");
    const sizes = fontSizes(out.pdf);
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    // the ordinary print keeps its small legend
    expect(Math.min(...fontSizes((await printStudentExtract(await f.as("a.admin"), { studentId: f.A.s2, span: { kind: "default" }, largePrint: false })).pdf))).toBeLessThan(16);
  });
});
