/**
 * Pure helpers for what an administrator types about people: phone numbers and e-mail
 * addresses as they arrive on a paper application, calendar days typed the Russian way,
 * and the names the journal shows. No database here, so it is unit-tested directly.
 */
import { addDays } from "@/lib/time";
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

/** The day before a calendar day: a move on the 10th ends the old class on the 9th. */
export function previousDay(day: string): string {
  return addDays(day, -1);
}

/** Spaces tidied; a name typed with a double space or a trailing one is the same name. */
export function tidyName(input: string): string {
  return input.trim().replace(/\s+/g, " ");
}

/** The name of an individual-plan cohort: «ИУП: Петров И. С.». */
export function individualPlanName(student: PersonName): string {
  return `ИУП: ${shortName(student)}`;
}
