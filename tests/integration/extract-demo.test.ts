/**
 * The documents of issue 8 from the demo school: the extract of the demo student says
 * what the family's diary says (the same marks, averages and period marks, lib/grading's
 * arithmetic reached the same way), a class batch has every student on their own page,
 * and the summary sheet of the class holds the screen's marks.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { seedDemoSchool } from "../../prisma/seed/demo-school";
import { loadPrincipal } from "../../lib/auth/load-principal";
import type { Principal } from "../../lib/auth/principal";
import { readDiaryMarks } from "../../lib/diary/marks";
import { readSummarySheet } from "../../lib/journal/summary";
import { printClassExtracts, printStudentExtract } from "../../lib/reports/extract-pdf";
import { printSummarySheet } from "../../lib/reports/summary-sheet";
import { formatDayRu } from "../../lib/time";

let t: TestDb;
let dir: string;

function pages(pdf: Buffer): string[] {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("/usr/bin/pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    .split("\f")
    .filter((p) => p.trim() !== "")
    .map((p) => p.replace(/\s+/g, " ").replace(/ Выписка: [^,]+, \S+ ?$/, ""));
}

async function as(login: string): Promise<Principal> {
  const u = await t.db.user.findUniqueOrThrow({ where: { login }, select: { id: true, sessionVersion: true } });
  const p = await loadPrincipal(u.id, u.sessionVersion);
  if (!p) throw new Error(`no principal for ${login}`);
  return p;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "extract-demo-"));
  t = await createTestDb();
  bindAppDb(t.db);
  await seedDemoSchool(t.db, { today: new Date() });
});
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("documents of the demo school", () => {
  it("the demo student's extract agrees with the family's diary, subject by subject", async () => {
    const student = await t.db.user.findUniqueOrThrow({ where: { login: "student" }, select: { studentId: true } });
    const studentId = student.studentId ?? "";
    const diary = await readDiaryMarks(await as("parent"), studentId);
    const out = await printStudentExtract(await as("admin"), { studentId, span: { kind: "period", periodId: diary.period.id }, largePrint: true });
    const text = pages(out.pdf).join(" ");
    expect(text).toContain(diary.student.name);
    expect(text).toContain(diary.period.name);
    expect(diary.subjects.length).toBeGreaterThan(3);
    let withAverage = 0;
    for (const s of diary.subjects) {
      const block = new RegExp(`${escape(s.subjectName)} Отметки: (.*?) (Средний балл: (\\S+)|По этому предмету)`).exec(text);
      expect(block, s.subjectName).not.toBeNull();
      const marks = s.marks.map((m) => `${m.symbol} (${formatDayRu(m.date).slice(0, 5)})`).join(", ");
      expect(block?.[1], s.subjectName).toBe(marks || "нет отметок");
      if (s.average && s.average.count > 0) {
        withAverage += 1;
        expect(block?.[3], s.subjectName).toBe(s.average.text);
      }
      if (s.final) expect(text).toMatch(new RegExp(`${escape(s.subjectName)} Отметки: .*?Отметка за [а-я]+: ${escape(s.final.symbol)}`));
    }
    expect(withAverage).toBeGreaterThan(0);
  });

  it("a class batch: every student of the class on their own pages", async () => {
    const admin = await as("admin");
    const cohort = await t.db.cohort.findFirstOrThrow({ where: { name: "5А" }, select: { id: true } });
    const period = await t.db.period.findFirstOrThrow({ where: { kind: "QUARTER", number: 1 }, select: { id: true } });
    const out = await printClassExtracts(admin, { cohortId: cohort.id, span: { kind: "period", periodId: period.id }, who: "all", largePrint: false });
    const all = pages(out.pdf);
    const starts = all.filter((p) => p.includes("Выписка из электронного журнала Обучающийся:"));
    expect(starts).toHaveLength(out.count);
    expect(out.count).toBeGreaterThanOrEqual(10);
    const batch = await t.db.extractPrint.findMany({ where: { cohortId: cohort.id, batchId: { not: null } }, select: { batchId: true } });
    expect(batch).toHaveLength(out.count);
    expect(new Set(batch.map((b) => b.batchId)).size).toBe(1);
  });

  it("the summary sheet of a class holds the screen's students and marks", async () => {
    const admin = await as("admin");
    const cohort = await t.db.cohort.findFirstOrThrow({ where: { name: "5А" }, select: { id: true } });
    const sheet = await readSummarySheet(admin, cohort.id);
    const text = pages((await printSummarySheet(admin, cohort.id)).pdf).join(" ");
    for (const r of sheet.rows) expect(text).toContain(r.name);
    for (const s of sheet.subjects) expect(text.replace(/ /g, "")).toContain(s.name.replace(/ /g, ""));
    const first = sheet.rows[0];
    const marks = first?.cells.filter((c) => c !== "") ?? [];
    if (first && marks.length > 0) expect(text).toContain(`${first.name} ${marks.slice(0, 2).join(" ")}`);
  });
});
