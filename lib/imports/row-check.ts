/**
 * Reading one row of a file and collecting everything wrong with it, each problem with
 * the line (as Excel shows it), the column's header, the value and a Russian message.
 * Every row is checked to the end, so the report lists all mistakes at once.
 */
import { parseDay } from "@/lib/time";
import { COLUMNS, type ImportKindName } from "@/lib/imports/columns";
import { isNamePart, tidy } from "@/lib/imports/values";

export type RowError = { line: number; column: string; value: string; message: string };

/** A data row: the cells of the columns the file has, by field key. A missing column has no key. */
export type ImportRow = { line: number; values: Record<string, string> };

export type PersonNameInput = { lastName: string; firstName: string; middleName: string | null | undefined };

export function rowsOf(index: Map<string, number>, rows: readonly { line: number; cells: string[] }[]): ImportRow[] {
  return rows.map((r) => {
    const values: Record<string, string> = {};
    for (const [key, i] of index) values[key] = r.cells[i] ?? "";
    return { line: r.line, values };
  });
}

export class RowCheck {
  readonly errors: RowError[] = [];
  private readonly headers: Map<string, string>;

  constructor(readonly row: ImportRow, kind: ImportKindName) {
    this.headers = new Map(COLUMNS[kind].map((c) => [c.key, c.header]));
  }

  get line(): number {
    return this.row.line;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  has(key: string): boolean {
    return key in this.row.values;
  }

  raw(key: string): string {
    return this.row.values[key] ?? "";
  }

  fail(key: string, message: string, value = this.raw(key)): null {
    this.errors.push({ line: this.row.line, column: this.headers.get(key) ?? key, value, message });
    return null;
  }

  required(key: string): string | null {
    const v = tidy(this.raw(key));
    return v === "" ? this.fail(key, `Не заполнен столбец «${this.headers.get(key) ?? key}».`) : v;
  }

  /** The cell when the column is in the file (empty cell: ""), undefined when it is not. */
  optional(key: string): string | undefined {
    return this.has(key) ? tidy(this.raw(key)) : undefined;
  }

  /** A value read by `parse`; a required empty cell or an unreadable one is an error. */
  value<T>(key: string, parse: (s: string) => T | null, message: string, required: boolean): T | null {
    const v = tidy(this.raw(key));
    if (v === "") return required ? this.fail(key, `Не заполнен столбец «${this.headers.get(key) ?? key}».`) : null;
    const parsed = parse(v);
    return parsed === null ? this.fail(key, message) : parsed;
  }

  day(key: string, required: boolean): string | null {
    return this.value(key, parseDay, "Дата не распознана. Пишите так: 01.09.2026 (или 2026-09-01).", required);
  }

  /** The person's name from «Фамилия», «Имя», «Отчество», or from one «ФИО» column. */
  name(): PersonNameInput | null {
    const useFull = this.has("fullName") && tidy(this.raw("lastName")) === "" && tidy(this.raw("firstName")) === "";
    if (useFull) {
      const parts = tidy(this.raw("fullName")).split(" ").filter((p) => p !== "");
      const [lastName, firstName, ...rest] = parts;
      if (!lastName || !firstName) return this.fail("fullName", "Напишите фамилию, имя и отчество через пробел.");
      if (!parts.every(isNamePart)) return this.fail("fullName", "В ФИО могут быть только буквы, пробел, дефис и апостроф.");
      return { lastName, firstName, middleName: rest.length > 0 ? rest.join(" ") : null };
    }
    const lastName = this.required("lastName");
    const firstName = this.required("firstName");
    const middle = this.optional("middleName");
    for (const [key, v] of [["lastName", lastName], ["firstName", firstName], ["middleName", middle]] as const) {
      if (v && !isNamePart(v)) this.fail(key, "Здесь могут быть только буквы, пробел, дефис и апостроф.");
    }
    if (!lastName || !firstName || !this.ok) return null;
    return { lastName, firstName, middleName: middle === undefined ? undefined : middle || null };
  }
}

/** The second row with the same key is the mistake: it names the first one. */
export class DuplicateCheck {
  private readonly seen = new Map<string, number>();

  check(check: RowCheck, key: string, column: string, what: string): void {
    const first = this.seen.get(key);
    if (first !== undefined) check.fail(column, `${what} уже есть в строке ${first} этого файла.`);
    else this.seen.set(key, check.line);
  }
}
