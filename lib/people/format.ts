/**
 * Pure helpers for what an administrator types about people: phone numbers and e-mail
 * addresses as they arrive on a paper application, calendar days typed the Russian way,
 * and the names the journal shows. No database here, so it is unit-tested directly.
 */
import { shortName, type PersonName } from "@/lib/people/names";

/**
 * A Russian mobile number in the one form the SMS gateway takes, +7XXXXXXXXXX, or null.
 * People write «8 (912) 345-67-89», «+7 912 3456789» or just «9123456789»; all three are
 * the same phone. Landlines (not starting with 9 after the country code) cannot get SMS.
 */
export function normaliseRussianMobile(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s()\-.]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, "");
  if (digits.length === 11 && (digits.startsWith("8") || digits.startsWith("7"))) digits = digits.slice(1);
  if (digits.length !== 10 || !digits.startsWith("9")) return null;
  // a leading "+" only makes sense before the country code 7
  if (trimmed.startsWith("+") && !/^\+\s*7/.test(trimmed)) return null;
  return `+7${digits}`;
}

/** An e-mail address trimmed and lower-cased, or null when it cannot be one. */
export function normaliseEmail(input: string): string | null {
  const value = input.trim().toLowerCase();
  if (value.length > 254) return null;
  const match = /^([^\s@"<>(),;:]+)@([^\s@"<>(),;:]+)$/u.exec(value);
  if (!match) return null;
  const [, local = "", domain = ""] = match;
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return null;
  const labels = domain.split(".");
  if (labels.length < 2) return null;
  if (labels.some((l) => l.length === 0 || l.startsWith("-") || l.endsWith("-"))) return null;
  const top = labels[labels.length - 1] ?? "";
  if (!/^\p{L}{2,}$/u.test(top) && !/^xn--[a-z0-9-]+$/.test(top)) return null;
  return value;
}

/**
 * A calendar day typed as «01.09.2025» (how dates are written in Russia) or «2025-09-01»
 * (what a browser date field sends), as "YYYY-MM-DD"; null for anything else, including
 * days that do not exist such as 31.02.
 */
export function parseDay(input: string): string | null {
  const value = input.trim();
  let y: number, m: number, d: number;
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (ru) [d, m, y] = [Number(ru[1]), Number(ru[2]), Number(ru[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" as «01.09.2025», the form the date fields show. */
export function formatDayRu(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}.${m}.${y}`;
}

/** The day before a calendar day: a move on the 10th ends the old class on the 9th. */
export function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** Spaces tidied; a name typed with a double space or a trailing one is the same name. */
export function tidyName(input: string): string {
  return input.trim().replace(/\s+/g, " ");
}

/** The name of an individual-plan cohort: «ИУП: Петров И. С.». */
export function individualPlanName(student: PersonName): string {
  return `ИУП: ${shortName(student)}`;
}
