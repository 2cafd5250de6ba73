/**
 * The administrator's side of students: the list, the card with its history, and the
 * changes (create, edit, program, leaving). Every function checks school.manage itself
 * and scopes every query by the principal's school.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { fullName } from "@/lib/people/names";
import { isUniqueViolation } from "@/lib/people/unique";
import type { ChangeProgramInput, CreateStudentInput, UpdateStudentInput } from "@/lib/people/schemas";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";

const DUPLICATE_RECORD = "Номер личного дела уже есть у другого ученика школы. Проверьте номер.";

export type StudentRow = {
  id: string;
  name: string;
  birthDate: string;
  recordNumber: string;
  className: string | null;
  leftAt: string | null;
};

export type StudentFilter = { q?: string | undefined; cohortId?: string | undefined; includeLeft?: boolean };

function onDay(day: Date) {
  return { startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] };
}

export async function listStudents(p: Principal, filter: StudentFilter = {}): Promise<StudentRow[]> {
  assertCan(p, "school.manage");
  const today = dayToDate(schoolToday(p.timeZone));
  const words = (filter.q ?? "").split(/\s+/).filter(Boolean).slice(0, 3);
  const rows = await db.student.findMany({
    where: {
      schoolId: p.schoolId,
      ...(filter.includeLeft ? {} : { leftAt: null }),
      AND: words.map((w) => ({
        OR: [
          { lastName: { contains: w, mode: "insensitive" as const } },
          { firstName: { contains: w, mode: "insensitive" as const } },
          { middleName: { contains: w, mode: "insensitive" as const } },
          { recordNumber: { equals: w } },
        ],
      })),
      ...(filter.cohortId ? { memberships: { some: { cohortId: filter.cohortId, ...onDay(today) } } } : {}),
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { middleName: "asc" }],
    take: 500,
    select: {
      id: true, lastName: true, firstName: true, middleName: true, birthDate: true, recordNumber: true, leftAt: true,
      memberships: { where: { cohort: { kind: "CLASS" }, ...onDay(today) }, orderBy: { startDate: "desc" }, select: { cohort: { select: { name: true } } }, take: 1 },
    },
  });
  return rows.map((s) => ({
    id: s.id,
    name: fullName(s),
    birthDate: dateToDay(s.birthDate),
    recordNumber: s.recordNumber,
    className: s.memberships[0]?.cohort.name ?? null,
    leftAt: s.leftAt ? dateToDay(s.leftAt) : null,
  }));
}

export type StudentDetail = {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  name: string;
  birthDate: string;
  gender: "MALE" | "FEMALE";
  recordNumber: string;
  individualPlan: boolean;
  homeSchooling: boolean;
  leftAt: string | null;
  currentProgramId: string | null;
  programs: { id: string; name: string; startDate: string; endDate: string | null }[];
  memberships: { id: string; cohortId: string; cohortName: string; kind: string; yearName: string; startDate: string; endDate: string | null; endReason: string | null }[];
  guardians: { guardianshipId: string; guardianId: string; name: string; relation: string; startDate: string; endDate: string | null }[];
};

export async function getStudentDetail(p: Principal, studentId: string): Promise<StudentDetail> {
  assertCan(p, "school.manage");
  assertId(studentId);
  const s = await db.student.findFirst({
    where: { schoolId: p.schoolId, id: studentId },
    select: {
      id: true, lastName: true, firstName: true, middleName: true, birthDate: true, gender: true, recordNumber: true,
      individualPlan: true, homeSchooling: true, leftAt: true,
      enrolments: { orderBy: { startDate: "desc" }, select: { id: true, startDate: true, endDate: true, program: { select: { id: true, name: true } } } },
      memberships: {
        orderBy: [{ startDate: "desc" }],
        select: { id: true, startDate: true, endDate: true, endReason: true, cohort: { select: { id: true, name: true, kind: true, year: { select: { name: true } } } } },
      },
      guardianships: {
        orderBy: [{ endDate: { sort: "desc", nulls: "first" } }, { startDate: "asc" }],
        select: { id: true, relation: true, startDate: true, endDate: true, guardian: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
      },
    },
  });
  if (!s) throw new AppError("NOT_FOUND");
  const current = s.enrolments.find((e) => e.endDate === null);
  return {
    id: s.id,
    lastName: s.lastName,
    firstName: s.firstName,
    middleName: s.middleName,
    name: fullName(s),
    birthDate: dateToDay(s.birthDate),
    gender: s.gender,
    recordNumber: s.recordNumber,
    individualPlan: s.individualPlan,
    homeSchooling: s.homeSchooling,
    leftAt: s.leftAt ? dateToDay(s.leftAt) : null,
    currentProgramId: current?.program.id ?? null,
    programs: s.enrolments.map((e) => ({ id: e.id, name: e.program.name, startDate: dateToDay(e.startDate), endDate: e.endDate ? dateToDay(e.endDate) : null })),
    memberships: s.memberships.map((m) => ({
      id: m.id, cohortId: m.cohort.id, cohortName: m.cohort.name, kind: m.cohort.kind, yearName: m.cohort.year.name,
      startDate: dateToDay(m.startDate), endDate: m.endDate ? dateToDay(m.endDate) : null, endReason: m.endReason,
    })),
    guardians: s.guardianships.map((g) => ({
      guardianshipId: g.id, guardianId: g.guardian.id, name: fullName(g.guardian), relation: g.relation,
      startDate: dateToDay(g.startDate), endDate: g.endDate ? dateToDay(g.endDate) : null,
    })),
  };
}

async function assertRecordNumberFree(p: Principal, recordNumber: string, exceptId?: string): Promise<void> {
  const taken = await db.student.count({ where: { schoolId: p.schoolId, recordNumber, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (taken) throw new AppError("CONFLICT", DUPLICATE_RECORD, { recordNumber: [DUPLICATE_RECORD] });
}

async function assertProgram(p: Principal, programId: string): Promise<void> {
  const found = await db.program.count({ where: { schoolId: p.schoolId, id: programId } });
  if (!found) throw new AppError("BAD_INPUT", "Такой программы нет. Выберите программу из списка.", { programId: ["Выберите программу из списка."] });
}

function duplicateGuard(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError("CONFLICT", DUPLICATE_RECORD, { recordNumber: [DUPLICATE_RECORD] });
  throw error;
}

export async function createStudent(p: Principal, input: CreateStudentInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  await assertRecordNumberFree(p, input.recordNumber);
  if (input.programId) await assertProgram(p, input.programId);
  const programStart = input.programStart ?? schoolToday(p.timeZone);
  try {
    return await db.$transaction(async (tx) => {
      const s = await tx.student.create({
        data: {
          schoolId: p.schoolId, lastName: input.lastName, firstName: input.firstName, middleName: input.middleName,
          birthDate: dayToDate(input.birthDate), gender: input.gender, recordNumber: input.recordNumber,
          individualPlan: input.individualPlan, homeSchooling: input.homeSchooling,
        },
        select: { id: true },
      });
      if (input.programId) {
        await tx.programEnrolment.create({ data: { schoolId: p.schoolId, studentId: s.id, programId: input.programId, startDate: dayToDate(programStart) } });
      }
      return s;
    });
  } catch (error) {
    duplicateGuard(error);
  }
}

export async function updateStudent(p: Principal, input: UpdateStudentInput): Promise<void> {
  assertCan(p, "school.manage");
  assertId(input.id);
  const exists = await db.student.count({ where: { schoolId: p.schoolId, id: input.id } });
  if (!exists) throw new AppError("NOT_FOUND");
  await assertRecordNumberFree(p, input.recordNumber, input.id);
  try {
    await db.student.update({
      where: { schoolId_id: { schoolId: p.schoolId, id: input.id } },
      data: {
        lastName: input.lastName, firstName: input.firstName, middleName: input.middleName, birthDate: dayToDate(input.birthDate),
        gender: input.gender, recordNumber: input.recordNumber, individualPlan: input.individualPlan, homeSchooling: input.homeSchooling,
      },
    });
  } catch (error) {
    duplicateGuard(error);
  }
}

/**
 * A student studies one program at a time: the current enrolment ends the day before the
 * new one starts, so the history of programs stays whole.
 */
