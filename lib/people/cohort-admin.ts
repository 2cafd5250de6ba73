/**
 * Cohorts of every kind for the administrator: the list by year and kind, one cohort
 * with its current and past members, and creation. Membership changes are in
 * memberships.ts.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { fullName, shortName } from "@/lib/people/names";
import { individualPlanName } from "@/lib/people/format";
import { isUniqueViolation } from "@/lib/people/unique";
import type { CohortKindName, CreateCohortInput } from "@/lib/people/cohort-schemas";
import { addMembership } from "@/lib/people/memberships";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";

export type CohortRow = {
  id: string; name: string; kind: CohortKindName; grade: number; yearName: string;
  parentName: string | null; classTeacher: string | null; members: number;
};

export async function listCohorts(p: Principal, filter: { yearId?: string | undefined; kind?: CohortKindName | undefined } = {}): Promise<CohortRow[]> {
  assertCan(p, "school.manage");
  const today = dayToDate(schoolToday(p.timeZone));
  const rows = await db.cohort.findMany({
    where: { schoolId: p.schoolId, ...(filter.yearId ? { yearId: filter.yearId } : {}), ...(filter.kind ? { kind: filter.kind } : {}) },
    orderBy: [{ year: { startDate: "desc" } }, { kind: "asc" }, { grade: "asc" }, { name: "asc" }],
    select: {
      id: true, name: true, kind: true, grade: true,
      year: { select: { name: true } },
      parent: { select: { name: true } },
      classTeacher: { select: { lastName: true, firstName: true, middleName: true } },
      _count: { select: { memberships: { where: { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] } } } },
    },
  });
  return rows.map((c) => ({
    id: c.id, name: c.name, kind: c.kind, grade: c.grade, yearName: c.year.name, parentName: c.parent?.name ?? null,
    classTeacher: c.classTeacher ? shortName(c.classTeacher) : null, members: c._count.memberships,
  }));
}

export type MemberView = { membershipId: string; studentId: string; name: string; startDate: string; endDate: string | null; endReason: string | null };

export type CohortDetail = {
  id: string; name: string; kind: CohortKindName; grade: number; yearId: string; yearName: string;
  yearStart: string; yearEnd: string;
  parent: { id: string; name: string } | null;
  classTeacherId: string | null; classTeacher: string | null;
  current: MemberView[];
  past: MemberView[];
  upcoming: MemberView[];
  guardiansWithoutAccount: number;
};

export async function getCohortDetail(p: Principal, cohortId: string): Promise<CohortDetail> {
  assertCan(p, "school.manage");
  assertId(cohortId);
  const today = schoolToday(p.timeZone);
  const todayDate = dayToDate(today);
  const c = await db.cohort.findFirst({
    where: { schoolId: p.schoolId, id: cohortId },
    select: {
      id: true, name: true, kind: true, grade: true, yearId: true, classTeacherId: true,
      year: { select: { name: true, startDate: true, endDate: true } },
      parent: { select: { id: true, name: true } },
      classTeacher: { select: { lastName: true, firstName: true, middleName: true } },
      memberships: {
        orderBy: [{ student: { lastName: "asc" } }, { student: { firstName: "asc" } }, { startDate: "asc" }],
        select: { id: true, startDate: true, endDate: true, endReason: true, student: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
      },
    },
  });
  if (!c) throw new AppError("NOT_FOUND");
  const members = c.memberships.map((m) => ({
    membershipId: m.id, studentId: m.student.id, name: fullName(m.student), startDate: dateToDay(m.startDate),
    endDate: m.endDate ? dateToDay(m.endDate) : null, endReason: m.endReason,
  }));
  const guardiansWithoutAccount = await db.guardian.count({
    where: {
      schoolId: p.schoolId, user: null,
      guardianships: {
        some: {
          endDate: null,
          student: { leftAt: null, memberships: { some: { cohortId, startDate: { lte: todayDate }, OR: [{ endDate: null }, { endDate: { gte: todayDate } }] } } },
        },
      },
    },
  });
  return {
    id: c.id, name: c.name, kind: c.kind, grade: c.grade, yearId: c.yearId, yearName: c.year.name,
    yearStart: dateToDay(c.year.startDate), yearEnd: dateToDay(c.year.endDate),
    parent: c.parent, classTeacherId: c.classTeacherId, classTeacher: c.classTeacher ? fullName(c.classTeacher) : null,
    current: members.filter((m) => m.startDate <= today && (m.endDate === null || m.endDate >= today)),
    past: members.filter((m) => m.endDate !== null && m.endDate < today),
    upcoming: members.filter((m) => m.startDate > today),
    guardiansWithoutAccount,
  };
}

const DUPLICATE_NAME = "В этом учебном году уже есть коллектив с таким названием.";

export async function createCohort(p: Principal, input: CreateCohortInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  try {
    return await db.$transaction(async (tx) => {
      const year = await tx.academicYear.findFirst({ where: { schoolId: p.schoolId, id: input.yearId }, select: { id: true, closedAt: true } });
      if (!year) throw new AppError("BAD_INPUT", "Такого учебного года нет.", { yearId: ["Выберите учебный год из списка."] });
      if (year.closedAt) throw new AppError("BAD_INPUT", "Этот учебный год закрыт.", { yearId: ["Этот учебный год закрыт: выберите другой."] });
      let name = input.name ?? "";
      let parentId: string | null = null;
      if (input.kind === "GROUP" && input.parentId) {
        const parent = await tx.cohort.findFirst({ where: { schoolId: p.schoolId, id: input.parentId, yearId: input.yearId, kind: "CLASS" }, select: { id: true } });
        if (!parent) throw new AppError("BAD_INPUT", "Группа может быть только частью класса того же учебного года.", { parentId: ["Выберите класс этого учебного года."] });
        parentId = parent.id;
      }
      if (input.classTeacherId) {
        const teacher = await tx.staff.count({ where: { schoolId: p.schoolId, id: input.classTeacherId, leftAt: null } });
        if (!teacher) throw new AppError("BAD_INPUT", "Такого сотрудника нет.", { classTeacherId: ["Выберите сотрудника из списка."] });
      }
      let studentId: string | null = null;
      if (input.kind === "INDIVIDUAL" && input.studentId) {
        const s = await tx.student.findFirst({ where: { schoolId: p.schoolId, id: input.studentId }, select: { id: true, lastName: true, firstName: true, middleName: true } });
        if (!s) throw new AppError("BAD_INPUT", "Такого ученика нет.", { studentId: ["Выберите ученика из списка."] });
        studentId = s.id;
        name = individualPlanName(s);
      }
      const cohort = await tx.cohort.create({
        data: {
          schoolId: p.schoolId, yearId: input.yearId, kind: input.kind, name, grade: input.grade, parentId,
          classTeacherId: input.kind === "CLASS" ? (input.classTeacherId ?? null) : null,
        },
        select: { id: true },
      });
      if (studentId && input.startDate) {
        await addMembership(tx, p.schoolId, { cohortId: cohort.id, studentId, startDate: input.startDate });
        await tx.student.update({ where: { schoolId_id: { schoolId: p.schoolId, id: studentId } }, data: { individualPlan: true } });
      }
      return cohort;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", DUPLICATE_NAME, { name: [DUPLICATE_NAME] });
    throw error;
  }
}

export async function updateCohort(p: Principal, input: { id: string; name: string; classTeacherId?: string | undefined }): Promise<void> {
  assertCan(p, "school.manage");
  try {
    await db.$transaction(async (tx) => {
      const c = await tx.cohort.findFirst({ where: { schoolId: p.schoolId, id: input.id }, select: { kind: true } });
      if (!c) throw new AppError("NOT_FOUND");
      if (input.classTeacherId) {
        const teacher = await tx.staff.count({ where: { schoolId: p.schoolId, id: input.classTeacherId, leftAt: null } });
        if (!teacher) throw new AppError("BAD_INPUT", "Такого сотрудника нет.", { classTeacherId: ["Выберите сотрудника из списка."] });
      }
      await tx.cohort.update({
        where: { schoolId_id: { schoolId: p.schoolId, id: input.id } },
        data: { name: input.name, classTeacherId: c.kind === "CLASS" ? (input.classTeacherId ?? null) : null },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", DUPLICATE_NAME, { name: [DUPLICATE_NAME] });
    throw error;
  }
}
