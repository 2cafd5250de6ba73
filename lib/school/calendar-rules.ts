/**
 * The rules a year's calendar must satisfy, as pure checks that return Russian messages
 * (empty when all is well). The domain functions run them on the whole calendar as it
 * would be after a change, so a change that breaks a rule is refused before anything is
 * written.
 */
import { formatDayInput, minutesOf, rangeInside, rangesOverlap, type DayRange } from "@/lib/school/calendar-days";

export type PeriodKind = "QUARTER" | "TRIMESTER" | "SEMESTER" | "YEAR";

export type PeriodDraft = DayRange & {
  id?: string;
  kind: PeriodKind;
  number: number;
  name: string;
  gradeFrom: number;
  gradeTo: number;
};

export type HolidayDraft = DayRange & { name: string; gradeFrom: number; gradeTo: number };

export type BellDraft = { number: number; startsAt: string; endsAt: string };

export const MIN_GRADE = 1;
export const MAX_GRADE = 12;

function range(r: DayRange): string {
  return `${formatDayInput(r.startDate)} — ${formatDayInput(r.endDate)}`;
}

export function gradesLabel(from: number, to: number): string {
  return from === to ? `${from} класс` : `${from}–${to} классы`;
}

function gradesOverlap(a: { gradeFrom: number; gradeTo: number }, b: { gradeFrom: number; gradeTo: number }): boolean {
  return a.gradeFrom <= b.gradeTo && b.gradeFrom <= a.gradeTo;
}

/** Checks shared by periods and holidays: a real range of days and grades inside the year. */
function checkRangeAndGrades(what: string, item: DayRange & { gradeFrom: number; gradeTo: number }, year: DayRange): string[] {
  const errors: string[] = [];
  if (item.endDate < item.startDate) errors.push(`${what}: дата окончания раньше даты начала.`);
  else if (!rangeInside(item, year)) errors.push(`${what}: даты ${range(item)} выходят за границы учебного года (${range(year)}).`);
  if (item.gradeFrom < MIN_GRADE || item.gradeTo > MAX_GRADE || item.gradeFrom > item.gradeTo) {
    errors.push(`${what}: классы указаны неверно — нужно от ${MIN_GRADE} до ${MAX_GRADE}, и «с» не больше «по».`);
  }
  return errors;
}

/**
 * All periods of one year. Periods of the same layer (the whole-year period is one layer,
 * quarters, trimesters and semesters the other) must not share a day when their grade
 * ranges share a grade: a day of a pupil belongs to exactly one reporting period.
 */
export function validatePeriods(year: DayRange, periods: readonly PeriodDraft[]): string[] {
  const errors: string[] = [];
  for (const p of periods) errors.push(...checkRangeAndGrades(`Период «${p.name}»`, p, year));
  for (let i = 0; i < periods.length; i++) {
    for (let j = i + 1; j < periods.length; j++) {
      const a = periods[i];
      const b = periods[j];
      if (!a || !b) continue;
      if (a.kind === b.kind && a.number === b.number && a.gradeFrom === b.gradeFrom) {
        errors.push(`Период «${b.name}» для ${gradesLabel(b.gradeFrom, b.gradeTo)} уже есть в этом году.`);
        continue;
      }
      const sameLayer = (a.kind === "YEAR") === (b.kind === "YEAR");
      if (sameLayer && gradesOverlap(a, b) && rangesOverlap(a, b)) {
        errors.push(
          `Периоды «${a.name}» (${gradesLabel(a.gradeFrom, a.gradeTo)}, ${range(a)}) и «${b.name}» (${gradesLabel(b.gradeFrom, b.gradeTo)}, ${range(b)}) пересекаются по датам.`,
        );
      }
    }
  }
  return errors;
}

export function validateHoliday(year: DayRange, h: HolidayDraft): string[] {
  const errors: string[] = [];
  if (!h.name.trim()) errors.push("Укажите название каникул или нерабочего дня.");
  errors.push(...checkRangeAndGrades(`«${h.name}»`, h, year));
  return errors;
}

/** One bell schedule: each lesson ends after it starts, numbers are unique, no two lessons overlap. */
export function validateBells(slots: readonly BellDraft[]): string[] {
  const errors: string[] = [];
  for (const s of slots) {
    if (minutesOf(s.endsAt) <= minutesOf(s.startsAt)) errors.push(`Урок ${s.number}: конец (${s.endsAt}) должен быть позже начала (${s.startsAt}).`);
  }
  const sorted = [...slots].sort((a, b) => a.number - b.number);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i];
      const b = sorted[j];
      if (!a || !b) continue;
      if (a.number === b.number) {
        errors.push(`Урок ${a.number} указан дважды.`);
      } else if (minutesOf(a.startsAt) < minutesOf(b.endsAt) && minutesOf(b.startsAt) < minutesOf(a.endsAt)) {
        errors.push(`Уроки ${a.number} (${a.startsAt}–${a.endsAt}) и ${b.number} (${b.startsAt}–${b.endsAt}) пересекаются по времени.`);
      } else if (minutesOf(b.startsAt) < minutesOf(a.startsAt)) {
        errors.push(`Урок ${b.number} (${b.startsAt}) начинается раньше урока ${a.number} (${a.startsAt}).`);
      }
    }
  }
  return errors;
}
