/**
 * Imports of every kind against a real database: a good file creates what it says, a
 * file with one bad row writes nothing and names the line and column, the same file
 * twice changes nothing the second time, and an export read back changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import type { Principal } from "../../lib/auth/principal";
import { AppError } from "../../lib/errors";
import { importFile, listImportRuns, type ImportReport } from "../../lib/imports/run-import";
import { buildExport, buildTemplate } from "../../lib/imports/export";
import type { ImportKindName } from "../../lib/imports/columns";
import { dayToDate } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
let admin: Principal;
let yearStart: string;

function csv(rows: string[][]): Uint8Array {
  return new TextEncoder().encode(rows.map((r) => r.join(";")).join("\r\n"));
}

function run(kind: ImportKindName, rows: string[][], fileName = "file.csv"): Promise<ImportReport> {
  return importFile(admin, { kind, fileName, bytes: csv(rows) });
}

const STAFF_HEAD = ["Фамилия", "Имя", "Отчество", "Должность", "Роли", "Табельный номер"];
const COHORT_HEAD = ["Название", "Вид", "Параллель", "Класс-родитель", "Классный руководитель"];
const STUDENT_HEAD = ["Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "Номер личного дела", "Класс", "Программа", "ИУП", "Надомное обучение", "Дата зачисления"];
const GUARDIAN_HEAD = ["Фамилия", "Имя", "Отчество", "Номер личного дела ребёнка", "Кем приходится", "Телефон", "Эл. почта", "Номер заявления", "Дата заявления"];
const TIMETABLE_HEAD = ["Класс", "День недели", "Номер урока", "Предмет", "Учитель", "Кабинет", "Действует с", "Действует по"];

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  admin = await f.as("a.admin");
  const y = await t.db.academicYear.findFirstOrThrow({ where: { schoolId: f.A.id } });
  yearStart = y.startDate.toISOString().slice(0, 10);
  await t.db.program.create({ data: { schoolId: f.A.id, level: "OOO", name: "АООП ООО обучающихся с ЗПР" } });
});
afterAll(async () => {
  await t.close();
});

describe("staff", () => {
  it("creates a new member, gives a number to one entered by hand, and is a no-op the second time", async () => {
    const rows = [STAFF_HEAD, ["Новикова", "Инна", "Петровна", "учитель музыки", "учитель", "0101"], ["числова", "Мария", "Сергеевна", "учитель математики", "учитель", "0007"]];
    const first = await run("STAFF", rows);
    expect(first.status).toBe("APPLIED");
    expect(first.counts).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const math = await t.db.staff.findFirstOrThrow({ where: { schoolId: f.A.id, id: f.A.mathT } });
    expect(math.personnelNumber).toBe("0007");
    // the letter case of the file is taken as the correction it is
    expect(math.lastName).toBe("числова");
    await run("STAFF", [STAFF_HEAD, ["Числова", "Мария", "Сергеевна", "учитель математики", "учитель", "7"]]);
    const again = await run("STAFF", [STAFF_HEAD, ["Новикова", "Инна", "Петровна", "учитель музыки", "учитель", "101"], ["Числова", "Мария", "Сергеевна", "учитель математики", "учитель", "0007"]]);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await t.db.staff.count({ where: { schoolId: f.A.id, lastName: "Новикова" } })).toBe(1);
  });
});

describe("cohorts", () => {
  it("creates a class and a group of it with a class teacher", async () => {
    const rows = [COHORT_HEAD, ["5Б — швейное дело", "группа", "", "5Б", "0101"], ["5Б", "класс", "", "", "Новикова Инна Петровна"]];
    const r = await run("COHORTS", rows);
    expect(r.errors).toEqual([]);
    expect(r.counts.created).toBe(2);
    const cls = await t.db.cohort.findFirstOrThrow({ where: { schoolId: f.A.id, name: "5Б" } });
    const group = await t.db.cohort.findFirstOrThrow({ where: { schoolId: f.A.id, name: "5Б — швейное дело" } });
    expect(cls).toMatchObject({ kind: "CLASS", grade: 5 });
    expect(group).toMatchObject({ kind: "GROUP", grade: 5, parentId: cls.id, classTeacherId: cls.classTeacherId });
    expect((await run("COHORTS", rows)).counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });
});

describe("students", () => {
  const rows = () => [
    STUDENT_HEAD,
    ["Смирнов", "Артём", "", "05.04.2014", "м", "2020-007", "5б", "АООП ООО обучающихся с ЗПР", "нет", "да", yearStart],
    ["Иванов", "Пётр", "", "2015-03-02", "м", "R-1", "6А", "", "", "", ""],
  ];

  it("creates a student in the class and program, and moves an existing one to another class", async () => {
    const r = await run("STUDENTS", rows());
    expect(r.errors).toEqual([]);
    expect(r.counts).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const s = await t.db.student.findFirstOrThrow({
      where: { schoolId: f.A.id, recordNumber: "2020-007" },
      include: { memberships: { include: { cohort: true } }, enrolments: true },
    });
    expect(s).toMatchObject({ lastName: "Смирнов", gender: "MALE", homeSchooling: true, individualPlan: false });
    expect(s.memberships.map((m) => m.cohort.name)).toEqual(["5Б"]);
    expect(s.enrolments).toHaveLength(1);
    const moved = await t.db.cohortMembership.findMany({ where: { schoolId: f.A.id, studentId: f.A.s1 }, include: { cohort: true }, orderBy: { startDate: "asc" } });
    expect(moved.map((m) => [m.cohort.name, m.endReason])).toEqual([["5А", "MOVED"], ["6А", null]]);
  });

  it("is a no-op the second time", async () => {
    const r = await run("STUDENTS", rows());
    expect(r.counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it("writes nothing when one row among good ones is bad, and names its line and column", async () => {
    const before = await t.db.student.count({ where: { schoolId: f.A.id } });
    const r = await run("STUDENTS", [
      STUDENT_HEAD,
      ["Кузнецова", "Анна", "", "01.02.2014", "ж", "2020-010", "5А", "", "", "", ""],
      ["Орлов", "Никита", "", "31.02.2014", "м", "2020-011", "5А", "", "", "", ""],
      ["Попова", "Ольга", "", "01.03.2014", "ж", "2020-012", "9Я", "", "", "", ""],
    ]);
    expect(r.status).toBe("REJECTED");
    expect(r.errors).toEqual([
      expect.objectContaining({ line: 3, column: "Дата рождения", value: "31.02.2014" }),
      expect.objectContaining({ line: 4, column: "Класс", value: "9Я", message: "Такого класса нет в текущем учебном году." }),
    ]);
    expect(await t.db.student.count({ where: { schoolId: f.A.id } })).toBe(before);
    const last = await t.db.importRun.findFirstOrThrow({ where: { schoolId: f.A.id }, orderBy: { at: "desc" } });
    expect(last).toMatchObject({ status: "REJECTED", kind: "STUDENTS", created: 0 });
  });

  it("reports a missing column at line 1", async () => {
    const r = await run("STUDENTS", [["Фамилия", "Имя", "Пол"], ["Орлов", "Никита", "м"]]);
    expect(r.status).toBe("REJECTED");
    expect(r.errors.map((e) => [e.line, e.column])).toContainEqual([1, "Номер личного дела"]);
  });

  it("reads a CSV saved by an old Excel in Windows-1251", async () => {
    const text = [STUDENT_HEAD.join(";"), "Ёлкина;Дарья;;01.09.2014;ж;2020-020;5А;;;;"].join("\r\n");
    const bytes = new Uint8Array([...text].map(cp1251));
    const r = await importFile(admin, { kind: "STUDENTS", fileName: "old.csv", bytes });
    expect(r.errors).toEqual([]);
    expect((await t.db.student.findFirstOrThrow({ where: { schoolId: f.A.id, recordNumber: "2020-020" } })).lastName).toBe("Ёлкина");
  });
});

/** Windows-1251 for the letters these tests use. */
function cp1251(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 128) return code;
  if (ch === "Ё") return 0xa8;
  if (ch === "ё") return 0xb8;
  if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
  throw new Error(`no cp1251 for ${ch}`);
}

