/**
 * What the fuzz suites (tests/integration/fuzz-*.test.ts, issue 10 item 3) throw at the
 * app, and how they tell that a refusal was clean and changed nothing.
 *
 * - Arbitraries of hostile input: SQL and script injections, very long text, control
 *   characters, lone UTF-16 surrogates, right-to-left marks, null bytes, numbers that
 *   are not numbers (NaN, -0, 1e309), prototype-pollution keys, deeply nested JSON and
 *   values of the wrong type. Real ids of the seeded school are mixed in, so a form
 *   reaches the domain function behind the zod schema and not only the schema.
 * - The number of runs: FUZZ_RUNS (25 in the normal integration run, `npm run fuzz`
 *   sets more) and FUZZ_SEED to replay a failure fast-check printed.
 * - A fingerprint of every table (row counts and an md5 of the rows, lib/db/backup.ts)
 *   taken before and after, so "nothing changed" is checked on the data itself.
 * - The checks of an answer: a refusal the person can read (Russian), never the generic
 *   "something went wrong", a stack trace, SQL text or a database error.
 */
import fc from "fast-check";
import pg from "pg";

import { compareFingerprints, fingerprint, pgliteQuery, type Fingerprint, type Query } from "../../lib/db/backup";
import type { TestDb } from "./test-db";

// ───────────────────────────── how many runs ─────────────────────────────

export const FUZZ_RUNS = positiveInt(process.env["FUZZ_RUNS"]) ?? 25;
const FUZZ_SEED = process.env["FUZZ_SEED"] ? Number(process.env["FUZZ_SEED"]) : undefined;

function positiveInt(v: string | undefined): number | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** fast-check's parameters for one property; `share` runs a fraction of FUZZ_RUNS (slow properties). */
export function fuzzParams(share = 1): fc.Parameters<unknown> {
  return { numRuns: Math.max(3, Math.round(FUZZ_RUNS * share)), ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}) };
}

// ───────────────────────────── hostile strings ─────────────────────────────

export const POLLUTION_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__", "valueOf"];

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE \"User\"; --",
  "1; DELETE FROM \"Mark\" WHERE true; --",
  "\" OR \"\"=\"",
  "$1",
  "%' AND 1=0 UNION SELECT \"passwordHash\" FROM \"User\" --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(document.cookie)>",
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%00",
  "%2e%2e%2f",
  "\r\nSet-Cookie: x=1",
  "=HYPERLINK(\"http://evil\",\"x\")",
  "Robert'); DROP TABLE Students;--",
];

const ODD_TEXT = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "x\uDC00y",
  "\u202Eтекст\u202C",
  "\u200F\u200E\u061C",
  "\u200B\uFEFF",
  "\t\n\r\v\f\b",
  "\u0007\u001B[31m",
  "Ё̈́̈́̈́̈́",
  "𝕏👨‍👩‍👧‍👦",
  "NULL",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  ...POLLUTION_KEYS,
];

export const HOSTILE_NUMBER_TEXT = [
  "NaN", "-0", "Infinity", "-Infinity", "1e309", "-1e309", "9".repeat(400), "-1", "0", "0x10", "1e3", " 5 ", "5,5", "5.",
  "٥", "５", "2147483648", "-2147483649", "9007199254740993", "0.1e-400",
];

export const HOSTILE_DATE_TEXT = [
  "2026-02-30", "2026-13-01", "0000-00-00", "0001-01-01", "9999-12-31", "275760-09-13", "-001000-01-01", "2026-1-1", "01.09.2026",
  "2026-09-01T25:61:00Z", "2026-09-01T00:00:00+99:00", "Invalid Date", "1e12", "2026-09-01\u0000",
];

