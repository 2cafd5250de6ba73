/**
 * «Importing 1,000 students with guardians» through the entry the benchmark calls
 * (importStudentRows), timed on whichever engine this run uses; the second run of the
 * same rows must change nothing.
 */
import { afterAll, beforeAll, expect, it } from "vitest";

import { createTestDb, testEngine, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { importStudentRows } from "../../lib/imports/students";
import { letterSuffix } from "../../prisma/seed/names";

let t: TestDb;
let f: TwoSchools;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
});
afterAll(async () => {
  await t.close();
});

const N = 1000;

function rows() {
  const students = Array.from({ length: N }, (_, i) => ({
    lastName: `Ученик-${letterSuffix(i)}`, firstName: "Иван", middleName: "Петрович", birthDate: `${2010 + (i % 8)}-0${1 + (i % 9)}-1${i % 10}`,
    gender: i % 2 ? "м" : "ж", recordNumber: `B-${String(i).padStart(5, "0")}`, className: i % 2 ? "5А" : "6А",
    individualPlan: "нет", homeSchooling: "нет",
  }));
  const guardians = Array.from({ length: N }, (_, i) => ({
    lastName: `Родитель-${letterSuffix(i)}`, firstName: "Мария", middleName: "", childRecord: `B-${String(i).padStart(5, "0")}`, relation: "мать",
    phone: `89${String(100000000 + i)}`, email: `parent${i}@example.ru`, applicationNumber: String(i + 1), applicationDate: "28.08.2025",
  }));
  return { students, guardians };
}

it(`imports ${N} students with ${N} guardians, and the second time changes nothing`, async () => {
  const started = performance.now();
  const first = await importStudentRows(t.db, f.A.id, rows(), { today: f.today, enteredById: f.A.adminA });
  const firstMs = Math.round(performance.now() - started);
  expect(first.students.created).toBe(N);
  expect(first.guardians.created).toBe(N);
  expect(await t.db.contact.count({ where: { schoolId: f.A.id, source: "WRITTEN_APPLICATION" } })).toBe(2 * N);

  const again = performance.now();
  const second = await importStudentRows(t.db, f.A.id, rows(), { today: f.today, enteredById: f.A.adminA });
  const secondMs = Math.round(performance.now() - again);
  expect(second.students).toEqual({ created: 0, updated: 0, unchanged: N });
  expect(second.guardians).toEqual({ created: 0, updated: 0, unchanged: N });
  console.log(`[import-bench] ${testEngine()}: ${N} students + ${N} guardians: first ${firstMs} ms, repeat ${secondMs} ms`);
}, 300_000);
