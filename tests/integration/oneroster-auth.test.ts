/**
 * Access to the OneRoster API, end to end on a real database: the administrator connects
 * a program and gets its secret once; the program gets a token at the token endpoint
 * (HTTP Basic or form body) and the API accepts it; a wrong secret, a revoked client, a
 * replaced secret, a scope not granted, too many calls and too many failed guesses are
 * refused the way RFC 6749 / OneRoster say; every call is logged; and the demo client's
 * published credentials work.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { refusal } from "../support/refusal";
import { POST } from "../../app/ims/oneroster/v1p2/token/route";
import { verifyPassword } from "../../lib/auth/password";
import type { Principal } from "../../lib/auth/principal";
import { authenticate, logCall, requireScope } from "../../lib/oneroster/auth";
import type { ApiCaller } from "../../lib/oneroster/caller";
import { SCOPE } from "../../lib/oneroster/caller";
import { createApiClient, createApiClientFormSchema, listApiCalls, listApiClients, revokeApiClient, rotateApiClientSecret } from "../../lib/oneroster/clients";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, seedDemoApiClient } from "../../lib/oneroster/demo-client";
import { OneRosterError } from "../../lib/oneroster/errors";
import { MAX_FAILURES_PER_CLIENT } from "../../lib/oneroster/token-endpoint";

const TOKEN_URL = "http://localhost:3000/ims/oneroster/v1p2/token";
const API_URL = "http://localhost:3000/ims/oneroster/rostering/v1p2/students?limit=5";

let t: TestDb;
let f: TwoSchools;
let admin: Principal;
let teacher: Principal;
let adminB: Principal;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  admin = await f.as("a.admin");
  teacher = await f.as("a.math");
  adminB = await f.as("b.admin");
});
afterAll(async () => {
  await t?.close();
});

let addressSeq = 0;
/** A token request from its own address, so the per-address failure cap of one test does not touch another. */
function tokenRequest(form: Record<string, string>, o: { basic?: [string, string]; contentType?: string; address?: string } = {}): Request {
  const headers: Record<string, string> = {
    "content-type": o.contentType ?? "application/x-www-form-urlencoded",
    "x-forwarded-for": o.address ?? `10.0.0.${++addressSeq}`,
  };
  if (o.basic) headers["authorization"] = `Basic ${Buffer.from(`${encodeURIComponent(o.basic[0])}:${encodeURIComponent(o.basic[1])}`).toString("base64")}`;
  return new Request(TOKEN_URL, { method: "POST", headers, body: new URLSearchParams(form).toString() });
}

async function askToken(form: Record<string, string>, o: Parameters<typeof tokenRequest>[1] = {}) {
  const response = await POST(tokenRequest(form, o));
  return { response, body: (await response.json()) as Record<string, unknown> };
}

const apiRequest = (token?: string) => new Request(API_URL, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

async function oneRosterRefusal(promise: Promise<unknown>): Promise<OneRosterError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof OneRosterError) return e;
    throw e;
  }
  throw new Error("expected a OneRoster refusal");
}

let n = 0;
const connect = (o: { scopes?: string[]; rateLimit?: number; kind?: "SCHOOL_TOOL" | "DIARY_SERVICE" } = {}) =>
  createApiClient(admin, { name: `Программа ${++n}`, kind: o.kind ?? "SCHOOL_TOOL", scopes: o.scopes ?? [SCOPE.rosterCore, SCOPE.roster, SCOPE.gradebookRead], rateLimit: o.rateLimit ?? 600 });

