/** The administrator's home page: the school at a glance. */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";

export type SchoolOverview = {
  schoolName: string;
  yearName: string | null;
  currentPeriod: { name: string; startDate: string; endDate: string } | null;
  counts: { students: number; guardians: number; staff: number; cohorts: number; lessonsToday: number; familiesWithoutAccount: number };
};

export async function getSchoolOverview(p: Principal): Promise<SchoolOverview> {
  assertCan(p, "school.manage");
  const today = dayToDate(schoolToday(p.timeZone));
  const schoolId = p.schoolId;
  const [school, year, students, guardians, staff, lessonsToday, familiesWithoutAccount] = await Promise.all([
    db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { name: true } }),
    db.academicYear.findFirst({
      where: { schoolId, startDate: { lte: today }, endDate: { gte: today } },
      select: {
        id: true, name: true,
        periods: {
          where: { kind: { not: "YEAR" }, startDate: { lte: today }, endDate: { gte: today } },
          orderBy: { gradeFrom: "asc" },
          take: 1,
          select: { name: true, startDate: true, endDate: true },
        },
        _count: { select: { cohorts: true } },
      },
    }),
    db.student.count({ where: { schoolId, leftAt: null } }),
    db.guardian.count({ where: { schoolId } }),
    db.staff.count({ where: { schoolId, leftAt: null } }),
    db.lesson.count({ where: { schoolId, date: today, status: { not: "CANCELLED" } } }),
    db.guardian.count({ where: { schoolId, user: null } }),
  ]);
  const period = year?.periods[0];
  return {
    schoolName: school.name,
    yearName: year?.name ?? null,
    currentPeriod: period ? { name: period.name, startDate: dateToDay(period.startDate), endDate: dateToDay(period.endDate) } : null,
    counts: { students, guardians, staff, cohorts: year?._count.cohorts ?? 0, lessonsToday, familiesWithoutAccount },
  };
}
