/**
 * A timetable file is held to the rules of the timetable screen: a teacher, a room or a
 * class in two places at once (against the timetable and within the file), a subject
 * outside the class's curriculum and dates outside its school year are each named with
 * the line and column, and the file then changes nothing. A group has its class's
 * curriculum, and two groups of a class may have different lessons at the same time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import type { Principal } from "../../lib/auth/principal";
import { importFile, type ImportReport } from "../../lib/imports/run-import";
import { addDays, dayToDate, formatDayRu } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
let admin: Principal;
/** 1 September of the fixture's year, as a file writes it */
let from: string;
let yearStart: string;
let yearEnd: string;

const HEAD = ["Класс", "День недели", "Номер урока", "Предмет", "Учитель", "Кабинет", "Действует с", "Действует по"];
const MATH_T = "Числова Мария Сергеевна";
const RUS_T = "Словарёва Елена Олеговна";
const DEPUTY = "Завучева Ольга Петровна";

function csv(rows: string[][]): Uint8Array {
  return new TextEncoder().encode(rows.map((r) => r.join(";")).join("\r\n"));
}

function run(rows: string[][]): Promise<ImportReport> {
  return importFile(admin, { kind: "TIMETABLE", fileName: "timetable.csv", bytes: csv([HEAD, ...rows]) });
}

async function slotCount(): Promise<number> {
  return t.db.timetableSlot.count({ where: { schoolId: f.A.id } });
}

/** The file was refused, nothing was written and the refusal is logged. */
async function expectRejected(rows: string[][]): Promise<ImportReport> {
  const before = await slotCount();
  const r = await run(rows);
  expect(r.status).toBe("REJECTED");
  expect(r.counts).toEqual({ created: 0, updated: 0, unchanged: 0 });
  expect(await slotCount()).toBe(before);
  const last = await t.db.importRun.findFirstOrThrow({ where: { schoolId: f.A.id }, orderBy: { at: "desc" } });
  expect(last).toMatchObject({ kind: "TIMETABLE", status: "REJECTED", created: 0, updated: 0 });
  return r;
}

const where = (r: ImportReport) => r.errors.map((e) => [e.line, e.column]);

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  admin = await f.as("a.admin");
  const y = await t.db.academicYear.findFirstOrThrow({ where: { schoolId: f.A.id } });
  yearStart = y.startDate.toISOString().slice(0, 10);
  yearEnd = y.endDate.toISOString().slice(0, 10);
  from = formatDayRu(yearStart);
  // a subject taught nowhere, and a group of 5А
  await t.db.subject.create({ data: { schoolId: f.A.id, name: "История", shortName: "Ист" } });
  await t.db.cohort.create({ data: { schoolId: f.A.id, yearId: f.A.yearId, kind: "GROUP", name: "5А — группа 1", grade: 5, parentId: f.A.c5 } });
  await t.db.cohort.create({ data: { schoolId: f.A.id, yearId: f.A.yearId, kind: "GROUP", name: "5А — группа 2", grade: 5, parentId: f.A.c5 } });
  // the timetable as it stands: 5А has maths on Wednesday, 3rd lesson, in room 203
  const first = await run([["5А", "среда", "3", "Математика", MATH_T, "203", from, ""]]);
  expect(first.errors).toEqual([]);
  expect(first.counts.created).toBe(1);
});
afterAll(async () => {
  await t.close();
});

