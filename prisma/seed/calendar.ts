/**
 * The school calendar of a generated academic year: quarters, holidays, non-working days
 * and bells, and the arithmetic of calendar days.
 *
 * A calendar day is a plain integer here (days since 1970-01-01), the way a `@db.Date`
 * column thinks of it: no time, no zone. It becomes a Date only when written, as UTC
 * midnight of that day. "Today" is an instant and is turned into the school's own day in
 * its time zone (Asia/Yekaterinburg, UTC+5, no daylight saving).
 */

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, date: number): Day {
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

export function ymdOf(day: Day): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** "2026-12-04" */
export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayFromIso(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) throw new RangeError(`Дата должна быть в виде ГГГГ-ММ-ДД: «${iso}»`);
  const day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (isoOf(day) !== iso.trim()) throw new RangeError(`Нет такой даты: «${iso}»`);
  return day;
}

/** The Date a `@db.Date` column receives for this day: UTC midnight. */
export function dateOf(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

/** 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The calendar day of an instant in a time zone. */
export function localDayOf(instant: Date, timeZone: string): Day {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return dayOf(get("year"), get("month"), get("day"));
}

/**
 * The instant a local wall-clock time in a fixed-offset zone stands for. The school's zone
 * has had no daylight saving since 2014, so a fixed offset is exact for any date we make.
 */
export function instantAt(day: Day, hours: number, minutes: number, utcOffsetHours: number): Date {
  return new Date(day * MS_PER_DAY + ((hours - utcOffsetHours) * 60 + minutes) * 60_000);
}

/** Asia/Yekaterinburg */
export const SCHOOL_TIME_ZONE = "Asia/Yekaterinburg";
export const SCHOOL_UTC_OFFSET = 5;

/** The first year of the academic year (1 Sep – 31 Aug) that contains the day. */
export function academicStartYear(day: Day): number {
  const { year, month } = ymdOf(day);
  return month >= 9 ? year : year - 1;
}

export type PeriodPlan = {
  kind: "QUARTER" | "SEMESTER" | "YEAR";
  number: number;
  name: string;
  start: Day;
  end: Day;
  gradeFrom: number;
  gradeTo: number;
};

export type HolidayPlan = {
  kind: "HOLIDAY" | "NON_WORKING_DAY";
  name: string;
  start: Day;
  end: Day;
  gradeFrom: number;
  gradeTo: number;
};

export type BellPlan = { number: number; startsAt: string; endsAt: string };

export type CalendarPlan = {
  /** «2026/2027» */
  yearName: string;
  startYear: number;
  /** 1 September */
  start: Day;
  /** 31 August */
  end: Day;
  /** The last day of lessons (the end of the fourth quarter). */
  lastLessonDay: Day;
  periods: PeriodPlan[];
  holidays: HolidayPlan[];
  bells: BellPlan[];
};

/** The first Saturday on or after the day. */
function saturdayFrom(day: Day): Day {
  return day + ((6 - weekdayOf(day) + 7) % 7);
}

/** Lessons last 40 minutes; breaks of 10 minutes and two of 20 for meals. */
export const BELLS: readonly BellPlan[] = [
  { number: 1, startsAt: "08:30", endsAt: "09:10" },
  { number: 2, startsAt: "09:20", endsAt: "10:00" },
  { number: 3, startsAt: "10:20", endsAt: "11:00" },
  { number: 4, startsAt: "11:20", endsAt: "12:00" },
  { number: 5, startsAt: "12:10", endsAt: "12:50" },
  { number: 6, startsAt: "13:00", endsAt: "13:40" },
  { number: 7, startsAt: "13:50", endsAt: "14:30" },
];

const PUBLIC_HOLIDAYS: readonly { month: number; date: number; name: string }[] = [
  { month: 11, date: 4, name: "День народного единства" },
  { month: 2, date: 23, name: "День защитника Отечества" },
  { month: 3, date: 8, name: "Международный женский день" },
  { month: 5, date: 1, name: "Праздник Весны и Труда" },
  { month: 5, date: 9, name: "День Победы" },
];

/**
 * The calendar of the academic year starting 1 September of `startYear`, on the pattern
 * the ministry has recommended since 2023 (five-week to nine-week blocks with a week of
 * holidays): autumn holidays from the last full week of October, winter 31 Dec – 11 Jan,
 * spring from the last week of March, an extra February week for the first grade, and
 * public holidays with the day off moved to Monday when they fall on a weekend.
 */
export function buildCalendar(startYear: number, maxGrade = 9): CalendarPlan {
  const y1 = startYear;
  const y2 = startYear + 1;
  const start = dayOf(y1, 9, 1);
  const end = dayOf(y2, 8, 31);

  const autumnStart = saturdayFrom(dayOf(y1, 10, 24));
  const autumnEnd = autumnStart + 8;
  const winterStart = dayOf(y1, 12, 31);
  const winterEnd = dayOf(y2, 1, 11);
  const springStart = saturdayFrom(dayOf(y2, 3, 21));
  const springEnd = springStart + 8;
  const februaryStart = saturdayFrom(dayOf(y2, 2, 14));
  const lastLessonDay = dayOf(y2, 5, 26);

  const q = (number: number, name: string, s: Day, e: Day): PeriodPlan => ({
    kind: "QUARTER", number, name, start: s, end: e, gradeFrom: 1, gradeTo: 9,
  });
  const periods: PeriodPlan[] = [
    q(1, "1 четверть", start, autumnStart - 1),
    q(2, "2 четверть", autumnEnd + 1, winterStart - 1),
    q(3, "3 четверть", winterEnd + 1, springStart - 1),
    q(4, "4 четверть", springEnd + 1, lastLessonDay),
  ];
  // Grades 10–11 are assessed by semesters.
  if (maxGrade > 9) {
    periods.push(
      { kind: "SEMESTER", number: 1, name: "1 полугодие", start, end: winterStart - 1, gradeFrom: 10, gradeTo: maxGrade },
      { kind: "SEMESTER", number: 2, name: "2 полугодие", start: winterEnd + 1, end: lastLessonDay, gradeFrom: 10, gradeTo: maxGrade },
    );
  }
  periods.push({ kind: "YEAR", number: 1, name: "Учебный год", start, end: lastLessonDay, gradeFrom: 1, gradeTo: maxGrade });

  const h = (name: string, s: Day, e: Day, gradeFrom = 1, gradeTo = 11): HolidayPlan => ({
    kind: "HOLIDAY", name, start: s, end: e, gradeFrom, gradeTo,
  });
  const holidays: HolidayPlan[] = [
    h("Осенние каникулы", autumnStart, autumnEnd),
    h("Зимние каникулы", winterStart, winterEnd),
    h("Дополнительные каникулы для 1 класса", februaryStart, februaryStart + 8, 1, 1),
    h("Весенние каникулы", springStart, springEnd),
    h("Летние каникулы", lastLessonDay + 1, end),
  ];
  for (const p of PUBLIC_HOLIDAYS) {
    const day = dayOf(p.month >= 9 ? y1 : y2, p.month, p.date);
    holidays.push({ kind: "NON_WORKING_DAY", name: p.name, start: day, end: day, gradeFrom: 1, gradeTo: 11 });
    const wd = weekdayOf(day);
    if (wd >= 6) {
      const monday = day + (8 - wd);
      holidays.push({
        kind: "NON_WORKING_DAY",
        name: `Перенос выходного дня (${p.name})`,
        start: monday, end: monday, gradeFrom: 1, gradeTo: 11,
      });
    }
  }
  holidays.sort((a, b) => a.start - b.start || a.gradeFrom - b.gradeFrom);

  return {
    yearName: `${y1}/${y2}`,
    startYear: y1,
    start,
    end,
    lastLessonDay,
    periods,
    holidays,
    bells: BELLS.map((b) => ({ ...b })),
  };
}

/** A day with lessons for the grade: Monday to Friday, inside the year, not a holiday. */
export function isSchoolDay(calendar: CalendarPlan, day: Day, grade: number): boolean {
  if (day < calendar.start || day > calendar.lastLessonDay) return false;
  if (weekdayOf(day) > 5) return false;
  for (const h of calendar.holidays) {
    if (day >= h.start && day <= h.end && grade >= h.gradeFrom && grade <= h.gradeTo) return false;
  }
  return true;
}

/** The quarter (1–4) the day belongs to, or undefined in holidays. */
export function quarterOf(calendar: CalendarPlan, day: Day): PeriodPlan | undefined {
  return calendar.periods.find((p) => p.kind === "QUARTER" && day >= p.start && day <= p.end);
}
