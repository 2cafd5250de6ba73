/**
 * Students, guardians, contacts and staff as the administrator keeps them, on a real
 * database: every rule the screens promise, and a teacher refused every change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { AppError } from "../../lib/errors";
import { loadPrincipal } from "../../lib/auth/load-principal";
import { verifyPassword } from "../../lib/auth/password";
import { getStudentCard, listMyStudents } from "../../lib/people/students";
import {
  changeStudentProgram, createStudent, getStudentDetail, listStudents, markStudentLeft, updateStudent,
} from "../../lib/people/student-admin";
import { endGuardianship, getGuardianDetail, linkGuardianToStudent, listGuardians, saveGuardian } from "../../lib/people/guardian-admin";
import { removeGuardianContact, saveGuardianContact } from "../../lib/people/guardian-contacts";
import { issueGuardianInvitation } from "../../lib/people/guardian-invitation";
import { getStaffDetail, markStaffLeft, saveStaff } from "../../lib/people/staff-admin";
import { createStaffLogin, resetStaffPassword } from "../../lib/people/staff-logins";
import { contactSchema } from "../../lib/people/schemas";

let t: TestDb;
let f: TwoSchools;
let programNoo: string;
let programAoop: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  programNoo = (await t.db.program.create({ data: { schoolId: f.A.id, level: "NOO", name: "ООП НОО" } })).id;
  programAoop = (await t.db.program.create({ data: { schoolId: f.A.id, level: "NOO", variant: "AOOP", name: "АООП НОО (вариант 7.2)" } })).id;
});
afterAll(async () => {
  await t.close();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the call to be refused");
}

const student = (over: Partial<Parameters<typeof createStudent>[1]> = {}) => ({
  lastName: "Смирнова", firstName: "Алиса", middleName: "Игоревна", birthDate: "2016-04-12", gender: "FEMALE" as const,
  recordNumber: "2025/101", individualPlan: false, homeSchooling: true, programId: programNoo, programStart: "2025-09-01", ...over,
});

describe("students", () => {
  it("an administrator creates a student with a program, and finds them by part of the name", async () => {
    const admin = await f.as("a.admin");
    const { id } = await createStudent(admin, student());
    const card = await getStudentDetail(admin, id);
    expect(card).toMatchObject({ name: "Смирнова Алиса Игоревна", birthDate: "2016-04-12", recordNumber: "2025/101", homeSchooling: true, currentProgramId: programNoo });
    expect(card.programs).toEqual([{ id: expect.any(String) as string, name: "ООП НОО", startDate: "2025-09-01", endDate: null }]);
    expect((await listStudents(admin, { q: "смирн али" })).map((s) => s.id)).toEqual([id]);
    expect((await listStudents(admin, { cohortId: f.A.c5 })).map((s) => s.id).sort()).toEqual([f.A.s1, f.A.s2].sort());
  });

  it("a duplicate record number is refused with a clear message and nothing is written", async () => {
    const admin = await f.as("a.admin");
    const before = await t.db.student.count();
    const err = await failure(createStudent(admin, student({ recordNumber: "R-1", lastName: "Дубль" })));
    expect(err.code).toBe("CONFLICT");
    expect(err.fieldErrors?.recordNumber?.[0]).toMatch(/Номер личного дела уже есть/);
    expect(await t.db.student.count()).toBe(before);
    expect(await t.db.programEnrolment.count({ where: { student: { lastName: "Дубль" } } })).toBe(0);
    // editing another student onto a taken number is refused too
    const edit = await failure(updateStudent(admin, { id: f.A.s2, ...student({ recordNumber: "R-1" }) }));
    expect(edit.code).toBe("CONFLICT");
    expect((await t.db.student.findFirstOrThrow({ where: { id: f.A.s2 } })).lastName).toBe("Петров");
    // the same number in another school is another file
    const b = await createStudent(await f.as("b.admin"), student({ recordNumber: "2025/101", programId: undefined }));
    expect(b.id).toBeTruthy();
  });

  it("changing the program ends the old enrolment the day before and keeps the history", async () => {
    const admin = await f.as("a.admin");
    const { id } = await createStudent(admin, student({ recordNumber: "2025/102" }));
    await changeStudentProgram(admin, { id, programId: programAoop, programStart: "2025-11-10" });
    const card = await getStudentDetail(admin, id);
    expect(card.currentProgramId).toBe(programAoop);
    expect(card.programs.map((p) => [p.name, p.startDate, p.endDate])).toEqual([
      ["АООП НОО (вариант 7.2)", "2025-11-10", null],
      ["ООП НОО", "2025-09-01", "2025-11-09"],
    ]);
    const again = await failure(changeStudentProgram(admin, { id, programId: programNoo, programStart: "2025-10-01" }));
    expect(again.fieldErrors?.programStart?.[0]).toMatch(/позже текущей/);
  });

  it("a student who left drops out of the lists but keeps the history", async () => {
    const admin = await f.as("a.admin");
    const { id } = await createStudent(admin, student({ recordNumber: "2025/103" }));
    await markStudentLeft(admin, id, "2025-12-20");
    expect((await listStudents(admin, { q: "2025/103" })).length).toBe(0);
    const all = await listStudents(admin, { q: "2025/103", includeLeft: true });
    expect(all[0]?.leftAt).toBe("2025-12-20");
    expect((await getStudentDetail(admin, id)).programs[0]?.endDate).toBe("2025-12-20");
  });

  it("another school's student is not found", async () => {
    expect((await failure(getStudentDetail(await f.as("b.admin"), f.A.s1))).code).toBe("NOT_FOUND");
  });
});

describe("guardians", () => {
  it("an administrator creates a guardian and links a child with a relation", async () => {
    const admin = await f.as("a.admin");
    const { id } = await saveGuardian(admin, { lastName: "Кузнецова", firstName: "Ольга", middleName: null, address: null });
    await linkGuardianToStudent(admin, { guardianId: id, studentId: f.A.s2, relation: "TRUSTEE", linkStart: "2025-09-01" });
    const g = await getGuardianDetail(admin, id);
    expect(g.children).toEqual([{ guardianshipId: expect.any(String) as string, studentId: f.A.s2, name: "Петров Илья", relation: "TRUSTEE", startDate: "2025-09-01", endDate: null }]);
    expect((await listGuardians(admin, "кузн"))[0]?.children).toEqual(["Петров Илья"]);
    const twice = await failure(linkGuardianToStudent(admin, { guardianId: id, studentId: f.A.s2, relation: "TRUSTEE", linkStart: undefined }));
    expect(twice.code).toBe("CONFLICT");
    const foreign = await failure(linkGuardianToStudent(admin, { guardianId: id, studentId: f.B.sB, relation: "OTHER", linkStart: undefined }));
    expect(foreign.code).toBe("BAD_INPUT");
  });

  it("an ended guardianship hides the child from that guardian at once; linking again restores it", async () => {
    const admin = await f.as("a.admin");
    const g1 = await f.as("a.g1");
    const link = (await getGuardianDetail(admin, f.A.g1)).children.find((c) => c.studentId === f.A.s3);
    if (!link) throw new Error("fixture: g1 is s3's guardian");
    await endGuardianship(admin, { guardianId: f.A.g1, guardianshipId: link.guardianshipId, guardianshipEnd: f.today });
    expect((await failure(getStudentCard(g1, f.A.s3))).code).toBe("NOT_FOUND");
    expect((await listMyStudents(g1)).map((c) => c.id)).toEqual([f.A.s1]);
    expect((await getGuardianDetail(admin, f.A.g1)).children.find((c) => c.studentId === f.A.s3)?.endDate).toBe(f.today);
    await linkGuardianToStudent(admin, { guardianId: f.A.g1, studentId: f.A.s3, relation: "MOTHER", linkStart: f.today });
    expect((await getStudentCard(g1, f.A.s3)).id).toBe(f.A.s3);
  });

  it("a contact change adds a new row, marks the old one removed and keeps who entered it from which application", async () => {
    const admin = await f.as("a.admin");
    const parse = (channel: string, value: string, number: string) =>
      contactSchema.parse({ guardianId: f.A.g2, channel, contactValue: value, applicationNumber: number, applicationDate: "05.09.2025" });
    const first = await saveGuardianContact(admin, parse("SMS", "8 (912) 345-67-89", "17"));
    const dup = await failure(saveGuardianContact(admin, parse("SMS", "+7 912 345 67 89", "18")));
    expect(dup.fieldErrors?.contactValue?.[0]).toMatch(/уже записан/);
    await saveGuardianContact(admin, { ...parse("SMS", "89220001122", "25"), replacesId: first.id });
    const rows = await t.db.contact.findMany({ where: { guardianId: f.A.g2 }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.value, r.applicationNumber, r.removedAt === null])).toEqual([
      ["+79123456789", "17", false],
      ["+79220001122", "25", true],
    ]);
    expect(rows.every((r) => r.enteredById === f.A.adminA && r.source === "WRITTEN_APPLICATION")).toBe(true);
    const shown = (await getGuardianDetail(admin, f.A.g2)).contacts;
    expect(shown.map((c) => [c.value, c.removedAt === null])).toEqual([["+79220001122", true], ["+79123456789", false]]);
    // replacing an already replaced contact is refused, and nothing is added
    const stale = await failure(saveGuardianContact(admin, { ...parse("EMAIL", "a@b.ru", "26"), replacesId: first.id }));
    expect(stale.code).toBe("CONFLICT");
    expect(await t.db.contact.count({ where: { guardianId: f.A.g2 } })).toBe(2);
    const current = rows[1];
    if (!current) throw new Error("no current contact");
    await removeGuardianContact(admin, { guardianId: f.A.g2, contactId: current.id });
    expect(await t.db.contact.count({ where: { guardianId: f.A.g2, removedAt: null } })).toBe(0);
    expect(await t.db.contact.count({ where: { guardianId: f.A.g2 } })).toBe(2);
  });

  it("a bad phone or e-mail is refused by the form with the field named", () => {
    const r = contactSchema.safeParse({ guardianId: f.A.g2, channel: "SMS", contactValue: "8 3467 33-22-11", applicationNumber: "1", applicationDate: "01.09.2025" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["contactValue"]);
  });

  it("an invitation code is issued only to a guardian without an account", async () => {
    const admin = await f.as("a.admin");
    const { id } = await saveGuardian(admin, { lastName: "Новикова", firstName: "Ирина", middleName: null, address: null });
    const issued = await issueGuardianInvitation(admin, id);
    expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await t.db.invitation.count({ where: { guardianId: id } })).toBe(1);
    expect((await getGuardianDetail(admin, id)).pendingInvitationUntil).not.toBeNull();
    expect((await failure(issueGuardianInvitation(admin, f.A.g1))).code).toBe("CONFLICT");
    expect((await failure(issueGuardianInvitation(await f.as("b.admin"), id))).code).toBe("NOT_FOUND");
  });
});

describe("staff", () => {
  it("a staff member is created with roles and an optional unique personnel number", async () => {
    const admin = await f.as("a.admin");
    const { id } = await saveStaff(admin, { lastName: "Лебедева", firstName: "Нина", middleName: null, position: "учитель-логопед", roles: ["TEACHER"], personnelNumber: "T-7" });
    const noNumber = await saveStaff(admin, { lastName: "Орлова", firstName: "Вера", middleName: null, position: "педагог-психолог", roles: ["TEACHER"], personnelNumber: null });
    expect(noNumber.id).toBeTruthy();
    const dup = await failure(saveStaff(admin, { lastName: "Другая", firstName: "Нина", middleName: null, position: "учитель", roles: ["TEACHER"], personnelNumber: "T-7" }));
    expect(dup.fieldErrors?.personnelNumber?.[0]).toMatch(/табельный номер/);
    expect(await t.db.staff.count({ where: { lastName: "Другая" } })).toBe(0);
    expect((await getStaffDetail(admin, id)).roles).toEqual(["TEACHER"]);
  });

  it("a login gets a temporary password shown once; a reset ends every old session", async () => {
    const admin = await f.as("a.admin");
    const { id } = await saveStaff(admin, { lastName: "Зайцева", firstName: "Дарья", middleName: null, position: "заместитель директора", roles: ["ADMIN", "TEACHER"], personnelNumber: null });
    const issued = await createStaffLogin(admin, { staffId: id, login: "zaytseva.d" });
    const user = await t.db.user.findUniqueOrThrow({ where: { login: "zaytseva.d" }, omit: { passwordHash: false } });
    expect(user.kind).toBe("ADMIN");
    expect(user.passwordHash).not.toContain(issued.password);
    expect(await verifyPassword(issued.password, user.passwordHash ?? "")).toBe(true);
    expect((await loadPrincipal(user.id, user.sessionVersion))?.roles).toEqual(["ADMIN", "TEACHER"]);

    expect((await failure(createStaffLogin(admin, { staffId: id, login: "other.login" }))).code).toBe("CONFLICT");
    const taken = await failure(createStaffLogin(admin, { staffId: (await saveStaff(admin, { lastName: "Ещё", firstName: "Одна", middleName: null, position: "учитель", roles: ["TEACHER"], personnelNumber: null })).id, login: "a.math" }));
    expect(taken.fieldErrors?.login?.[0]).toMatch(/занят/);

    const reset = await resetStaffPassword(admin, id);
    const after = await t.db.user.findUniqueOrThrow({ where: { login: "zaytseva.d" }, omit: { passwordHash: false } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await loadPrincipal(user.id, user.sessionVersion)).toBeNull();
    expect(await verifyPassword(reset.password, after.passwordHash ?? "")).toBe(true);
    expect(await verifyPassword(issued.password, after.passwordHash ?? "")).toBe(false);
  });

  it("a teacher-only staff member's account is a TEACHER account; leaving closes it", async () => {
    const admin = await f.as("a.admin");
    const { id } = await saveStaff(admin, { lastName: "Белова", firstName: "Анна", middleName: null, position: "учитель музыки", roles: ["TEACHER"], personnelNumber: null });
    await createStaffLogin(admin, { staffId: id, login: "belova.a" });
    const u = await t.db.user.findUniqueOrThrow({ where: { login: "belova.a" } });
    expect(u.kind).toBe("TEACHER");
    await markStaffLeft(admin, id, f.today);
    const after = await t.db.user.findUniqueOrThrow({ where: { login: "belova.a" } });
    expect(await loadPrincipal(after.id, after.sessionVersion)).toBeNull();
  });

  it("an administrator cannot take the administrator role from themself", async () => {
    const admin = await f.as("a.admin");
    const err = await failure(saveStaff(admin, { id: f.A.adminA, lastName: "Директорова", firstName: "Анна", middleName: "Ивановна", position: "директор", roles: ["TEACHER"], personnelNumber: null }));
    expect(err.fieldErrors?.roles?.[0]).toMatch(/самого себя/);
  });
});

describe("a teacher may change nothing here", () => {
  const calls: [string, (p: Awaited<ReturnType<TwoSchools["as"]>>) => Promise<unknown>][] = [
    ["createStudent", (p) => createStudent(p, student({ recordNumber: "T-1" }))],
    ["updateStudent", (p) => updateStudent(p, { id: f.A.s1, ...student() })],
    ["changeStudentProgram", (p) => changeStudentProgram(p, { id: f.A.s1, programId: programNoo, programStart: "2025-09-01" })],
    ["markStudentLeft", (p) => markStudentLeft(p, f.A.s1, "2025-09-01")],
    ["saveGuardian", (p) => saveGuardian(p, { lastName: "Х", firstName: "Х", middleName: null, address: null })],
    ["linkGuardianToStudent", (p) => linkGuardianToStudent(p, { guardianId: f.A.g2, studentId: f.A.s1, relation: "OTHER", linkStart: undefined })],
    ["endGuardianship", (p) => endGuardianship(p, { guardianId: f.A.g2, guardianshipId: f.A.g2, guardianshipEnd: "2025-09-01" })],
    ["saveGuardianContact", (p) => saveGuardianContact(p, contactSchema.parse({ guardianId: f.A.g2, channel: "EMAIL", contactValue: "x@y.ru", applicationNumber: "1", applicationDate: "01.09.2025" }))],
    ["removeGuardianContact", (p) => removeGuardianContact(p, { guardianId: f.A.g2, contactId: f.A.g2 })],
    ["issueGuardianInvitation", (p) => issueGuardianInvitation(p, f.A.g2)],
    ["saveStaff", (p) => saveStaff(p, { lastName: "Х", firstName: "Х", middleName: null, position: "х", roles: ["ADMIN"], personnelNumber: null })],
    ["markStaffLeft", (p) => markStaffLeft(p, f.A.rusT, "2025-09-01")],
    ["createStaffLogin", (p) => createStaffLogin(p, { staffId: f.A.rusT, login: "hacker" })],
    ["resetStaffPassword", (p) => resetStaffPassword(p, f.A.adminA)],
    ["listStudents", (p) => listStudents(p)],
    ["getGuardianDetail", (p) => getGuardianDetail(p, f.A.g1)],
  ];
  for (const [name, call] of calls) {
    it(`${name} is FORBIDDEN to a teacher and to a guardian`, async () => {
      expect((await failure(call(await f.as("a.math")))).code).toBe("FORBIDDEN");
      expect((await failure(call(await f.as("a.g1")))).code).toBe("FORBIDDEN");
    });
  }
});
