/**
 * The diary's calendar (R2.2): the school year's reporting periods and holidays that
 * apply to the child's grade (extra February holidays only for grade 1, semesters for
 * the senior grades).
 */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { loadChild } from "@/lib/diary/pick-child";
import { dateToDay } from "@/lib/time";

export type DiaryPeriod = { id: string; name: string; kind: "QUARTER" | "TRIMESTER" | "SEMESTER" | "YEAR"; startDate: string; endDate: string };
export type DiaryHoliday = { id: string; name: string; kind: "HOLIDAY" | "NON_WORKING_DAY"; startDate: string; endDate: string; days: number };

export type DiaryCalendar = {
  today: string;
  yearName: string | null;
  periods: DiaryPeriod[];
  holidays: DiaryHoliday[];
};

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export async function getDiaryCalendar(p: Principal, studentId: string): Promise<DiaryCalendar> {
  const child = await loadChild(p, studentId);
  if (!child.yearId) return { today: child.today, yearName: null, periods: [], holidays: [] };
  const byGrade = child.grade !== null ? { gradeFrom: { lte: child.grade }, gradeTo: { gte: child.grade } } : {};
  const year = await db.academicYear.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: child.yearId } },
    select: {
      name: true,
      periods: { where: byGrade, orderBy: [{ startDate: "asc" }, { kind: "asc" }], select: { id: true, name: true, kind: true, startDate: true, endDate: true } },
      holidays: { where: byGrade, orderBy: { startDate: "asc" }, select: { id: true, name: true, kind: true, startDate: true, endDate: true } },
    },
  });
  if (!year) return { today: child.today, yearName: null, periods: [], holidays: [] };
  return {
    today: child.today,
    yearName: year.name,
    // the year itself comes last: it spans the others
    periods: year.periods
      .map((x) => ({ id: x.id, name: x.name, kind: x.kind, startDate: dateToDay(x.startDate), endDate: dateToDay(x.endDate) }))
      .sort((a, b) => Number(a.kind === "YEAR") - Number(b.kind === "YEAR")),
    holidays: year.holidays.map((h) => {
      const startDate = dateToDay(h.startDate);
      const endDate = dateToDay(h.endDate);
      return { id: h.id, name: h.name, kind: h.kind, startDate, endDate, days: daysBetween(startDate, endDate) };
    }),
  };
}
