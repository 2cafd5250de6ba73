/**
 * Who on the staff works with consents, with least privilege: an administrator (the
 * director, a deputy) for the whole school; a class teacher for the children of the
 * classes they lead, today. Other teachers, guardians and students: refused.
 */
import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { dayToDate, schoolToday } from "@/lib/time";

/** A membership that holds on the given day. */
export function currentMembership(day: Date): Prisma.CohortMembershipWhereInput {
  return { startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] };
}

export function today(p: Principal): Date {
  return dayToDate(schoolToday(p.timeZone));
}

/** "admin" for the whole school, else the class teacher's staff id. */
function consentStaff(p: Principal): "admin" | { staffId: string } {
  assertCan(p, "student.read");
  if (hasRole(p, "ADMIN")) return "admin";
  if (hasRole(p, "TEACHER") && p.staffId) return { staffId: p.staffId };
  throw new AppError("FORBIDDEN");
}

/** Children whose consents this staff member may see and record. */
export function consentStudentsWhere(p: Principal): Prisma.StudentWhereInput {
  const who = consentStaff(p);
  if (who === "admin") return { schoolId: p.schoolId };
  return { schoolId: p.schoolId, memberships: { some: { ...currentMembership(today(p)), cohort: { schoolId: p.schoolId, kind: "CLASS", classTeacherId: who.staffId } } } };
}

/** Classes whose registry this staff member may read. */
export function consentCohortsWhere(p: Principal): Prisma.CohortWhereInput {
  const who = consentStaff(p);
  if (who === "admin") return { schoolId: p.schoolId };
  return { schoolId: p.schoolId, kind: "CLASS", classTeacherId: who.staffId };
}

/** Guardians of those children (through an open guardianship). */
export function consentGuardiansWhere(p: Principal): Prisma.GuardianWhereInput {
  const students = consentStudentsWhere(p);
  if (hasRole(p, "ADMIN")) return { schoolId: p.schoolId };
  return { schoolId: p.schoolId, guardianships: { some: { endDate: null, student: students } } };
}

/** The guardian's own id; anyone else is refused. */
export function ownGuardianId(p: Principal): string {
  assertCan(p, "diary.read");
  if (!hasRole(p, "GUARDIAN") || !p.guardianId) throw new AppError("FORBIDDEN");
  return p.guardianId;
}
