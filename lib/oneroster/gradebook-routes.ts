/**
 * The route table of the OneRoster 1.2 gradebook service (`/ims/oneroster/gradebook/v1p2`)
 * in the shared pipeline's format (lib/oneroster/http.ts): every operation of the
 * official document, each with the scopes its `security` lists. The reads and the two
 * writes that map to the journal are served by lib/oneroster/gradebook.ts and
 * gradebook-write.ts; every other operation of the document is answered with a refusal
 * that says so (see `unsupported` below). The results and lineItems collections also
 * page in the database when the query allows it (`page`, see http.ts).
 */
import { db } from "@/lib/db/server";
import { env } from "@/lib/env";
import { SCOPE } from "./caller";
import {
  assertClass, classKey, getCategory, getLineItem, getResult, getScoreScale, lineItemsQuery, listCategories, listLineItems, listResults,
  listSchoolScoreScales, listScoreScales, pageLineItems, pageResults, resultsQuery, type ClassKey, type GradebookContext, type ResultScope,
} from "./gradebook";
import { putLineItem, putResult } from "./gradebook-write";
import type { CollectionRoute, DispatchResult, HttpMethod, Route, RouteContext, RouteTable } from "./http";
import type { FieldTree } from "./query";

export const GRADEBOOK_BASE = "/ims/oneroster/gradebook/v1p2";

// ───────────────────────────── fields (the document's *DType properties) ─────────────────────────────

const ref: FieldTree = { href: true, sourcedId: true, type: true };
const base: FieldTree = { sourcedId: true, status: true, dateLastModified: true, metadata: "open" };

export const CATEGORY_FIELDS: FieldTree = { ...base, title: true, weight: true };

export const LINE_ITEM_FIELDS: FieldTree = {
  ...base, title: true, description: true, assignDate: true, dueDate: true, class: ref, school: ref, category: ref, gradingPeriod: ref,
  academicSession: ref, scoreScale: ref, resultValueMin: true, resultValueMax: true, learningObjectiveSet: { source: true, learningObjectiveIds: true },
};

export const RESULT_FIELDS: FieldTree = {
  ...base, lineItem: ref, student: ref, class: ref, scoreScale: ref, scoreStatus: true, score: true, textScore: true, scoreDate: true,
  comment: true, learningObjectiveSet: { source: true, learningObjectiveResults: { learningObjectiveId: true, score: true, textScore: true } },
  inProgress: true, incomplete: true, late: true, missing: true,
};

export const SCORE_SCALE_FIELDS: FieldTree = {
  ...base, title: true, type: true, course: ref, class: ref, scoreScaleValue: { itemValueLHS: true, itemValueRHS: true },
};

// ───────────────────────────── scopes (the document's `security`) ─────────────────────────────

/** The bulk and single-object reads: either read scope. */
const READ = [SCOPE.gradebookRead, SCOPE.gradebookCore] as const;
/** The per-class and per-school reads: gradebook.readonly only (not in gradebook-core). */
const READ_FULL = [SCOPE.gradebookRead] as const;
const CREATE_PUT = [SCOPE.gradebookWrite] as const;
const CREATE_POST = ["https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.createpost"] as const;
const DELETE = [SCOPE.gradebookDelete] as const;
const ASSESSMENT_READ = ["https://purl.imsglobal.org/spec/or/v1p2/scope/assessment.readonly"] as const;
const ASSESSMENT_PUT = ["https://purl.imsglobal.org/spec/or/v1p2/scope/assessment.createput"] as const;
const ASSESSMENT_DELETE = ["https://purl.imsglobal.org/spec/or/v1p2/scope/assessment.delete"] as const;

// ───────────────────────────── handlers ─────────────────────────────

function gradebook(ctx: RouteContext): GradebookContext {
  return { db, caller: ctx.caller, origin: env.APP_URL.replace(/\/+$/, "") };
}

function param(ctx: RouteContext, name: string): string {
  return ctx.params[name] ?? "";
}

const collection = (
  pattern: string, operationId: string, property: string, fields: FieldTree, scopes: readonly string[], list: (ctx: RouteContext) => Promise<readonly object[]>,
  page?: CollectionRoute["page"],
): Route => ({ kind: "collection", method: "GET", pattern, operationId, property, fields, scopes, list, ...(page ? { page } : {}) });

/**
 * The results of a scope, listed in full or paged by the database when the query allows
 * (gradebook.ts's resultsQuery): a school's year is 175,000 results, which the in-memory
 * path would read and build for every page. A bad class id throws from `scope` in either
 * path, inside dispatch's refusal handling.
 */
