/**
 * The request pipeline both OneRoster services share (rostering, gradebook): match the
 * path after the service's base against the service's route table, check the route's
 * scopes, run its handler, apply the collection query (query.ts) — in memory, or in the
 * database for a collection that offers it (`page`) and a query it can run exactly —
 * wrap the answer in the binding's envelope (`{ users: [...] }`, `{ user: {...} }`), set
 * the paging headers, and turn every refusal into the imsx_StatusInfo answer.
 *
 * Authentication and the call log live in lib/oneroster/auth.ts and are passed in
 * (AuthPort), so `dispatch` — everything after "who is calling" — runs in tests with an
 * ApiCaller made by hand, and this module does not depend on the token machinery.
 */
import { env } from "@/lib/env";
import type { ApiCaller } from "./caller";
import { errorResponse, OneRosterError, statusInfo } from "./errors";
import { applyQuery, pagingHeaders, parseCollectionQuery, parseFields, selectFields, type CollectionQuery, type FieldTree } from "./query";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type RouteContext = {
  caller: ApiCaller;
  /** the path's `{name}` parts, decoded */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** the parsed JSON body of a PUT or POST; undefined for GET and DELETE */
  body: unknown;
};

type RouteBase = {
  method: HttpMethod;
  /** the official document's path, e.g. "/classes/{classSourcedId}/students" */
  pattern: string;
  operationId: string;
  /** the scopes of the operation's `security` in the official document: any one allows it */
  scopes: readonly string[];
};

/** A collection: the handler lists the objects, the pipeline filters, sorts, pages and selects. */
export type CollectionRoute = RouteBase & {
  kind: "collection";
  /** the envelope's property, e.g. "users" */
  property: string;
  fields: FieldTree;
  list(ctx: RouteContext): Promise<readonly object[]>;
  /**
   * Optional, for the big collections: the same answer with the database doing the
   * filter, order and slice, so a page costs a page and not the whole collection. Decides
   * before reading anything: null means this query needs the in-memory path (`list` +
   * applyQuery). Otherwise the page — the objects exactly as `list` then applyQuery would
   * give them, before `fields` — and how many objects match in all.
   */
  page?: (ctx: RouteContext, query: CollectionQuery) => Promise<PagedItems> | null;
};

export type PagedItems = { items: readonly object[]; total: number };

/** One object: the handler finds it or throws unknownobject; the pipeline applies `fields`. */
export type ObjectRoute = RouteBase & {
  kind: "object";
  /** the envelope's property, e.g. "user" */
  property: string;
  fields: FieldTree;
  get(ctx: RouteContext): Promise<object>;
};

/** Anything else (a PUT, a DELETE): the handler answers in full. */
export type CustomRoute = RouteBase & {
  kind: "custom";
  run(ctx: RouteContext): Promise<DispatchResult>;
};

export type Route = CollectionRoute | ObjectRoute | CustomRoute;

export type Service = {
  /** "rostering" | "gradebook": for messages and logs */
  name: string;
  /** the base path, e.g. "/ims/oneroster/rostering/v1p2" */
  base: string;
};

export type RouteTable = { service: Service; routes: readonly Route[] };

