/**
 * Calendar-day arithmetic and the ways an administrator types days and times. A day is a
 * "YYYY-MM-DD" string (lib/time.ts); nothing here depends on a time zone.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_DAY = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function isRealDay(year: number, month: number, date: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || date < 1) return false;
  return date <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A day typed in a form: «01.09.2027», «1.9.2027» or «2027-09-01» (the last is what a
 * browser's date picker sends). Null when it is not a real calendar day.
 */
export function parseDayInput(text: string): string | null {
  const s = text.trim();
  const iso = ISO_DAY.exec(s);
  const ru = iso ? null : RU_DAY.exec(s);
  const [year, month, date] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : ru
      ? [Number(ru[3]), Number(ru[2]), Number(ru[1])]
      : [0, 0, 0];
  if (!isRealDay(year, month, date)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(date)}`;
}

/** «01.09.2027»: how a day is shown in forms and in messages. */
export function formatDayInput(day: string): string {
  const m = ISO_DAY.exec(day);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : day;
}


/**
 * The same day and month `years` later; 29 February becomes 28 February in a year
 * without it (a copied calendar keeps its dates, not its weekdays).
 */
export function shiftDayByYears(day: string, years: number): string {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`Неверная дата: ${day}`);
  const year = Number(m[1]) + years;
  const month = Number(m[2]);
  const date = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(date)}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type DayRange = { startDate: string; endDate: string };

export function rangesOverlap(a: DayRange, b: DayRange): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

export function rangeInside(inner: DayRange, outer: DayRange): boolean {
  return outer.startDate <= inner.startDate && inner.endDate <= outer.endDate;
}

/** «8:30», «08.30» or «08:30» → "08:30"; null when it is not a time of day. */
export function parseTimeInput(text: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${pad(h)}:${pad(min)}`;
}

export function minutesOf(time: string): number {
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
}

/** The first calendar year of a year named «2026/2027», or null for another name. */
export function startYearOfName(name: string): number | null {
  const m = /^(\d{4})\s*[/–-]\s*(\d{4})$/.exec(name.trim());
  if (!m) return null;
  const a = Number(m[1]);
  return Number(m[2]) === a + 1 ? a : null;
}

export function yearName(startYear: number): string {
  return `${startYear}/${startYear + 1}`;
}

/** The usual school year: 1 September to 31 August. */
export function defaultYear(startYear: number): { name: string; startDate: string; endDate: string } {
  return { name: yearName(startYear), startDate: `${startYear}-09-01`, endDate: `${startYear + 1}-08-31` };
}
