/**
 * The OneRoster 1.2 rostering service on the seeded demo school: every endpoint of the
 * official document is called with real ids and every answer validated against the
 * document's response schema; then what a client relies on (paging, sorting, filters,
 * fields, refusals in the imsx format) and what a family relies on (a diary service never
 * sees a child without consent; a client of another school sees nothing of this one).
 *
 * The callers are made by hand (lib/oneroster/caller.ts): tokens are tested with the
 * token endpoint; here the pipeline after authentication runs unchanged (dispatch), and
 * once with a stand-in authentication through handleOneRoster.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { schemaProperties, validateResponse, validateStatusInfo, openApiDoc } from "../support/oneroster-schema";
import { seedDemoSchool, type SeedSummary } from "../../prisma/seed/demo-school";
import { SCOPE, type ApiCaller } from "../../lib/oneroster/caller";
import { dispatch, handleOneRoster, type DispatchResult } from "../../lib/oneroster/http";
import { ROSTERING_ROUTES } from "../../lib/oneroster/rostering-routes";
import { rosterCollections, type AcademicSession, type Enrollment, type RosterClass, type User } from "../../lib/oneroster/rostering";
import { ACADEMIC_SESSION_FIELDS, CLASS_FIELDS, COURSE_FIELDS, DEMOGRAPHICS_FIELDS, ENROLLMENT_FIELDS, ORG_FIELDS, USER_FIELDS } from "../../lib/oneroster/rostering/fields";
import { OneRosterError } from "../../lib/oneroster/errors";

const ALL_READ = [SCOPE.rosterCore, SCOPE.roster, SCOPE.rosterDemographics];

let t: TestDb;
let summary: SeedSummary;
let tool: ApiCaller;
let diary: ApiCaller;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  summary = await seedDemoSchool(t.db, { today: new Date() });
  tool = { schoolId: summary.schoolId, apiClientId: randomUUID(), name: "Библиотека", kind: "SCHOOL_TOOL", scopes: ALL_READ };
  diary = { schoolId: summary.schoolId, apiClientId: randomUUID(), name: "Дневник", kind: "DIARY_SERVICE", scopes: ALL_READ };
});
afterAll(async () => {
  await t?.close();
});

/** GET a path (with its query) of the rostering service as the caller. */
function get(caller: ApiCaller, pathAndQuery: string): Promise<DispatchResult> {
  const u = new URL(pathAndQuery, "https://school.test");
  return dispatch(caller, "GET", u.pathname, u.searchParams, ROSTERING_ROUTES, {
    url: new URL(`https://school.test/ims/oneroster/rostering/v1p2${u.pathname}${u.search}`),
  });
}