function results(pattern: string, operationId: string, scopes: readonly string[], scope: (c: RouteContext) => ResultScope): Route {
  return collection(pattern, operationId, "results", RESULT_FIELDS, scopes, (c) => listResults(gradebook(c), scope(c)), (c, q) => {
    const paged = resultsQuery(q);
    return paged ? pageResults(gradebook(c), scope(c), paged) : null;
  });
}

/** The lineItems of the school or of a class, likewise (17,000 in a school's year). */
function lineItems(pattern: string, operationId: string, scopes: readonly string[], cls: (c: RouteContext) => ClassKey | undefined): Route {
  return collection(pattern, operationId, "lineItems", LINE_ITEM_FIELDS, scopes, (c) => listLineItems(gradebook(c), cls(c)), (c, q) => {
    const paged = lineItemsQuery(q);
    return paged ? pageLineItems(gradebook(c), cls(c), paged) : null;
  });
}

const object = (pattern: string, operationId: string, property: string, fields: FieldTree, get: (ctx: RouteContext) => Promise<object>): Route => ({
  kind: "object", method: "GET", pattern, operationId, property, fields, scopes: READ, get,
});

/** A write is answered 201 with no body, as the document's PUT operations are. */
function stored(): DispatchResult {
  return { status: 201, body: undefined, headers: { "Cache-Control": "no-store" }, records: 1 };
}

/**
 * An operation of the document this provider does not do. The imsx vocabulary has a
 * code major for exactly this, `unsupported` ("the request is not supported"), and no
 * code minor for it, so none is sent. The HTTP status is 501 Not Implemented: the
 * document lists no status for "not supported" (its `default` answer carries the
 * imsx_StatusInfo), and 403 forbidden would tell the client that another token might
 * succeed, which none will. The scope check still comes first, as for every operation.
 */
function unsupported(method: HttpMethod, pattern: string, operationId: string, scopes: readonly string[], why: string): Route {
  return {
    kind: "custom", method, pattern, operationId, scopes,
    run: async () => ({
      status: 501,
      body: { imsx_codeMajor: "unsupported", imsx_severity: "error", imsx_description: why },
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
      records: null,
    }),
  };
}

const NO_ASSESSMENTS = "Assessment line items and results are not supported: the journal keeps marks of lessons (see /lineItems and /results), not assessments outside the class gradebook.";
const NO_POST = "Creating objects with POST is not supported: every lineItem is a lesson of the school's timetable and every result a mark in its journal. Send a mark with PUT /results/{sourcedId}.";
const NO_DELETE = "Deleting through the API is not supported: only a teacher removes a mark or a lesson, in the journal, where every change is kept in the audit history.";
const NO_PUT_CATEGORY = "Categories are the school's work types with their weights, set by the school's administrator in the journal; they cannot be created or changed through the API.";
const NO_PUT_SCALE = "Score scales follow from the school's curriculum (five-point, pass/fail, descriptive); they cannot be created or changed through the API.";

// ───────────────────────────── the table ─────────────────────────────

