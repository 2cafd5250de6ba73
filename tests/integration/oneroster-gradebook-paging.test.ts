/**
 * Paging of the gradebook's big collections in the database (results, lineItems): a page
 * must be exactly what the in-memory path gives for the same request — the same objects,
 * in the same order, with the same X-Total-Count and Link — for every scope, filter, sort
 * and caller, including a diary service that may not see every child. Each request is
 * answered twice, by the route table as served (which pages in the database when it can)
 * and by the same table with the database paging taken out, and the two answers are
 * compared byte for byte. A spy on the routes' `page` records which path answered, so
 * the comparison is known to compare two different paths, and the queries the database
 * cannot answer exactly are known to fall back.
 *
 * The demo school is given removed marks and marks changed at known instants, so the
 * status and date filters select something and meet their boundaries.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { seedDemoSchool, type SeedSummary } from "../../prisma/seed/demo-school";
import { SCOPE, type ApiCaller } from "../../lib/oneroster/caller";
import { dispatch, type CollectionRoute, type DispatchResult, type Route, type RouteTable } from "../../lib/oneroster/http";
import { GRADEBOOK_ROUTES } from "../../lib/oneroster/gradebook-routes";
import { visibleStudentIds } from "../../lib/oneroster/gradebook";

const BASE = "https://school.test/ims/oneroster/gradebook/v1p2";

let t: TestDb;
let summary: SeedSummary;
let tool: ApiCaller;
let diary: ApiCaller;

/** The facts the queries are made of: a class with many marks, one of its lessons and students. */
let cls: string;
let homeroom: string;
let lesson: string;
let student: string;
let otherStudent: string;
let hiddenStudent: string;
let mark: string;
let markCount: number;
let allIds: string[];
let middleDay: string;

/** Marks given a known dateLastModified: some exactly at this instant, some before, some after. */
const PIVOT = "2026-10-01T00:00:00.000Z";

let pushed = 0;

/** The table as served, with a spy on which requests the database answered. */
const served: RouteTable = {
  ...GRADEBOOK_ROUTES,
  routes: GRADEBOOK_ROUTES.routes.map((r): Route => {
    const page = r.kind === "collection" ? r.page : undefined;
    if (r.kind !== "collection" || !page) return r;
    return {
      ...r,
      page: (ctx, q) => {
        const p = page(ctx, q);
        if (p) pushed++;
        return p;
      },
    };
  }),
};

/** The same table paging in memory only, as before the database paging existed. */
const inMemory: RouteTable = {
  ...GRADEBOOK_ROUTES,
  routes: GRADEBOOK_ROUTES.routes.map((r): Route => {
    if (r.kind !== "collection") return r;
    const { page: _page, ...rest } = r;
    return rest satisfies CollectionRoute;
  }),
};

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  summary = await seedDemoSchool(t.db, { today: new Date() });
  const schoolId = summary.schoolId;
  const READ = [SCOPE.gradebookRead, SCOPE.gradebookCore];
  tool = { schoolId, apiClientId: randomUUID(), name: "Тестовая платформа", kind: "SCHOOL_TOOL", scopes: READ };
  diary = { schoolId, apiClientId: randomUUID(), name: "Дневник", kind: "DIARY_SERVICE", scopes: READ };

  const [busiest] = await t.db.mark.groupBy({ by: ["cohortId", "subjectId"], where: { schoolId }, _count: { _all: true }, orderBy: { _count: { id: "desc" } }, take: 1 });
  if (!busiest) throw new Error("the demo school has no marks");
  cls = `${busiest.cohortId}.${busiest.subjectId}`;
  homeroom = busiest.cohortId;
  const marks = await t.db.mark.findMany({ where: { schoolId }, orderBy: { id: "asc" }, select: { id: true, cohortId: true, subjectId: true, lessonId: true, studentId: true, date: true } });
  markCount = marks.length;
  allIds = marks.map((m) => m.id);
  const visible = await visibleStudentIds(t.db, diary);
  if (visible === null) throw new Error("a diary service must not see everyone");
  const ofClass = marks.filter((m) => m.cohortId === busiest.cohortId && m.subjectId === busiest.subjectId);
  const shown = ofClass.filter((m) => visible.has(m.studentId));
  const hidden = ofClass.find((m) => !visible.has(m.studentId));
  if (shown.length < 2 || !hidden) throw new Error("the class needs children with and without consent");
  const first = shown[0] as (typeof shown)[number];
  lesson = first.lessonId;
  student = first.studentId;
  otherStudent = shown.find((m) => m.studentId !== student)?.studentId ?? student;
  hiddenStudent = hidden.studentId;
  mark = (ofClass[Math.floor(ofClass.length / 2)] as (typeof ofClass)[number]).id;
  const days = [...new Set(marks.map((m) => m.date.toISOString().slice(0, 10)))].sort();
  middleDay = days[Math.floor(days.length / 2)] as string;

  // every 11th mark removed, and three groups of marks changed before, at and after the pivot
  const ids = marks.map((m) => m.id);
  const every = (n: number, from: number) => ids.filter((_, i) => i % n === from);
  await t.db.mark.updateMany({ where: { id: { in: every(11, 3) } }, data: { removedAt: new Date("2026-11-02T10:00:00Z") } });
  await t.db.mark.updateMany({ where: { id: { in: every(7, 1) } }, data: { updatedAt: new Date("2026-09-15T08:30:00.123Z") } });
  await t.db.mark.updateMany({ where: { id: { in: every(7, 2) } }, data: { updatedAt: new Date(PIVOT) } });
  await t.db.mark.updateMany({ where: { id: { in: every(7, 4) } }, data: { updatedAt: new Date("2026-10-01T00:00:00.001Z") } });
  await t.db.lesson.updateMany({ where: { schoolId, id: { in: [...new Set(marks.filter((_, i) => i % 5 === 0).map((m) => m.lessonId))] } }, data: { updatedAt: new Date(PIVOT) } });
}, 240_000);