describe("guardians", () => {
  const rows = () => [
    GUARDIAN_HEAD,
    ["Смирнова", "Елена", "Ивановна", "2020-007", "мать", "8 (912) 345-67-89", "Smirnova@Example.ru", "12", "28.08.2025"],
    ["Смирнова", "Елена", "Ивановна", "R-2", "опекун", "+7 912 345 67 89", "", "12", "28.08.2025"],
  ];

  it("links one guardian to two children by name and phone, with contacts from the written application", async () => {
    const r = await run("GUARDIANS", rows());
    expect(r.errors).toEqual([]);
    expect(r.counts).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const g = await t.db.guardian.findFirstOrThrow({ where: { schoolId: f.A.id, lastName: "Смирнова" }, include: { guardianships: true, contacts: true } });
    expect(g.guardianships.map((s) => s.relation).sort()).toEqual(["GUARDIAN", "MOTHER"]);
    expect(g.contacts.map((c) => [c.channel, c.value, c.source, c.applicationNumber, c.enteredById]).sort()).toEqual([
      ["EMAIL", "smirnova@example.ru", "WRITTEN_APPLICATION", "12", f.A.adminA],
      ["SMS", "+79123456789", "WRITTEN_APPLICATION", "12", f.A.adminA],
    ]);
    expect((await run("GUARDIANS", rows())).counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it("asks for the application for a new contact and for a child that exists", async () => {
    const r = await run("GUARDIANS", [GUARDIAN_HEAD, ["Белова", "Ирина", "", "НЕТ-1", "мама", "89120000000", "", "", ""]]);
    expect(r.errors.map((e) => e.column)).toEqual(["Номер личного дела ребёнка", "Номер заявления", "Дата заявления"]);
  });
});

describe("timetable", () => {
  beforeAll(async () => {
    // the timetable takes only subjects of the class's curriculum: 5Б (made by the cohort import) gets Russian
    const cls = await t.db.cohort.findFirstOrThrow({ where: { schoolId: f.A.id, name: "5Б" } });
    await t.db.curriculumItem.create({ data: { schoolId: f.A.id, cohortId: cls.id, subjectId: f.A.rus, hoursPerWeek: 5, validFrom: dayToDate(yearStart) } });
  });

  it("creates slots, updates the teacher of an existing one, and is a no-op the second time", async () => {
    const rows = [TIMETABLE_HEAD, ["5А", "понедельник", "1", "математика", "Числова Мария Сергеевна", "201", yearStart, ""], ["5Б", "Вт", "2", "Русский язык", "Словарёва Елена Олеговна", "", yearStart, ""]];
    expect((await run("TIMETABLE", rows)).counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect((await run("TIMETABLE", rows)).counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const changed = rows.map((r) => [...r]);
    (changed[2] as string[])[4] = "0007";
    expect((await run("TIMETABLE", changed)).counts).toEqual({ created: 0, updated: 1, unchanged: 1 });
  });
});

describe("export", () => {
  it.each(["STUDENTS", "GUARDIANS", "STAFF", "COHORTS", "TIMETABLE"] as const)("%s: an export imported back changes nothing (CSV and XLSX)", async (kind) => {
    for (const format of ["csv", "xlsx"] as const) {
      const file = await buildExport(admin, kind, format);
      const r = await importFile(admin, { kind, fileName: file.fileName, bytes: file.body });
      expect(r.errors).toEqual([]);
      expect(r.counts.created + r.counts.updated).toBe(0);
      expect(r.counts.unchanged).toBeGreaterThan(0);
    }
  });

  it("a template has the Russian headers and one example row", async () => {
    const file = await buildTemplate(admin, "STUDENTS", "csv");
    const text = new TextDecoder().decode(file.body);
    expect(text.split("\r\n")[0]).toBe(`\uFEFF${STUDENT_HEAD.join(";")}`.replace("\uFEFF", ""));
    expect(text.trim().split("\r\n")).toHaveLength(2);
  });
});

describe("permissions", () => {
  it("a teacher may neither import, nor export, nor see the runs", async () => {
    const teacher = await f.as("a.math");
    const codes = await Promise.all([
      importFile(teacher, { kind: "STAFF", fileName: "a.csv", bytes: csv([STAFF_HEAD]) }),
      buildExport(teacher, "STUDENTS", "csv"),
      buildTemplate(teacher, "STUDENTS", "csv"),
      listImportRuns(teacher),
    ].map((p) => p.then(() => "OK", (e: unknown) => (e instanceof AppError ? e.code : "other"))));
    expect(codes).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
  });

  it("the administrator sees the runs of their own school only", async () => {
    const runs = await listImportRuns(admin);
    expect(runs.length).toBeGreaterThan(5);
    expect(await listImportRuns(await f.as("b.admin"))).toEqual([]);
  });
});