/** deeply nested JSON, as text: parsers that recurse must not take the process down */
export function deepJson(depth: number, kind: "array" | "object" = "array"): string {
  return kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

const JSON_TEXT = [
  deepJson(10_000),
  deepJson(5_000, "object"),
  '{"__proto__":{"isAdmin":true,"schoolId":"x"}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"a":1,"a":2}',
  "{",
  "[1,2,",
  '"\\ud800"',
  "1".repeat(5_000),
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

/** text no person would type: the named cases and random mixes of them */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS, ...ODD_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBER_TEXT, ...HOSTILE_DATE_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...JSON_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(10_001, 100_000, 1_000_000).chain((n) => fc.constantFrom("я".repeat(n), "a".repeat(n), "\u0000".repeat(n))) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...INJECTIONS, ...ODD_TEXT), loneSurrogate, controlChar, fc.string({ unit: "binary", maxLength: 8 })), { maxLength: 6 }).map((a) => a.join("")) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
);

/** numbers a JSON body or a typed call may carry that are not the number anyone meant */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(Number.NaN, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -1),
  fc.double(),
  fc.integer(),
);

/** any JSON-able value, wrong in type or in shape, with pollution keys among the object keys */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, [], {}, "", 0),
  hostileString,
  hostileNumber,
  fc.anything({ maxDepth: 3, key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...POLLUTION_KEYS)), withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }),
);

/** a JSON object of strange values under the given keys (some missing, pollution keys added) */
export function hostileObject(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const entries = fc.tuple(
    fc.subarray([...keys]).chain((ks) => fc.tuple(...ks.map((k) => fc.tuple(fc.constant(k), wrongValue)))),
    fc.array(fc.tuple(fc.constantFrom(...POLLUTION_KEYS), wrongValue), { maxLength: 2 }),
  );
  return entries.map(([own, extra]) => {
    const out: Record<string, unknown> = {};
    // defineProperty, so "__proto__" is an own key as JSON.parse would make it, not a new prototype
    for (const [k, v] of [...own, ...extra]) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  });
}

// ───────────────────────────── forms ─────────────────────────────

export type FileValue = { file: string; bytes: Uint8Array; type: string };
export type FormValue = string | FileValue;
export type FormEntries = [string, FormValue][];

const fileValue: fc.Arbitrary<FileValue> = fc.record({
  file: fc.oneof(fc.constantFrom("", "x.csv", "x.zip", "../../etc/passwd", "a\u0000.pdf", "\u202Efdp.exe", "x".repeat(1_000)), fc.string({ maxLength: 20 })),
  bytes: fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.constantFrom(new Uint8Array(0), new TextEncoder().encode("PK\u0003\u0004garbage"), new TextEncoder().encode("a;b;c\n\u0000;\uD800;=1+1\n")),
  ),
  type: fc.constantFrom("", "application/zip", "text/csv", "application/pdf", "image/png", "text/html"),
});

/**
 * The value of one form field: hostile text most of the time, else a real id of the
 * seeded school (of any kind: a lesson's id where a student's is asked), a number or a
 * date that is almost right, a file where text is asked.
 */
export function formValue(realIds: readonly string[]): fc.Arbitrary<FormValue> {
  const ids = realIds.length ? realIds : ["00000000-0000-7000-8000-000000000000"];
  return fc.oneof(
    { weight: 5, arbitrary: hostileString },
    { weight: 4, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBER_TEXT, "1", "2", "5", "on", "true", "false", "HELD", "GRANTED", "WITHDRAW", "EMAIL", "2026-09-01", "2026-12-31") },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_DATE_TEXT) },
    { weight: 1, arbitrary: fileValue },
  );
}

const DAY_MS = 86_400_000;
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

/**
 * A value that would pass the form's own checks for a field of this name (an id, a day
 * of this school year, a small number, a word the form offers), so that the hostile
 * values of the other fields reach the domain function behind the schema.
 */
