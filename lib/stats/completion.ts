/**
 * Curriculum completion (DOMAIN.md): planned hours of a period against lessons held.
 * Planned: hours a week × school weeks of the period (the part of it the curriculum line
 * is valid in); or hours fixed for the year, split by the period's share of the year's
 * school weeks. Held: lessons with status HELD, one lesson one hour. Hours are kept in
 * tenths (0,5 h a week) so that all of it stays integer. Pure.
 */
import type { Fraction } from "@/lib/grading/statistics";
import { countSchoolWeeks, hoursToTenths, intersect, type DayRange, type PlannedHoursLine } from "@/lib/curriculum/school-weeks";
import type { HolidayPlan } from "@/lib/timetable/plan";

export const LESSON_TYPES = ["LESSON", "TEST", "QUIZ", "INDEPENDENT", "LAB", "PRACTICAL", "CREDIT", "EXCURSION", "CORRECTION", "INDIVIDUAL"] as const;
export type LessonTypeName = (typeof LESSON_TYPES)[number];
export type HeldByType = Partial<Record<LessonTypeName, number>>;

/** Planned tenths of an hour of one curriculum line within `range` (part of `year`). */
export function plannedTenthsIn(line: PlannedHoursLine, range: DayRange, year: DayRange, grade: number, holidays: readonly HolidayPlan[]): number {
  const validity = { from: line.validFrom, to: line.validTo };
  const yearPart = intersect(year, validity);
  const span = yearPart ? intersect(range, yearPart) : null;
  if (!span || !yearPart) return 0;
  if (line.hoursPerWeek !== null) return hoursToTenths(line.hoursPerWeek) * countSchoolWeeks(span, grade, holidays);
  const yearTenths = (line.hoursPerYear ?? 0) * 10;
  const yearWeeks = countSchoolWeeks(yearPart, grade, holidays);
  if (yearWeeks === 0) return 0;
  // the year's hours in proportion to the school weeks, rounded half up to a tenth
  return Math.floor((2 * yearTenths * countSchoolWeeks(span, grade, holidays) + yearWeeks) / (2 * yearWeeks));
}

export type Completion = {
  /** planned for the whole period */
  plannedTenths: number;
  /** planned up to today (the whole period once it is over): what `held` is measured against */
  dueTenths: number;
  held: number;
  heldByType: HeldByType;
  /** due minus held, never below zero, in tenths */
  shortfallTenths: number;
  /** shortfall / due, in % */
  shortfallRate: Fraction;
  /** held / due, in % */
  doneRate: Fraction;
};

export function completionOf(plannedTenths: number, dueTenths: number, heldByType: HeldByType): Completion {
  let held = 0;
  for (const t of LESSON_TYPES) held += heldByType[t] ?? 0;
  const shortfallTenths = Math.max(0, dueTenths - held * 10);
  return {
    plannedTenths, dueTenths, held, heldByType,
    shortfallTenths,
    shortfallRate: { num: shortfallTenths * 100, den: dueTenths },
    doneRate: { num: held * 10 * 100, den: dueTenths },
  };
}

/** Adds completions (a class's subjects, a subject's classes). */
export function sumCompletions(items: readonly Completion[]): Completion {
  let planned = 0;
  let due = 0;
  const byType: HeldByType = {};
  for (const c of items) {
    planned += c.plannedTenths;
    due += c.dueTenths;
    for (const t of LESSON_TYPES) {
      const v = c.heldByType[t];
      if (v) byType[t] = (byType[t] ?? 0) + v;
    }
  }
  // the shortfall of a total is the sum of the shortfalls: one subject ahead does not
  // make up for another behind
  const total = completionOf(planned, due, byType);
  const shortfallTenths = items.reduce((s, c) => s + c.shortfallTenths, 0);
  return { ...total, shortfallTenths, shortfallRate: { num: shortfallTenths * 100, den: due } };
}
