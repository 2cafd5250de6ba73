/**
 * The OneRoster collection query (lib/oneroster/query.ts): what a client that pages,
 * sorts, filters and trims a roster relies on, and what a hostile query string gets.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { OneRosterError } from "../../lib/oneroster/errors";
import { applyQuery, compareValues, DEFAULT_LIMIT, MAX_LIMIT, pagingHeaders, parseCollectionQuery, parseFields, parseFilter, type FieldTree } from "../../lib/oneroster/query";

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