export function plausibleValue(key: string, realIds: readonly string[]): fc.Arbitrary<string> {
  const ids = realIds.length ? realIds : ["00000000-0000-7000-8000-000000000000"];
  if (/(^id$|Id$|Ids$)/.test(key)) return fc.constantFrom(...ids);
  if (/(date|Date|^from$|^to$|At$|^day$|Day$|^since$)/.test(key)) return fc.integer({ min: -250, max: 250 }).map(isoDay);
  if (/^(limit|offset)$/.test(key)) return fc.constantFrom("0", "1", "5", "100", "-1", "1000000");
  if (key === "sort" || key === "orderBy") return fc.constantFrom("sourcedId", "familyName", "asc", "desc", "nosuchfield");
  if (key === "fields") return fc.constantFrom("sourcedId", "sourcedId,givenName", "nosuchfield", "");
  if (key === "filter") return fc.constantFrom("status='active'", "familyName~'а'", "sourcedId='x' AND status='active'", "dateLastModified>'2020-01-01'", "x", "status=");
  if (/(number|Number|weight|Weight|weekday|value|mark|Mark|count|Count|order|score|Score|minutes|Minutes|hours)/.test(key)) {
    return fc.oneof(fc.integer({ min: -2, max: 12 }).map(String), fc.constantFrom("1.5", "5", "4"));
  }
  if (/(time|Time|start|end|Start|End)/.test(key)) return fc.constantFrom("08:30", "09:15", "23:59", "00:00", "25:00", "8:5");
  return fc.constantFrom("on", "true", "HELD", "GRANTED", "REFUSED", "WITHDRAW", "EMAIL", "PUSH", "ADMIN", "TEACHER", "TERM", "YEAR", "5", "Иванов", "x");
}

/**
 * A submitted form: most of the expected fields, each either plausible for its name or
 * hostile (sometimes sent twice), plus a few fields nobody asked for, pollution keys
 * among them.
 */
export function hostileForm(keys: readonly string[], realIds: readonly string[]): fc.Arbitrary<FormEntries> {
  const hostile = formValue(realIds);
  const valueFor = (k: string): fc.Arbitrary<FormValue> => fc.oneof({ weight: 3, arbitrary: plausibleValue(k, realIds) }, { weight: 2, arbitrary: hostile });
  return fc
    .tuple(
      fc.subarray([...keys], { minLength: Math.min(keys.length, Math.max(0, keys.length - 1)) }),
      fc.array(fc.tuple(fc.constantFrom(...POLLUTION_KEYS, "$ACTION_ID_x", "schoolId", "id", "role", "isAdmin"), hostile), { maxLength: 2 }),
      fc.boolean(),
    )
    .chain(([ks, extra, twice]) =>
      fc.tuple(...ks.map((k) => valueFor(k).map((v): [string, FormValue] => [k, v]))).map((own): FormEntries => [
        ...own,
        ...(twice && own[0] ? [own[0]] : []),
        ...extra,
      ]),
    );
}

export function toFormData(entries: FormEntries): FormData {
  const form = new FormData();
  for (const [k, v] of entries) {
    if (typeof v === "string") form.append(k, v);
    else form.append(k, new File([v.bytes.slice()], v.file, { type: v.type }));
  }
  return form;
}

// ───────────────────────────── nothing changed ─────────────────────────────

/** Plain SQL against the test database, whichever engine it is. */
export function testDbQuery(t: TestDb): { query: Query; close: () => Promise<void> } {
  if (t.pglite) return { query: pgliteQuery(t.pglite), close: async () => undefined };
  if (!t.url) throw new Error("test database without PGlite or URL");
  const pool = new pg.Pool({ connectionString: t.url, max: 1 });
  pool.on("error", () => undefined);
  return { query: async (sql) => (await pool.query<Record<string, unknown>>(sql)).rows, close: () => pool.end() };
}

/**
 * "Nothing changed", checked two ways:
 * - every row written: a row trigger on every table of the public schema logs the
 *   table's name in a side schema (`fuzz`, outside what the fingerprint reads). Cheap,
 *   so it runs after every call, and it names the table; a write rolled back with its
 *   transaction is rolled back from the log too, as it should be.
 * - every row's content: lib/db/backup.ts `fingerprint()` (row counts and an md5 of the
 *   rows of every table), taken around a whole series of calls (~0.25 s on the demo school).
 */
export class DbWatch {
  private constructor(private readonly q: { query: Query; close: () => Promise<void> }) {}

