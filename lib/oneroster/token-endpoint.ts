/**
 * The OAuth 2 token endpoint of the OneRoster API (RFC 6749 §4.4, client credentials):
 * a client of a school sends its client_id and secret — by HTTP Basic (§2.3.1) or in the
 * form body — and gets a bearer token for an hour with the scopes it asked for (or all of
 * its scopes). Answers and refusals are RFC 6749 §5.1/§5.2 JSON, never cached.
 *
 * Failed client authentications are counted per client_id and per address, in the
 * memory of this process (the style of lib/auth/throttle.ts): over the cap the endpoint
 * stops checking secrets from there for a while. Real secrets are 256 random bits and
 * cannot be guessed anyway; the cap is the wall for a weak one and keeps the endpoint
 * from being used to burn the server's CPU on scrypt.
 */
import "server-only";

import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/server";
import { logCall, takeCall } from "@/lib/oneroster/auth";
import type { ApiCaller } from "@/lib/oneroster/caller";
import { OneRosterError } from "@/lib/oneroster/errors";
import { issueToken } from "@/lib/oneroster/tokens";
import { processShare } from "@/lib/security/process-share";

export const TOKEN_PATH = "/ims/oneroster/v1p2/token";

type OAuthError = "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope" | "temporarily_unavailable";

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };
const MAX_BODY = 8 * 1024;

function oauthError(status: number, error: OAuthError, description: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error, error_description: description }, { status, headers: { ...NO_STORE, ...headers } });
}

const invalidClient = () =>
  oauthError(401, "invalid_client", "Client authentication failed.", { "WWW-Authenticate": 'Basic realm="oneroster", charset="UTF-8"' });

// ───────────────────────────── throttle ─────────────────────────────

export const FAILURE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_CLIENT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;
const MAX_KEYS = 10_000;

const failures = { client: new Map<string, number[]>(), address: new Map<string, number[]>() };

function recent(map: Map<string, number[]>, key: string, now: number): number[] {
  return (map.get(key) ?? []).filter((t) => now - t < FAILURE_WINDOW_MS);
}

function recordFailure(map: Map<string, number[]>, key: string, now: number): void {
  const list = recent(map, key, now);
  list.push(now);
  map.set(key, list);
  if (map.size > MAX_KEYS) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}

/** Seconds until the next attempt is allowed from there, or 0 if it is allowed now. */
function blockedFor(map: Map<string, number[]>, key: string, cap: number, now: number): number {
  const list = recent(map, key, now);
  if (list.length < cap) return 0;
  const freesAt = (list[list.length - cap] ?? now) + FAILURE_WINDOW_MS;
  return Math.max(1, Math.ceil((freesAt - now) / 1000));
}

function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip")?.trim() || "local";
}

// ───────────────────────────── the request ─────────────────────────────

/** application/x-www-form-urlencoded decoding of one Basic credential part (RFC 6749 §2.3.1). */
function formDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

type Credentials = { clientId: string; secret: string };

function basicCredentials(header: string): Credentials | "bad" {
  const match = /^Basic[ ]+([A-Za-z0-9+/]+=*)[ ]*$/i.exec(header);
  if (!match?.[1]) return "bad";
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return "bad";
  const clientId = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  if (clientId === null || secret === null) return "bad";
  return { clientId, secret };
}

async function readForm(request: Request): Promise<Map<string, string> | Response> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    return oauthError(400, "invalid_request", "The request body must be application/x-www-form-urlencoded.");
  }
  const text = await request.text();
  if (text.length > MAX_BODY) return oauthError(400, "invalid_request", "The request body is too large.");
  const form = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(text)) {
    // RFC 6749 §3.2: request parameters must not be included more than once
    if (form.has(key)) return oauthError(400, "invalid_request", `The parameter '${key}' is repeated.`);
    form.set(key, value);
  }
  return form;
}

