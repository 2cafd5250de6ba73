/**
 * Who may call the OneRoster API, and how often: every request of the rostering and
 * gradebook routes starts with `authenticate` (the bearer token, the client behind it,
 * its rate limit), each operation checks its scope with `requireScope`, and every answer
 * ends with `logCall` (the administrator's call log).
 *
 * The rate limit is a token bucket per client, kept in the memory of this process: it
 * is there to keep one busy client from slowing the journal for teachers, not to count
 * exactly; with several server processes each allows the client's rate.
 */
import "server-only";

import type { ApiCaller } from "@/lib/oneroster/caller";
import { OneRosterError } from "@/lib/oneroster/errors";
import { secretFingerprint, verifyToken } from "@/lib/oneroster/tokens";
import { db } from "@/lib/db/server";

const INVALID_TOKEN = { "WWW-Authenticate": 'Bearer realm="oneroster", error="invalid_token"' };

function refuse(description: string): never {
  throw new OneRosterError("unauthorisedrequest", description, INVALID_TOKEN);
}

function bearerToken(request: Request): string {
  const header = request.headers.get("authorization");
  if (!header) refuse("An access token is required: send 'Authorization: Bearer <token>' (get one at /ims/oneroster/v1p2/token).");
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)[ ]*$/i.exec(header);
  if (!match?.[1]) refuse("The Authorization header must be 'Bearer <token>'.");
  return match[1];
}

export async function authenticate(request: Request): Promise<ApiCaller> {
  const checked = verifyToken(bearerToken(request));
  if (!checked.ok) {
    refuse(checked.reason === "expired" ? "The access token has expired: request a new one." : "The access token is not valid.");
  }
  const { claims } = checked;
  const client = await db.apiClient.findUnique({
    where: { schoolId_id: { schoolId: claims.schoolId, id: claims.apiClientId } },
    select: { id: true, schoolId: true, name: true, kind: true, scopes: true, secretHash: true, rateLimit: true, revokedAt: true },
  });
  if (!client || client.revokedAt) refuse("The client of this access token has been revoked.");
  if (secretFingerprint(client.secretHash) !== claims.secretFingerprint) refuse("The client's secret has been changed since this access token was issued: request a new one.");
  takeCall(client.id, client.rateLimit);
  // a scope taken away from the client since the token was issued is not honoured
  const scopes = claims.scopes.filter((s) => client.scopes.includes(s));
  return { schoolId: client.schoolId, apiClientId: client.id, name: client.name, kind: client.kind, scopes };
}

export function requireScope(caller: ApiCaller, anyOf: readonly string[]): void {
  if (anyOf.some((s) => caller.scopes.includes(s))) return;
  throw new OneRosterError("forbidden", `This operation needs one of these scopes: ${anyOf.join(", ")}.`);
}

// ───────────────────────────── rate limit ─────────────────────────────

type Bucket = { tokens: number; at: number };
const buckets = new Map<string, Bucket>();
const MAX_BUCKETS = 10_000;

/**
 * Counts one call of the client against its limit (calls per minute); over the limit,
 * refuses with server_busy and how many seconds to wait. The token endpoint counts too.
 * Counted per server process and not divided between them (a client on one kept-alive
 * connection meets one process and would get half its budget): with N processes a client
 * spread over connections can make up to N times its limit (decision 011).
 */
export function takeCall(apiClientId: string, perMinute: number, now = Date.now()): void {
  const capacity = Math.max(1, perMinute);
  const perMs = capacity / 60_000;
  const previous = buckets.get(apiClientId);
  const tokens = previous ? Math.min(capacity, previous.tokens + (now - previous.at) * perMs) : capacity;
  if (tokens < 1) {
    buckets.set(apiClientId, { tokens, at: now });
    const seconds = Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
    throw new OneRosterError("server_busy", `Rate limit of ${capacity} calls per minute exceeded: retry in ${seconds} s.`, { "Retry-After": String(seconds) });
  }
  // re-inserted last, so the oldest-used bucket is the first key when memory must be bounded
  buckets.delete(apiClientId);
  buckets.set(apiClientId, { tokens: tokens - 1, at: now });
  if (buckets.size > MAX_BUCKETS) {
    const oldest = buckets.keys().next().value;
    if (oldest !== undefined) buckets.delete(oldest);
  }
}

// ───────────────────────────── call log ─────────────────────────────

const LAST_USED_EVERY_MS = 60_000;
const lastUsedWritten = new Map<string, number>();
const MAX_PATH = 2000;

export async function logCall(caller: ApiCaller, request: Request, status: number, ms: number, records: number | null): Promise<void> {
  try {
    const url = new URL(request.url);
    const now = new Date();
    await db.apiCall.create({
      data: {
        schoolId: caller.schoolId,
        apiClientId: caller.apiClientId,
        at: now,
        method: request.method.slice(0, 10),
        path: `${url.pathname}${url.search}`.slice(0, MAX_PATH),
        status,
        ms: Math.max(0, Math.round(ms)),
        records,
      },
    });
    await touchLastUsed(caller, now);
  } catch (error) {
    // the answer is already decided: a lost log line must not turn it into an error
    console.error("OneRoster: не удалось записать обращение в журнал вызовов:", error);
  }
}

/** ApiClient.lastUsedAt, written at most once a minute per client (and per process). */
async function touchLastUsed(caller: ApiCaller, now: Date): Promise<void> {
  const last = lastUsedWritten.get(caller.apiClientId);
  if (last !== undefined && now.getTime() - last < LAST_USED_EVERY_MS) return;
  lastUsedWritten.set(caller.apiClientId, now.getTime());
  if (lastUsedWritten.size > MAX_BUCKETS) {
    const oldest = lastUsedWritten.keys().next().value;
    if (oldest !== undefined) lastUsedWritten.delete(oldest);
  }
  // the condition keeps several processes from all writing in the same minute
  await db.apiClient.updateMany({
    where: {
      schoolId: caller.schoolId,
      id: caller.apiClientId,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_EVERY_MS) } }],
    },
    data: { lastUsedAt: now },
  });
}
