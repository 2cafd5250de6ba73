/**
 * Dates and times as the school lives them: every instant is shown in the school's own
 * time zone (Asia/Yekaterinburg for Khanty-Mansiysk), never the server's. Calendar days
 * (lesson dates, periods) are stored as UTC midnight of that day and handled as
 * "YYYY-MM-DD" strings.
 */
export function formatTime(at: Date, timeZone: string, locale = "ru-RU"): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" }).format(at);
}

export function formatDateTime(at: Date, timeZone: string, locale = "ru-RU"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
  }).format(at);
}

/** The calendar day ("YYYY-MM-DD") it is at this instant in the school's zone. */
// one formatter per time zone: making one costs more than using it, and every page asks
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

export function schoolToday(timeZone: string, at: Date = new Date()): string {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** A calendar day as the Date stored in a @db.Date column. */
export function dayToDate(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Неверная дата: ${day}`);
  return new Date(`${day}T00:00:00.000Z`);
}

export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "четверг, 4 декабря" for a calendar day; the day is a date, not an instant. */
// Making an Intl.DateTimeFormat costs far more than using one: a 30 × 60 journal grid
// names a day 1,800 times per render. One formatter per locale and style.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDay(day: string, locale = "ru-RU", withWeekday = true): string {
  const key = `${locale}|${withWeekday ? "w" : ""}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "long", ...(withWeekday ? { weekday: "long" } : {}) });
    dayFormats.set(key, format);
  }
  return format.format(dayToDate(day));
}

/**
 * A calendar day typed by a person: «01.09.2026», «1.9.2026» (how dates are written in
 * Russia) or «2026-09-01» (what a browser's date field and a spreadsheet send), as
 * "YYYY-MM-DD"; null for anything else, including days that do not exist (31.02).
 */
export function parseDay(input: string): string | null {
  const value = input.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  let y: number, m: number, d: number;
  if (ru) [d, m, y] = [Number(ru[1]), Number(ru[2]), Number(ru[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" the Russian way, «01.09.2026»; anything else is returned as it is. */
export function formatDayRu(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : day;
}

/** The calendar day `n` days later (earlier for negative n). */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
