/**
 * The OneRoster collection query (lib/oneroster/query.ts): what a client that pages,
 * sorts, filters and trims a roster relies on, and what a hostile query string gets; and
 * the plan that hands a query to the database, which must mean what the in-memory
 * filter and sort mean (the gradebook's paging test checks the same against real data).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { OneRosterError } from "../../lib/oneroster/errors";
import {
  applyQuery, asInstant, compareValues, DEFAULT_LIMIT, matchesFilter, MAX_LIMIT, pagingHeaders, parseCollectionQuery, parseFields, parseFilter, pushdownPlan,
  type FieldTree, type PushdownKind, type PushdownPredicate,
} from "../../lib/oneroster/query";

const REF: FieldTree = { href: true, sourcedId: true, type: true };
const USER: FieldTree = {
  sourcedId: true,
  status: true,
  dateLastModified: true,
  metadata: "open",
  givenName: true,
  familyName: true,
  grades: true,
  roles: { roleType: true, role: true, org: REF },
  agents: REF,
  score: true,
};

type U = {
  sourcedId: string;
  status: string;
  dateLastModified: string;
  givenName: string;
  familyName: string;
  grades?: string[];
  roles: { roleType: string; role: string; org: { href: string; sourcedId: string; type: string } }[];
  agents?: { href: string; sourcedId: string; type: string }[];
  metadata?: Record<string, unknown>;
  score?: number;
};

const org = (id: string) => ({ href: `https://x.test/orgs/${id}`, sourcedId: id, type: "org" });
const user = (id: string, familyName: string, givenName: string, modified: string, extra: Partial<U> = {}): U => ({
  sourcedId: id,
  status: "active",
  dateLastModified: modified,
  givenName,
  familyName,
  roles: [{ roleType: "primary", role: "student", org: org("s1") }],
  ...extra,
});

const USERS: U[] = [
  user("u1", "Иванова", "Анна", "2025-12-31T23:59:59.000Z", { grades: ["05"], score: 9 }),
  user("u2", "Ёлкин", "Пётр", "2026-01-01T00:00:00.000Z", { grades: ["10"], score: 10 }),
  user("u3", "Егоров", "Иван", "2026-03-05T10:00:00.000Z", { grades: ["05", "06"], score: 100 }),
  user("u4", "Яковлев", "Олег", "2026-01-01T05:00:00.000Z", { roles: [{ roleType: "primary", role: "teacher", org: org("s1") }], metadata: { room: "12" } }),
  user("u5", "O'Brien", "Sean", "2024-06-01T00:00:00.000Z", { agents: [org("g1"), org("g2")] }),
];

const q = (query: string) => parseCollectionQuery(new URLSearchParams(query), USER);
const ids = (query: string) => applyQuery(USERS, q(query)).page.map((u) => u.sourcedId);

function refusal(f: () => unknown): { code: string; status: number } {
  try {
    f();
  } catch (e) {
    if (e instanceof OneRosterError) return { code: e.codeMinor, status: e.status };
    throw e;
  }
  throw new Error("not refused");
}

describe("paging", () => {
  it("gives 100 by default from the start, and the total of all that matched", () => {
    const parsed = q("");
    expect(parsed.limit).toBe(DEFAULT_LIMIT);
    expect(parsed.offset).toBe(0);
    const { page, total } = applyQuery(USERS, parsed);
    expect(total).toBe(5);
    expect(page).toHaveLength(5);
  });

  it("cuts pages by limit and offset without losing or repeating anyone", () => {
    expect(ids("limit=2")).toEqual(["u1", "u2"]);
    expect(ids("limit=2&offset=2")).toEqual(["u3", "u4"]);
    expect(ids("limit=2&offset=4")).toEqual(["u5"]);
    expect(ids("limit=2&offset=10")).toEqual([]);
    expect(applyQuery(USERS, q("limit=2&offset=10")).total).toBe(5);
  });

  it("caps a huge limit instead of failing", () => {
    expect(q("limit=999999999").limit).toBe(MAX_LIMIT);
  });

  it("refuses a limit or offset that is not a whole number in range", () => {
    for (const bad of ["limit=0", "limit=-1", "limit=abc", "limit=1.5", "limit=", "offset=-3", "offset=x", "limit=1e3", "limit=99999999999999999999"]) {
      expect(refusal(() => q(bad)), bad).toEqual({ code: "invalid_selection_field", status: 400 });
    }
  });
});

describe("paging headers", () => {
  const url = new URL("https://school.test/ims/oneroster/rostering/v1p2/users?filter=status%3D%27active%27&limit=2&offset=2");

  it("counts the total and links first, prev, next and last with the same query", () => {
    const h = pagingHeaders(url, { limit: 2, offset: 2 }, 5);
    expect(h["X-Total-Count"]).toBe("5");
    const links = Object.fromEntries(
      h.Link.split(", ").map((part): [string, Record<string, string | null>] => {
        const m = /^<([^>]+)>; rel="(\w+)"$/.exec(part);
        if (!m) throw new Error(part);
        const u = new URL(m[1] as string);
        return [m[2] as string, { offset: u.searchParams.get("offset"), limit: u.searchParams.get("limit"), filter: u.searchParams.get("filter"), path: u.pathname }];
      }),
    );
    expect(links).toEqual({
      first: { offset: "0", limit: "2", filter: "status='active'", path: "/ims/oneroster/rostering/v1p2/users" },
      prev: { offset: "0", limit: "2", filter: "status='active'", path: "/ims/oneroster/rostering/v1p2/users" },
      next: { offset: "4", limit: "2", filter: "status='active'", path: "/ims/oneroster/rostering/v1p2/users" },
      last: { offset: "4", limit: "2", filter: "status='active'", path: "/ims/oneroster/rostering/v1p2/users" },
    });
  });

  it("has no prev on the first page and no next on the last", () => {
    expect(pagingHeaders(url, { limit: 2, offset: 0 }, 5).Link).not.toContain('rel="prev"');
    expect(pagingHeaders(url, { limit: 2, offset: 4 }, 5).Link).not.toContain('rel="next"');
    expect(pagingHeaders(url, { limit: 100, offset: 0 }, 0).Link).toMatch(/offset=0>; rel="last"/);
  });

  it("the pages the links walk cover every record exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 15 }), (total, limit) => {
        const items = Array.from({ length: total }, (_, i) => ({ sourcedId: `x${String(i).padStart(3, "0")}` }));
        const seen: string[] = [];
        let offset: number | null = 0;
        let guard = 0;
        while (offset !== null && guard++ < 100) {
          const query = parseCollectionQuery(new URLSearchParams(`limit=${limit}&offset=${offset}`), { sourcedId: true });
          const { page } = applyQuery(items, query);
          seen.push(...page.map((p) => p.sourcedId as string));
          const next = /<([^>]+)>; rel="next"/.exec(pagingHeaders(new URL("https://s.test/a"), query, total).Link);
          offset = next ? Number(new URL(next[1] as string).searchParams.get("offset")) : null;
        }
        expect(seen).toEqual(items.map((i) => i.sourcedId));
      }),
    );
  });
});

describe("sort", () => {
  it("sorts names by the Russian alphabet (ё beside е, Cyrillic before Latin), both directions", () => {
    expect(ids("sort=familyName")).toEqual(["u3", "u2", "u1", "u4", "u5"]);
    expect(ids("sort=familyName&orderBy=desc")).toEqual(["u5", "u4", "u1", "u2", "u3"]);
  });

  it("sorts dates as time, numbers as numbers, and puts objects without the field last", () => {
    expect(ids("sort=dateLastModified")).toEqual(["u5", "u1", "u2", "u4", "u3"]);
    expect(ids("sort=score&orderBy=desc")).toEqual(["u3", "u2", "u1", "u4", "u5"]);
    expect(ids("sort=score")).toEqual(["u1", "u2", "u3", "u4", "u5"]);
  });

  it("sorts before paging", () => {
    expect(ids("sort=familyName&orderBy=desc&limit=2&offset=1")).toEqual(["u4", "u1"]);
  });

  it("refuses an unknown sort field or order", () => {
    expect(refusal(() => q("sort=password"))).toEqual({ code: "invalid_selection_field", status: 400 });
    expect(refusal(() => q("sort=familyName&orderBy=up"))).toEqual({ code: "invalid_selection_field", status: 400 });
    expect(refusal(() => q("sort=constructor"))).toEqual({ code: "invalid_selection_field", status: 400 });
  });
});

describe("filter", () => {
  it("compares each operator on text", () => {
    expect(ids("filter=familyName='Егоров'")).toEqual(["u3"]);
    expect(ids("filter=familyName!='Егоров'")).toEqual(["u1", "u2", "u4", "u5"]);
    expect(ids("filter=familyName~'ов'")).toEqual(["u1", "u3", "u4"]);
    expect(ids("filter=familyName~'ОВА'")).toEqual(["u1"]);
    expect(ids("filter=givenName~'АН'")).toEqual(["u1", "u3"]);
  });

  it("compares dates as dates, whatever the precision of either side", () => {
    expect(ids("filter=dateLastModified>'2026-01-01T00:00:00Z'")).toEqual(["u3", "u4"]);
    expect(ids("filter=dateLastModified>='2026-01-01T00:00:00Z'")).toEqual(["u2", "u3", "u4"]);
    expect(ids("filter=dateLastModified<'2026-01-01'")).toEqual(["u1", "u5"]);
    expect(ids("filter=dateLastModified>'2026-01-01T03:00:00+05:00'")).toEqual(["u3", "u4"]);
    expect(ids("filter=dateLastModified='2026-01-01T00:00:00Z'")).toEqual(["u2"]);
  });

  it("compares numbers as numbers, not as text", () => {
    expect(ids("filter=score>'9'")).toEqual(["u2", "u3"]);
    expect(ids("filter=score<='10'")).toEqual(["u1", "u2"]);
  });

  it("matches an array when any element does, and != when none does", () => {
    expect(ids("filter=grades='05'")).toEqual(["u1", "u3"]);
    expect(ids("filter=grades!='05'")).toEqual(["u2", "u4", "u5"]);
    expect(ids("filter=roles.role='teacher'")).toEqual(["u4"]);
    expect(ids("filter=roles.org.sourcedId='s1'")).toHaveLength(5);
    expect(ids("filter=agents.sourcedId='g2'")).toEqual(["u5"]);
    expect(ids("filter=metadata.room='12'")).toEqual(["u4"]);
  });

  it("joins two predicates with AND or OR", () => {
    expect(ids("filter=grades='05' AND dateLastModified>'2026-01-01'")).toEqual(["u3"]);
    expect(ids("filter=familyName='Егоров' OR familyName='Яковлев'")).toEqual(["u3", "u4"]);
    expect(ids("filter=familyName~'ов' AND roles.role='student'")).toEqual(["u1", "u3"]);
  });

  it("reads a doubled quote as a quote, and quotes or operators inside a value as text", () => {
    expect(ids("filter=familyName='O''Brien'")).toEqual(["u5"]);
    expect(parseFilter("familyName='a AND b=''c'''", USER).predicates).toEqual([{ path: ["familyName"], op: "=", value: "a AND b='c'" }]);
    expect(parseFilter("givenName >= 'x'  OR  familyName<'y'", USER)).toEqual({
      join: "OR",
      predicates: [
        { path: ["givenName"], op: ">=", value: "x" },
        { path: ["familyName"], op: "<", value: "y" },
      ],
    });
  });

  it("filters, then sorts, then pages, and counts what the filter left", () => {
    const { page, total } = applyQuery(USERS, q("filter=roles.role='student'&sort=familyName&orderBy=desc&limit=2&offset=1"));
    expect(total).toBe(4);
    expect(page.map((u) => u.sourcedId)).toEqual(["u1", "u2"]);
  });

  it("refuses what is not the grammar with invalid_filter_field", () => {
    const bad = [
      "password='x'",
      "familyName",
      "familyName='x",
      "familyName=x",
      'familyName="x"',
      "familyName=='x'",
      "familyName='a' AND givenName='b' AND status='active'",
      "familyName='a' OR givenName='b' AND status='active'",
      "familyName='a' and givenName='b'",
      "familyName='a' XOR givenName='b'",
      "familyName='a'garbage",
      "='a'",
      "roles.nothing='a'",
      "familyName.x='a'",
      "__proto__='a'",
      "constructor.name='Object'",
      "roles..role='a'",
      "x".repeat(5000),
    ];
    for (const f of bad) {
      expect(refusal(() => q(`filter=${encodeURIComponent(f)}`)), f).toEqual({ code: "invalid_filter_field", status: 400 });
    }
  });

  it("never throws anything but a OneRoster refusal, and never hangs, on random input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        try {
          const f = parseFilter(s, USER);
          applyQuery(USERS, { limit: 10, offset: 0, sort: null, filter: f, fields: null });
        } catch (e) {
          expect(e).toBeInstanceOf(OneRosterError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("answers a long hostile filter at once", () => {
    const started = performance.now();
    expect(refusal(() => parseFilter(`familyName='${"''".repeat(990)}`, USER)).code).toBe("invalid_filter_field");
    expect(refusal(() => parseFilter(`${"a.".repeat(999)}a='x'`, USER)).code).toBe("invalid_filter_field");
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("fields", () => {
  it("gives only the asked fields, from one list or several", () => {
    expect(applyQuery(USERS, q("fields=sourcedId,familyName&limit=1")).page).toEqual([{ sourcedId: "u1", familyName: "Иванова" }]);
    expect(applyQuery(USERS, q("fields=sourcedId&fields=givenName&limit=1")).page).toEqual([{ sourcedId: "u1", givenName: "Анна" }]);
  });

  it("leaves out a known field the object does not have", () => {
    expect(applyQuery(USERS, q("fields=sourcedId,agents&limit=1")).page).toEqual([{ sourcedId: "u1" }]);
  });

  it("refuses an unknown or nested field", () => {
    for (const bad of ["password", "sourcedId,nope", "roles.role", "__proto__", "toString", ",", ""]) {
      expect(refusal(() => parseFields(new URLSearchParams({ fields: bad }), USER)), bad).toEqual({ code: "invalid_selection_field", status: 400 });
    }
  });

  it("does not let a filter on a field outside fields change what fields returns", () => {
    expect(applyQuery(USERS, q("fields=sourcedId&filter=familyName='Егоров'")).page).toEqual([{ sourcedId: "u3" }]);
  });
});

describe("value order", () => {
  it("is a consistent order: antisymmetric and equal only for the same text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ab = compareValues(a, b);
        expect(compareValues(b, a)).toBe(-ab || 0);
        if (ab === 0) expect(a === b || (Number(a) === Number(b) && /\d/.test(a)) || Date.parse(a) === Date.parse(b)).toBe(true);
      }),
    );
  });
});

describe("the database's share of a query (pushdownPlan)", () => {
  const RESULT: FieldTree = { sourcedId: true, status: true, dateLastModified: true, scoreDate: true, score: true, student: REF };
  const KINDS: Record<string, PushdownKind> = { sourcedId: "text", status: "text", dateLastModified: "instant", scoreDate: "instant", "student.sourcedId": "text" };
  const plan = (query: string) => pushdownPlan(parseCollectionQuery(new URLSearchParams(query), RESULT), KINDS);
  const UUID = "01a244db-cfad-7042-9c8c-19f865431430";

  it("keeps the collection's own order, or sorts by sourcedId either way; any other sort stays in memory", () => {
    expect(plan("")).toEqual({ order: "default", filter: null });
    expect(plan("orderBy=desc")).toEqual({ order: "default", filter: null });
    expect(plan("sort=sourcedId")?.order).toBe("sourcedId asc");
    expect(plan("sort=sourcedId&orderBy=desc")?.order).toBe("sourcedId desc");
    expect(plan("sort=dateLastModified")).toBeNull();
    expect(plan("sort=student.sourcedId")).toBeNull();
  });

  it("hands over equality on ids and status, and date comparisons against a date", () => {
    expect(plan(`filter=${encodeURIComponent(`student.sourcedId='${UUID}' OR status!='active'`)}`)?.filter).toEqual({
      join: "OR",
      predicates: [
        { field: "student.sourcedId", kind: "text", equal: true, value: UUID },
        { field: "status", kind: "text", equal: false, value: "active" },
      ],
    });
    expect(plan(`filter=${encodeURIComponent("dateLastModified>='2026-10-01' AND scoreDate<'2026-10-05T00:00:00Z'")}`)?.filter).toEqual({
      join: "AND",
      predicates: [
        { field: "dateLastModified", kind: "instant", op: ">=", at: Date.UTC(2026, 9, 1) },
        { field: "scoreDate", kind: "instant", op: "<", at: Date.UTC(2026, 9, 5) },
      ],
    });
  });

  it("keeps in memory what compares texts by collation, a non-date against a date, and unlisted fields", () => {
    for (const filter of [`sourcedId<'${UUID}'`, "sourcedId~'01a'", "status>'a'", "dateLastModified>'yesterday'", "dateLastModified~'2026'", "score='5'", "student.href='x'", `status='active' AND score>'3'`]) {
      expect(plan(`filter=${encodeURIComponent(filter)}`), filter).toBeNull();
    }
  });

  /** What a planned predicate means, as the database runs it. */
  function dbHolds(obj: Record<string, unknown>, p: PushdownPredicate): boolean {
    const raw = p.field === "student.sourcedId" ? (obj["student"] as { sourcedId: string }).sourcedId : (obj[p.field] as string);
    if (p.kind === "text") return (raw === p.value) === p.equal;
    const at = asInstant(raw) as number;
    return { "=": at === p.at, "!=": at !== p.at, ">": at > p.at, ">=": at >= p.at, "<": at < p.at, "<=": at <= p.at }[p.op];
  }

  it("selects exactly what the in-memory filter selects, whenever it plans a filter", () => {
    const uuid = fc.uuid().map((u) => u.toLowerCase());
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
    const obj = fc.record({ id: uuid, student: uuid, removed: fc.boolean(), modified: instant, day: instant });
    const value = (o: { id: string; student: string; modified: number; day: number }) =>
      fc.oneof(
        fc.constantFrom(o.id, o.student, o.id.toUpperCase(), "active", "tobedeleted", "Active", "", "5", new Date(o.modified).toISOString()),
        fc.constantFrom(new Date(o.day).toISOString().slice(0, 10), `${new Date(o.day).toISOString().slice(0, 10)}T00:00:00Z`, "2026-10-01T03:00:00+03:00"),
        uuid,
        instant.map((t) => new Date(t).toISOString()),
        fc.string({ maxLength: 12 }).filter((v) => !v.includes("'")),
      );
    const predicate = (o: { id: string; student: string; modified: number; day: number }) =>
      fc.tuple(fc.constantFrom("sourcedId", "status", "dateLastModified", "scoreDate", "student.sourcedId"), fc.constantFrom("=", "!=", ">", ">=", "<", "<=", "~"), value(o));
    fc.assert(
      fc.property(
        obj.chain((o) => fc.tuple(fc.constant(o), predicate(o), fc.option(fc.tuple(fc.constantFrom(" AND ", " OR "), predicate(o)), { nil: undefined }))),
        ([o, first, second]) => {
          const built = {
            sourcedId: o.id, status: o.removed ? "tobedeleted" : "active", dateLastModified: new Date(o.modified).toISOString(),
            scoreDate: new Date(o.day).toISOString().slice(0, 10), student: { href: "x", sourcedId: o.student, type: "user" },
          };
          const text = ([field, op, v]: readonly [string, string, string]) => `${field}${op}'${v}'`;
          const filter = parseFilter(second ? `${text(first)}${second[0]}${text(second[1])}` : text(first), RESULT);
          const planned = pushdownPlan({ sort: null, filter }, KINDS);
          if (!planned?.filter) return;
          const { join, predicates } = planned.filter;
          const db = join === "AND" ? predicates.every((p) => dbHolds(built, p)) : predicates.some((p) => dbHolds(built, p));
          expect(db).toBe(matchesFilter(built, filter));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("sorts lowercase UUIDs as their bytes, which is the database's order of the ids", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid().map((u) => u.toLowerCase()), { minLength: 2, maxLength: 40 }), fc.boolean(), (ids, desc) => {
        const items = ids.map((sourcedId) => ({ sourcedId }));
        const sorted = applyQuery(items, { limit: 100, offset: 0, sort: { path: ["sourcedId"], desc }, filter: null, fields: null }).page.map((x) => x.sourcedId);
        const bytes = [...ids].sort();
        expect(sorted).toEqual(desc ? bytes.reverse() : bytes);
      }),
      { numRuns: 500 },
    );
  });
});