export type DispatchResult = {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** how many records the answer holds (the call log's `records`); null for refusals */
  records: number | null;
};

/** What the route files take from lib/oneroster/auth.ts. */
export type AuthPort = {
  authenticate: (request: Request) => Promise<ApiCaller>;
  requireScope: (caller: ApiCaller, anyOf: readonly string[]) => void;
  logCall: (caller: ApiCaller, request: Request, status: number, ms: number, records: number | null) => Promise<void>;
};

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

/** The path's `{name}` parts if it matches the pattern, else null. */
export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter((s) => s !== "");
  const have = path.split("/").filter((s) => s !== "");
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const h = have[i] as string;
    if (w.startsWith("{") && w.endsWith("}")) {
      let value: string;
      try {
        value = decodeURIComponent(h);
      } catch {
        return null;
      }
      params[w.slice(1, -1)] = value;
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}

/** The refusal of a method the path does not have, in the imsx format (`unsupported`). */
export function methodNotAllowed(allow: readonly string[]): Response {
  const r = unsupported(allow);
  return Response.json(r.body, { status: r.status, headers: r.headers });
}

function unsupported(allow: readonly string[]): DispatchResult {
  return {
    status: 405,
    body: { imsx_codeMajor: "unsupported", imsx_severity: "error", imsx_description: `This endpoint allows ${allow.join(", ")} only.` },
    headers: { ...JSON_HEADERS, Allow: allow.join(", ") },
    records: null,
  };
}

/** The default scope check (auth.ts's requireScope does the same; tests use this one). */
export function checkScope(caller: ApiCaller, anyOf: readonly string[]): void {
  if (!anyOf.some((s) => caller.scopes.includes(s))) {
    throw new OneRosterError("forbidden", `This endpoint needs one of the scopes: ${anyOf.join(" ")}`);
  }
}

function refusal(e: OneRosterError): DispatchResult {
  return { status: e.status, body: statusInfo(e.codeMinor, e.message), headers: { ...JSON_HEADERS, ...e.headers }, records: null };
}

/**
 * Everything after authentication: route, scope, handler, query, envelope. A refusal
 * (OneRosterError) comes back as its imsx answer; any other error is thrown on.
 */
export async function dispatch(
  caller: ApiCaller,
  method: string,
  pathAfterBase: string,
  searchParams: URLSearchParams,
  table: RouteTable,
  options: { url?: URL; body?: unknown; requireScope?: AuthPort["requireScope"] } = {},
): Promise<DispatchResult> {
  try {
    const candidates = table.routes.flatMap((route) => {
      const params = matchPattern(route.pattern, pathAfterBase);
      return params ? [{ route, params }] : [];
    });
    if (candidates.length === 0) throw new OneRosterError("unknownobject", `There is no ${table.service.name} endpoint ${pathAfterBase}.`);
    const hit = candidates.find((c) => c.route.method === method);
    if (!hit) return unsupported([...new Set(candidates.map((c) => c.route.method))]);
    const { route, params } = hit;
    (options.requireScope ?? checkScope)(caller, route.scopes);
    const ctx: RouteContext = { caller, params, query: searchParams, body: options.body };

    if (route.kind === "custom") return await route.run(ctx);

    if (route.kind === "object") {
      // the query is checked before the data is read: a bad `fields` costs no query
      const fields = parseFields(searchParams, route.fields);
      const obj = await route.get(ctx);
      return { status: 200, body: { [route.property]: selectFields(obj, fields) }, headers: { ...JSON_HEADERS }, records: 1 };
    }

    const query = parseCollectionQuery(searchParams, route.fields);
    const paged = route.page?.(ctx, query) ?? null;
    const { page, total } = paged
      ? await paged.then((p) => ({ page: p.items.map((o) => selectFields(o, query.fields)), total: p.total }))
      : applyQuery(await route.list(ctx), query);
    const url = options.url ?? new URL(`${table.service.base}${pathAfterBase}?${searchParams.toString()}`, env.APP_URL);
    return {
      status: 200,
      body: { [route.property]: page },
      headers: { ...JSON_HEADERS, ...pagingHeaders(url, query, total) },
      records: page.length,
    };
  } catch (e) {
    if (e instanceof OneRosterError) return refusal(e);
    throw e;
  }
}

/** The JSON body of a PUT or POST; a body that is not JSON is invaliddata. */
async function readBody(request: Request): Promise<unknown> {
  if (request.method !== "PUT" && request.method !== "POST") return undefined;
  const text = await request.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new OneRosterError("invaliddata", "The request body is not valid JSON.");
  }
}

/**
 * The whole answer to one HTTP request to a service: authenticate, dispatch, log. A call
 * that cannot be authenticated is refused and not logged (there is no client to log it
 * under). The links in `Link` use the app's public address, like the objects' hrefs.
 */
export async function handleOneRoster(request: Request, table: RouteTable, auth: AuthPort): Promise<Response> {
  const started = performance.now();
  let caller: ApiCaller;
  try {
    caller = await auth.authenticate(request);
  } catch (e) {
    return errorResponse(e);
  }
  const url = new URL(request.url);
  const path = url.pathname.startsWith(table.service.base) ? url.pathname.slice(table.service.base.length) : url.pathname;
  const publicUrl = new URL(`${url.pathname}${url.search}`, env.APP_URL);
  let status: number;
  let records: number | null = null;
  let response: Response;
  try {
    const body = await readBody(request);
    // HEAD is a GET without the body (the runtime drops it)
    const method = request.method === "HEAD" ? "GET" : request.method;
    const result = await dispatch(caller, method, path, url.searchParams, table, { url: publicUrl, body, requireScope: auth.requireScope });
    status = result.status;
    records = result.records;
    response = new Response(JSON.stringify(result.body), { status, headers: result.headers });
  } catch (e) {
    if (!(e instanceof OneRosterError)) console.error(`OneRoster ${table.service.name} ${request.method} ${path}:`, e);
    response = errorResponse(e);
    status = response.status;
  }
  try {
    await auth.logCall(caller, request, status, Math.round(performance.now() - started), records);
  } catch (e) {
    // the answer is ready; a lost log line must not turn it into an error
    console.error("OneRoster: the call could not be logged:", e);
  }
  return response;
}