async function ok<T = Record<string, unknown>>(caller: ApiCaller, pathAndQuery: string): Promise<T> {
  const r = await get(caller, pathAndQuery);
  expect(r.status, `${pathAndQuery}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body as T;
}

async function refused(caller: ApiCaller, pathAndQuery: string, status: number, code: string): Promise<void> {
  const r = await get(caller, pathAndQuery);
  expect(r.status, pathAndQuery).toBe(status);
  expect(validateStatusInfo("rosters", r.body), pathAndQuery).toEqual([]);
  expect(r.body).toMatchObject({ imsx_codeMajor: "failure", imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldValue: code }] } });
}

const users = (caller: ApiCaller, q = "") => ok<{ users: User[] }>(caller, `/users?limit=10000${q}`).then((b) => b.users);
const enrollments = (caller: ApiCaller) => ok<{ enrollments: Enrollment[] }>(caller, "/enrollments?limit=10000").then((b) => b.enrollments);

describe("the route table", () => {
  it("has exactly the 41 operations of the official document, with its scopes and response properties", () => {
    const doc = openApiDoc("rosters");
    const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const o = op as { operationId: string; security: { OAuth2CC: string[] }[] };
        return { path, method: method.toUpperCase(), operationId: o.operationId, scopes: [...(o.security[0]?.OAuth2CC ?? [])].sort() };
      }),
    );
    const ours = ROSTERING_ROUTES.routes.map((r) => ({ path: r.pattern, method: r.method, operationId: r.operationId, scopes: [...r.scopes].sort() }));
    expect(fromDoc).toHaveLength(41);
    expect(ours.sort((a, b) => a.path.localeCompare(b.path))).toEqual(fromDoc.sort((a, b) => a.path.localeCompare(b.path)));
  });

  it("knows each object type's fields as the document declares them", () => {
    const lists: [string, object][] = [
      ["OrgDType", ORG_FIELDS], ["AcademicSessionDType", ACADEMIC_SESSION_FIELDS], ["CourseDType", COURSE_FIELDS], ["ClassDType", CLASS_FIELDS],
      ["UserDType", USER_FIELDS], ["EnrollmentDType", ENROLLMENT_FIELDS], ["DemographicsDType", DEMOGRAPHICS_FIELDS],
    ];
    for (const [schema, fields] of lists) expect(Object.keys(fields).sort(), schema).toEqual(schemaProperties("rosters", schema).sort());
  });
});

describe("the schema check itself", () => {
  it("rejects what the document does not allow, so a passing crawl means something", async () => {
    const teacher = (await ok<{ users: User[] }>(tool, "/teachers?limit=1")).users[0] as User;
    expect(validateResponse("rosters", "/teachers", "GET", 200, { users: [teacher] })).toEqual([]);
    // OneRoster 1.2 has no user role "administrator": hence siteAdministrator
    expect(validateResponse("rosters", "/users", "GET", 200, { users: [{ ...teacher, roles: [{ ...teacher.roles[0], role: "administrator" }] }] })).not.toEqual([]);
    expect(validateResponse("rosters", "/users", "GET", 200, { users: [{ ...teacher, primaryOrg: { ...teacher.primaryOrg, href: "/orgs/x" } }] })).not.toEqual([]);
    expect(validateResponse("rosters", "/users", "GET", 200, { users: [{ ...teacher, email: 5 }] })).not.toEqual([]);
    expect(validateResponse("rosters", "/users/{sourcedId}", "GET", 200, { users: [teacher] })).not.toEqual([]);
    expect(validateStatusInfo("rosters", { imsx_codeMajor: "failure", imsx_severity: "error", imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: "TargetEndSystem", imsx_codeMinorFieldValue: "oops" }] } })).not.toEqual([]);
  });
});

describe("every endpoint on the demo school", () => {
  it("answers every operation with real ids, each answer valid by the official document", async () => {
    const all = await rosterCollections(tool);
    const student = all.users.find((u) => u.roles[0]?.role === "student" && u.status === "active" && u.agents.length > 0);
    const teacher = all.users.find((u) => u.roles.some((r) => r.role === "teacher") && all.enrollments.some((e) => e.user.sourcedId === u.sourcedId && e.role === "teacher"));
    const guardian = all.users.find((u) => ["parent", "guardian", "relative"].includes(u.roles[0]?.role ?? ""));
    const scheduled = all.classes.find((c) => c.classType === "scheduled" && all.enrollments.some((e) => e.class.sourcedId === c.sourcedId && e.role === "student"));
    const homeroom = all.classes.find((c) => c.classType === "homeroom" && c.classCode === "CLASS");
    const term = all.academicSessions.find((s) => s.type === "term");
    const period = all.academicSessions.find((s) => s.type === "gradingPeriod");
    const course = all.courses.find((c) => c.sourcedId !== `homeroom.${summary.schoolId}`);
    if (!student || !teacher || !guardian || !scheduled || !homeroom || !term || !period || !course) throw new Error("the demo school lacks an object kind");

    const ids: Record<string, string[]> = {
      schoolSourcedId: [summary.schoolId],
      classSourcedId: [homeroom.sourcedId, scheduled.sourcedId],
      courseSourcedId: [course.sourcedId, `homeroom.${summary.schoolId}`],
      termSourcedId: [term.sourcedId],
      studentSourcedId: [student.sourcedId],
      teacherSourcedId: [teacher.sourcedId],
      userSourcedId: [student.sourcedId, teacher.sourcedId, guardian.sourcedId],
    };
    const single: Record<string, string[]> = {
      "/academicSessions/{sourcedId}": [term.sourcedId, period.sourcedId],
      "/terms/{sourcedId}": [term.sourcedId],
      "/gradingPeriods/{sourcedId}": [period.sourcedId],
      "/classes/{sourcedId}": [homeroom.sourcedId, scheduled.sourcedId],
      "/courses/{sourcedId}": ids["courseSourcedId"] ?? [],
      "/demographics/{sourcedId}": [student.sourcedId],
      "/enrollments/{sourcedId}": [
        all.enrollments.find((e) => e.role === "student" && !e.sourcedId.includes("."))?.sourcedId ?? "",
        all.enrollments.find((e) => e.role === "student" && e.sourcedId.includes("."))?.sourcedId ?? "",
        all.enrollments.find((e) => e.sourcedId.startsWith("classteacher."))?.sourcedId ?? "",
        all.enrollments.find((e) => e.role === "teacher" && !e.sourcedId.includes("."))?.sourcedId ?? "",
      ],
      "/orgs/{sourcedId}": [summary.schoolId],
      "/schools/{sourcedId}": [summary.schoolId],
      "/users/{sourcedId}": ids["userSourcedId"] ?? [],
      "/students/{sourcedId}": [student.sourcedId],
      "/teachers/{sourcedId}": [teacher.sourcedId],
    };

    let calls = 0;
    for (const route of ROSTERING_ROUTES.routes) {
      const paths: string[] = [];
      if (single[route.pattern]) {
        for (const id of single[route.pattern] ?? []) {
          expect(id, route.pattern).not.toBe("");
          paths.push(route.pattern.replace("{sourcedId}", encodeURIComponent(id)));
        }
      } else {
        // every combination of the real ids of the path's parameters
        let combos = [route.pattern];
        for (const [param, values] of Object.entries(ids)) {
          if (!route.pattern.includes(`{${param}}`)) continue;
          combos = combos.flatMap((p) => values.map((v) => p.replace(`{${param}}`, encodeURIComponent(v))));
        }
        paths.push(...combos);
      }
      expect(paths.length, route.pattern).toBeGreaterThan(0);
      for (const path of paths) {
        expect(path, route.pattern).not.toContain("{");
        const r = await get(tool, `${path}${route.kind === "collection" ? "?limit=10000" : ""}`);
        calls += 1;
        expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
        expect(validateResponse("rosters", route.pattern, "GET", 200, r.body), path).toEqual([]);
        if (route.kind === "collection") {
          const list = (r.body as Record<string, unknown[]>)[route.property] ?? [];
          expect(r.headers["X-Total-Count"], path).toBe(String(list.length));
          // the demo school has something behind every endpoint (a guardian is in no class)
          if (path !== `/users/${guardian.sourcedId}/classes`) expect(list.length, path).toBeGreaterThan(0);
          else expect(list).toEqual([]);
        }
      }
    }
    expect(calls).toBeGreaterThanOrEqual(50);
  });

  it("builds every kind the mapping names, and every reference points at an object the caller can read", async () => {
    const all = await rosterCollections(tool);
    const byType = {
      org: new Set(all.orgs.map((o) => o.sourcedId)),
      academicSession: new Set(all.academicSessions.map((o) => o.sourcedId)),
      course: new Set(all.courses.map((o) => o.sourcedId)),
      class: new Set(all.classes.map((o) => o.sourcedId)),
      user: new Set(all.users.map((o) => o.sourcedId)),
    };
    const refs: { type: keyof typeof byType; sourcedId: string; href: string }[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (typeof o["href"] === "string" && typeof o["type"] === "string") refs.push(o as (typeof refs)[number]);
        else Object.values(o).forEach(walk);
      }
    };
    walk(all);
    expect(refs.length).toBeGreaterThan(1000);
    for (const r of refs) {
      expect(byType[r.type]?.has(r.sourcedId), `${r.type} ${r.sourcedId}`).toBe(true);
      expect(r.href.endsWith(`/${encodeURIComponent(r.sourcedId)}`)).toBe(true);
    }

    const roles = new Set(all.users.flatMap((u) => u.roles.map((r) => r.role)));
    expect([...roles].sort()).toEqual(expect.arrayContaining(["parent", "siteAdministrator", "student", "teacher"]));
    expect(new Set(all.classes.map((c) => `${c.classType}:${c.classCode}`))).toEqual(
      new Set(["homeroom:CLASS", "homeroom:GROUP", "homeroom:STREAM", "homeroom:INDIVIDUAL", "scheduled:CLASS", "scheduled:GROUP", "scheduled:STREAM", "scheduled:INDIVIDUAL"]),
    );
    expect(all.enrollments.some((e) => e.sourcedId.startsWith("classteacher.") && e.primary === "true")).toBe(true);
    // a child's guardians and a guardian's children name each other
    for (const u of all.users.filter((x) => x.roles[0]?.role === "student")) {
      for (const a of u.agents) expect(all.users.find((g) => g.sourcedId === a.sourcedId)?.agents.some((c) => c.sourcedId === u.sourcedId)).toBe(true);
    }
    // grade 5 is "05"; no contacts anywhere
    expect(all.classes.find((c) => c.title === "5А")?.grades).toEqual(["05"]);
    expect(JSON.stringify(all)).not.toMatch(/"(email|phone|sms|password)"/);
    expect(all.demographics).toHaveLength(all.users.filter((u) => u.roles[0]?.role === "student").length);
  });
});

describe("the collection query", () => {
  it("pages with limit and offset, counts the total, and links the pages", async () => {
    const everyone = await users(tool);
    const r = await get(tool, "/users?limit=7&offset=7");
    expect(r.status).toBe(200);
    expect(r.headers["X-Total-Count"]).toBe(String(everyone.length));
    expect((r.body as { users: User[] }).users.map((u) => u.sourcedId)).toEqual(everyone.slice(7, 14).map((u) => u.sourcedId));
    const link = r.headers["Link"] ?? "";
    for (const rel of ["first", "prev", "next", "last"]) expect(link).toContain(`rel="${rel}"`);
    expect(link).toContain("https://school.test/ims/oneroster/rostering/v1p2/users?limit=7&offset=14");

    // following `next` from the first page reads everyone exactly once
    const seen: string[] = [];
    let next: string | null = "/users?limit=50";
    while (next) {
      const page = await get(tool, next);
      seen.push(...(page.body as { users: User[] }).users.map((u) => u.sourcedId));
      const m = /<https:\/\/school\.test\/ims\/oneroster\/rostering\/v1p2([^>]+)>; rel="next"/.exec(page.headers["Link"] ?? "");
      next = m?.[1] ?? null;
    }
    expect(seen).toEqual(everyone.map((u) => u.sourcedId));
  });

  it("sorts descending by the Russian alphabet", async () => {
    const list = (await ok<{ users: User[] }>(tool, "/students?sort=familyName&orderBy=desc&limit=10000")).users.map((u) => u.familyName);
    expect(list.length).toBeGreaterThan(50);
    const collator = new Intl.Collator("ru");
    for (let i = 1; i < list.length; i++) expect(collator.compare(list[i - 1] as string, list[i] as string)).toBeGreaterThanOrEqual(0);
  });

  it("filters with AND, OR and ~, on nested fields and on dates", async () => {
    const everyone = await users(tool);
    const and = await users(tool, `&filter=${encodeURIComponent("roles.role='student' AND familyName~'ОВ'")}`);
    const expectedAnd = everyone.filter((u) => u.roles.some((r) => r.role === "student") && u.familyName.toLowerCase().includes("ов"));
    expect(expectedAnd.length).toBeGreaterThan(0);
    expect(and.map((u) => u.sourcedId)).toEqual(expectedAnd.map((u) => u.sourcedId));

    const classes = (await ok<{ classes: RosterClass[] }>(tool, `/classes?limit=10000&filter=${encodeURIComponent("classCode='GROUP' OR classCode='STREAM'")}`)).classes;
    expect(classes.length).toBeGreaterThan(0);
    expect(new Set(classes.map((c) => c.classCode))).toEqual(new Set(["GROUP", "STREAM"]));

    const sessions = (await ok<{ academicSessions: AcademicSession[] }>(tool, "/academicSessions?limit=10000")).academicSessions;
    const middle = [...sessions].sort((a, b) => a.startDate.localeCompare(b.startDate))[Math.floor(sessions.length / 2)] as AcademicSession;
    const later = (await ok<{ academicSessions: AcademicSession[] }>(tool, `/gradingPeriods?filter=${encodeURIComponent(`startDate>'${middle.startDate}'`)}`)).academicSessions;
    expect(later.length).toBeGreaterThan(0);
    for (const s of later) expect(s.startDate > middle.startDate).toBe(true);

    const future = await users(tool, `&filter=${encodeURIComponent("dateLastModified>'2999-01-01T00:00:00Z'")}`);
    expect(future).toEqual([]);
    const past = await users(tool, `&filter=${encodeURIComponent("dateLastModified>'2000-01-01T00:00:00Z'")}`);
    expect(past).toHaveLength(everyone.length);
  });

  it("gives only the asked fields", async () => {
    const list = (await ok<{ users: Record<string, unknown>[] }>(tool, "/teachers?fields=sourcedId,familyName&limit=3")).users;
    expect(list).toHaveLength(3);
    for (const u of list) expect(Object.keys(u).sort()).toEqual(["familyName", "sourcedId"]);
    const one = await ok<{ org: Record<string, unknown> }>(tool, `/orgs/${summary.schoolId}?fields=name`);
    expect(Object.keys(one.org)).toEqual(["name"]);
  });

  it("refuses a bad filter, an unknown field or sort field, in the imsx format", async () => {
    await refused(tool, `/users?filter=${encodeURIComponent("familyName='x' AND")}`, 400, "invalid_filter_field");
    await refused(tool, `/users?filter=${encodeURIComponent("shoeSize='42'")}`, 400, "invalid_filter_field");
    await refused(tool, `/users?filter=${encodeURIComponent("familyName=x")}`, 400, "invalid_filter_field");
    await refused(tool, "/users?fields=sourcedId,shoeSize", 400, "invalid_selection_field");
    await refused(tool, `/users/${summary.schoolId}?fields=shoeSize`, 400, "invalid_selection_field");
    await refused(tool, "/users?sort=shoeSize", 400, "invalid_selection_field");
    await refused(tool, "/users?limit=0", 400, "invalid_selection_field");
  });

  it("answers an unknown id, or an id of the wrong kind, with unknownobject", async () => {
    const all = await rosterCollections(tool);
    const teacher = all.users.find((u) => u.roles.every((r) => r.role !== "student"));
    const student = all.users.find((u) => u.roles[0]?.role === "student");
    await refused(tool, `/users/${randomUUID()}`, 404, "unknownobject");
    await refused(tool, `/students/${teacher?.sourcedId}`, 404, "unknownobject");
    await refused(tool, `/teachers/${student?.sourcedId}`, 404, "unknownobject");
    await refused(tool, `/terms/${all.academicSessions.find((s) => s.type === "gradingPeriod")?.sourcedId}`, 404, "unknownobject");
    await refused(tool, `/classes/${randomUUID()}/students`, 404, "unknownobject");
    await refused(tool, `/schools/${randomUUID()}/classes`, 404, "unknownobject");
    await refused(tool, `/schools/${summary.schoolId}/classes/${randomUUID()}/students`, 404, "unknownobject");
    await refused(tool, "/nothing/here", 404, "unknownobject");
  });

  it("refuses an operation the token's scopes do not allow", async () => {
    const core: ApiCaller = { ...tool, scopes: [SCOPE.rosterCore] };
    expect((await get(core, "/classes")).status).toBe(200);
    await refused(core, `/schools/${summary.schoolId}/classes`, 403, "forbidden");
    await refused(core, "/demographics", 403, "forbidden");
    await refused({ ...tool, scopes: [SCOPE.gradebookRead] }, "/users", 403, "forbidden");
  });
});

describe("who sees what", () => {
  /** The school's children, each with whether a guardian of theirs has a current GRANTED decision. */
  async function consentState(): Promise<Map<string, boolean>> {
    const [students, links, events] = await Promise.all([
      t.db.student.findMany({ where: { schoolId: summary.schoolId }, select: { id: true } }),
      t.db.guardianship.findMany({ where: { schoolId: summary.schoolId, endDate: null }, select: { guardianId: true, studentId: true } }),
      t.db.consentEvent.findMany({ where: { schoolId: summary.schoolId }, select: { guardianId: true, studentId: true, decision: true, at: true, id: true }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    ]);
    const last = new Map<string, string>();
    for (const e of events) last.set(`${e.guardianId}|${e.studentId}`, e.decision);
    return new Map(students.map((s) => [s.id, links.some((l) => l.studentId === s.id && last.get(`${l.guardianId}|${s.id}`) === "GRANTED")]));
  }

  it("a diary service sees exactly the children with consent, and nothing of the others; a school tool sees all", async () => {
    const state = await consentState();
    const hidden = [...state].filter(([, v]) => !v).map(([id]) => id);
    const shown = [...state].filter(([, v]) => v).map(([id]) => id);
    expect(hidden.length).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThan(0);
    const child = hidden[0] as string;

    // the school tool sees the child everywhere
    await ok(tool, `/students/${child}`);
    await ok(tool, `/demographics/${child}`);
    expect((await enrollments(tool)).some((e) => e.user.sourcedId === child)).toBe(true);

    // the diary service: not at all
    const seen = await users(diary);
    const seenStudents = seen.filter((u) => u.roles[0]?.role === "student").map((u) => u.sourcedId).sort();
    expect(seenStudents).toEqual([...shown].sort());
    await refused(diary, `/students/${child}`, 404, "unknownobject");
    await refused(diary, `/users/${child}`, 404, "unknownobject");
    await refused(diary, `/demographics/${child}`, 404, "unknownobject");
    await refused(diary, `/students/${child}/classes`, 404, "unknownobject");
    const hiddenSet = new Set(hidden);
    expect((await enrollments(diary)).filter((e) => hiddenSet.has(e.user.sourcedId))).toEqual([]);
    const demographics = (await ok<{ demographics: { sourcedId: string }[] }>(diary, "/demographics?limit=10000")).demographics;
    expect(demographics.map((d) => d.sourcedId).sort()).toEqual([...shown].sort());
    for (const u of seen) expect(u.agents.filter((a) => hiddenSet.has(a.sourcedId)), u.sourcedId).toEqual([]);
    // no guardian without a visible child
    const guardians = seen.filter((u) => ["parent", "guardian", "relative"].includes(u.roles[0]?.role ?? ""));
    expect(guardians.length).toBeGreaterThan(0);
    for (const g of guardians) expect(g.agents.length, g.sourcedId).toBeGreaterThan(0);
    const toolGuardians = (await users(tool)).filter((u) => ["parent", "guardian", "relative"].includes(u.roles[0]?.role ?? ""));
    expect(guardians.length).toBeLessThan(toolGuardians.length);
    // every answer is still valid by the document
    expect(validateResponse("rosters", "/users", "GET", 200, { users: seen })).toEqual([]);
  });

  it("a withdrawal hides the child from the diary service at once", async () => {
    const state = await consentState();
    const child = [...state].find(([, v]) => v)?.[0] as string;
    await ok(diary, `/students/${child}`);
    const text = await t.db.consentText.findFirstOrThrow({ where: { schoolId: summary.schoolId }, select: { id: true } });
    const links = await t.db.guardianship.findMany({ where: { schoolId: summary.schoolId, studentId: child, endDate: null }, select: { guardianId: true } });
    await t.db.consentEvent.createMany({
      data: links.map((l) => ({ schoolId: summary.schoolId, guardianId: l.guardianId, studentId: child, textId: text.id, decision: "WITHDRAWN" as const, form: "PAPER" as const })),
    });
    await refused(diary, `/students/${child}`, 404, "unknownobject");
    expect((await enrollments(diary)).some((e) => e.user.sourcedId === child)).toBe(false);
    await ok(tool, `/students/${child}`);
  });

  it("a client of another school sees nothing of this one", async () => {
    const other = await t.db.school.create({ data: { name: "Школа № 2", shortName: "Школа № 2", address: "г. Сургут", region: "ХМАО — Югра" } });
    const stranger: ApiCaller = { ...tool, schoolId: other.id, apiClientId: randomUUID() };
    const mine = await rosterCollections(tool);
    const theirs = await rosterCollections(stranger);
    expect(theirs.orgs.map((o) => o.sourcedId)).toEqual([other.id]);
    expect([theirs.users, theirs.enrollments, theirs.demographics, theirs.academicSessions]).toEqual([[], [], [], []]);
    expect(theirs.classes).toEqual([]);
    const student = mine.users.find((u) => u.roles[0]?.role === "student");
    await refused(stranger, `/students/${student?.sourcedId}`, 404, "unknownobject");
    await refused(stranger, `/schools/${summary.schoolId}`, 404, "unknownobject");
    await refused(stranger, `/schools/${summary.schoolId}/students`, 404, "unknownobject");
    await refused(stranger, `/classes/${mine.classes[0]?.sourcedId}`, 404, "unknownobject");
    expect(JSON.stringify(await ok(stranger, "/users?limit=10000"))).toBe('{"users":[]}');
  });
});

describe("the HTTP pipeline", () => {
  it("authenticates, answers with the envelope and headers, and logs the call", async () => {
    const logged: { status: number; records: number | null }[] = [];
    const auth = {
      authenticate: async (request: Request) => {
        if (request.headers.get("authorization") !== "Bearer good") throw new OneRosterError("unauthorisedrequest", "The access token is not valid.");
        return tool;
      },
      requireScope: (caller: ApiCaller, anyOf: readonly string[]) => {
        if (!anyOf.some((s) => caller.scopes.includes(s))) throw new OneRosterError("forbidden", "no");
      },
      logCall: async (_c: ApiCaller, _r: Request, status: number, _ms: number, records: number | null) => {
        logged.push({ status, records });
      },
    };
    const base = "http://localhost:3000/ims/oneroster/rostering/v1p2";
    const res = await handleOneRoster(new Request(`${base}/teachers?limit=2`, { headers: { authorization: "Bearer good" } }), ROSTERING_ROUTES, auth);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Number(res.headers.get("x-total-count"))).toBeGreaterThan(2);
    expect(res.headers.get("link")).toContain('rel="next"');
    const body = (await res.json()) as { users: User[] };
    expect(body.users).toHaveLength(2);
    expect(validateResponse("rosters", "/teachers", "GET", 200, body)).toEqual([]);

    const denied = await handleOneRoster(new Request(`${base}/teachers`), ROSTERING_ROUTES, auth);
    expect(denied.status).toBe(401);
    expect(validateStatusInfo("rosters", await denied.json())).toEqual([]);

    const wrongMethod = await handleOneRoster(new Request(`${base}/teachers`, { method: "DELETE", headers: { authorization: "Bearer good" } }), ROSTERING_ROUTES, auth);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
    expect(validateStatusInfo("rosters", await wrongMethod.json())).toEqual([]);

    // the refused-before-authentication call has no client to be logged under
    expect(logged).toEqual([{ status: 200, records: 2 }, { status: 405, records: null }]);
  });
});