describe("the administrator connects a program", () => {
  it("the secret is given once and only its hash is kept", async () => {
    const issued = await connect();
    expect(issued.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.clientId).toMatch(/^or-/);
    const row = await t.db.apiClient.findUniqueOrThrow({ where: { clientId: issued.clientId } });
    expect(JSON.stringify(row)).not.toContain(issued.secret);
    expect(await verifyPassword(issued.secret, row.secretHash)).toBe(true);
    expect(row).toMatchObject({ schoolId: f.A.id, kind: "SCHOOL_TOOL", rateLimit: 600, createdById: admin.userId, revokedAt: null });
    // the list shows the program, never its secret or hash
    const listed = (await listApiClients(admin)).find((c) => c.id === issued.apiClientId);
    expect(listed).toMatchObject({ name: issued.name, clientId: issued.clientId, callsLast24h: 0, lastUsedAt: null, webhookUrl: null, lastDelivery: null });
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|secret/i);
  });

  it("a teacher may not see, connect, re-key or disconnect programs; another school's admin does not see ours", async () => {
    const issued = await connect();
    expect((await refusal(listApiClients(teacher))).code).toBe("FORBIDDEN");
    expect((await refusal(createApiClient(teacher, { name: "Чужая", kind: "SCHOOL_TOOL", scopes: [SCOPE.rosterCore] }))).code).toBe("FORBIDDEN");
    expect((await refusal(rotateApiClientSecret(teacher, { apiClientId: issued.apiClientId }))).code).toBe("FORBIDDEN");
    expect((await refusal(revokeApiClient(teacher, { apiClientId: issued.apiClientId }))).code).toBe("FORBIDDEN");
    expect((await refusal(listApiCalls(teacher, { apiClientId: issued.apiClientId }))).code).toBe("FORBIDDEN");
    expect((await listApiClients(adminB)).map((c) => c.id)).not.toContain(issued.apiClientId);
    expect((await refusal(revokeApiClient(adminB, { apiClientId: issued.apiClientId }))).code).toBe("NOT_FOUND");
    expect((await refusal(listApiCalls(adminB, { apiClientId: issued.apiClientId }))).code).toBe("NOT_FOUND");
    expect((await t.db.apiClient.findFirstOrThrow({ where: { id: issued.apiClientId } })).revokedAt).toBeNull();
  });

  it("bad input is refused in Russian, field by field", async () => {
    const e = await refusal(createApiClient(admin, { name: " ", kind: "OTHER" as "SCHOOL_TOOL", scopes: [SCOPE.gradebookDelete], rateLimit: 0 }));
    expect(e.code).toBe("BAD_INPUT");
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["kind", "name", "rateLimit", "scopes"]);
    expect(e.fieldErrors?.["name"]?.[0]).toMatch(/Введите название/);
    const none = await refusal(createApiClient(admin, { name: "Без прав", kind: "SCHOOL_TOOL", scopes: [] }));
    expect(none.fieldErrors?.["scopes"]).toEqual(["Отметьте хотя бы одно право доступа."]);
  });

  it("the form's ticks become the scopes; an empty limit is the default, a word is refused", async () => {
    const form = createApiClientFormSchema.parse({ name: "Библиотека", kind: "SCHOOL_TOOL", rateLimit: "", scope_rosterCore: "on", scope_gradebookWrite: "on" });
    expect(form).toEqual({ name: "Библиотека", kind: "SCHOOL_TOOL", scopes: [SCOPE.rosterCore, SCOPE.gradebookWrite], rateLimit: 600 });
    const issued = await createApiClient(admin, form);
    expect((await t.db.apiClient.findFirstOrThrow({ where: { id: issued.apiClientId } })).scopes).toEqual([SCOPE.rosterCore, SCOPE.gradebookWrite]);
    const again = await refusal(createApiClient(admin, form));
    expect(again.code).toBe("CONFLICT");
    const word = await refusal(createApiClient(admin, createApiClientFormSchema.parse({ name: "Столовая", kind: "SCHOOL_TOOL", rateLimit: "много", scope_roster: "on" })));
    expect(word.fieldErrors?.["rateLimit"]?.[0]).toMatch(/^Предел обращений/);
  });
});