export async function changeStudentProgram(p: Principal, input: ChangeProgramInput): Promise<void> {
  assertCan(p, "school.manage");
  assertId(input.id);
  await assertProgram(p, input.programId);
  const start = dayToDate(input.programStart);
  await db.$transaction(async (tx) => {
    const student = await tx.student.findFirst({ where: { schoolId: p.schoolId, id: input.id }, select: { id: true } });
    if (!student) throw new AppError("NOT_FOUND");
    const open = await tx.programEnrolment.findMany({ where: { schoolId: p.schoolId, studentId: input.id, endDate: null }, select: { id: true, startDate: true, programId: true } });
    for (const e of open) {
      if (e.programId === input.programId) {
        throw new AppError("BAD_INPUT", "Ученик уже обучается по этой программе.", { programId: ["Ученик уже обучается по этой программе."] });
      }
      if (e.startDate >= start) {
        const message = "Новая программа должна начинаться позже текущей (после " + dateToDay(e.startDate).split("-").reverse().join(".") + ").";
        throw new AppError("BAD_INPUT", message, { programStart: [message] });
      }
    }
    const dayBefore = new Date(start.getTime() - 86_400_000);
    await tx.programEnrolment.updateMany({ where: { schoolId: p.schoolId, studentId: input.id, endDate: null }, data: { endDate: dayBefore } });
    await tx.programEnrolment.create({ data: { schoolId: p.schoolId, studentId: input.id, programId: input.programId, startDate: start } });
  });
}

/**
 * A student who leaves the school: the memberships still open end on that day, so the
 * class lists stop showing them; the marks stay where they were made.
 */
export async function markStudentLeft(p: Principal, studentId: string, leftAt: string): Promise<void> {
  assertCan(p, "school.manage");
  assertId(studentId);
  const day = dayToDate(leftAt);
  await db.$transaction(async (tx) => {
    const s = await tx.student.findFirst({ where: { schoolId: p.schoolId, id: studentId }, select: { id: true } });
    if (!s) throw new AppError("NOT_FOUND");
    await tx.student.update({ where: { schoolId_id: { schoolId: p.schoolId, id: studentId } }, data: { leftAt: day } });
    await tx.cohortMembership.updateMany({
      where: { schoolId: p.schoolId, studentId, startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gt: day } }] },
      data: { endDate: day, endReason: "LEFT" },
    });
    await tx.programEnrolment.updateMany({
      where: { schoolId: p.schoolId, studentId, startDate: { lte: day }, endDate: null },
      data: { endDate: day },
    });
  });
}

/** Undo a «left» mark made by mistake; the ended memberships are not reopened. */
export async function returnStudent(p: Principal, studentId: string): Promise<void> {
  assertCan(p, "school.manage");
  assertId(studentId);
  const updated = await db.student.updateMany({ where: { schoolId: p.schoolId, id: studentId }, data: { leftAt: null } });
  if (updated.count !== 1) throw new AppError("NOT_FOUND");
}
