/**
 * The diary's sections and which one an address belongs to: plain data, shared by the
 * server part of the menu (which translates their names) and its client part (which
 * marks the current one). A constant exported from a "use client" module would reach a
 * server component only as a client reference, not as the list.
 */
export const DIARY_SECTIONS = [
  { key: "week", href: "/diary" },
  { key: "marks", href: "/diary/marks" },
  { key: "homework", href: "/diary/homework" },
  { key: "tests", href: "/diary/tests" },
  { key: "results", href: "/diary/results" },
  { key: "class", href: "/diary/class" },
  { key: "holidays", href: "/diary/holidays" },
  { key: "recommendations", href: "/diary/recommendations" },
  { key: "calendar", href: "/diary/calendar" },
  { key: "settings", href: "/diary/settings" },
] as const;

/** The guardian's own sections (texts in the notify namespace). */
export const GUARDIAN_SECTIONS = [
  { key: "contacts", href: "/diary/contacts" },
  { key: "notifications", href: "/diary/notifications" },
] as const;

export function activeSection(pathname: string): string | null {
  const match = [...DIARY_SECTIONS, ...GUARDIAN_SECTIONS].filter((s) => pathname === s.href || pathname.startsWith(`${s.href}/`));
  // the longest match: /diary/marks is "marks", not "week"
  return match.sort((a, b) => b.href.length - a.href.length)[0]?.key ?? null;
}