  /** Opens the watch and puts the write log's triggers on every table (after the seed: it would slow it). */
  static async open(t: TestDb): Promise<DbWatch> {
    const w = new DbWatch(testDbQuery(t));
    await w.q.query("CREATE SCHEMA IF NOT EXISTS fuzz");
    await w.q.query("CREATE TABLE IF NOT EXISTS fuzz.writes (tbl text NOT NULL, op text NOT NULL)");
    await w.q.query(
      "CREATE OR REPLACE FUNCTION fuzz.log_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO fuzz.writes VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$",
    );
    const tables = await w.q.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    for (const row of tables) {
      const name = String(row["name"]).replace(/"/g, '""');
      await w.q.query(`DROP TRIGGER IF EXISTS fuzz_log_write ON public."${name}"`);
      await w.q.query(`CREATE TRIGGER fuzz_log_write AFTER INSERT OR UPDATE OR DELETE ON public."${name}" FOR EACH ROW EXECUTE FUNCTION fuzz.log_write()`);
    }
    return w;
  }

  take(): Promise<Fingerprint> {
    return fingerprint(this.q.query);
  }

  /** The tables written since the last call (as «Table INSERT»), and the log emptied. */
  async writes(): Promise<string[]> {
    const rows = await this.q.query("DELETE FROM fuzz.writes RETURNING tbl, op");
    return [...new Set(rows.map((r) => `${String(r["tbl"])} ${String(r["op"])}`))].sort();
  }

  /** What differs from a fingerprint taken before, in words; [] when every row is the same. */
  async changedSince(before: Fingerprint, ignore: readonly string[] = []): Promise<string[]> {
    const after = await this.take();
    const expected = { ...before };
    for (const table of ignore) {
      delete after[table];
      delete expected[table];
    }
    return compareFingerprints(expected, after);
  }

  close(): Promise<void> {
    return this.q.close();
  }
}

// ───────────────────────────── a clean refusal ─────────────────────────────

const CYRILLIC = /[А-Яа-яЁё]/;
/** what must never reach a person: a stack, SQL, the ORM's or the driver's words */
const LEAKS = [
  /\n\s+at\s/,
  /\bat .+\.(?:ts|js):\d+/,
  /\b(?:SELECT|INSERT|UPDATE|DELETE)\b.+\b(?:FROM|INTO|SET|WHERE)\b/i,
  /prisma/i,
  /Invalid `/,
  /\bP20\d\d\b/,
  /violates|constraint|syntax error|invalid input syntax|duplicate key|relation "/i,
  /TypeError|ReferenceError|RangeError|SyntaxError|undefined is not|Cannot read prop/i,
  /node_modules|\/work\//,
];

/** Why a message shown to a person is not a clean refusal; null when it is. */
export function messageProblem(message: unknown, o: { russian?: boolean; echoes?: readonly string[] } = {}): string | null {
  if (typeof message !== "string" || message.trim() === "") return `no message: ${String(message)}`;
  if ((o.russian ?? true) && !CYRILLIC.test(message)) return `not Russian: ${message.slice(0, 200)}`;
  // the request's own words quoted back («no teacher with sourcedId "…"») are not a leak
  let own = message;
  for (const echo of o.echoes ?? []) if (echo.length >= 3) own = own.split(echo).join("…");
  for (const leak of LEAKS) if (leak.test(own)) return `leaks internals (${leak.source}): ${message.slice(0, 300)}`;
  return null;
}

/** The same for every field error of a form answer. */
export function fieldErrorsProblem(fieldErrors: Record<string, string[]> | undefined): string | null {
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    for (const m of messages) {
      const problem = messageProblem(m);
      if (problem) return `field ${field}: ${problem}`;
    }
  }
  return null;
}

/** A short picture of a form for a failure message (long values cut). */
export function describeEntries(entries: FormEntries): string {
  return JSON.stringify(entries.map(([k, v]) => [k, typeof v === "string" ? (v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v) : `<file ${v.file} ${v.bytes.length}B>`]));
}