afterAll(async () => {
  await t?.close();
});

function call(table: RouteTable, caller: ApiCaller, pathAndQuery: string): Promise<DispatchResult> {
  const u = new URL(pathAndQuery, "https://school.test");
  return dispatch(caller, "GET", u.pathname, u.searchParams, table, { url: new URL(`${BASE}${u.pathname}${u.search}`) });
}

/**
 * One request both ways: the answers must be the same to the byte. Returns whether the
 * database answered it and the answer.
 */
async function same(caller: ApiCaller, pathAndQuery: string): Promise<{ inDatabase: boolean; answer: DispatchResult }> {
  const before = pushed;
  const fast = await call(served, caller, pathAndQuery);
  const inDatabase = pushed > before;
  const slow = await call(inMemory, caller, pathAndQuery);
  expect(fast.status, pathAndQuery).toBe(slow.status);
  expect(JSON.stringify(fast.body), `${caller.kind} ${pathAndQuery}`).toBe(JSON.stringify(slow.body));
  expect(fast.headers, pathAndQuery).toEqual(slow.headers);
  expect(fast.records, pathAndQuery).toBe(slow.records);
  return { inDatabase, answer: fast };
}

const f = (filter: string) => `filter=${encodeURIComponent(filter)}`;
const total = (r: DispatchResult) => Number(r.headers["X-Total-Count"]);
const count = (r: DispatchResult, property = "results") => ((r.body as Record<string, unknown[]>)[property] ?? []).length;

/** The result queries the database answers: [query, does it select anything for the school tool on /results]. */
function pushedResultQueries(): string[] {
  const upper = student.toUpperCase();
  return [
    "",
    "limit=7",
    "limit=7&offset=7",
    "limit=7&offset=21",
    `limit=7&offset=${markCount - 3}`,
    `offset=${markCount + 10}`,
    "limit=10000",
    "sort=sourcedId&limit=13&offset=5",
    "sort=sourcedId&orderBy=desc&limit=13&offset=5",
    "orderBy=desc&limit=9",
    "fields=sourcedId,score,student&limit=20&offset=40",
    f("status='active'"),
    f("status='tobedeleted'") + "&limit=5&offset=3",
    f("status!='active'"),
    f("status!='tobedeleted'"),
    f("status='gone'"),
    f("status!='gone'") + "&limit=3",
    f("dateLastModified>'2026-10-01'"),
    f("dateLastModified>='2026-10-01T00:00:00Z'"),
    f(`dateLastModified='${PIVOT}'`),
    f(`dateLastModified!='${PIVOT}'`) + "&limit=50&offset=50",
    f("dateLastModified<'2026-10-01T03:00:00.000+03:00'"),
    f("dateLastModified<='2026-09-15T08:30:00.123Z'"),
    f(`scoreDate>='${middleDay}'`),
    f(`scoreDate='${middleDay}'`),
    f(`scoreDate<'${middleDay}T00:00:00Z'`),
    f(`student.sourcedId='${student}'`),
    f(`student.sourcedId='${upper}'`),
    f(`student.sourcedId!='${upper}'`) + "&limit=4",
    f(`student.sourcedId!='${student}'`) + "&limit=30&offset=30",
    f(`student.sourcedId='${hiddenStudent}'`),
    f(`lineItem.sourcedId='${lesson}'`),
    f(`class.sourcedId='${cls}'`) + "&limit=25&offset=25",
    f(`class.sourcedId!='${cls}'`) + "&limit=25",
    f(`class.sourcedId='${homeroom}'`),
    f(`sourcedId='${mark}'`),
    f(`sourcedId!='${mark}'`) + "&sort=sourcedId&orderBy=desc&limit=5",
    f(`student.sourcedId='${student}' OR student.sourcedId='${otherStudent}'`) + "&limit=15&offset=10",
    f(`student.sourcedId='${upper}' OR status='tobedeleted'`),
    f(`student.sourcedId!='${upper}' OR status='tobedeleted'`) + "&limit=6",
    f(`status='active' AND dateLastModified>='${PIVOT}'`) + "&limit=11&offset=11",
    f(`status='gone' AND dateLastModified>='${PIVOT}'`),
    f(`class.sourcedId='${cls}' AND scoreDate>='${middleDay}'`) + "&fields=sourcedId,scoreDate",
  ];
}