describe("the token endpoint and the API", () => {
  it("gives a token by HTTP Basic that the API accepts, with all the client's scopes", async () => {
    const issued = await connect({ kind: "DIARY_SERVICE" });
    const { response, body } = await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, issued.secret] });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 3600, scope: `${SCOPE.rosterCore} ${SCOPE.roster} ${SCOPE.gradebookRead}` });
    const caller = await authenticate(apiRequest(body["access_token"] as string));
    expect(caller).toEqual({ schoolId: f.A.id, apiClientId: issued.apiClientId, name: issued.name, kind: "DIARY_SERVICE", scopes: [SCOPE.rosterCore, SCOPE.roster, SCOPE.gradebookRead] });
  });

  it("gives a token for client_id and client_secret in the body too", async () => {
    const issued = await connect();
    const { response, body } = await askToken({ grant_type: "client_credentials", client_id: issued.clientId, client_secret: issued.secret });
    expect(response.status).toBe(200);
    expect((await authenticate(apiRequest(body["access_token"] as string))).apiClientId).toBe(issued.apiClientId);
  });

  it("a wrong secret and an unknown client get the same invalid_client, and nothing else", async () => {
    const issued = await connect();
    const wrong = await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, `${issued.secret}x`] });
    const unknown = await askToken({ grant_type: "client_credentials" }, { basic: ["or-zzzz-zzzz-zzzz-zzzz", issued.secret] });
    for (const r of [wrong, unknown]) {
      expect(r.response.status).toBe(401);
      expect(r.response.headers.get("www-authenticate")).toMatch(/^Basic realm="oneroster"/);
      expect(r.response.headers.get("cache-control")).toBe("no-store");
      expect(r.body).toEqual({ error: "invalid_client", error_description: "Client authentication failed." });
    }
    const noCredentials = await askToken({ grant_type: "client_credentials" });
    expect(noCredentials.response.status).toBe(401);
    expect(noCredentials.body["error"]).toBe("invalid_client");
  });

  it("refuses malformed requests with the RFC 6749 error codes", async () => {
    const issued = await connect();
    const basic: [string, string] = [issued.clientId, issued.secret];
    expect((await askToken({ grant_type: "password" }, { basic })).body["error"]).toBe("unsupported_grant_type");
    expect((await askToken({}, { basic })).body["error"]).toBe("invalid_request");
    const json = await askToken({ grant_type: "client_credentials" }, { basic, contentType: "application/json" });
    expect([json.response.status, json.body["error"]]).toEqual([400, "invalid_request"]);
    const both = await askToken({ grant_type: "client_credentials", client_secret: issued.secret }, { basic });
    expect([both.response.status, both.body["error"]]).toEqual([400, "invalid_request"]);
    const repeated = await POST(new Request(TOKEN_URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "10.9.9.9" },
      body: `grant_type=client_credentials&client_id=${issued.clientId}&client_id=${issued.clientId}&client_secret=${issued.secret}`,
    }));
    expect([repeated.status, ((await repeated.json()) as { error: string }).error]).toEqual([400, "invalid_request"]);
  });

  it("grants a subset of the client's scopes, and refuses a scope it was not given", async () => {
    const issued = await connect({ scopes: [SCOPE.rosterCore, SCOPE.gradebookCore] });
    const basic: [string, string] = [issued.clientId, issued.secret];
    const subset = await askToken({ grant_type: "client_credentials", scope: SCOPE.rosterCore }, { basic });
    expect(subset.body["scope"]).toBe(SCOPE.rosterCore);
    const caller = await authenticate(apiRequest(subset.body["access_token"] as string));
    expect(caller.scopes).toEqual([SCOPE.rosterCore]);
    expect(() => requireScope(caller, [SCOPE.roster, SCOPE.rosterCore])).not.toThrow();
    const forbidden = (() => {
      try {
        requireScope(caller, [SCOPE.gradebookRead, SCOPE.gradebookCore]);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(forbidden).toBeInstanceOf(OneRosterError);
    expect((forbidden as OneRosterError).codeMinor).toBe("forbidden");
    expect((forbidden as OneRosterError).status).toBe(403);
    expect((forbidden as OneRosterError).message).toContain(SCOPE.gradebookCore);

    const beyond = await askToken({ grant_type: "client_credentials", scope: `${SCOPE.rosterCore} ${SCOPE.gradebookWrite}` }, { basic });
    expect([beyond.response.status, beyond.body["error"]]).toEqual([400, "invalid_scope"]);
    expect(beyond.body["access_token"]).toBeUndefined();
  });

  it("refuses a missing, malformed or forged bearer token with unauthorisedrequest and WWW-Authenticate", async () => {
    const issued = await connect();
    const { body } = await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, issued.secret] });
    const token = body["access_token"] as string;
    const forged = `${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`;
    for (const request of [apiRequest(), apiRequest("not-a-token"), apiRequest(forged), new Request(API_URL, { headers: { authorization: `Basic ${token}` } })]) {
      const e = await oneRosterRefusal(authenticate(request));
      expect([e.codeMinor, e.status]).toEqual(["unauthorisedrequest", 401]);
      expect(e.headers["WWW-Authenticate"]).toBe('Bearer realm="oneroster", error="invalid_token"');
    }
  });

  it("a revoked client's token, still within its hour, is refused at once; so is a new token", async () => {
    const issued = await connect();
    const { body } = await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, issued.secret] });
    const token = body["access_token"] as string;
    await authenticate(apiRequest(token));
    expect(await revokeApiClient(admin, { apiClientId: issued.apiClientId })).toEqual({ name: issued.name });
    const e = await oneRosterRefusal(authenticate(apiRequest(token)));
    expect(e.codeMinor).toBe("unauthorisedrequest");
    expect((await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, issued.secret] })).response.status).toBe(401);
    expect((await refusal(rotateApiClientSecret(admin, { apiClientId: issued.apiClientId }))).code).toBe("CONFLICT");
    expect((await listApiClients(admin)).find((c) => c.id === issued.apiClientId)?.revokedAt).toBeInstanceOf(Date);
  });

  it("a new secret ends the old one and the tokens issued with it", async () => {
    const issued = await connect();
    const old = await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, issued.secret] });
    const rotated = await rotateApiClientSecret(admin, { apiClientId: issued.apiClientId });
    expect(rotated.clientId).toBe(issued.clientId);
    expect(rotated.secret).not.toBe(issued.secret);
    expect((await oneRosterRefusal(authenticate(apiRequest(old.body["access_token"] as string)))).codeMinor).toBe("unauthorisedrequest");
    expect((await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, issued.secret] })).response.status).toBe(401);
    const fresh = await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, rotated.secret] });
    expect(fresh.response.status).toBe(200);
    expect((await authenticate(apiRequest(fresh.body["access_token"] as string))).apiClientId).toBe(issued.apiClientId);
  });

  it("over the client's rate limit the API answers server_busy with Retry-After", async () => {
    const issued = await connect({ rateLimit: 2 });
    const { body } = await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, issued.secret] });
    const token = body["access_token"] as string;
    // the token request was the first call of the minute
    await authenticate(apiRequest(token));
    const e = await oneRosterRefusal(authenticate(apiRequest(token)));
    expect([e.codeMinor, e.status]).toEqual(["server_busy", 429]);
    const wait = Number(e.headers["Retry-After"]);
    expect(Number.isInteger(wait) && wait >= 1 && wait <= 60).toBe(true);
    // another client of the same school is not slowed down by it
    const other = await connect({ rateLimit: 2 });
    const second = await askToken({ grant_type: "client_credentials" }, { basic: [other.clientId, other.secret] });
    await authenticate(apiRequest(second.body["access_token"] as string));
  });

  it("after too many wrong secrets for one client_id, even the right one waits", async () => {
    const issued = await connect();
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) {
      const r = await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, `guess-${i}`] });
      expect(r.response.status).toBe(401);
    }
    const right = await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, issued.secret] });
    expect(right.response.status).toBe(429);
    expect(right.body["access_token"]).toBeUndefined();
    expect(Number(right.response.headers.get("retry-after"))).toBeGreaterThan(0);
    // other clients are not blocked
    const other = await connect();
    expect((await askToken({ grant_type: "client_credentials" }, { basic: [other.clientId, other.secret] })).response.status).toBe(200);
  });
});

