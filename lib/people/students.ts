/**
 * Reading students: every query is limited by studentsVisibleTo. Asking for a student
 * one may not see answers "not found", the same as for an id that does not exist, so a
 * guessed id tells nothing.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { studentsVisibleTo } from "@/lib/auth/scope";
import { fullName } from "@/lib/people/names";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";

export type StudentCard = {
  id: string;
  name: string;
  birthDate: string;
  className: string | null;
  homeSchooling: boolean;
  individualPlan: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertId(id: string): void {
  if (!UUID.test(id)) throw new AppError("NOT_FOUND");
}

export async function getStudentCard(p: Principal, studentId: string): Promise<StudentCard> {
  assertCan(p, "student.read");
  assertId(studentId);
  const today = dayToDate(schoolToday(p.timeZone));
  const s = await db.student.findFirst({
    where: { AND: [studentsVisibleTo(p), { id: studentId }] },
    select: {
      id: true, lastName: true, firstName: true, middleName: true, birthDate: true, homeSchooling: true, individualPlan: true,
      memberships: {
        where: { cohort: { kind: "CLASS" }, startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] },
        orderBy: { startDate: "desc" },
        select: { cohort: { select: { name: true } } },
        take: 1,
      },
    },
  });
  if (!s) throw new AppError("NOT_FOUND");
  return {
    id: s.id,
    name: fullName(s),
    birthDate: dateToDay(s.birthDate),
    className: s.memberships[0]?.cohort.name ?? null,
    homeSchooling: s.homeSchooling,
    individualPlan: s.individualPlan,
  };
}

export type ChildSummary = { id: string; name: string; className: string | null };

/** A guardian's children, or a student's own entry: whom the diary can show. */
export async function listMyStudents(p: Principal): Promise<ChildSummary[]> {
  assertCan(p, "diary.read");
  const today = dayToDate(schoolToday(p.timeZone));
  const rows = await db.student.findMany({
    where: { AND: [studentsVisibleTo(p), { leftAt: null }] },
    orderBy: [{ birthDate: "desc" }],
    select: {
      id: true, lastName: true, firstName: true, middleName: true,
      memberships: {
        where: { cohort: { kind: "CLASS" }, startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] },
        orderBy: { startDate: "desc" },
        select: { cohort: { select: { name: true } } },
        take: 1,
      },
    },
  });
  return rows.map((s) => ({ id: s.id, name: fullName(s), className: s.memberships[0]?.cohort.name ?? null }));
}
