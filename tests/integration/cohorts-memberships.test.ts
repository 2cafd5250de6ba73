/**
 * Cohorts and dated membership on a real database: the one-class-a-day rule, groups
 * inside their class, a move in the middle of the year that leaves marks where they were
 * made, and the invitation slips of a class as a PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { AppError } from "../../lib/errors";
import { listCohortStudents } from "../../lib/people/cohorts";
import { createCohort, getCohortDetail, listCohorts, updateCohort } from "../../lib/people/cohort-admin";
import {
  addCohortMembers, endCohortMembership, listMembershipCandidates, moveStudentToClass,
} from "../../lib/people/memberships";
import { saveGuardian, linkGuardianToStudent, endGuardianship, getGuardianDetail } from "../../lib/people/guardian-admin";
import { createStudent } from "../../lib/people/student-admin";
import { buildClassInvitationSlipsPdf, SLIPS_PER_PAGE, type SlipTexts } from "../../lib/reports/invitation-slips";
import { previousDay } from "../../lib/people/format";
import { loadMessages } from "../../lib/i18n/request";
import { dateToDay } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
let yearStart: string;
let moveDay: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const y = await t.db.academicYear.findFirstOrThrow({ where: { schoolId: f.A.id, id: f.A.yearId } });
  yearStart = dateToDay(y.startDate);
  moveDay = dateToDay(new Date(y.startDate.getTime() + 40 * 86_400_000));
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

const classInput = (name: string, grade: number) => ({
  yearId: f.A.yearId, kind: "CLASS" as const, name, grade, parentId: undefined, classTeacherId: undefined, studentId: undefined, startDate: undefined,
});

describe("creating cohorts of every kind", () => {
  it("a class, a group of it, a stream and an individual plan named after its student", async () => {
    const admin = await f.as("a.admin");
    const cls = await createCohort(admin, { ...classInput("7В", 7), classTeacherId: f.A.rusT });
    const group = await createCohort(admin, { ...classInput("7В — швейное дело", 7), kind: "GROUP", parentId: cls.id });
    const stream = await createCohort(admin, { ...classInput("Поток 5–6", 5), kind: "STREAM" });
    const iup = await createCohort(admin, { ...classInput("", 5), kind: "INDIVIDUAL", studentId: f.A.s2, startDate: moveDay });
    const list = await listCohorts(admin, { yearId: f.A.yearId });
    expect(list.find((c) => c.id === cls.id)).toMatchObject({ kind: "CLASS", classTeacher: "Словарёва Е. О." });
    expect(list.find((c) => c.id === group.id)).toMatchObject({ kind: "GROUP", parentName: "7В" });
    expect(list.find((c) => c.id === stream.id)?.kind).toBe("STREAM");
    const plan = await getCohortDetail(admin, iup.id);
    expect(plan.name).toBe("ИУП: Петров И.");
    expect([...plan.current, ...plan.upcoming].map((m) => m.studentId)).toEqual([f.A.s2]);
    expect((await t.db.student.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: f.A.s2 } } })).individualPlan).toBe(true);
    expect((await listCohorts(admin, { yearId: f.A.yearId, kind: "STREAM" })).map((c) => c.id)).toEqual([stream.id]);
  });

  it("a duplicate name in the year and a group of a class of another school are refused", async () => {
    const admin = await f.as("a.admin");
    expect((await failure(createCohort(admin, classInput("5А", 5)))).fieldErrors?.name?.[0]).toMatch(/уже есть/);
    const err = await failure(createCohort(admin, { ...classInput("Чужая группа", 5), kind: "GROUP", parentId: f.B.cB }));
    expect(err.fieldErrors?.parentId).toBeDefined();
    await updateCohort(admin, { id: f.A.c6, name: "6А", classTeacherId: f.A.rusT });
    expect((await getCohortDetail(admin, f.A.c6)).classTeacher).toBe("Словарёва Елена Олеговна");
  });
});

describe("one class a day", () => {
  it("adding a student to a second class on the same day is refused and nothing is written", async () => {
    const admin = await f.as("a.admin");
    const before = await t.db.cohortMembership.count();
    const err = await failure(addCohortMembers(admin, { cohortId: f.A.c6, startDate: moveDay, studentIds: [f.A.s1] }));
    expect(err.code).toBe("BAD_INPUT");
    expect(err.message).toMatch(/уже учится в классе 5А/);
    expect(await t.db.cohortMembership.count()).toBe(before);
  });

  it("one bad student in a batch stops the whole batch", async () => {
    const admin = await f.as("a.admin");
    const { id: fresh } = await createStudent(admin, {
      lastName: "Новый", firstName: "Ученик", middleName: null, birthDate: "2014-01-01", gender: "MALE", recordNumber: "N-1",
      individualPlan: false, homeSchooling: false, programId: undefined, programStart: undefined,
    });
    expect((await listMembershipCandidates(admin, f.A.c6)).map((c) => c.id)).toContain(fresh);
    expect((await listMembershipCandidates(admin, f.A.c6)).map((c) => c.id)).not.toContain(f.A.s1);
    await failure(addCohortMembers(admin, { cohortId: f.A.c6, startDate: moveDay, studentIds: [fresh, f.A.s1] }));
    expect(await t.db.cohortMembership.count({ where: { studentId: fresh } })).toBe(0);
    await addCohortMembers(admin, { cohortId: f.A.c6, startDate: moveDay, studentIds: [fresh] });
    expect((await listCohortStudents(admin, f.A.c6, moveDay)).map((s) => s.id)).toContain(fresh);
  });
});

describe("groups", () => {
  it("only members of the class on that day may join its group", async () => {
    const admin = await f.as("a.admin");
    const group = await createCohort(admin, { ...classInput("5А — труд", 5), kind: "GROUP", parentId: f.A.c5 });
    const err = await failure(addCohortMembers(admin, { cohortId: group.id, startDate: moveDay, studentIds: [f.A.s3] }));
    expect(err.message).toMatch(/не учится в классе 5А/);
    await addCohortMembers(admin, { cohortId: group.id, startDate: yearStart, studentIds: [f.A.s1] });
    expect((await listMembershipCandidates(admin, group.id)).map((c) => c.id)).toEqual([f.A.s2]);
  });
});

describe("moving a student between classes in the middle of the year", () => {
  it("ends the old class the day before with reason MOVED, starts the new one, and leaves the marks in the old class", async () => {
    const admin = await f.as("a.admin");
    const marksBefore = await t.db.mark.findMany({ where: { studentId: f.A.s1 }, select: { id: true, cohortId: true, lessonId: true } });
    expect(marksBefore.length).toBeGreaterThan(0);
    await moveStudentToClass(admin, { cohortId: f.A.c5, moveStudentId: f.A.s1, toCohortId: f.A.c6, moveDate: moveDay });

    const rows = await t.db.cohortMembership.findMany({ where: { studentId: f.A.s1 }, orderBy: { startDate: "asc" }, select: { cohortId: true, startDate: true, endDate: true, endReason: true } });
    const classRows = rows.filter((r) => r.cohortId === f.A.c5 || r.cohortId === f.A.c6);
    expect(classRows.map((r) => [r.cohortId, dateToDay(r.startDate), r.endDate && dateToDay(r.endDate), r.endReason])).toEqual([
      [f.A.c5, yearStart, previousDay(moveDay), "MOVED"],
      [f.A.c6, moveDay, null, null],
    ]);
    // the group of the old class ends with it
    const groupRow = rows.find((r) => r.cohortId !== f.A.c5 && r.cohortId !== f.A.c6);
    expect(groupRow && groupRow.endDate && dateToDay(groupRow.endDate)).toBe(previousDay(moveDay));

    const marksAfter = await t.db.mark.findMany({ where: { studentId: f.A.s1 }, select: { id: true, cohortId: true, lessonId: true } });
    expect(marksAfter).toEqual(marksBefore);
    expect(marksAfter.every((m) => m.cohortId === f.A.c5)).toBe(true);

    expect((await listCohortStudents(admin, f.A.c5, previousDay(moveDay))).map((s) => s.id)).toContain(f.A.s1);
    expect((await listCohortStudents(admin, f.A.c5, moveDay)).map((s) => s.id)).not.toContain(f.A.s1);
    expect((await listCohortStudents(admin, f.A.c6, moveDay)).map((s) => s.id)).toContain(f.A.s1);

    const detail = await getCohortDetail(admin, f.A.c5);
    const all = [...detail.current, ...detail.past, ...detail.upcoming];
    expect(all.find((m) => m.studentId === f.A.s1)).toMatchObject({ endDate: previousDay(moveDay), endReason: "MOVED" });
  });

  it("a move on the first day of the membership, or to the same class, is refused", async () => {
    const admin = await f.as("a.admin");
    const first = await failure(moveStudentToClass(admin, { cohortId: f.A.c6, moveStudentId: f.A.s1, toCohortId: f.A.c5, moveDate: moveDay }));
    expect(first.fieldErrors?.moveDate?.[0]).toMatch(/не раньше следующего дня/);
    const same = await failure(moveStudentToClass(admin, { cohortId: f.A.c5, moveStudentId: f.A.s2, toCohortId: f.A.c5, moveDate: moveDay }));
    expect(same.fieldErrors?.toCohortId).toBeDefined();
  });

  it("ending a membership keeps it in the history with its reason", async () => {
    const admin = await f.as("a.admin");
    const d = await getCohortDetail(admin, f.A.c6);
    const s3 = d.current.find((m) => m.studentId === f.A.s3) ?? d.upcoming.find((m) => m.studentId === f.A.s3);
    if (!s3) throw new Error("fixture: s3 is in 6А");
    const early = await failure(endCohortMembership(admin, { cohortId: f.A.c6, membershipId: s3.membershipId, membershipEnd: previousDay(yearStart), endReason: "LEFT" }));
    expect(early.fieldErrors?.membershipEnd).toBeDefined();
    await endCohortMembership(admin, { cohortId: f.A.c6, membershipId: s3.membershipId, membershipEnd: moveDay, endReason: "LEFT" });
    const row = await t.db.cohortMembership.findFirstOrThrow({ where: { id: s3.membershipId } });
    expect([row.endDate && dateToDay(row.endDate), row.endReason]).toEqual([moveDay, "LEFT"]);
  });
});

function ruSlipTexts(): SlipTexts {
  const all = loadMessages("ru") as { cohorts: { slips: { pdf: Record<string, string> } } };
  const m = all.cohorts.slips.pdf;
  const s = (k: string) => m[k] ?? k;
  return {
    title: s("title"), guardian: s("guardian"), child: s("child"), children: s("children"), className: s("className"), code: s("code"),
    validUntil: (date) => s("validUntil").replace("{date}", date), address: s("address"), steps: [s("step1"), s("step2"), s("step3")],
    documentTitle: (c) => s("documentTitle").replace("{className}", c),
  };
}

describe("invitation slips of a class", () => {
  it("issues a code for every guardian of the class without an account and lays out one slip each", async () => {
    const admin = await f.as("a.admin");
    // 5А now has s2 only (s1 moved); add four parents without accounts, one with an ended link
    const parents: string[] = [];
    for (const name of ["Антонова", "Борисова", "Власова", "Громова"]) {
      const { id } = await saveGuardian(admin, { lastName: name, firstName: "Мария", middleName: null, address: null });
      await linkGuardianToStudent(admin, { guardianId: id, studentId: f.A.s2, relation: "OTHER", linkStart: yearStart });
      parents.push(id);
    }
    const ended = parents[3] ?? "";
    const link = (await getGuardianDetail(admin, ended)).children[0];
    if (!link) throw new Error("no link");
    await endGuardianship(admin, { guardianId: ended, guardianshipId: link.guardianshipId, guardianshipEnd: f.today });

    const result = await buildClassInvitationSlipsPdf(admin, f.A.c5, ruSlipTexts());
    expect(result.slips).toBe(3); // g2 has an account; the ended link does not count
    expect(result.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = result.pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBe(Math.ceil(3 / SLIPS_PER_PAGE));
    expect(await t.db.invitation.count({ where: { guardianId: { in: parents.slice(0, 3) }, usedAt: null, expiresAt: { gt: new Date() } } })).toBe(3);
    expect(await t.db.invitation.count({ where: { guardianId: ended } })).toBe(0);

    // printing again replaces the codes: still one valid code per parent
    await buildClassInvitationSlipsPdf(admin, f.A.c5, ruSlipTexts());
    expect(await t.db.invitation.count({ where: { guardianId: parents[0], usedAt: null, expiresAt: { gt: new Date() } } })).toBe(1);
  });

  it("is for administrators only, and only for a class of their school", async () => {
    for (const login of ["a.math", "a.g1", "a.s1"] as const) {
      expect((await failure(buildClassInvitationSlipsPdf(await f.as(login), f.A.c5, ruSlipTexts()))).code).toBe("FORBIDDEN");
    }
    expect((await failure(buildClassInvitationSlipsPdf(await f.as("b.admin"), f.A.c5, ruSlipTexts()))).code).toBe("NOT_FOUND");
  });

  it("a class where every parent has an account gives no PDF", async () => {
    const result = await buildClassInvitationSlipsPdf(await f.as("b.admin"), f.B.cB, ruSlipTexts());
    expect(result.slips).toBe(0);
  });
});

describe("a teacher may change no cohort", () => {
  it("every write is FORBIDDEN", async () => {
    const teacher = await f.as("a.math");
    const calls: Promise<unknown>[] = [
      createCohort(teacher, classInput("9Я", 9)),
      updateCohort(teacher, { id: f.A.c5, name: "5Я" }),
      addCohortMembers(teacher, { cohortId: f.A.c5, startDate: moveDay, studentIds: [f.A.s3] }),
      endCohortMembership(teacher, { cohortId: f.A.c5, membershipId: f.A.c5, membershipEnd: moveDay, endReason: "LEFT" }),
      moveStudentToClass(teacher, { cohortId: f.A.c5, moveStudentId: f.A.s2, toCohortId: f.A.c6, moveDate: moveDay }),
      getCohortDetail(teacher, f.A.c5),
    ];
    for (const call of calls) expect((await failure(call)).code).toBe("FORBIDDEN");
  });
});