const routes: Route[] = [
  // categories
  collection("/categories", "getAllCategories", "categories", CATEGORY_FIELDS, READ, (c) => listCategories(gradebook(c))),
  object("/categories/{sourcedId}", "getCategory", "category", CATEGORY_FIELDS, (c) => getCategory(gradebook(c), param(c, "sourcedId"))),
  collection("/classes/{classSourcedId}/categories", "getCategoriesForClass", "categories", CATEGORY_FIELDS, READ_FULL, async (c) => {
    const g = gradebook(c);
    // the class must exist; its categories are the school's work types (see gradebook.ts)
    await assertClass(g, classKey(param(c, "classSourcedId")));
    return listCategories(g);
  }),

  // lineItems
  lineItems("/lineItems", "getAllLineItems", READ, () => undefined),
  object("/lineItems/{sourcedId}", "getLineItem", "lineItem", LINE_ITEM_FIELDS, (c) => getLineItem(gradebook(c), param(c, "sourcedId"))),
  lineItems("/classes/{classSourcedId}/lineItems", "getLineItemsForClass", READ_FULL, (c) => classKey(param(c, "classSourcedId"))),

  // results
  results("/results", "getAllResults", READ, () => ({ kind: "all" })),
  object("/results/{sourcedId}", "getResult", "result", RESULT_FIELDS, (c) => getResult(gradebook(c), param(c, "sourcedId"))),
  results("/classes/{classSourcedId}/results", "getResultsForClass", READ_FULL, (c) => ({ kind: "class", cls: classKey(param(c, "classSourcedId")) })),
  results("/classes/{classSourcedId}/lineItems/{lineItemSourcedId}/results", "getResultsForLineItemForClass", READ_FULL, (c) => ({
    kind: "lineItem", cls: classKey(param(c, "classSourcedId")), lineItemId: param(c, "lineItemSourcedId"),
  })),
  results("/classes/{classSourcedId}/students/{studentSourcedId}/results", "getResultsForStudentForClass", READ_FULL, (c) => ({
    kind: "student", cls: classKey(param(c, "classSourcedId")), studentId: param(c, "studentSourcedId"),
  })),

  // scoreScales
  collection("/scoreScales", "getAllScoreScales", "scoreScales", SCORE_SCALE_FIELDS, READ, (c) => listScoreScales(gradebook(c))),
  object("/scoreScales/{sourcedId}", "getScoreScale", "scoreScale", SCORE_SCALE_FIELDS, (c) => getScoreScale(gradebook(c), param(c, "sourcedId"))),
  collection("/classes/{classSourcedId}/scoreScales", "getScoreScalesForClass", "scoreScales", SCORE_SCALE_FIELDS, READ_FULL, (c) =>
    listScoreScales(gradebook(c), classKey(param(c, "classSourcedId"))),
  ),
  collection("/schools/{schoolSourcedId}/scoreScales", "getScoreScalesForSchool", "scoreScales", SCORE_SCALE_FIELDS, READ_FULL, (c) =>
    listSchoolScoreScales(gradebook(c), param(c, "schoolSourcedId")),
  ),

  // the writes that map to the journal
  {
    kind: "custom", method: "PUT", pattern: "/results/{sourcedId}", operationId: "putResult", scopes: CREATE_PUT,
    run: async (c) => {
      await putResult(gradebook(c), param(c, "sourcedId"), c.body);
      return stored();
    },
  },
  {
    kind: "custom", method: "PUT", pattern: "/lineItems/{sourcedId}", operationId: "putLineItem", scopes: CREATE_PUT,
    run: async (c) => {
      await putLineItem(gradebook(c), param(c, "sourcedId"), c.body);
      return stored();
    },
  },

  // everything else the document has
  unsupported("PUT", "/categories/{sourcedId}", "putCategory", CREATE_PUT, NO_PUT_CATEGORY),
  unsupported("PUT", "/scoreScales/{sourcedId}", "putScoreScale", CREATE_PUT, NO_PUT_SCALE),
  unsupported("DELETE", "/categories/{sourcedId}", "deleteCategory", DELETE, NO_DELETE),
  unsupported("DELETE", "/lineItems/{sourcedId}", "deleteLineItem", DELETE, NO_DELETE),
  unsupported("DELETE", "/results/{sourcedId}", "deleteResult", DELETE, NO_DELETE),
  unsupported("DELETE", "/scoreScales/{sourcedId}", "deleteScoreScale", DELETE, NO_DELETE),
  unsupported("POST", "/classes/{classSourcedId}/academicSessions/{academicSessionSourcedId}/results", "postResultsForAcademicSessionForClass", CREATE_POST, NO_POST),
  unsupported("POST", "/classes/{classSourcedId}/lineItems", "postLineItemsForClass", CREATE_POST, NO_POST),
  unsupported("POST", "/lineItems/{lineItemSourcedId}/results", "postResultsForLineItem", CREATE_POST, NO_POST),
  unsupported("POST", "/schools/{schoolSourcedId}/lineItems", "postLineItemsForSchool", CREATE_POST, NO_POST),
  unsupported("GET", "/assessmentLineItems", "getAllAssessmentLineItems", ASSESSMENT_READ, NO_ASSESSMENTS),
  unsupported("GET", "/assessmentLineItems/{sourcedId}", "getAssessmentLineItem", ASSESSMENT_READ, NO_ASSESSMENTS),
  unsupported("PUT", "/assessmentLineItems/{sourcedId}", "putAssessmentLineItem", ASSESSMENT_PUT, NO_ASSESSMENTS),
  unsupported("DELETE", "/assessmentLineItems/{sourcedId}", "deleteAssessmentLineItem", ASSESSMENT_DELETE, NO_ASSESSMENTS),
  unsupported("GET", "/assessmentResults", "getAllAssessmentResults", ASSESSMENT_READ, NO_ASSESSMENTS),
  unsupported("GET", "/assessmentResults/{sourcedId}", "getAssessmentResult", ASSESSMENT_READ, NO_ASSESSMENTS),
  unsupported("PUT", "/assessmentResults/{sourcedId}", "putAssessmentResult", ASSESSMENT_PUT, NO_ASSESSMENTS),
  unsupported("DELETE", "/assessmentResults/{sourcedId}", "deleteAssessmentResult", ASSESSMENT_DELETE, NO_ASSESSMENTS),
];

export const GRADEBOOK_ROUTES: RouteTable = { service: { name: "gradebook", base: GRADEBOOK_BASE }, routes };
