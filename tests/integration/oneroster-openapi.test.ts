/**
 * The OpenAPI document the app serves at /ims/oneroster/v1p2/openapi.json: one valid
 * OpenAPI 3.0 document for both services, so a developer's client generator or Swagger
 * UI works from it — every path under its service's full base path, every operation of
 * the official documents present, every reference resolving, every schema compiling,
 * the server and the token endpoint this app's own; and our two extension paths (the
 * change feed and the CSV package) described so that a real answer of the feed validates.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import Ajv from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import * as gradebookRoute from "../../app/ims/oneroster/gradebook/v1p2/[...path]/route";
import { GET as changesRoute } from "../../app/ims/oneroster/v1p2/changes/route";
import { GET } from "../../app/ims/oneroster/v1p2/openapi.json/route";
import { POST as token } from "../../app/ims/oneroster/v1p2/token/route";
import { hashPassword } from "../../lib/auth/password";
import { env } from "../../lib/env";
import { SCOPE } from "../../lib/oneroster/caller";

type Json = Record<string, unknown>;
type Doc = {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, { type: string; flows: { clientCredentials: { tokenUrl: string; scopes: Record<string, string> } } }> };
};

const URL_ = "http://localhost:3000/ims/oneroster/v1p2/openapi.json";

let t: TestDb;
let f: TwoSchools;
beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
});
afterAll(async () => {
  await t?.close();
});
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
const PREFIXES = { rostering: "/ims/oneroster/rostering/v1p2", gradebook: "/ims/oneroster/gradebook/v1p2" };

const official = (file: string) => JSON.parse(readFileSync(join(process.cwd(), "tests", "fixtures", "oneroster", file), "utf8")) as Doc;
const rostering = official("onerosterv1p2rostersservice_openapi3_v1p0.json");
const gradebook = official("onerosterv1p2gradebookservice_openapi3_v1p0.json");

async function served(): Promise<{ response: Response; doc: Doc }> {
  const response = GET(new Request(URL_));
  return { response, doc: (await response.clone().json()) as Doc };
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

function pointer(doc: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Json)[key] : undefined), doc);
}

const allOperations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).filter(([m]) => METHODS.includes(m)).map(([method, op]) => ({ path, method, op })));
/** the standard's operations: everything but our marked extensions */
const operations = (doc: Doc) => allOperations(doc).filter((o) => o.op["x-zhurnal-extension"] !== true);
const EXTENSIONS = ["/ims/oneroster/v1p2/changes", "/ims/oneroster/v1p2/bulk"];

/** A token for a new client of school A with these scopes. */
async function tokenFor(clientId: string, scopes: string[]): Promise<string> {
  const secret = `${clientId}-secret`;
  await t.db.apiClient.create({ data: { schoolId: f.A.id, clientId, secretHash: await hashPassword(secret), name: clientId, kind: "SCHOOL_TOOL", scopes, rateLimit: 10_000 } });
  const answer = await token(new Request("http://localhost:3000/ims/oneroster/v1p2/token", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }).toString(),
  }));
  return ((await answer.json()) as { access_token: string }).access_token;
}

