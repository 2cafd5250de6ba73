/** Staff members: cards, roles, leaving. Accounts are in staff-logins.ts. */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { fullName } from "@/lib/people/names";
import { isUniqueViolation } from "@/lib/people/unique";
import type { StaffInput } from "@/lib/people/schemas";
import { dateToDay, dayToDate, formatDateTime } from "@/lib/time";

const DUPLICATE_NUMBER = "Такой табельный номер уже есть у другого сотрудника.";

export type StaffRow = { id: string; name: string; position: string; roles: ("ADMIN" | "TEACHER")[]; login: string | null; leftAt: string | null };

export async function listStaff(p: Principal, includeLeft = false): Promise<StaffRow[]> {
  assertCan(p, "school.manage");
  const rows = await db.staff.findMany({
    where: { schoolId: p.schoolId, ...(includeLeft ? {} : { leftAt: null }) },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, lastName: true, firstName: true, middleName: true, position: true, roles: true, leftAt: true, user: { select: { login: true } } },
  });
  return rows.map((s) => ({
    id: s.id, name: fullName(s), position: s.position, roles: s.roles, login: s.user?.login ?? null, leftAt: s.leftAt ? dateToDay(s.leftAt) : null,
  }));
}

export type StaffDetail = {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  name: string;
  position: string;
  roles: ("ADMIN" | "TEACHER")[];
  personnelNumber: string | null;
  leftAt: string | null;
  login: string | null;
  lastLoginAt: string | null;
  isSelf: boolean;
};

export async function getStaffDetail(p: Principal, staffId: string): Promise<StaffDetail> {
  assertCan(p, "school.manage");
  assertId(staffId);
  const s = await db.staff.findFirst({
    where: { schoolId: p.schoolId, id: staffId },
    select: {
      id: true, lastName: true, firstName: true, middleName: true, position: true, roles: true, personnelNumber: true, leftAt: true,
      user: { select: { login: true, lastLoginAt: true } },
    },
  });
  if (!s) throw new AppError("NOT_FOUND");
  return {
    id: s.id, lastName: s.lastName, firstName: s.firstName, middleName: s.middleName, name: fullName(s), position: s.position,
    roles: s.roles, personnelNumber: s.personnelNumber, leftAt: s.leftAt ? dateToDay(s.leftAt) : null,
    login: s.user?.login ?? null, lastLoginAt: s.user?.lastLoginAt ? formatDateTime(s.user.lastLoginAt, p.timeZone) : null,
    isSelf: p.staffId === s.id,
  };
}

async function assertNumberFree(p: Principal, personnelNumber: string | null, exceptId?: string): Promise<void> {
  if (!personnelNumber) return;
  const taken = await db.staff.count({ where: { schoolId: p.schoolId, personnelNumber, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (taken) throw new AppError("CONFLICT", DUPLICATE_NUMBER, { personnelNumber: [DUPLICATE_NUMBER] });
}

export async function saveStaff(p: Principal, input: StaffInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  await assertNumberFree(p, input.personnelNumber, input.id);
  const data = {
    lastName: input.lastName, firstName: input.firstName, middleName: input.middleName, position: input.position,
    roles: input.roles, personnelNumber: input.personnelNumber,
  };
  try {
    if (!input.id) return await db.staff.create({ data: { schoolId: p.schoolId, ...data }, select: { id: true } });
    const id = input.id;
    return await db.$transaction(async (tx) => {
      const before = await tx.staff.findFirst({ where: { schoolId: p.schoolId, id }, select: { roles: true } });
      if (!before) throw new AppError("NOT_FOUND");
      if (p.staffId === id && !input.roles.includes("ADMIN")) {
        const message = "Нельзя снять роль администратора с самого себя: попросите другого администратора.";
        throw new AppError("BAD_INPUT", message, { roles: [message] });
      }
      await tx.staff.update({ where: { schoolId_id: { schoolId: p.schoolId, id } }, data });
      // the account kind follows the roles, so the right home page opens after sign-in
      await tx.user.updateMany({ where: { schoolId: p.schoolId, staffId: id }, data: { kind: input.roles.includes("ADMIN") ? "ADMIN" : "TEACHER" } });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", DUPLICATE_NUMBER, { personnelNumber: [DUPLICATE_NUMBER] });
    throw error;
  }
}

/** A colleague who left can no longer sign in; their lessons and marks stay signed by them. */
export async function markStaffLeft(p: Principal, staffId: string, leftAt: string): Promise<void> {
  assertCan(p, "school.manage");
  assertId(staffId);
  if (p.staffId === staffId) throw new AppError("BAD_INPUT", "Нельзя отметить увольнение самого себя.");
  await db.$transaction(async (tx) => {
    const updated = await tx.staff.updateMany({ where: { schoolId: p.schoolId, id: staffId }, data: { leftAt: dayToDate(leftAt) } });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    await tx.user.updateMany({ where: { schoolId: p.schoolId, staffId }, data: { sessionVersion: { increment: 1 } } });
  });
}

export async function returnStaff(p: Principal, staffId: string): Promise<void> {
  assertCan(p, "school.manage");
  assertId(staffId);
  const updated = await db.staff.updateMany({ where: { schoolId: p.schoolId, id: staffId }, data: { leftAt: null } });
  if (updated.count !== 1) throw new AppError("NOT_FOUND");
}
