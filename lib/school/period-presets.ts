/**
 * Ready-made sets of reporting periods an administrator starts from and then adjusts:
 * the dates are the usual ones, not the law, so every date stays editable.
 */
import type { DayRange } from "@/lib/school/calendar-days";
import type { PeriodDraft, PeriodKind } from "@/lib/school/calendar-rules";

export type PresetKind = PeriodKind;

type Span = { from: [number, number, number]; to: [number, number, number] };

// [year offset from the start year, month, day]
const SPANS: Record<Exclude<PeriodKind, "YEAR">, Span[]> = {
  QUARTER: [
    { from: [0, 9, 1], to: [0, 10, 25] },
    { from: [0, 11, 5], to: [0, 12, 28] },
    { from: [1, 1, 12], to: [1, 3, 22] },
    { from: [1, 4, 1], to: [1, 5, 26] },
  ],
  TRIMESTER: [
    { from: [0, 9, 1], to: [0, 11, 29] },
    { from: [0, 12, 1], to: [1, 2, 28] },
    { from: [1, 3, 1], to: [1, 5, 31] },
  ],
  SEMESTER: [
    { from: [0, 9, 1], to: [0, 12, 28] },
    { from: [1, 1, 12], to: [1, 5, 26] },
  ],
};

const NAME: Record<PeriodKind, string> = { QUARTER: "четверть", TRIMESTER: "триместр", SEMESTER: "полугодие", YEAR: "Год" };

/** The usual grades of each system: quarters up to grade 9, semesters in 10–11. */
export const PRESET_GRADES: Record<PeriodKind, { from: number; to: number }> = {
  QUARTER: { from: 1, to: 9 },
  TRIMESTER: { from: 1, to: 11 },
  SEMESTER: { from: 10, to: 11 },
  YEAR: { from: 1, to: 11 },
};

export function periodName(kind: PeriodKind, number: number): string {
  return kind === "YEAR" ? NAME.YEAR : `${number} ${NAME[kind]}`;
}

function day(startYear: number, [offset, month, date]: [number, number, number]): string {
  return `${startYear + offset}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

/** The preset's periods for a year, kept inside the year's own dates. */
export function periodPreset(kind: PeriodKind, year: DayRange, gradeFrom: number, gradeTo: number): PeriodDraft[] {
  if (kind === "YEAR") {
    return [{ kind, number: 1, name: periodName(kind, 1), startDate: year.startDate, endDate: year.endDate, gradeFrom, gradeTo }];
  }
  const startYear = Number(year.startDate.slice(0, 4));
  return SPANS[kind].map((s, i) => {
    const startDate = day(startYear, s.from);
    const endDate = day(startYear, s.to);
    return {
      kind,
      number: i + 1,
      name: periodName(kind, i + 1),
      startDate: startDate < year.startDate ? year.startDate : startDate,
      endDate: endDate > year.endDate ? year.endDate : endDate,
      gradeFrom,
      gradeTo,
    };
  });
}
