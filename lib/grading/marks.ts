/**
 * Marks as the journal knows them (DOMAIN.md "Marks"), and what a teacher may type into
 * a cell. Pure: no database, no dates.
 */
export type Scale = "FIVE_POINT" | "PASS_FAIL" | "DESCRIPTIVE" | "NONE";
export type MarkKind = "NUMERIC" | "PASS" | "FAIL" | "NOT_ATTESTED" | "EXEMPT" | "DESCRIPTIVE";
export type AttendanceCode = "ABSENT" | "ILL" | "EXCUSED" | "LATE";

export type MarkValue =
  | { kind: "NUMERIC"; value: 1 | 2 | 3 | 4 | 5 }
  | { kind: "PASS" | "FAIL" | "NOT_ATTESTED" | "EXEMPT" }
  | { kind: "DESCRIPTIVE"; text: string };

export type CellInput =
  | { type: "marks"; marks: MarkValue[] }
  | { type: "attendance"; code: AttendanceCode }
  | { type: "clear" }
  | { type: "invalid"; message: string };

const ATTENDANCE: Record<string, AttendanceCode> = { н: "ABSENT", б: "ILL", у: "EXCUSED", оп: "LATE" };
const SPECIAL: Record<string, MarkValue> = {
  "н/а": { kind: "NOT_ATTESTED" },
  на: { kind: "NOT_ATTESTED" },
  осв: { kind: "EXEMPT" },
  зач: { kind: "PASS" },
  незач: { kind: "FAIL" },
};

/** Symbols of the attendance codes, for display. */
export const ATTENDANCE_SYMBOL: Record<AttendanceCode, string> = { ABSENT: "н", ILL: "б", EXCUSED: "у", LATE: "оп" };

/** Latin letters typed with the wrong keyboard layout ("y" is where "н" is). */
const LAYOUT: Record<string, string> = { y: "н", ",": "б", e: "у", jg: "оп", "y/f": "н/а", jcd: "осв", pfx: "зач", ytpfx: "незач" };

/**
 * Parses what a teacher typed into a cell, on the scale of that student's curriculum
 * item: `5`, `4/5` (two marks of one work), `н`, `б`, `у`, `оп`, `зач`, `незач`, `н/а`,
 * `осв`, free text on the descriptive scale, empty to clear.
 */
export function parseCellInput(raw: string, scale: Scale): CellInput {
  const trimmed = raw.trim();
  if (trimmed === "") return { type: "clear" };
  const lower = trimmed.toLowerCase().replace(/\s+/g, "");
  const s = LAYOUT[lower] ?? lower;

  const att = ATTENDANCE[s];
  if (att) return { type: "attendance", code: att };
  const special = SPECIAL[s];
  if (special) {
    if ((special.kind === "PASS" || special.kind === "FAIL") && scale !== "PASS_FAIL") {
      return { type: "invalid", message: "«зач» и «незач» ставятся только по предметам с зачётной системой." };
    }
    return { type: "marks", marks: [special] };
  }

  switch (scale) {
    case "FIVE_POINT": {
      const parts = s.split("/");
      if (parts.length > 2) return { type: "invalid", message: "Можно поставить не больше двух отметок через «/», например 4/5." };
      const marks: MarkValue[] = [];
      for (const part of parts) {
        if (!/^[1-5]$/.test(part)) return { type: "invalid", message: `«${trimmed}» — не отметка. Введите 5, 4, 3, 2 (или 1), 4/5, н, б, у, оп, н/а, осв.` };
        marks.push({ kind: "NUMERIC", value: Number(part) as 1 | 2 | 3 | 4 | 5 });
      }
      return { type: "marks", marks };
    }
    case "PASS_FAIL":
      return { type: "invalid", message: `«${trimmed}» — по этому предмету ставится «зач» или «незач».` };
    case "DESCRIPTIVE":
      if (trimmed.length > 500) return { type: "invalid", message: "Слишком длинный текст: не больше 500 знаков." };
      return { type: "marks", marks: [{ kind: "DESCRIPTIVE", text: trimmed }] };
    case "NONE":
      return { type: "invalid", message: "По этому предмету отметки не ставятся; можно отметить посещаемость." };
  }
}

/** Only numeric marks enter an average; н/а, осв, зач, незач and text never do. */
/**
 * A mark as stored (kind, value, text) as the journal reasons about it; a row that is not
 * a readable mark counts as «н/а», never as a number.
 */
export function markFromRow(r: { kind: string; value: number | null; text: string | null }): MarkValue {
  if (r.kind === "NUMERIC" && r.value !== null && r.value >= 1 && r.value <= 5) return { kind: "NUMERIC", value: r.value as 1 | 2 | 3 | 4 | 5 };
  if (r.kind === "DESCRIPTIVE") return { kind: "DESCRIPTIVE", text: r.text ?? "" };
  if (r.kind === "PASS" || r.kind === "FAIL" || r.kind === "EXEMPT") return { kind: r.kind };
  return { kind: "NOT_ATTESTED" };
}

/** The stored fields of a mark (the inverse of markFromRow). */
export function markRow(m: MarkValue): { kind: MarkKind; value: number | null; text: string | null } {
  return { kind: m.kind, value: m.kind === "NUMERIC" ? m.value : null, text: m.kind === "DESCRIPTIVE" ? m.text : null };
}

export function isNumeric(m: MarkValue): m is { kind: "NUMERIC"; value: 1 | 2 | 3 | 4 | 5 } {
  return m.kind === "NUMERIC";
}

/**
 * A decimal setting (a weight "1.50", a threshold "3.60") as an exact integer number of
 * hundredths. Parsed from its decimal text, never through a float.
 */
export function hundredths(decimal: string | number | { toString(): string }): number {
  const text = typeof decimal === "number" ? decimal.toFixed(2) : decimal.toString();
  const match = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(text.trim());
  if (!match) throw new Error(`Не число: ${text}`);
  const [, sign, whole, frac = ""] = match;
  const value = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return sign ? -value : value;
}
