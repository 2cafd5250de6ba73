/** The audit history cannot be edited or deleted, even by a direct query. */
import { afterAll, beforeAll, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

it("refuses UPDATE and DELETE of an audit event, and keeps it", async () => {
  const school = await t.db.school.create({ data: { name: "Школа", shortName: "Ш", address: "—", region: "—" } });
  const ev = await t.db.auditEvent.create({
    data: {
      schoolId: school.id, entity: "MARK", entityId: "019b0000-0000-7000-8000-000000000001", action: "CREATE",
      newValue: { value: 5 }, actorUserId: "019b0000-0000-7000-8000-000000000002",
    },
  });
  await expect(t.db.auditEvent.update({ where: { schoolId_id: { schoolId: school.id, id: ev.id } }, data: { reason: "подчистка" } })).rejects.toThrow(/append-only/);
  await expect(t.db.auditEvent.deleteMany({ where: { schoolId: school.id } })).rejects.toThrow(/append-only/);
  const kept = await t.db.auditEvent.findMany({ where: { schoolId: school.id } });
  expect(kept).toHaveLength(1);
  expect(kept[0]?.reason).toBeNull();
});

it("refuses a reference across schools: a mark's lesson must be of the same school", async () => {
  const a = await t.db.school.create({ data: { name: "А", shortName: "А", address: "—", region: "—" } });
  const b = await t.db.school.create({ data: { name: "Б", shortName: "Б", address: "—", region: "—" } });
  const yearA = await t.db.academicYear.create({ data: { schoolId: a.id, name: "2026/2027", startDate: new Date("2026-09-01"), endDate: new Date("2027-08-31") } });
  const cohortA = await t.db.cohort.create({ data: { schoolId: a.id, yearId: yearA.id, kind: "CLASS", name: "5А", grade: 5 } });
  // a cohort of school B pointing at school A's year: the composite key refuses it
  await expect(t.db.cohort.create({ data: { schoolId: b.id, yearId: yearA.id, kind: "CLASS", name: "5А", grade: 5 } })).rejects.toThrow();
  // a membership of school B pointing at school A's cohort: refused too
  const studentB = await t.db.student.create({ data: { schoolId: b.id, lastName: "Б", firstName: "Б", birthDate: new Date("2015-01-01"), gender: "MALE", recordNumber: "1" } });
  await expect(t.db.cohortMembership.create({ data: { schoolId: b.id, cohortId: cohortA.id, studentId: studentB.id, startDate: new Date("2026-09-01") } })).rejects.toThrow();
});
