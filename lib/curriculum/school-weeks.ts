/**
 * Planned hours of a curriculum line (DOMAIN.md, «Curriculum completion»): hours a week ×
 * school weeks, or the hours fixed for the year. A school week is a calendar week
 * (Monday to Sunday) with at least one school day that is not a holiday for the grade;
 * a week cut by the start of the year or by holidays still counts, as the school's
 * учебный план counts it. Dates are "YYYY-MM-DD" strings. Pure.
 */
import { addDays } from "@/lib/time";
import { isHoliday, weekdayOf, type HolidayPlan } from "@/lib/timetable/plan";

export type DayRange = { from: string; to: string };


/** The Monday of the week a day falls in. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - weekdayOf(day));
}

/**
 * School weeks of `range` for a grade. `schoolDaysPerWeek` is 5 (Monday–Friday) or 6
 * (with Saturday): a week whose only open day is a Saturday counts only in a six-day school.
 */
export function countSchoolWeeks(range: DayRange, grade: number, holidays: readonly HolidayPlan[], schoolDaysPerWeek: 5 | 6 = 5): number {
  if (range.from > range.to) return 0;
  let weeks = 0;
  for (let monday = mondayOf(range.from); monday <= range.to; monday = addDays(monday, 7)) {
    for (let i = 0; i < schoolDaysPerWeek; i++) {
      const day = addDays(monday, i);
      if (day < range.from || day > range.to) continue;
      if (!isHoliday(day, grade, holidays)) {
        weeks++;
        break;
      }
    }
  }
  return weeks;
}

/** The overlap of two ranges, or null when they do not meet; an open end is `null`. */
export function intersect(a: DayRange, b: { from: string; to: string | null }): DayRange | null {
  const from = a.from > b.from ? a.from : b.from;
  const to = b.to !== null && b.to < a.to ? b.to : a.to;
  return from <= to ? { from, to } : null;
}

/**
 * Hours a week as tenths of an hour: the column is Decimal(4,1), so 0,5 h is exactly 5
 * tenths and the product with weeks stays an integer until it is shown.
 */
export function hoursToTenths(hours: string): number {
  const n = Number(hours.replace(",", "."));
  if (!Number.isFinite(n)) throw new Error(`Неверное число часов: ${hours}`);
  return Math.round(n * 10);
}

export type PlannedHoursLine = {
  /** "0.5", "5" (as the database gives it), or null when hours are fixed for the year */
  hoursPerWeek: string | null;
  hoursPerYear: number | null;
  validFrom: string;
  validTo: string | null;
};

/**
 * Planned hours of one curriculum line within the school year `year`: weekly hours × the
 * school weeks of the part of the year the line is valid in; hours fixed for the year are
 * taken as they are. Returned in tenths of an hour.
 */
export function plannedTenths(line: PlannedHoursLine, year: DayRange, grade: number, holidays: readonly HolidayPlan[], schoolDaysPerWeek: 5 | 6 = 5): number {
  const span = intersect(year, { from: line.validFrom, to: line.validTo });
  if (!span) return 0;
  if (line.hoursPerWeek !== null) return hoursToTenths(line.hoursPerWeek) * countSchoolWeeks(span, grade, holidays, schoolDaysPerWeek);
  return (line.hoursPerYear ?? 0) * 10;
}

/** Tenths of an hour as people write them: 170, 16,5. */
export function formatTenths(tenths: number, decimalSeparator = ","): string {
  const whole = Math.trunc(tenths / 10);
  const rest = Math.abs(tenths % 10);
  return rest === 0 ? String(whole) : `${whole}${decimalSeparator}${rest}`;
}
