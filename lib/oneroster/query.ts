/**
 * The collection query of the OneRoster 1.2 REST binding — `limit`, `offset`, `sort` +
 * `orderBy`, `filter`, `fields` — parsed and applied in memory to plain OneRoster objects,
 * plus the paging headers (`X-Total-Count`, RFC 8288 `Link`) of the answer, and the plan
 * by which a big collection (the gradebook's results: 175,000 in a school's year) hands
 * the same query to the database instead (`pushdownPlan`, below).
 *
 * In memory on purpose: one school's roster is a few thousand objects at most, the objects
 * are built from several tables (a scheduled class is a cohort and a subject), and a filter
 * on a field of the built object (`course.sourcedId`, `roles.role`) has no single column to
 * become SQL. Pure module: no database, no request, so every rule is unit-tested.
 *
 * The choices the binding leaves open, made here:
 * - `limit` defaults to 100 (the document's default) and must be a whole number ≥ 1 (its
 *   minimum). The binding sets no maximum; we cap it at MAX_LIMIT and silently give the
 *   capped page — the client still sees `X-Total-Count` and a `next` link, so it pages on
 *   instead of failing — which bounds the size of one answer (~ 4 MB of users).
 * - `filter` is `field op 'value'`, ops = != > >= < <= ~, at most two predicates joined by
 *   one ` AND ` or ` OR ` (the binding's limit). Values are single-quoted; a quote inside a
 *   value is doubled (`'O''Brien'`). Dotted fields reach into GUIDRefs and arrays
 *   (`course.sourcedId`, `roles.org.sourcedId`): an array matches when any element does.
 *   Both sides that read as dates (`2026-01-01`, `2026-01-01T00:00:00Z`) compare as
 *   instants, both numeric as numbers, anything else as text; `~` is a case-insensitive
 *   "contains". A predicate on a field the object lacks holds only for `!=`.
 * - `sort` takes one field (dotted allowed), `orderBy` asc (default) or desc; text sorts
 *   by the Unicode collation (Intl.Collator, as the binding asks), objects without the
 *   field last. Without `sort` the builder's stable order is kept, so paging is stable.
 * - `fields` is a comma list (repeated parameters add up) of top-level fields.
 * A field the object type does not have is refused: invalid_filter_field in a filter,
 * invalid_selection_field in `fields` or `sort`; bad paging values are
 * invalid_selection_field too (the binding's code for an unusable selection).
 */
import { OneRosterError } from "./errors";

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;
/** Longer filters are not a real client's: refused before any parsing. */
const MAX_FILTER_LENGTH = 2_000;

/**
 * The fields of one object type, as the official document declares them: `true` for a
 * leaf (scalar or array of scalars), a nested tree for an object, a GUIDRef or an array
 * of objects, `"open"` for a free-form object (metadata) whose inside is not checked.
 */
export type FieldTree = { readonly [field: string]: true | "open" | FieldTree };

export type FilterOp = "=" | "!=" | ">" | ">=" | "<" | "<=" | "~";

export type Predicate = { path: readonly string[]; op: FilterOp; value: string };

export type Filter = { predicates: readonly Predicate[]; join: "AND" | "OR" };

export type CollectionQuery = {
  limit: number;
  offset: number;
  sort: { path: readonly string[]; desc: boolean } | null;
  filter: Filter | null;
  fields: readonly string[] | null;
};

// ───────────────────────────── parsing ─────────────────────────────

function has(tree: FieldTree, key: string): boolean {
  // own properties only: `constructor`, `__proto__`, `toString` are not fields
  return Object.prototype.hasOwnProperty.call(tree, key);
}

/** Is the dotted path a field of the tree? */
export function isKnownPath(tree: FieldTree, path: readonly string[]): boolean {
  let node: true | "open" | FieldTree = tree;
  for (const part of path) {
    if (node === "open") return part.length > 0;
    if (node === true || !has(node, part)) return false;
    node = node[part] as true | "open" | FieldTree;
  }
  return path.length > 0;
}

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function parsePath(raw: string, tree: FieldTree, code: "invalid_filter_field" | "invalid_selection_field"): string[] {
  const text = raw.trim();
  if (!FIELD_PATH.test(text)) throw new OneRosterError(code, `"${clip(text)}" is not a field name.`);
  const path = text.split(".");
  if (!isKnownPath(tree, path)) throw new OneRosterError(code, `This collection has no field "${clip(text)}".`);
  return path;
}