describe("the served OpenAPI document", () => {
  it("is public JSON, cacheable, and answers 304 to its own ETag", async () => {
    const { response } = await served();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const again = GET(new Request(URL_, { headers: { "if-none-match": etag ?? "" } }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("is an OpenAPI 3.0 document with this app as its server and our token endpoint", async () => {
    const { doc } = await served();
    expect(doc.openapi).toMatch(/^3\.0\.\d+$/);
    expect(typeof doc.info.title).toBe("string");
    expect(doc.info.version).toBe("1.2");
    const root = env.APP_URL.replace(/\/+$/, "");
    expect(doc.servers).toEqual([expect.objectContaining({ url: root })]);
    const schemes = doc.components.securitySchemes;
    expect(Object.keys(schemes)).toEqual(["OAuth2CC"]);
    expect(schemes["OAuth2CC"]?.type).toBe("oauth2");
    expect(schemes["OAuth2CC"]?.flows.clientCredentials.tokenUrl).toBe(`${root}/ims/oneroster/v1p2/token`);
  });

  it("has every official operation of both services, under its service's full base path", async () => {
    const { doc } = await served();
    const paths = Object.keys(doc.paths).filter((p) => !EXTENSIONS.includes(p));
    expect(paths.every((p) => p.startsWith(`${PREFIXES.rostering}/`) || p.startsWith(`${PREFIXES.gradebook}/`))).toBe(true);
    const expected = [
      ...operations(rostering).map((o) => `${o.method} ${PREFIXES.rostering}${o.path} ${String(o.op["operationId"])}`),
      ...operations(gradebook).map((o) => `${o.method} ${PREFIXES.gradebook}${o.path} ${String(o.op["operationId"])}`),
    ].sort();
    expect(operations(doc).map((o) => `${o.method} ${o.path} ${String(o.op["operationId"])}`).sort()).toEqual(expected);
    expect(expected).toHaveLength(41 + 35);
    // operation ids must be unique: the documents' response links name operations by them
    const ids = allOperations(doc).map((o) => o.op["operationId"]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares every tag and scope its operations use, and every reference resolves", async () => {
    const { doc } = await served();
    const tags = new Set(doc.tags.map((t) => t.name));
    expect(tags.size).toBe(doc.tags.length);
    const scopes = doc.components.securitySchemes["OAuth2CC"]?.flows.clientCredentials.scopes ?? {};
    for (const { path, method, op } of allOperations(doc)) {
      for (const tag of (op["tags"] as string[] | undefined) ?? []) expect(tags.has(tag), `${method} ${path}: tag ${tag}`).toBe(true);
      for (const requirement of (op["security"] as Record<string, string[]>[] | undefined) ?? []) {
        for (const [scheme, needed] of Object.entries(requirement)) {
          expect(scheme).toBe("OAuth2CC");
          for (const s of needed) expect(scopes[s], `${method} ${path}: scope ${s}`).toBeTypeOf("string");
        }
      }
      expect(op["responses"], `${method} ${path}`).toBeTypeOf("object");
    }
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of new Set(refs)) expect(pointer(doc, ref), ref).toBeTypeOf("object");
  });

  it("keeps each service's own version of a schema the two documents define differently", async () => {
    const { doc } = await served();
    const ajv = new Ajv({ strict: false });
    ajv.addSchema({ $id: "https://zhurnal.test/oneroster.json", components: { schemas: doc.components.schemas } });
    // the default (error) answer of an operation, as a validator
    const errorAnswer = (path: string, method: string) => {
      const ref = refsIn(doc.paths[path]?.[method]?.["responses"]).find((r) => r.includes("StatusInfo")) ?? "";
      return ajv.compile({ $ref: `https://zhurnal.test/oneroster.json${ref}` });
    };
    const refusal = (code: string) => ({
      imsx_codeMajor: "failure",
      imsx_severity: "error",
      imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: "TargetEndSystem", imsx_codeMinorFieldValue: code }] },
    });
    // only the gradebook's vocabulary has «deletefailure»
    const gradebookDelete = errorAnswer(`${PREFIXES.gradebook}/results/{sourcedId}`, "delete");
    const rosteringGet = errorAnswer(`${PREFIXES.rostering}/students`, "get");
    expect(gradebookDelete(refusal("deletefailure"))).toBe(true);
    expect(rosteringGet(refusal("deletefailure"))).toBe(false);
    expect(rosteringGet(refusal("unknownobject")) && gradebookDelete(refusal("unknownobject"))).toBe(true);
  });

  it("compiles with ajv: every schema an operation answers with validates real answers", async () => {
    const { doc } = await served();
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "https://zhurnal.test/oneroster.json", components: { schemas: doc.components.schemas } });
    const answered = new Set(
      allOperations(doc).flatMap(({ op }) => refsIn(op["responses"]).concat(refsIn(op["requestBody"]))).filter((r) => r.startsWith("#/components/schemas/")),
    );
    expect(answered.size).toBeGreaterThan(20);
    for (const ref of answered) {
      expect(() => ajv.compile({ $ref: `https://zhurnal.test/oneroster.json${ref}` }), ref).not.toThrow();
    }
    // and they mean something: a OneRoster refusal as lib/oneroster/errors.ts writes it is valid, a wrong one is not
    const statusInfo = ajv.getSchema("https://zhurnal.test/oneroster.json#/components/schemas/imsx_StatusInfoDType");
    const refusal = {
      imsx_codeMajor: "failure",
      imsx_severity: "error",
      imsx_description: "The access token has expired.",
      imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: "TargetEndSystem", imsx_codeMinorFieldValue: "unauthorisedrequest" }] },
    };
    expect(statusInfo?.(refusal)).toBe(true);
    expect(statusInfo?.({ ...refusal, imsx_codeMajor: "oops" })).toBe(false);
  });
});

