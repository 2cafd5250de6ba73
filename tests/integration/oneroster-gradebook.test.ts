/**
 * The OneRoster 1.2 gradebook service on the seeded demo school: every GET of the
 * official document that maps to the journal is called with real ids and each answer is
 * validated against the document; a class's results are paged through; a mark sent with
 * PUT /results lands in the journal grid the teacher sees, with an audit event naming the
 * API client; what must be refused (a closed period, a score off the scale, a student of
 * another class, a caller without the write scope, a lineItem that is not a lesson) is
 * refused and writes nothing; and a diary service sees no result of a child without a
 * current consent.
 *
 * The callers are made by hand (lib/oneroster/caller.ts) and the pipeline after
 * authentication runs unchanged (dispatch); one call goes through the route file itself
 * with a real token, so the HTTP shape is covered too.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { openApiDoc, schemaProperties, validateResponse, validateStatusInfo } from "../support/oneroster-schema";
import { seedDemoSchool, type SeedSummary } from "../../prisma/seed/demo-school";
import { SCOPE, type ApiCaller } from "../../lib/oneroster/caller";
import { dispatch, type DispatchResult } from "../../lib/oneroster/http";
import { CATEGORY_FIELDS, GRADEBOOK_ROUTES, LINE_ITEM_FIELDS, RESULT_FIELDS, SCORE_SCALE_FIELDS } from "../../lib/oneroster/gradebook-routes";
import { visibleStudentIds, type LineItem, type Result, type ScoreScale, type Category } from "../../lib/oneroster/gradebook";
import { issueToken } from "../../lib/oneroster/tokens";
import { loadPrincipal } from "../../lib/auth/load-principal";
import { cellKey, loadJournalGrid, saveGridCell } from "../../lib/journal/grid";
import { dateToDay } from "../../lib/time";
import { GET as routeGET, PUT as routePUT } from "../../app/ims/oneroster/gradebook/v1p2/[...path]/route";

const BASE = "https://school.test/ims/oneroster/gradebook/v1p2";
const READ = [SCOPE.gradebookRead, SCOPE.gradebookCore];

let t: TestDb;
let summary: SeedSummary;
let tool: ApiCaller;
let reader: ApiCaller;
let diary: ApiCaller;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  summary = await seedDemoSchool(t.db, { today: new Date() });
  tool = { schoolId: summary.schoolId, apiClientId: randomUUID(), name: "Тестовая платформа", kind: "SCHOOL_TOOL", scopes: [...READ, SCOPE.gradebookWrite] };
  reader = { ...tool, apiClientId: randomUUID(), name: "Только чтение", scopes: READ };
  diary = { schoolId: summary.schoolId, apiClientId: randomUUID(), name: "Дневник", kind: "DIARY_SERVICE", scopes: [...READ, SCOPE.gradebookWrite] };
});
afterAll(async () => {
  await t?.close();
});

function call(caller: ApiCaller, method: string, pathAndQuery: string, body?: unknown): Promise<DispatchResult> {
  const u = new URL(pathAndQuery, "https://school.test");
  return dispatch(caller, method, u.pathname, u.searchParams, GRADEBOOK_ROUTES, { url: new URL(`${BASE}${u.pathname}${u.search}`), body });
}

async function ok<T>(caller: ApiCaller, pathAndQuery: string): Promise<T> {
  const r = await call(caller, "GET", pathAndQuery);
  expect(r.status, `${pathAndQuery}: ${JSON.stringify(r.body).slice(0, 400)}`).toBe(200);
  return r.body as T;
}

async function refused(r: DispatchResult, status: number, code: string): Promise<string> {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(validateStatusInfo("gradebook", r.body)).toEqual([]);
  expect(r.body).toMatchObject({ imsx_codeMajor: "failure", imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldValue: code }] } });
  return (r.body as { imsx_description: string }).imsx_description;
}

/** What must stay the same when a write is refused. */
async function counts() {
  const schoolId = summary.schoolId;
  const [marks, changed, audit] = await Promise.all([
    t.db.mark.count({ where: { schoolId } }),
    t.db.mark.aggregate({ where: { schoolId }, _max: { updatedAt: true } }),
    t.db.auditEvent.count({ where: { schoolId } }),
  ]);
  return { marks, lastChange: changed._max.updatedAt?.toISOString() ?? null, audit };
}