/** Quoted user input in a message, short enough to log. */
function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

const OPS: readonly FilterOp[] = ["!=", ">=", "<=", "=", ">", "<", "~"];

/**
 * The filter grammar, read left to right: field, operator, quoted value, then at most one
 * ` AND `/` OR ` and a second predicate. No regular expression runs over the whole input,
 * so no input can make it backtrack for long.
 */
export function parseFilter(input: string, tree: FieldTree): Filter {
  if (input.length > MAX_FILTER_LENGTH) throw new OneRosterError("invalid_filter_field", "The filter is too long.");
  const predicates: Predicate[] = [];
  let join: "AND" | "OR" | null = null;
  let i = 0;
  const s = input;
  const skipSpaces = () => {
    while (i < s.length && s[i] === " ") i++;
  };
  for (;;) {
    skipSpaces();
    const fieldStart = i;
    while (i < s.length && /[A-Za-z0-9_.]/.test(s[i] as string)) i++;
    const field = s.slice(fieldStart, i);
    if (field === "") throw new OneRosterError("invalid_filter_field", `The filter needs a field name at position ${fieldStart + 1}.`);
    const path = parsePath(field, tree, "invalid_filter_field");
    skipSpaces();
    const op = OPS.find((o) => s.startsWith(o, i));
    if (!op) throw new OneRosterError("invalid_filter_field", `The filter needs an operator (= != > >= < <= ~) after "${clip(field)}".`);
    i += op.length;
    skipSpaces();
    if (s[i] !== "'") throw new OneRosterError("invalid_filter_field", `The value after "${clip(field)}${op}" must be in single quotes.`);
    i++;
    let value = "";
    for (;;) {
      if (i >= s.length) throw new OneRosterError("invalid_filter_field", "A quoted value in the filter is not closed.");
      const ch = s[i] as string;
      if (ch === "'") {
        if (s[i + 1] === "'") {
          value += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      value += ch;
      i++;
    }
    predicates.push({ path, op, value });
    if (i >= s.length || s.slice(i).trim() === "") break;
    const rest = s.slice(i);
    const m = /^ +(AND|OR) +/.exec(rest);
    if (!m) throw new OneRosterError("invalid_filter_field", `Predicates are joined by " AND " or " OR "; found "${clip(rest.trim())}".`);
    if (join !== null) throw new OneRosterError("invalid_filter_field", "A filter has at most two predicates.");
    join = m[1] as "AND" | "OR";
    i += m[0].length;
  }
  return { predicates, join: join ?? "AND" };
}

function wholeNumber(raw: string | null, name: string, min: number): number | null {
  if (raw === null) return null;
  if (!/^\d{1,9}$/.test(raw.trim())) throw new OneRosterError("invalid_selection_field", `${name} must be a whole number ≥ ${min}.`);
  const n = Number(raw.trim());
  if (n < min) throw new OneRosterError("invalid_selection_field", `${name} must be a whole number ≥ ${min}.`);
  return n;
}

/** `fields` of a collection or a single object: the top-level field names asked for, or null for all. */
export function parseFields(params: URLSearchParams, tree: FieldTree): string[] | null {
  const all = params.getAll("fields");
  if (all.length === 0) return null;
  const names = all.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
  if (names.length === 0) throw new OneRosterError("invalid_selection_field", "fields is empty.");
  for (const name of names) {
    if (!FIELD_PATH.test(name) || name.includes(".") || !has(tree, name)) {
      throw new OneRosterError("invalid_selection_field", `This collection has no field "${clip(name)}".`);
    }
  }
  return [...new Set(names)];
}

/** The query of a collection request; throws OneRosterError (400) on anything unusable. */
export function parseCollectionQuery(params: URLSearchParams, tree: FieldTree): CollectionQuery {
  const limit = Math.min(wholeNumber(params.get("limit"), "limit", 1) ?? DEFAULT_LIMIT, MAX_LIMIT);
  const offset = wholeNumber(params.get("offset"), "offset", 0) ?? 0;
  const orderBy = params.get("orderBy");
  if (orderBy !== null && orderBy !== "asc" && orderBy !== "desc") {
    throw new OneRosterError("invalid_selection_field", 'orderBy must be "asc" or "desc".');
  }
  const sortRaw = params.get("sort");
  const sort = sortRaw === null || sortRaw.trim() === "" ? null : { path: parsePath(sortRaw, tree, "invalid_selection_field"), desc: orderBy === "desc" };
  const filterRaw = params.get("filter");
  const filter = filterRaw === null || filterRaw.trim() === "" ? null : parseFilter(filterRaw, tree);
  return { limit, offset, sort, filter, fields: parseFields(params, tree) };
}

// ───────────────────────────── applying ─────────────────────────────

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** A date-like text as an instant (ms), as filters and sorts compare it; null if it is not one. */
export function asInstant(s: string): number | null {
  if (!DATE_LIKE.test(s)) return null;
  // a bare date is midnight UTC, as the binding's dates are calendar days
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
  return Number.isNaN(t) ? null : t;
}

const collator = new Intl.Collator("ru", { sensitivity: "variant" });

/** Order of two scalar texts: as instants, as numbers, else by Unicode collation. */
export function compareValues(a: string, b: string): number {
  const ta = asInstant(a);
  const tb = ta === null ? null : asInstant(b);
  if (ta !== null && tb !== null) return Math.sign(ta - tb);
  if (NUMERIC.test(a) && NUMERIC.test(b)) return Math.sign(Number(a) - Number(b));
  const c = collator.compare(a, b);
  // the collator may call different texts equal (it ignores some marks); equality must not
  return c !== 0 ? c : a === b ? 0 : a < b ? -1 : 1;
}

/** The scalar values at a dotted path, arrays flattened on the way. */
export function valuesAt(obj: unknown, path: readonly string[]): string[] {
  let current: unknown[] = [obj];
  for (const part of path) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || typeof v !== "object") continue;
      const items = Array.isArray(v) ? v : [v];
      for (const item of items) {
        if (item !== null && typeof item === "object" && !Array.isArray(item) && Object.prototype.hasOwnProperty.call(item, part)) {
          next.push((item as Record<string, unknown>)[part]);
        }
      }
    }
    current = next;
  }
  const out: string[] = [];
  for (const v of current) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (typeof item === "string") out.push(item);
      else if (typeof item === "number" || typeof item === "boolean") out.push(String(item));
    }
  }
  return out;
}

