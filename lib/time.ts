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
export function schoolToday(timeZone: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
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
export function formatDay(day: string, locale = "ru-RU", withWeekday = true): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC", day: "numeric", month: "long", ...(withWeekday ? { weekday: "long" } : {}),
  }).format(dayToDate(day));
}