/**
 * A lesson the demo teacher with an account teaches, in a term that is still open, on
 * the five-point scale, with a student of the class who has no mark in it yet.
 */
async function writableCell() {
  const schoolId = summary.schoolId;
  const teachers = await t.db.user.findMany({ where: { schoolId, kind: "TEACHER", staffId: { not: null } }, select: { id: true, staffId: true, sessionVersion: true } });
  const open = await t.db.period.findMany({ where: { schoolId, kind: { not: "YEAR" }, closedAt: null }, select: { id: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true } });
  for (const u of teachers) {
    const lessons = await t.db.lesson.findMany({
      where: { schoolId, teacherId: u.staffId as string, status: { in: ["HELD", "PLANNED"] } },
      orderBy: [{ date: "desc" }],
      take: 400,
      select: { id: true, date: true, cohortId: true, subjectId: true, cohort: { select: { grade: true } } },
    });
    for (const l of lessons) {
      const period = open.find((q) => q.startDate <= l.date && l.date <= q.endDate && q.gradeFrom <= l.cohort.grade && l.cohort.grade <= q.gradeTo);
      if (!period) continue;
      const item = await t.db.curriculumItem.findFirst({ where: { schoolId, cohortId: l.cohortId, subjectId: l.subjectId }, select: { scale: true } });
      if (item?.scale !== "FIVE_POINT") continue;
      const members = await t.db.cohortMembership.findMany({
        where: { schoolId, cohortId: l.cohortId, startDate: { lte: l.date }, OR: [{ endDate: null }, { endDate: { gte: l.date } }] },
        select: { studentId: true },
      });
      const marked = new Set((await t.db.mark.findMany({ where: { schoolId, lessonId: l.id }, select: { studentId: true } })).map((m) => m.studentId));
      const free = members.map((m) => m.studentId).filter((s) => !marked.has(s));
      if (free.length >= 2) {
        const p = await loadPrincipal(u.id, u.sessionVersion);
        if (!p) continue;
        return { lesson: l, periodId: period.id, students: free, teacher: p };
      }
    }
  }
  throw new Error("the demo school has no open lesson of a teacher with an account");
}

function resultBody(sourcedId: string, lineItemId: string, studentId: string, score: { score?: number; textScore?: string; scoreStatus?: string }) {
  return {
    result: {
      sourcedId,
      status: "active",
      dateLastModified: new Date().toISOString(),
      lineItem: { href: `${BASE}/lineItems/${lineItemId}`, sourcedId: lineItemId, type: "lineItem" },
      student: { href: `https://school.test/ims/oneroster/rostering/v1p2/users/${studentId}`, sourcedId: studentId, type: "user" },
      scoreStatus: score.scoreStatus ?? "fully graded",
      scoreDate: "2026-09-01",
      ...(score.score === undefined ? {} : { score: score.score }),
      ...(score.textScore === undefined ? {} : { textScore: score.textScore }),
    },
  };
}

describe("the route table", () => {
  it("has every operation of the official document, with its scopes", () => {
    const doc = openApiDoc("gradebook");
    const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const o = op as { operationId: string; security: { OAuth2CC: string[] }[] };
        return { path, method: method.toUpperCase(), operationId: o.operationId, scopes: [...(o.security[0]?.OAuth2CC ?? [])].sort() };
      }),
    );
    const ours = GRADEBOOK_ROUTES.routes.map((r) => ({ path: r.pattern, method: r.method, operationId: r.operationId, scopes: [...r.scopes].sort() }));
    const order = (a: { path: string; method: string }, b: { path: string; method: string }) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method);
    expect(ours.sort(order)).toEqual(fromDoc.sort(order));
  });

  it("knows each object type's fields as the document declares them", () => {
    const lists: [string, object][] = [["CategoryDType", CATEGORY_FIELDS], ["LineItemDType", LINE_ITEM_FIELDS], ["ResultDType", RESULT_FIELDS], ["ScoreScaleDType", SCORE_SCALE_FIELDS]];
    for (const [schema, fields] of lists) expect(Object.keys(fields).sort(), schema).toEqual(schemaProperties("gradebook", schema).sort());
  });
});