describe("the call log", () => {
  it("logCall writes the call and marks the client used; the administrator reads it newest first", async () => {
    const issued = await connect();
    const { body } = await askToken({ grant_type: "client_credentials" }, { basic: [issued.clientId, issued.secret] });
    const caller: ApiCaller = await authenticate(apiRequest(body["access_token"] as string));
    await logCall(caller, apiRequest(), 200, 12.6, 5);
    await logCall(caller, new Request("http://localhost:3000/ims/oneroster/rostering/v1p2/demographics"), 403, 3, null);

    const { client, calls } = await listApiCalls(admin, { apiClientId: issued.apiClientId });
    expect(client.name).toBe(issued.name);
    expect(calls.map((c) => [c.method, c.path, c.status, c.ms, c.records])).toEqual([
      ["GET", "/ims/oneroster/rostering/v1p2/demographics", 403, 3, null],
      ["GET", "/ims/oneroster/rostering/v1p2/students?limit=5", 200, 13, 5],
      // the token request itself
      ["POST", "/ims/oneroster/v1p2/token", 200, expect.any(Number), null],
    ]);
    const listed = (await listApiClients(admin)).find((c) => c.id === issued.apiClientId);
    expect(listed?.callsLast24h).toBe(3);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("lastUsedAt is written at most once a minute", async () => {
    const issued = await connect();
    const caller: ApiCaller = { schoolId: f.A.id, apiClientId: issued.apiClientId, name: issued.name, kind: "SCHOOL_TOOL", scopes: [] };
    await logCall(caller, apiRequest(), 200, 1, 0);
    const first = (await t.db.apiClient.findFirstOrThrow({ where: { id: issued.apiClientId } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 5));
    await logCall(caller, apiRequest(), 200, 1, 0);
    expect((await t.db.apiClient.findFirstOrThrow({ where: { id: issued.apiClientId } })).lastUsedAt).toEqual(first);
    expect(await t.db.apiCall.count({ where: { apiClientId: issued.apiClientId } })).toBe(2);
  });
});

describe("the demo client", () => {
  it("is created once with every read scope, and its published credentials get a token", async () => {
    const id = await seedDemoApiClient(t.db, f.A.id);
    expect(await seedDemoApiClient(t.db, f.A.id)).toBe(id);
    const rows = await t.db.apiClient.findMany({ where: { clientId: DEMO_CLIENT_ID } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ schoolId: f.A.id, name: "Демо-клиент OneRoster", kind: "SCHOOL_TOOL", revokedAt: null });
    expect([...(rows[0]?.scopes ?? [])].sort()).toEqual([SCOPE.rosterCore, SCOPE.roster, SCOPE.rosterDemographics, SCOPE.gradebookRead, SCOPE.gradebookCore].sort());

    const { response, body } = await askToken({ grant_type: "client_credentials" }, { basic: [DEMO_CLIENT_ID, DEMO_CLIENT_SECRET] });
    expect(response.status).toBe(200);
    expect((await authenticate(apiRequest(body["access_token"] as string))).schoolId).toBe(f.A.id);
    // a second run does not end the tokens already given out
    await seedDemoApiClient(t.db, f.A.id);
    expect((await authenticate(apiRequest(body["access_token"] as string))).apiClientId).toBe(id);
  });

  it("cannot belong to two schools", async () => {
    await expect(seedDemoApiClient(t.db, f.B.id)).rejects.toThrow(/другой школе/);
  });
});
