/**
 * The calendar a cohort lives by: its school year (the YEAR period of its grade, or the
 * academic year when there is none) and the holidays of its grade. Server-side helpers
 * for the curriculum, timetable and test-schedule functions; callers check permissions.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import type { HolidayPlan } from "@/lib/timetable/plan";
import type { DayRange } from "@/lib/curriculum/school-weeks";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";

export type CohortInfo = { id: string; name: string; grade: number; kind: "CLASS" | "GROUP" | "STREAM" | "INDIVIDUAL"; parentId: string | null; yearId: string };

export type CohortCalendar = { cohort: CohortInfo; year: DayRange; holidays: HolidayPlan[] };

const COHORT_SELECT = { id: true, name: true, grade: true, kind: true, parentId: true, yearId: true } as const;

/** A cohort of the school, or NOT_FOUND (a malformed id, another school's id). */
export async function findCohort(schoolId: string, cohortId: string): Promise<CohortInfo> {
  assertId(cohortId);
  const c = await db.cohort.findFirst({ where: { schoolId, id: cohortId }, select: COHORT_SELECT });
  if (!c) throw new AppError("NOT_FOUND", "Класс не найден.");
  return c;
}

export function toHolidayPlan(h: { startDate: Date; endDate: Date; gradeFrom: number; gradeTo: number }): HolidayPlan {
  return { startDate: dateToDay(h.startDate), endDate: dateToDay(h.endDate), gradeFrom: h.gradeFrom, gradeTo: h.gradeTo };
}

export async function cohortCalendar(schoolId: string, cohort: CohortInfo): Promise<CohortCalendar> {
  const [year, yearPeriod, holidays] = await Promise.all([
    db.academicYear.findFirstOrThrow({ where: { schoolId, id: cohort.yearId }, select: { startDate: true, endDate: true } }),
    db.period.findFirst({
      where: { schoolId, yearId: cohort.yearId, kind: "YEAR", gradeFrom: { lte: cohort.grade }, gradeTo: { gte: cohort.grade } },
      select: { startDate: true, endDate: true },
    }),
    db.holiday.findMany({
      where: { schoolId, yearId: cohort.yearId, gradeFrom: { lte: cohort.grade }, gradeTo: { gte: cohort.grade } },
      select: { startDate: true, endDate: true, gradeFrom: true, gradeTo: true },
    }),
  ]);
  const span = yearPeriod ?? year;
  return { cohort, year: { from: dateToDay(span.startDate), to: dateToDay(span.endDate) }, holidays: holidays.map(toHolidayPlan) };
}

/** The academic year in progress (or the latest one before the first starts). */
export async function currentYearId(schoolId: string, timeZone: string): Promise<string | null> {
  const today = dayToDate(schoolToday(timeZone));
  const year =
    (await db.academicYear.findFirst({ where: { schoolId, startDate: { lte: today }, endDate: { gte: today } }, select: { id: true } })) ??
    (await db.academicYear.findFirst({ where: { schoolId }, orderBy: { startDate: "desc" }, select: { id: true } }));
  return year?.id ?? null;
}

export type CohortOption = { id: string; name: string; grade: number; kind: CohortInfo["kind"] };

/** Cohorts of the current year, classes first by grade and name (the set-up pickers). */
export async function listYearCohorts(p: Principal): Promise<CohortOption[]> {
  assertCan(p, "school.manage");
  const yearId = await currentYearId(p.schoolId, p.timeZone);
  if (!yearId) return [];
  const rows = await db.cohort.findMany({ where: { schoolId: p.schoolId, yearId }, select: { id: true, name: true, grade: true, kind: true } });
  const order = { CLASS: 0, GROUP: 1, STREAM: 2, INDIVIDUAL: 3 } as const;
  return rows.sort((a, b) => order[a.kind] - order[b.kind] || a.grade - b.grade || a.name.localeCompare(b.name, "ru"));
}

export type StaffOption = { id: string; name: string };

/** Teachers who have not left, for the set-up pickers. */
export async function listTeachers(p: Principal): Promise<StaffOption[]> {
  assertCan(p, "school.manage");
  const rows = await db.staff.findMany({
    where: { schoolId: p.schoolId, leftAt: null, roles: { has: "TEACHER" } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, lastName: true, firstName: true, middleName: true },
  });
  return rows.map((s) => ({ id: s.id, name: [s.lastName, s.firstName, s.middleName].filter(Boolean).join(" ") }));
}
