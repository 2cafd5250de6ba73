/**
 * «08:15, 5 декабря»: when the stored diary was last brought up to date, in the device's
 * own clock (on a phone at school that is the school's time). The year only when it is
 * not this year's.
 */
export function formatSyncedAt(iso: string, locale: "ru" | "en" = "ru", now: Date = new Date()): string {
  const at = new Date(iso);
  const intl = locale === "en" ? "en-GB" : "ru-RU";
  const time = new Intl.DateTimeFormat(intl, { hour: "2-digit", minute: "2-digit" }).format(at);
  const day = new Intl.DateTimeFormat(intl, {
    day: "numeric",
    month: "long",
    ...(at.getFullYear() !== now.getFullYear() ? { year: "numeric" as const } : {}),
  }).format(at);
  return `${time}, ${day}`;
}
