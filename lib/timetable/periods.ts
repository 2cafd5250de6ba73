/** The reporting periods of the current school year, for the period pickers. */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { currentYearId } from "@/lib/curriculum/calendar";
import { dateToDay } from "@/lib/time";

export type PeriodOption = { id: string; name: string; from: string; to: string; kind: "QUARTER" | "TRIMESTER" | "SEMESTER" | "YEAR"; gradeFrom: number; gradeTo: number };

export async function listYearPeriods(p: Principal): Promise<{ periods: PeriodOption[]; lastSchoolDay: string | null }> {
  assertCan(p, "school.manage");
  const yearId = await currentYearId(p.schoolId, p.timeZone);
  if (!yearId) return { periods: [], lastSchoolDay: null };
  const rows = await db.period.findMany({
    where: { schoolId: p.schoolId, yearId },
    orderBy: [{ startDate: "asc" }, { gradeFrom: "asc" }],
    select: { id: true, name: true, startDate: true, endDate: true, kind: true, gradeFrom: true, gradeTo: true },
  });
  const periods = rows.map((r) => ({ id: r.id, name: r.name, from: dateToDay(r.startDate), to: dateToDay(r.endDate), kind: r.kind, gradeFrom: r.gradeFrom, gradeTo: r.gradeTo }));
  const year = await db.academicYear.findFirst({ where: { schoolId: p.schoolId, id: yearId }, select: { endDate: true } });
  const ends = periods.map((x) => x.to).sort();
  return { periods, lastSchoolDay: ends[ends.length - 1] ?? (year ? dateToDay(year.endDate) : null) };
}