/** Queries only the in-memory path answers exactly: they must still be answered the same. */
const FALLBACK_RESULT_QUERIES = [
  "sort=scoreDate&limit=10",
  "sort=dateLastModified&orderBy=desc&limit=10&offset=10",
  f("score>'3'") + "&limit=10",
  f("scoreStatus='exempt'"),
  f("sourcedId<'0'"),
  f("sourcedId~'a'") + "&limit=5",
  f("dateLastModified>'yesterday'"),
  f("dateLastModified>'0000-01-01'") + "&limit=3",
  f("scoreDate>'2026-10-01T12:00:00Z'") + "&limit=3",
  f("student.type='user'") + "&limit=3",
  f("status='active' AND textScore='осв'"),
];

describe("results paged in the database", () => {
  it("gives the school tool exactly the in-memory answer for every query on /results", async () => {
    let nonEmpty = 0;
    for (const q of pushedResultQueries()) {
      const { inDatabase, answer } = await same(tool, `/results?${q}`);
      expect(inDatabase, q).toBe(true);
      if (count(answer) > 0) nonEmpty++;
    }
    // the queries select something, else the comparison would prove little
    expect(nonEmpty).toBeGreaterThan(30);
    const all = await same(tool, "/results?limit=10000");
    expect(total(all.answer)).toBe(markCount);
    const schoolId = summary.schoolId;
    expect(total((await same(tool, `/results?${f("status='tobedeleted'")}`)).answer)).toBe(await t.db.mark.count({ where: { schoolId, removedAt: { not: null } } }));
    expect(total((await same(tool, `/results?${f(`dateLastModified='${PIVOT}'`)}`)).answer)).toBe(await t.db.mark.count({ where: { schoolId, updatedAt: new Date(PIVOT) } }));
  }, 240_000);

  it("gives a diary service exactly the in-memory answer: no child without consent, in the page or in the count", async () => {
    const visible = await visibleStudentIds(t.db, diary);
    if (visible === null) throw new Error("a diary service must not see everyone");
    const seen = await t.db.mark.count({ where: { schoolId: summary.schoolId, studentId: { in: [...visible] } } });
    for (const q of pushedResultQueries()) {
      const { inDatabase, answer } = await same(diary, `/results?${q}`);
      expect(inDatabase, q).toBe(true);
      const page = (answer.body as { results: { student?: { sourcedId: string } }[] }).results;
      expect(page.every((r) => r.student === undefined || visible.has(r.student.sourcedId)), q).toBe(true);
    }
    expect(total((await same(diary, "/results")).answer)).toBe(seen);
    expect(total((await same(diary, `/results?${f(`student.sourcedId='${hiddenStudent}'`)}`)).answer)).toBe(0);
  }, 240_000);

  it("walks every page of the school's results: each result once, in the in-memory order", async () => {
    const limit = Math.ceil(markCount / 9);
    const walked: string[] = [];
    for (let offset = 0; offset < markCount; offset += limit) {
      const { inDatabase, answer } = await same(tool, `/results?limit=${limit}&offset=${offset}&fields=sourcedId`);
      expect(inDatabase).toBe(true);
      walked.push(...(answer.body as { results: { sourcedId: string }[] }).results.map((r) => r.sourcedId));
    }
    // more than one answer may hold (MAX_LIMIT): the journal's marks, by id, are the in-memory order
    expect(walked).toEqual(allIds);
  }, 240_000);

  it("answers a class's, a lineItem's and a student's results the same way, for both callers", async () => {
    const scopes = [
      `/classes/${cls}/results`,
      `/classes/${cls}/lineItems/${lesson}/results`,
      `/classes/${cls}/students/${student}/results`,
      `/classes/${homeroom}/results`,
    ];
    const queries = [
      "", "limit=5&offset=5", "sort=sourcedId&orderBy=desc&limit=8&offset=2", f("status='tobedeleted'"), f(`dateLastModified>='${PIVOT}'`) + "&limit=9",
      f(`student.sourcedId='${otherStudent}' OR student.sourcedId='${hiddenStudent}'`), f(`class.sourcedId!='${cls}'`), f(`scoreDate<'${middleDay}'`),
    ];
    for (const caller of [tool, diary]) {
      for (const scope of scopes) {
        for (const q of queries) {
          const { inDatabase } = await same(caller, `${scope}?${q}`);
          expect(inDatabase, `${scope}?${q}`).toBe(true);
        }
      }
    }
    expect(total((await same(tool, `/classes/${cls}/results`)).answer)).toBeGreaterThan(20);
    expect(total((await same(tool, `/classes/${homeroom}/results`)).answer)).toBe(0);
  }, 240_000);

  it("falls back to the in-memory path for what the database cannot answer exactly, with the same answers", async () => {
    for (const caller of [tool, diary]) {
      for (const q of FALLBACK_RESULT_QUERIES) {
        const { inDatabase } = await same(caller, `/results?${q}`);
        expect(inDatabase, q).toBe(false);
      }
      const { inDatabase } = await same(caller, `/classes/${cls}/results?sort=score&orderBy=desc&limit=7`);
      expect(inDatabase).toBe(false);
    }
  }, 240_000);

  it("refuses the same way on both paths", async () => {
    const refusals = [
      [`/classes/${randomUUID()}.${randomUUID()}/results`, 404],
      [`/classes/nonsense/results`, 404],
      [`/classes/${homeroom}/lineItems/${lesson}/results`, 404],
      [`/classes/${cls}/lineItems/${randomUUID()}/results`, 404],
      [`/classes/${cls}/students/${randomUUID()}/results`, 404],
      [`/results?limit=0`, 400],
      [`/results?${f("nothing='x'")}`, 400],
    ] as const;
    for (const [path, status] of refusals) {
      const { answer } = await same(tool, path);
      expect(answer.status, path).toBe(status);
    }
    // a child the diary service may not see is not there for it
    expect((await same(diary, `/classes/${cls}/students/${hiddenStudent}/results`)).answer.status).toBe(404);
  }, 120_000);
});