function holds(obj: unknown, p: Predicate): boolean {
  const values = valuesAt(obj, p.path);
  if (p.op === "!=") return values.every((v) => compareValues(v, p.value) !== 0);
  if (p.op === "~") {
    const needle = p.value.toLocaleLowerCase("ru");
    return values.some((v) => v.toLocaleLowerCase("ru").includes(needle));
  }
  const op = p.op;
  const test = (c: number): boolean => (op === "=" ? c === 0 : op === ">" ? c > 0 : op === ">=" ? c >= 0 : op === "<" ? c < 0 : c <= 0);
  return values.some((v) => test(compareValues(v, p.value)));
}

export function matchesFilter(obj: unknown, filter: Filter): boolean {
  return filter.join === "AND" ? filter.predicates.every((p) => holds(obj, p)) : filter.predicates.some((p) => holds(obj, p));
}

/** Only the asked-for top-level fields of an object (those it has). */
export function selectFields<T extends object>(obj: T, fields: readonly string[] | null): Partial<T> {
  if (fields === null) return obj;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (Object.prototype.hasOwnProperty.call(obj, f)) out[f] = (obj as Record<string, unknown>)[f];
  }
  return out as Partial<T>;
}

/** Filter, sort, page and select: the page to send and how many matched in all. */
export function applyQuery<T extends object>(items: readonly T[], q: CollectionQuery): { page: Partial<T>[]; total: number } {
  let rows = q.filter ? items.filter((o) => matchesFilter(o, q.filter as Filter)) : [...items];
  if (q.sort) {
    const { path, desc } = q.sort;
    const keyed = rows.map((o) => ({ o, k: valuesAt(o, path)[0] }));
    keyed.sort((a, b) => {
      // missing values last, whatever the direction
      if (a.k === undefined || b.k === undefined) return a.k === b.k ? 0 : a.k === undefined ? 1 : -1;
      const c = compareValues(a.k, b.k);
      return desc ? -c : c;
    });
    rows = keyed.map((x) => x.o);
  }
  const total = rows.length;
  const page = rows.slice(q.offset, q.offset + q.limit).map((o) => selectFields(o, q.fields));
  return { page, total };
}

