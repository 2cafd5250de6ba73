/**
 * Scoping helpers: the `where` that limits a query to what a user may see. Every domain
 * function that reads school data about people goes through one of these. They fail
 * closed: a principal they do not recognise sees nothing.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";

/** Matches no row (an empty `in` list). */
const NOTHING = { id: { in: [] as string[] } };

/** Cohorts where the staff member teaches a subject, or is the class teacher. */
function cohortsOfTeacher(schoolId: string, staffId: string): Prisma.CohortWhereInput {
  return {
    schoolId,
    OR: [
      { classTeacherId: staffId },
      { curriculumItems: { some: { teachers: { some: { staffId } } } } },
      { timetableSlots: { some: { teacherId: staffId } } },
    ],
  };
}

export function studentsVisibleTo(p: Principal): Prisma.StudentWhereInput {
  if (hasRole(p, "ADMIN")) return { schoolId: p.schoolId };
  const or: Prisma.StudentWhereInput[] = [];
  if (hasRole(p, "TEACHER") && p.staffId) {
    or.push({ memberships: { some: { cohort: cohortsOfTeacher(p.schoolId, p.staffId) } } });
  }
  if (hasRole(p, "GUARDIAN") && p.guardianId) {
    // R1: only the children with a current consent; the rest go on paper
    or.push({ id: { in: [...p.consentedChildIds] }, guardianships: { some: { guardianId: p.guardianId, endDate: null } } });
  }
  if (hasRole(p, "STUDENT") && p.studentId) {
    or.push({ id: p.studentId });
  }
  if (or.length === 0) return { schoolId: p.schoolId, ...NOTHING };
  return { schoolId: p.schoolId, OR: or };
}

export function cohortsVisibleTo(p: Principal): Prisma.CohortWhereInput {
  if (hasRole(p, "ADMIN")) return { schoolId: p.schoolId };
  const or: Prisma.CohortWhereInput[] = [];
  if (hasRole(p, "TEACHER") && p.staffId) {
    const own = cohortsOfTeacher(p.schoolId, p.staffId);
    if (own.OR) or.push(...own.OR);
  }
  if (hasRole(p, "GUARDIAN") && p.guardianId) {
    or.push({ memberships: { some: { studentId: { in: [...p.consentedChildIds] }, student: { guardianships: { some: { guardianId: p.guardianId, endDate: null } } } } } });
  }
  if (hasRole(p, "STUDENT") && p.studentId) {
    or.push({ memberships: { some: { studentId: p.studentId } } });
  }
  if (or.length === 0) return { schoolId: p.schoolId, ...NOTHING };
  return { schoolId: p.schoolId, OR: or };
}

/**
 * Journal pages a user may read: a cohort × subject. Administrators read all; a teacher
 * reads the subjects they teach in a cohort, and every subject of a class they lead.
 */
export function journalReadableBy(p: Principal, cohortId: string, subjectId: string): Prisma.CohortWhereInput {
  if (hasRole(p, "ADMIN")) return { schoolId: p.schoolId, id: cohortId };
  if (hasRole(p, "TEACHER") && p.staffId) {
    return {
      schoolId: p.schoolId,
      id: cohortId,
      OR: [
        { classTeacherId: p.staffId },
        { curriculumItems: { some: { subjectId, teachers: { some: { staffId: p.staffId } } } } },
        { timetableSlots: { some: { subjectId, teacherId: p.staffId } } },
      ],
    };
  }
  return { schoolId: p.schoolId, ...NOTHING };
}

/** Journal pages a user may write: only a teacher of that subject in that cohort. */
export function journalWritableBy(p: Principal, cohortId: string, subjectId: string): Prisma.CohortWhereInput {
  if (hasRole(p, "TEACHER") && p.staffId) {
    return {
      schoolId: p.schoolId,
      id: cohortId,
      OR: [
        { curriculumItems: { some: { subjectId, teachers: { some: { staffId: p.staffId } } } } },
        { timetableSlots: { some: { subjectId, teacherId: p.staffId } } },
      ],
    };
  }
  return { schoolId: p.schoolId, ...NOTHING };
}