describe("what the document says is not supported", () => {
  it("is exactly what the gradebook route refuses with 501, for a client holding every scope of the standard", async () => {
    const { doc } = await served();
    const scopes = Object.keys(doc.components.securitySchemes["OAuth2CC"]?.flows.clientCredentials.scopes ?? {});
    // every scope, beyond what the administrator's screen can give, so the scope check never decides
    const access_token = await tokenFor("every-scope", scopes);

    const handlers: Record<string, (r: Request) => Promise<Response>> = { get: gradebookRoute.GET, put: gradebookRoute.PUT, post: gradebookRoute.POST, delete: gradebookRoute.DELETE };
    const gradebookOps = operations(doc).filter((o) => o.path.startsWith(PREFIXES.gradebook));
    expect(gradebookOps).toHaveLength(35);
    const refused: string[] = [];
    const marked: string[] = [];
    for (const { path, method, op } of gradebookOps) {
      const id = String(op["operationId"]);
      if (op["x-zhurnal-supported"] === false) marked.push(id);
      const concrete = path.replace(/\{[^}]+\}/g, "0190a7f0-0000-7000-8000-00000000dead");
      const handler = handlers[method];
      if (!handler) throw new Error(`no handler for ${method}`);
      const response = await handler(new Request(`http://localhost:3000${concrete}`, {
        method: method.toUpperCase(),
        headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
        ...(method === "put" || method === "post" ? { body: "{}" } : {}),
      }));
      if (response.status === 501) refused.push(id);
    }
    expect(marked.sort()).toEqual(refused.sort());
    expect(marked).toHaveLength(18);
    // the rostering service refuses nothing of its document
    expect(operations(doc).filter((o) => o.path.startsWith(PREFIXES.rostering) && o.op["x-zhurnal-supported"] === false)).toEqual([]);
  });

  it("marks the scopes no client of this server can be given", async () => {
    const { doc } = await served();
    const scopes = doc.components.securitySchemes["OAuth2CC"]?.flows.clientCredentials.scopes ?? {};
    const notGranted = Object.keys(scopes).filter((s) => scopes[s]?.startsWith("Not granted")).map((s) => s.replace(/^.*\/scope\//, "")).sort();
    expect(notGranted).toEqual(["assessment.createput", "assessment.delete", "assessment.readonly", "gradebook.createpost", "gradebook.delete"]);
  });
});

describe("the Zhurnal extensions: the change feed and the CSV package", () => {
  it("are in the document, marked, tagged, with the scopes their routes accept and imsx refusals", async () => {
    const { doc } = await served();
    const tag = doc.tags.find((t) => t.name === "Zhurnal extensions");
    expect(tag).toBeDefined();
    const extensions = allOperations(doc).filter((o) => o.op["x-zhurnal-extension"] === true);
    expect(extensions.map((o) => `${o.method} ${o.path}`).sort()).toEqual(["get /ims/oneroster/v1p2/bulk", "get /ims/oneroster/v1p2/changes"]);
    for (const { op } of extensions) expect(op["tags"]).toEqual(["Zhurnal extensions"]);

    const changes = doc.paths["/ims/oneroster/v1p2/changes"]?.["get"] ?? {};
    const bulk = doc.paths["/ims/oneroster/v1p2/bulk"]?.["get"] ?? {};
    const since = (op: Json) => (op["parameters"] as { name: string; in: string; required: boolean }[]).find((p) => p.name === "since");
    expect(since(changes)).toMatchObject({ in: "query", required: true });
    expect(since(bulk)).toMatchObject({ in: "query", required: false });
    // one requirement per scope: any one of them opens the operation
    const scopesOf = (op: Json) => (op["security"] as Record<string, string[]>[]).flatMap((r) => r["OAuth2CC"] ?? []).sort();
    expect(scopesOf(changes)).toEqual([SCOPE.roster, SCOPE.rosterCore, SCOPE.rosterDemographics, SCOPE.gradebookRead, SCOPE.gradebookCore].sort());
    expect(scopesOf(bulk)).toEqual([SCOPE.roster, SCOPE.rosterCore].sort());
    for (const r of changes["security"] as Record<string, string[]>[]) expect(r["OAuth2CC"]).toHaveLength(1);
    const responses = (op: Json) => op["responses"] as Record<string, { content: Record<string, { schema: Json }> }>;
    expect(Object.keys(responses(changes))).toEqual(expect.arrayContaining(["200", "400", "401", "403"]));
    expect(Object.keys(responses(bulk))).toEqual(expect.arrayContaining(["200", "401", "403"]));
    expect(Object.keys(responses(bulk)["200"]?.content ?? {})).toEqual(["application/zip"]);
    for (const code of ["400", "401", "403"]) expect(responses(changes)[code]?.content["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/imsx_StatusInfoDType" });
    // the notice is described too, with the signature a receiver checks
    const notice = (doc as unknown as Json)["x-zhurnal-webhooks"] as Record<string, { post: Json }>;
    expect(JSON.stringify(notice["oneroster.changes"]?.post)).toContain("X-Zhurnal-Signature");
    expect(JSON.stringify(doc.info)).toMatch(/HMAC-SHA256/);
  });

  it("the feed's schema validates a real answer of the feed, and its refusals validate as imsx", async () => {
    const { doc } = await served();
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "https://zhurnal.test/oneroster.json", components: { schemas: doc.components.schemas } });
    const schemaOf = (code: string) => {
      const content = (doc.paths["/ims/oneroster/v1p2/changes"]?.["get"]?.["responses"] as Record<string, { content: Record<string, { schema: { $ref: string } }> }>)[code]?.content;
      return ajv.compile({ $ref: `https://zhurnal.test/oneroster.json${content?.["application/json"]?.schema.$ref ?? ""}` });
    };
    const feed = schemaOf("200");
    const access = await tokenFor("feed-reader", [SCOPE.roster, SCOPE.rosterDemographics, SCOPE.gradebookRead]);
    const ask = (query: string) => changesRoute(new Request(`http://localhost:3000/ims/oneroster/v1p2/changes${query}`, { headers: { authorization: `Bearer ${access}` } }));

    const answer = await ask("?since=2000-01-01T00:00:00Z");
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { changes: Record<string, unknown[]> };
    expect(Object.keys(body.changes)).toEqual(expect.arrayContaining(["orgs", "classes", "users"]));
    expect(feed(body), JSON.stringify(feed.errors?.slice(0, 3))).toBe(true);
    // the schema means something: a collection it does not know, or no 'until', is invalid
    expect(feed({ ...body, changes: { ...body.changes, pets: [] } })).toBe(false);
    expect(feed({ since: "2000-01-01T00:00:00.000Z", changes: {} })).toBe(false);

    const missing = await ask("");
    expect(missing.status).toBe(400);
    expect(schemaOf("400")(await missing.json())).toBe(true);
  });
});
