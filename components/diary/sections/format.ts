/** Dates of the diary sections, in the reader's language and the school's zone. */
import { formatDay } from "@/lib/time";

export function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : "ru-RU";
}

/** «25 октября» for a calendar day (with the weekday when asked). */
export function dayText(day: string, locale: string, withWeekday = false): string {
  return formatDay(day, intlLocale(locale), withWeekday);
}

/** An instant as «25 октября» and «14:03» in the school's zone. */
export function instantParts(iso: string, timeZone: string, locale: string): { date: string; time: string } {
  const at = new Date(iso);
  const l = intlLocale(locale);
  return {
    date: new Intl.DateTimeFormat(l, { timeZone, day: "numeric", month: "long" }).format(at),
    time: new Intl.DateTimeFormat(l, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at),
  };
}

/** The `?child=` of a page's search parameters, ignoring repeated or empty values. */
export function childOf(sp: Record<string, string | string[] | undefined>): string | undefined {
  const v = sp.child;
  return typeof v === "string" && v !== "" ? v : undefined;
}