describe("lineItems paged in the database", () => {
  it("gives exactly the in-memory answer, in the journal's column order by default", async () => {
    const queries = [
      "", "limit=10&offset=10", "limit=10000", "sort=sourcedId&limit=10", "sort=sourcedId&orderBy=desc&limit=10&offset=3",
      f("status='active'") + "&limit=4", f("status='tobedeleted'"), f(`dateLastModified='${PIVOT}'`), f(`dateLastModified<'${PIVOT}'`) + "&limit=6&offset=6",
      f(`assignDate>='${middleDay}'`) + "&limit=12", f(`dueDate='${middleDay}T00:00:00Z'`), f(`class.sourcedId='${cls}' OR sourcedId='${lesson}'`),
      f(`sourcedId='${lesson.toUpperCase()}'`),
    ];
    for (const caller of [tool, diary]) {
      for (const path of ["/lineItems", `/classes/${cls}/lineItems`, `/classes/${homeroom}/lineItems`]) {
        for (const q of queries) {
          const { inDatabase } = await same(caller, `${path}?${q}`);
          expect(inDatabase, `${path}?${q}`).toBe(true);
        }
      }
    }
    expect(total((await same(tool, `/lineItems?${f(`dateLastModified='${PIVOT}'`)}`)).answer)).toBeGreaterThan(0);
    expect(count((await same(tool, `/lineItems?${f(`assignDate>='${middleDay}'`)}&limit=12`)).answer, "lineItems")).toBe(12);
    for (const q of ["sort=title&limit=5", f("title~'Урок'") + "&limit=5", f("category.sourcedId!='x'") + "&limit=5", f("assignDate>'2026-10-01T10:00:00Z'")]) {
      const { inDatabase } = await same(tool, `/lineItems?${q}`);
      expect(inDatabase, q).toBe(false);
    }
  }, 240_000);
});
