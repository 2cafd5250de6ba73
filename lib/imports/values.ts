/**
 * How the cells of an import file are read: dates, yes/no, genders, relations, roles,
 * weekdays and phones as a school secretary writes them in Excel, and the same values
 * written back for an export. Pure: no database, unit-tested directly.
 */
import type { CohortKind, Gender, GuardianRelation, StaffRole } from "@/generated/prisma/enums";

/** A word as compared: case, ё/е, stray spaces and a final dot do not matter. */
export function wordKey(input: string): string {
  return input.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").replace(/\.$/, "");
}

/** Names, class names and subjects compare the same way. */
export const nameKey = wordKey;

/** A record number or personnel number: «0042» typed as 42 by Excel is still the same. */
export function numberKey(input: string): string {
  const k = wordKey(input);
  return /^\d+$/.test(k) ? String(Number(k)) : k;
}

export function tidy(input: string): string {
  return input.trim().replace(/\s+/g, " ");
}

function lookup<T>(table: Record<string, T>, input: string): T | null {
  return table[wordKey(input)] ?? null;
}

const YES_NO: Record<string, boolean> = {
  "да": true, "д": true, "yes": true, "y": true, "1": true, "+": true, "true": true, "истина": true,
  "нет": false, "н": false, "no": false, "n": false, "0": false, "-": false, "false": false, "ложь": false, "": false,
};
export const parseYesNo = (input: string): boolean | null => lookup(YES_NO, input);
export const formatYesNo = (v: boolean): string => (v ? "да" : "нет");

const GENDERS: Record<string, Gender> = {
  "м": "MALE", "муж": "MALE", "мужской": "MALE", "мальчик": "MALE", "m": "MALE", "male": "MALE",
  "ж": "FEMALE", "жен": "FEMALE", "женский": "FEMALE", "девочка": "FEMALE", "f": "FEMALE", "female": "FEMALE",
};
export const parseGender = (input: string): Gender | null => lookup(GENDERS, input);
export const formatGender = (g: Gender): string => (g === "MALE" ? "м" : "ж");

const RELATIONS: Record<string, GuardianRelation> = {
  "мать": "MOTHER", "мама": "MOTHER", "mother": "MOTHER",
  "отец": "FATHER", "папа": "FATHER", "father": "FATHER",
  "опекун": "GUARDIAN", "guardian": "GUARDIAN",
  "попечитель": "TRUSTEE", "trustee": "TRUSTEE",
  "другое": "OTHER", "другой": "OTHER", "иное": "OTHER", "законный представитель": "OTHER", "other": "OTHER",
};
export const parseRelation = (input: string): GuardianRelation | null => lookup(RELATIONS, input);
const RELATION_WORD: Record<GuardianRelation, string> = { MOTHER: "мать", FATHER: "отец", GUARDIAN: "опекун", TRUSTEE: "попечитель", OTHER: "другое" };
export const formatRelation = (r: GuardianRelation): string => RELATION_WORD[r];

const ROLES: Record<string, StaffRole> = {
  "администратор": "ADMIN", "админ": "ADMIN", "администрация": "ADMIN", "admin": "ADMIN",
  "учитель": "TEACHER", "педагог": "TEACHER", "преподаватель": "TEACHER", "teacher": "TEACHER",
};

/** «учитель», «администратор, учитель», «администратор и учитель»; null if a word is unknown or none is given. */
export function parseRoles(input: string): StaffRole[] | null {
  const words = wordKey(input).split(/\s*[,;/]\s*|\s+и\s+/).filter((w) => w !== "");
  if (words.length === 0) return null;
  const roles = new Set<StaffRole>();
  for (const w of words) {
    const r = ROLES[w];
    if (!r) return null;
    roles.add(r);
  }
  return (["ADMIN", "TEACHER"] as const).filter((r) => roles.has(r));
}
export function formatRoles(roles: readonly StaffRole[]): string {
  return (["ADMIN", "TEACHER"] as const).filter((r) => roles.includes(r)).map((r) => (r === "ADMIN" ? "администратор" : "учитель")).join(", ");
}

const KINDS: Record<string, CohortKind> = {
  "класс": "CLASS",
  "группа": "GROUP", "подгруппа": "GROUP", "учебная группа": "GROUP",
  "поток": "STREAM", "учебный поток": "STREAM",
  "иуп": "INDIVIDUAL", "индивидуальный план": "INDIVIDUAL", "индивидуальный учебный план": "INDIVIDUAL",
};
export const parseCohortKind = (input: string): CohortKind | null => lookup(KINDS, input);
const KIND_WORD: Record<CohortKind, string> = { CLASS: "класс", GROUP: "группа", STREAM: "поток", INDIVIDUAL: "ИУП" };
export const formatCohortKind = (k: CohortKind): string => KIND_WORD[k];

const WEEKDAY_WORDS = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота"] as const;
const WEEKDAY_SHORT = ["пн", "вт", "ср", "чт", "пт", "сб"] as const;

/** 1 = Monday … 6 = Saturday: «понедельник», «пн» or the number. */
export function parseWeekday(input: string): number | null {
  const k = wordKey(input);
  for (let i = 0; i < 6; i++) {
    if (k === WEEKDAY_WORDS[i] || k === WEEKDAY_SHORT[i] || k === String(i + 1)) return i + 1;
  }
  return null;
}
export const formatWeekday = (n: number): string => WEEKDAY_WORDS[n - 1] ?? String(n);

/**
 * A Russian mobile number as the SMS gateway takes it, +7XXXXXXXXXX, or null. People
 * write «8 (912) 345-67-89», «+7 912 3456789» or «9123456789»; all are the same phone.
 */
export function parsePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s()\-.]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, "");
  if (digits.length === 11 && (digits.startsWith("8") || digits.startsWith("7"))) digits = digits.slice(1);
  if (digits.length !== 10 || !digits.startsWith("9")) return null;
  return `+7${digits}`;
}

/** Written back as «8 912 345-67-89»: a cell that starts with «+» would be a formula to Excel. */
export function formatPhone(phone: string): string {
  const d = phone.replace(/\D/g, "").slice(-10);
  return `8 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8, 10)}`;
}

export function parseEmail(input: string): string | null {
  const value = input.trim().toLowerCase();
  if (value.length > 254) return null;
  return /^[^\s@"<>(),;:]+@[^\s@"<>(),;:.]+(\.[^\s@"<>(),;:.]+)+$/.test(value) ? value : null;
}

/** A whole number in a range, written as digits. */
export function parseInteger(input: string, min: number, max: number): number | null {
  const v = input.trim();
  if (!/^\d{1,3}$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

/** «5А» → 5: the parallel a class name starts with. */
export function gradeFromName(name: string): number | null {
  const m = /^\s*(\d{1,2})/.exec(name);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 0 && n <= 12 ? n : null;
}

/** A person's name part: letters, spaces, hyphens, apostrophes. */
export function isNamePart(input: string): boolean {
  return /^[\p{L}][\p{L}\s'’-]*$/u.test(input) && input.length <= 100;
}