/** POST /ims/oneroster/v1p2/token */
export async function tokenEndpoint(request: Request, now: Date = new Date()): Promise<Response> {
  try {
    return await answer(request, now);
  } catch (error) {
    console.error("OneRoster: ошибка при выдаче токена:", error);
    return Response.json({ error: "server_error", error_description: "The server could not answer this request." }, { status: 500, headers: NO_STORE });
  }
}

async function answer(request: Request, now: Date): Promise<Response> {
  const started = performance.now();
  const form = await readForm(request);
  if (form instanceof Response) return form;

  const grantType = form.get("grant_type");
  if (!grantType) return oauthError(400, "invalid_request", "The parameter 'grant_type' is required.");
  if (grantType !== "client_credentials") return oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");

  const authorization = request.headers.get("authorization");
  let credentials: Credentials;
  if (authorization) {
    const basic = basicCredentials(authorization);
    if (basic === "bad") return invalidClient();
    // RFC 6749 §2.3: one authentication method per request
    if (form.has("client_secret")) return oauthError(400, "invalid_request", "Send the client credentials either by HTTP Basic or in the body, not both.");
    const bodyId = form.get("client_id");
    if (bodyId !== undefined && bodyId !== basic.clientId) return oauthError(400, "invalid_request", "The client_id in the body differs from the one in the Authorization header.");
    credentials = basic;
  } else {
    const clientId = form.get("client_id");
    const secret = form.get("client_secret");
    if (!clientId || secret === undefined) return invalidClient();
    credentials = { clientId, secret };
  }

  const at = now.getTime();
  const address = clientAddress(request);
  const wait = Math.max(
    // each server process keeps its share of the caps (lib/security/process-share.ts)
    blockedFor(failures.client, credentials.clientId, processShare(MAX_FAILURES_PER_CLIENT), at),
    blockedFor(failures.address, address, processShare(MAX_FAILURES_PER_ADDRESS), at),
  );
  if (wait > 0) {
    return oauthError(429, "invalid_client", `Too many failed client authentications: retry in ${wait} s.`, { "Retry-After": String(wait) });
  }

  const client = credentials.clientId.length > 200 ? null : await db.apiClient.findUnique({
    where: { clientId: credentials.clientId },
    select: { id: true, schoolId: true, name: true, kind: true, scopes: true, secretHash: true, rateLimit: true, revokedAt: true },
  });
  // an unknown client_id costs the same scrypt as a known one, so timing does not tell which ids exist
  const good = await verifyPassword(credentials.secret, client?.secretHash ?? (await dummyPasswordHash()));
  if (!client || !good || client.revokedAt) {
    recordFailure(failures.client, credentials.clientId, at);
    recordFailure(failures.address, address, at);
    return invalidClient();
  }

  const caller: ApiCaller = { schoolId: client.schoolId, apiClientId: client.id, name: client.name, kind: client.kind, scopes: client.scopes };
  const finish = async (response: Response) => {
    await logCall(caller, request, response.status, performance.now() - started, null);
    return response;
  };

  try {
    takeCall(client.id, client.rateLimit, at);
  } catch (error) {
    if (!(error instanceof OneRosterError)) throw error;
    return finish(oauthError(429, "temporarily_unavailable", error.message, error.headers));
  }

  const asked = form.get("scope")?.split(" ").filter((s) => s !== "");
  let scopes: string[];
  if (!asked || asked.length === 0) {
    scopes = [...client.scopes];
  } else {
    const unknown = asked.filter((s) => !client.scopes.includes(s));
    if (unknown.length > 0) return finish(oauthError(400, "invalid_scope", `This client may not ask for: ${unknown.join(" ")}.`));
    scopes = [...new Set(asked)];
  }

  const { token, expiresIn } = issueToken({ apiClientId: client.id, schoolId: client.schoolId, scopes, secretHash: client.secretHash }, now);
  return finish(Response.json({ access_token: token, token_type: "bearer", expires_in: expiresIn, scope: scopes.join(" ") }, { status: 200, headers: NO_STORE }));
}