// ───────────────────────────── the database's share ─────────────────────────────

/**
 * How a field of the built objects behaves under compareValues, when every object has it:
 * - "text": its values are never date-like nor numeric (UUIDs, `status`), so `=` and `!=`
 *   are exact text (in)equality; the other operators order by collation and stay in memory;
 * - "instant": its values are always date-like (`dateLastModified`, `scoreDate`), so
 *   against a date-like value every operator compares instants; against any other value
 *   the comparison is textual and stays in memory.
 */
export type PushdownKind = "text" | "instant";

/** A predicate the database can answer exactly as matchesFilter would. */
export type PushdownPredicate =
  | { field: string; kind: "text"; equal: boolean; value: string }
  | { field: string; kind: "instant"; op: Exclude<FilterOp, "~">; at: number };

/**
 * The query as the database can run it: the order (the collection's own order, or
 * sourcedId either way) and the filter's predicates. Limit, offset and fields are the
 * query's own.
 */
export type PushdownPlan = {
  order: "default" | "sourcedId asc" | "sourcedId desc";
  filter: { join: "AND" | "OR"; predicates: PushdownPredicate[] } | null;
};

/**
 * The plan for a query, or null when only the in-memory path gives its exact answer: a
 * sort on another field, a predicate on a field not in `fields` (dotted names, e.g.
 * `student.sourcedId`), an operator that compares texts by collation (`<` on a UUID,
 * `~`), or a non-date value against a date field. Sorting by sourcedId in the database is
 * exact only because every sourcedId of such a collection is a lowercase UUID: for those
 * the collation (digits before letters, hyphens in the same places) orders as bytes do,
 * and no two are equal — the integration test of the results compares both paths.
 */
export function pushdownPlan(q: Pick<CollectionQuery, "sort" | "filter">, fields: Readonly<Record<string, PushdownKind>>): PushdownPlan | null {
  let order: PushdownPlan["order"] = "default";
  if (q.sort) {
    if (q.sort.path.join(".") !== "sourcedId" || fields["sourcedId"] !== "text") return null;
    order = q.sort.desc ? "sourcedId desc" : "sourcedId asc";
  }
  if (!q.filter) return { order, filter: null };
  const predicates: PushdownPredicate[] = [];
  for (const p of q.filter.predicates) {
    const field = p.path.join(".");
    const kind = Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
    if (kind === "text") {
      if (p.op !== "=" && p.op !== "!=") return null;
      predicates.push({ field, kind, equal: p.op === "=", value: p.value });
    } else if (kind === "instant") {
      const at = asInstant(p.value);
      if (at === null || p.op === "~") return null;
      predicates.push({ field, kind, op: p.op, at });
    } else {
      return null;
    }
  }
  return { order, filter: { join: q.filter.join, predicates } };
}

// ───────────────────────────── headers ─────────────────────────────

/**
 * `X-Total-Count` and the RFC 8288 `Link` (first, prev, next, last), each link the same
 * request with only `offset` (and an explicit `limit`) changed.
 */
export function pagingHeaders(url: URL, q: Pick<CollectionQuery, "limit" | "offset">, total: number): { "X-Total-Count": string; Link: string } {
  const link = (offset: number, rel: string) => {
    const u = new URL(url.href);
    u.searchParams.set("limit", String(q.limit));
    u.searchParams.set("offset", String(offset));
    return `<${u.href}>; rel="${rel}"`;
  };
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / q.limit) * q.limit;
  const links = [link(0, "first")];
  if (q.offset > 0) links.push(link(Math.max(0, Math.min(q.offset - q.limit, lastOffset)), "prev"));
  if (q.offset + q.limit < total) links.push(link(q.offset + q.limit, "next"));
  links.push(link(lastOffset, "last"));
  return { "X-Total-Count": String(total), Link: links.join(", ") };
}