describe("every read on the demo school", () => {
  it("answers each GET with real ids, valid by the official document", async () => {
    const categories = (await ok<{ categories: Category[] }>(tool, "/categories")).categories;
    const someLineItems = (await ok<{ lineItems: LineItem[] }>(tool, "/lineItems?limit=50")).lineItems;
    const someResults = (await ok<{ results: Result[] }>(tool, "/results?limit=50")).results;
    const scales = (await ok<{ scoreScales: ScoreScale[] }>(tool, "/scoreScales?limit=10000")).scoreScales;
    const result = someResults[0];
    const lineItem = someLineItems.find((l) => l.sourcedId === result?.lineItem.sourcedId) ?? someLineItems[0];
    if (!result || !lineItem || categories.length === 0 || scales.length === 0) throw new Error("the demo school has no gradebook");
    const classId = result.class.sourcedId;

    const calls: [string, string][] = [
      ["/categories", "/categories"],
      ["/categories/{sourcedId}", `/categories/${categories[0]?.sourcedId}`],
      ["/classes/{classSourcedId}/categories", `/classes/${classId}/categories`],
      ["/lineItems", "/lineItems?limit=50"],
      ["/lineItems/{sourcedId}", `/lineItems/${lineItem.sourcedId}`],
      ["/classes/{classSourcedId}/lineItems", `/classes/${classId}/lineItems`],
      ["/results", "/results?limit=50"],
      ["/results/{sourcedId}", `/results/${result.sourcedId}`],
      ["/classes/{classSourcedId}/results", `/classes/${classId}/results?limit=200`],
      ["/classes/{classSourcedId}/lineItems/{lineItemSourcedId}/results", `/classes/${classId}/lineItems/${result.lineItem.sourcedId}/results`],
      ["/classes/{classSourcedId}/students/{studentSourcedId}/results", `/classes/${classId}/students/${result.student.sourcedId}/results`],
      ["/scoreScales", "/scoreScales"],
      ["/scoreScales/{sourcedId}", `/scoreScales/${result.scoreScale?.sourcedId ?? scales[0]?.sourcedId}`],
      ["/classes/{classSourcedId}/scoreScales", `/classes/${classId}/scoreScales`],
      ["/schools/{schoolSourcedId}/scoreScales", `/schools/${summary.schoolId}/scoreScales`],
    ];
    for (const [pattern, path] of calls) {
      const r = await call(tool, "GET", path);
      expect(r.status, `${path}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(200);
      expect(validateResponse("gradebook", pattern, "GET", 200, r.body), path).toEqual([]);
      const list = Object.values(r.body as Record<string, unknown>)[0];
      if (Array.isArray(list)) expect(list.length, `${path} is empty`).toBeGreaterThan(0);
    }

    // every reference a result makes resolves: its lineItem, its scale, its lineItem's category
    const li = (await ok<{ lineItem: LineItem }>(tool, `/lineItems/${result.lineItem.sourcedId}`)).lineItem;
    expect(li.class.sourcedId).toBe(classId);
    expect(categories.map((c) => c.sourcedId)).toContain(li.category.sourcedId);
    expect(scales.map((s) => s.sourcedId)).toContain(result.scoreScale?.sourcedId);
    expect(li.gradingPeriod).toBeDefined();
  });

  it("says a mark the way the journal writes it", async () => {
    const schoolId = summary.schoolId;
    const numeric = await t.db.mark.findFirstOrThrow({ where: { schoolId, kind: "NUMERIC", removedAt: null }, select: { id: true, value: true, date: true } });
    const r = (await ok<{ result: Result }>(tool, `/results/${numeric.id}`)).result;
    expect(r).toMatchObject({ status: "active", scoreStatus: "fully graded", score: numeric.value, scoreDate: dateToDay(numeric.date) });
    const special = await t.db.mark.findFirst({ where: { schoolId, kind: { in: ["PASS", "FAIL", "EXEMPT", "NOT_ATTESTED"] } }, select: { id: true, kind: true } });
    if (special) {
      const s = (await ok<{ result: Result }>(tool, `/results/${special.id}`)).result;
      const symbols: Record<string, string> = { PASS: "зач", FAIL: "незач", EXEMPT: "осв", NOT_ATTESTED: "н/а" };
      expect(s.textScore).toBe(symbols[special.kind]);
      expect(s.score).toBeUndefined();
    }
    const removed = await t.db.mark.findFirst({ where: { schoolId, removedAt: { not: null } }, select: { id: true } });
    if (removed) expect((await ok<{ result: Result }>(tool, `/results/${removed.id}`)).result.status).toBe("tobedeleted");
  });

  it("refuses an unknown id, a class that is not ours and another school's id with unknownobject", async () => {
    await refused(await call(tool, "GET", `/results/${randomUUID()}`), 404, "unknownobject");
    await refused(await call(tool, "GET", "/lineItems/not-a-lesson"), 404, "unknownobject");
    await refused(await call(tool, "GET", `/classes/${randomUUID()}.${randomUUID()}/results`), 404, "unknownobject");
    await refused(await call(tool, "GET", `/schools/${randomUUID()}/scoreScales`), 404, "unknownobject");
    await refused(await call(tool, "GET", "/scoreScales/nothing.FIVE_POINT"), 404, "unknownobject");
  });

  it("answers the operations it does not do with an honest unsupported refusal", async () => {
    const someResult = (await ok<{ results: Result[] }>(tool, "/results?limit=1")).results[0];
    const withDelete = { ...tool, scopes: [...tool.scopes, SCOPE.gradebookDelete] };
    const r = await call(withDelete, "DELETE", `/results/${someResult?.sourcedId}`);
    expect(r.status).toBe(501);
    expect(validateResponse("gradebook", "/results/{sourcedId}", "DELETE", 501, r.body)).toEqual([]);
    expect(r.body).toMatchObject({ imsx_codeMajor: "unsupported" });
    expect(await t.db.mark.count({ where: { schoolId: summary.schoolId, id: someResult?.sourcedId } })).toBe(1);
    // the scope is checked first, as for every operation
    await refused(await call(tool, "DELETE", `/results/${someResult?.sourcedId}`), 403, "forbidden");
    const assessment = await call({ ...tool, scopes: ["https://purl.imsglobal.org/spec/or/v1p2/scope/assessment.readonly"] }, "GET", "/assessmentLineItems");
    expect(assessment.status).toBe(501);
  });
});

describe("paging", () => {
  it("walks a class's results page by page: each once, as many as X-Total-Count says and the journal holds", async () => {
    const schoolId = summary.schoolId;
    const busiest = await t.db.mark.groupBy({ by: ["cohortId", "subjectId"], where: { schoolId }, _count: { _all: true }, orderBy: { _count: { id: "desc" } }, take: 1 });
    const cls = busiest[0];
    if (!cls) throw new Error("no marks");
    const expected = cls._count._all;
    const limit = Math.max(7, Math.ceil(expected / 6));
    const seen: string[] = [];
    let next: string | null = `/classes/${cls.cohortId}.${cls.subjectId}/results?limit=${limit}&offset=0`;
    let pages = 0;
    while (next) {
      const r = await call(tool, "GET", next);
      expect(r.status).toBe(200);
      expect(Number(r.headers["X-Total-Count"])).toBe(expected);
      const page = (r.body as { results: Result[] }).results;
      expect(page.length).toBeLessThanOrEqual(limit);
      seen.push(...page.map((x) => x.sourcedId));
      const link = /<([^>]+)>; rel="next"/.exec(r.headers["Link"] ?? "");
      next = link?.[1] ? link[1].replace(BASE, "") : null;
      pages++;
      expect(pages).toBeLessThan(50);
    }
    expect(seen).toHaveLength(expected);
    expect(new Set(seen).size).toBe(expected);
    expect(pages).toBeGreaterThan(1);
  });
});

describe("PUT /results", () => {
  it("writes a mark the journal grid then shows, with an audit event naming the API client", async () => {
    const cell = await writableCell();
    const student = cell.students[0] as string;
    const id = randomUUID();
    const before = await counts();
    const r = await call(tool, "PUT", `/results/${id}`, resultBody(id, cell.lesson.id, student, { score: 4 }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);

    const grid = await loadJournalGrid(cell.teacher, cell.lesson.cohortId, cell.lesson.subjectId, cell.periodId);
    expect(grid.cells[cellKey(cell.lesson.id, student)]).toBe("4");
    const mark = await t.db.mark.findUniqueOrThrow({ where: { schoolId_id: { schoolId: summary.schoolId, id } } });
    expect(mark).toMatchObject({ lessonId: cell.lesson.id, studentId: student, kind: "NUMERIC", value: 4, authorId: cell.teacher.staffId });
    const events = await t.db.auditEvent.findMany({ where: { schoolId: summary.schoolId, entityId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity: "MARK", action: "CREATE", actorUserId: cell.teacher.userId });
    expect(events[0]?.reason).toContain("«Тестовая платформа»");
    expect(await counts()).toMatchObject({ marks: before.marks + 1, audit: before.audit + 1 });

    // the same sourcedId again changes that mark; the result reads back as sent
    expect((await call(tool, "PUT", `/results/${id}`, resultBody(id, cell.lesson.id, student, { score: 5 }))).status).toBe(201);
    const back = (await ok<{ result: Result }>(tool, `/results/${id}`)).result;
    expect(back).toMatchObject({ sourcedId: id, score: 5, scoreStatus: "fully graded", lineItem: { sourcedId: cell.lesson.id }, student: { sourcedId: student } });
    expect(validateResponse("gradebook", "/results/{sourcedId}", "GET", 200, { result: back })).toEqual([]);
    const grid2 = await loadJournalGrid(cell.teacher, cell.lesson.cohortId, cell.lesson.subjectId, cell.periodId);
    expect(grid2.cells[cellKey(cell.lesson.id, student)]).toBe("5");
    expect(await t.db.auditEvent.count({ where: { schoolId: summary.schoolId, entityId: id, action: "UPDATE", reason: { contains: "Тестовая платформа" } } })).toBe(1);

    // a double mark «4/5» typed by the teacher is two results; changing the second keeps the first
    await saveGridCell(cell.teacher, { lessonId: cell.lesson.id, studentId: student, input: "4/5" });
    const pair = (await ok<{ results: Result[] }>(tool, `/classes/${cell.lesson.cohortId}.${cell.lesson.subjectId}/lineItems/${cell.lesson.id}/results?filter=${encodeURIComponent(`student.sourcedId='${student}'`)}`)).results;
    expect(pair.map((x) => x.score).sort()).toEqual([4, 5]);
    const second = pair.find((x) => x.sourcedId !== id) as Result;
    expect((await call(tool, "PUT", `/results/${second.sourcedId}`, resultBody(second.sourcedId, cell.lesson.id, student, { score: 3 }))).status).toBe(201);
    const grid3 = await loadJournalGrid(cell.teacher, cell.lesson.cohortId, cell.lesson.subjectId, cell.periodId);
    expect(grid3.cells[cellKey(cell.lesson.id, student)]).toBe("4/3");

    // a second id for the same cell is refused, naming the result to PUT to
    const other = randomUUID();
    const again = await refused(await call(tool, "PUT", `/results/${other}`, resultBody(other, cell.lesson.id, student, { score: 3 })), 422, "invaliddata");
    expect(again).toContain(id);
  });

  it("refuses a score off the scale, a student of another class and a closed period with 422; nothing is written", async () => {
    const cell = await writableCell();
    const student = cell.students[1] as string;
    const before = await counts();

    const put = (body: unknown, id = randomUUID()) => call(tool, "PUT", `/results/${id}`, body);
    const id = randomUUID();
    expect(await refused(await put(resultBody(id, cell.lesson.id, student, { score: 7 }), id), 422, "invaliddata")).toMatch(/five-point/);
    expect(await refused(await put(resultBody(id, cell.lesson.id, student, { textScore: "зач" }), id), 422, "invaliddata")).toMatch(/five-point/);
    expect(await refused(await put(resultBody(id, cell.lesson.id, student, { score: 4.5 }), id), 422, "invaliddata")).toMatch(/whole number/);
    await refused(await put({ result: { sourcedId: id } }, id), 422, "invaliddata");
    await refused(await put("not a result", id), 422, "invaliddata");

    const stranger = await t.db.student.findFirstOrThrow({
      where: { schoolId: summary.schoolId, memberships: { none: { cohortId: cell.lesson.cohortId } } },
      select: { id: true },
    });
    expect(await refused(await put(resultBody(id, cell.lesson.id, stranger.id, { score: 4 }), id), 422, "invaliddata")).toMatch(/not in class/);

    await t.db.period.update({ where: { schoolId_id: { schoolId: summary.schoolId, id: cell.periodId } }, data: { closedAt: new Date() } });
    try {
      expect(await refused(await put(resultBody(id, cell.lesson.id, student, { score: 4 }), id), 422, "invaliddata")).toMatch(/closed/);
    } finally {
      await t.db.period.update({ where: { schoolId_id: { schoolId: summary.schoolId, id: cell.periodId } }, data: { closedAt: null } });
    }
    expect(await counts()).toEqual(before);
    expect(await t.db.mark.count({ where: { schoolId: summary.schoolId, lessonId: cell.lesson.id, studentId: student } })).toBe(0);
  });

  it("needs the gradebook.createput scope", async () => {
    const cell = await writableCell();
    const id = randomUUID();
    const before = await counts();
    await refused(await call(reader, "PUT", `/results/${id}`, resultBody(id, cell.lesson.id, cell.students[0] as string, { score: 4 })), 403, "forbidden");
    await refused(await call(reader, "PUT", `/lineItems/${cell.lesson.id}`, { lineItem: { title: "Дроби" } }), 403, "forbidden");
    expect(await counts()).toEqual(before);
  });
});

describe("PUT /lineItems", () => {
  it("changes an existing lesson's title and category, and refuses to create one", async () => {
    const cell = await writableCell();
    const lineItemId = cell.lesson.id;
    const types = await t.db.workType.findMany({ where: { schoolId: summary.schoolId, archived: false }, select: { id: true, name: true } });
    const test = types.find((w) => w.name.toLowerCase().includes("контрольн")) ?? types[types.length - 1];
    const r = await call(tool, "PUT", `/lineItems/${lineItemId}`, { lineItem: { sourcedId: lineItemId, title: "Сложение дробей", category: { sourcedId: test?.id } } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const li = (await ok<{ lineItem: LineItem }>(tool, `/lineItems/${lineItemId}`)).lineItem;
    expect(li).toMatchObject({ title: "Сложение дробей", category: { sourcedId: test?.id } });
    expect(validateResponse("gradebook", "/lineItems/{sourcedId}", "GET", 200, { lineItem: li })).toEqual([]);
    const lesson = await t.db.lesson.findUniqueOrThrow({ where: { schoolId_id: { schoolId: summary.schoolId, id: lineItemId } }, select: { topic: true, workTypeId: true } });
    expect(lesson).toEqual({ topic: "Сложение дробей", workTypeId: test?.id });

    const unknownId = randomUUID();
    const description = await refused(await call(tool, "PUT", `/lineItems/${unknownId}`, { lineItem: { sourcedId: unknownId, title: "Новое задание" } }), 422, "invaliddata");
    expect(description).toMatch(/does not create lineItems/);
    expect(await t.db.lesson.count({ where: { schoolId: summary.schoolId, id: unknownId } })).toBe(0);
    await refused(await call(tool, "PUT", `/lineItems/${lineItemId}`, { lineItem: { class: { sourcedId: `${randomUUID()}.${randomUUID()}` } } }), 422, "invaliddata");
  });
});

describe("a diary service", () => {
  it("sees no result of a child without a current consent, and cannot write one", async () => {
    const schoolId = summary.schoolId;
    const visible = await visibleStudentIds(t.db, diary);
    if (visible === null) throw new Error("a diary service must not see everyone");
    const hidden = await t.db.mark.findFirst({ where: { schoolId, removedAt: null, studentId: { notIn: [...visible] } }, select: { id: true, studentId: true, cohortId: true, subjectId: true, lessonId: true } });
    const shown = await t.db.mark.findFirst({ where: { schoolId, removedAt: null, studentId: { in: [...visible] } }, select: { id: true } });
    if (!hidden || !shown) throw new Error("the demo school needs children with and without consent");
    const classId = `${hidden.cohortId}.${hidden.subjectId}`;

    const classResults = (await ok<{ results: Result[] }>(diary, `/classes/${classId}/results?limit=10000`)).results;
    expect(classResults.some((r) => r.student.sourcedId === hidden.studentId)).toBe(false);
    expect(classResults.every((r) => visible.has(r.student.sourcedId))).toBe(true);
    const all = (await ok<{ results: Result[] }>(diary, `/results?limit=10000&filter=${encodeURIComponent(`student.sourcedId='${hidden.studentId}'`)}`)).results;
    expect(all).toEqual([]);
    await refused(await call(diary, "GET", `/results/${hidden.id}`), 404, "unknownobject");
    await refused(await call(diary, "GET", `/classes/${classId}/students/${hidden.studentId}/results`), 404, "unknownobject");
    expect((await call(diary, "GET", `/results/${shown.id}`)).status).toBe(200);
    // the school's own tool sees the child
    expect((await ok<{ results: Result[] }>(tool, `/classes/${classId}/students/${hidden.studentId}/results`)).results.length).toBeGreaterThan(0);

    const before = await counts();
    await refused(await call(diary, "PUT", `/results/${hidden.id}`, resultBody(hidden.id, hidden.lessonId, hidden.studentId, { score: 2 })), 422, "invaliddata");
    expect(await counts()).toEqual(before);
  });
});

describe("the route file", () => {
  it("answers GET and PUT over HTTP with a real token, 201 with no body for a stored result", async () => {
    const schoolId = summary.schoolId;
    const secretHash = "test-secret-hash";
    const client = await t.db.apiClient.create({
      data: { schoolId, clientId: `gradebook-test-${randomUUID()}`, secretHash, name: "Платформа олимпиад", kind: "SCHOOL_TOOL", scopes: [...READ, SCOPE.gradebookWrite], rateLimit: 10_000 },
      select: { id: true },
    });
    const { token } = issueToken({ apiClientId: client.id, schoolId, scopes: [...READ, SCOPE.gradebookWrite], secretHash });
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };

    const list = await routeGET(new Request(`${BASE}/categories?limit=2`, { headers }));
    expect(list.status).toBe(200);
    expect(list.headers.get("X-Total-Count")).not.toBeNull();
    expect(validateResponse("gradebook", "/categories", "GET", 200, await list.json())).toEqual([]);

    const cell = await writableCell();
    const id = randomUUID();
    const student = cell.students[cell.students.length - 1] as string;
    const put = await routePUT(new Request(`${BASE}/results/${id}`, { method: "PUT", headers, body: JSON.stringify(resultBody(id, cell.lesson.id, student, { textScore: "н/а", scoreStatus: "not submitted" })) }));
    expect(put.status).toBe(201);
    expect(await put.text()).toBe("");
    expect(await t.db.mark.findUnique({ where: { schoolId_id: { schoolId, id } }, select: { kind: true } })).toEqual({ kind: "NOT_ATTESTED" });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { schoolId, entityId: id } });
    expect(audit.reason).toContain("«Платформа олимпиад»");
    // the call log has it
    expect(await t.db.apiCall.count({ where: { schoolId, apiClientId: client.id, method: "PUT", status: 201 } })).toBe(1);

    const bad = await routePUT(new Request(`${BASE}/results/${id}`, { method: "PUT", headers, body: "{not json" }));
    expect(bad.status).toBe(422);
    expect(validateStatusInfo("gradebook", await bad.json())).toEqual([]);
  });
});
