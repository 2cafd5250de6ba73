import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { cohortsVisibleTo, studentsVisibleTo } from "@/lib/auth/scope";
import { assertId } from "@/lib/people/students";
import { fullName } from "@/lib/people/names";
import { dayToDate, schoolToday } from "@/lib/time";

export type CohortStudent = { id: string; name: string };

/** The students of a cohort on a day, as far as the user may see them. */
export async function listCohortStudents(p: Principal, cohortId: string, day?: string): Promise<CohortStudent[]> {
  assertCan(p, "student.read");
  assertId(cohortId);
  const cohort = await db.cohort.findFirst({ where: { AND: [cohortsVisibleTo(p), { id: cohortId }] }, select: { id: true } });
  if (!cohort) throw new AppError("NOT_FOUND");
  const on = dayToDate(day ?? schoolToday(p.timeZone));
  const rows = await db.student.findMany({
    where: {
      AND: [
        studentsVisibleTo(p),
        { memberships: { some: { cohortId, startDate: { lte: on }, OR: [{ endDate: null }, { endDate: { gte: on } }] } } },
      ],
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, lastName: true, firstName: true, middleName: true },
  });
  return rows.map((s) => ({ id: s.id, name: fullName(s) }));
}