describe("a timetable file is held to the timetable screen's rules", () => {
  it("refuses a teacher who already teaches another class then, naming the teacher, the class, the day and the lesson", async () => {
    const r = await expectRejected([
      ["6А", "понедельник", "1", "Математика", MATH_T, "301", from, ""],
      ["6А", "среда", "3", "Математика", MATH_T, "204", from, ""],
    ]);
    expect(where(r)).toEqual([[3, "Учитель"]]);
    expect(r.errors[0]?.value).toBe(MATH_T);
    expect(r.errors[0]?.message).toBe(
      "Накладка в расписании: Учитель Числова М. С. уже ведёт урок в 5А в среду, 3-й урок (Математика). Выберите другого учителя, другой день или номер урока.",
    );
  });

  it("refuses a room already taken then", async () => {
    const r = await expectRejected([["6А", "среда", "3", "Математика", DEPUTY, "203", from, ""]]);
    expect(where(r)).toEqual([[2, "Кабинет"]]);
    expect(r.errors[0]?.message).toContain("Кабинет 203 уже занят в среду, 3-й урок: там урок 5А (Математика).");
  });

  it("refuses a second lesson of the same class at the same time, even of another subject", async () => {
    const r = await expectRejected([["5А", "среда", "3", "Русский язык", RUS_T, "202", from, ""]]);
    expect(where(r)).toEqual([[2, "Номер урока"]]);
    expect(r.errors[0]?.message).toContain("У 5А уже есть урок в среду, 3-й урок: Математика.");
  });

  it("refuses a lesson of a group while its whole class has one", async () => {
    const r = await expectRejected([["5А — группа 1", "среда", "3", "Русский язык", RUS_T, "202", from, ""]]);
    expect(where(r)).toEqual([[2, "Номер урока"]]);
    expect(r.errors[0]?.message).toContain("У 5А уже есть урок в среду, 3-й урок");
  });

  it("refuses two rows of the same file that clash, on the later one, naming the earlier", async () => {
    const r = await expectRejected([
      ["6А", "понедельник", "4", "Математика", MATH_T, "301", from, ""],
      ["5А", "понедельник", "4", "Русский язык", MATH_T, "302", from, ""],
    ]);
    expect(where(r)).toEqual([[3, "Учитель"]]);
    expect(r.errors[0]?.message).toContain("Накладка в расписании со строкой 2 этого файла");
    expect(r.errors[0]?.message).toContain("Числова М. С. уже ведёт урок в 6А в понедельник, 4-й урок (Математика)");
  });

  it("refuses a subject that is in no curriculum of the class", async () => {
    const r = await expectRejected([
      ["5А", "четверг", "1", "История", RUS_T, "202", from, ""],
      // maths is 5А's and 6А's, Russian only 5А's
      ["6А", "четверг", "2", "Русский язык", RUS_T, "202", from, ""],
    ]);
    expect(where(r)).toEqual([[2, "Предмет"], [3, "Предмет"]]);
    expect(r.errors[0]?.message).toBe("Этого предмета нет в учебном плане 5А на эти даты. Сначала добавьте его в учебный план.");
    expect(r.errors[1]?.message).toContain("учебном плане 6А");
  });

  it("refuses dates outside the class's school year", async () => {
    const r = await expectRejected([
      ["5А", "четверг", "1", "Математика", MATH_T, "201", formatDayRu(addDays(yearStart, -365)), ""],
      ["5А", "четверг", "2", "Математика", MATH_T, "201", formatDayRu(addDays(yearEnd, 1)), ""],
      ["5А", "четверг", "3", "Математика", MATH_T, "201", from, formatDayRu(addDays(yearEnd, 30))],
    ]);
    expect(where(r)).toEqual([[2, "Действует с"], [3, "Действует с"], [4, "Действует по"]]);
    expect(r.errors[0]?.message).toBe(
      `Дата вне учебного года класса 5А (${from} — ${formatDayRu(yearEnd)}). Выберите день с ${from} по ${formatDayRu(yearEnd)}.`,
    );
  });

  it("lets two groups of a class have different lessons at once, a group take its class's subject, and an ended slot give way", async () => {
    const ends = formatDayRu(addDays(yearStart, 60));
    const next = formatDayRu(addDays(yearStart, 61));
    const rows = [
      ["5А — группа 1", "пятница", "5", "Русский язык", RUS_T, "202", from, ""],
      ["5А — группа 2", "пятница", "5", "Математика", MATH_T, "201", from, ""],
      // maths in 5А on Wednesday ends, Russian takes its place the day after
      ["5А", "среда", "3", "Математика", MATH_T, "203", from, ends],
      ["5А", "среда", "3", "Русский язык", RUS_T, "203", next, ""],
    ];
    const r = await run(rows);
    expect(r.errors).toEqual([]);
    expect(r.counts).toEqual({ created: 3, updated: 1, unchanged: 0 });
    const wednesday = await t.db.timetableSlot.findMany({ where: { schoolId: f.A.id, cohortId: f.A.c5, weekday: 3, lessonNumber: 3 }, orderBy: { validFrom: "asc" } });
    expect(wednesday.map((s) => [s.subjectId, s.validTo])).toEqual([[f.A.math, dayToDate(addDays(yearStart, 60))], [f.A.rus, null]]);
    // the same file again changes nothing
    expect((await run(rows)).counts).toEqual({ created: 0, updated: 0, unchanged: 4 });
  });
});
