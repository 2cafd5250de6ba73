/**
 * Reads the session cookie that next-auth wrote (lib/auth/next-auth.ts): a JWE of
 * {uid, sv}, encrypted with a key derived from AUTH_SECRET and the cookie's name.
 *
 * Pages, route handlers and server actions used to call next-auth's `auth()` for this.
 * With no arguments `auth()` runs the whole Auth.js request cycle for its «session»
 * action: a `Request` is built, a CSRF token is made and hashed, the cookie is decrypted,
 * a fresh cookie is encrypted and a JSON `Response` written, parsed back, and the fresh
 * cookie thrown away (a server component cannot set cookies). Under the morning load
 * that was 7.5 % of the server's thread (docs/benchmarks.md, «Third round»). Here the
 * cookie is only decrypted, with next-auth's own `decode` (the same algorithm, key and
 * clock tolerance), and a cookie already read is remembered: the same string, being
 * authenticated encryption, always holds the same payload. Its expiry is checked on every
 * use. Whether the session is still valid (its version, a disabled account) is decided
 * from the database on every request (lib/auth/load-principal.ts), as before.
 *
 * The session's lifetime is unchanged: `auth()` never renewed it from a page or an
 * action either (the renewed cookie was discarded), so a session ends SESSION_HOURS
 * after sign-in.
 */
import "server-only";
import { decode, getToken } from "next-auth/jwt";

import { env } from "@/lib/env";

export type SessionClaims = { uid: string; sv: number };

/** Cookies are `Secure` (and named `__Secure-…`) when the app is served over HTTPS. */
export function secureSessionCookie(): boolean {
  return env.APP_URL.startsWith("https://");
}

/** next-auth's cookie names; the `__Secure-` one when the app is served over HTTPS */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/** next-auth's `decode` allows this much clock skew on `exp`, in seconds */
const CLOCK_TOLERANCE_S = 15;
/** far more sessions than one server process sees between restarts in a morning */
const REMEMBERED = 20_000;

type Known = { secret: string; claims: SessionClaims | null; exp: number };
const known = new Map<string, Known>();

function remember(token: string, entry: Known): void {
  if (known.size >= REMEMBERED) {
    // the oldest first (a Map keeps the order of insertion)
    const oldest = known.keys().next();
    if (!oldest.done) known.delete(oldest.value);
  }
  known.set(token, entry);
}

function claimsOf(payload: Record<string, unknown>): SessionClaims | null {
  const { uid, sv } = payload;
  return typeof uid === "string" && uid !== "" && typeof sv === "number" ? { uid, sv } : null;
}

/**
 * The claims of the session cookie in a `Cookie` header, or null: no cookie, a cookie
 * that does not decrypt with this secret, an expired one, or one without a user.
 */
export async function readSessionCookie(cookieHeader: string, o: { secret: string; secure: boolean; now?: number }): Promise<SessionClaims | null> {
  const name = sessionCookieName(o.secure);
  // next-auth's own reader: it joins a cookie split into chunks (name.0, name.1 …)
  const token = await getToken({ req: { headers: { cookie: cookieHeader } }, secret: o.secret, secureCookie: o.secure, cookieName: name, raw: true });
  if (!token) return null;
  const now = o.now ?? Date.now();
  const cacheKey = `${name}=${token}`;
  const seen = known.get(cacheKey);
  if (seen && seen.secret === o.secret) return seen.exp * 1000 + CLOCK_TOLERANCE_S * 1000 > now ? seen.claims : null;
  let payload: Record<string, unknown> | null;
  try {
    payload = await decode<Record<string, unknown>>({ token, secret: o.secret, salt: name });
  } catch {
    // tampered, another secret, expired: the visitor is simply not signed in
    return null;
  }
  if (!payload || typeof payload["exp"] !== "number") return null;
  const entry = { secret: o.secret, claims: claimsOf(payload), exp: payload["exp"] };
  remember(cacheKey, entry);
  return entry.exp * 1000 + CLOCK_TOLERANCE_S * 1000 > now ? entry.claims : null;
}

/** For tests: forget every cookie read. */
export function forgetSessionCookies(): void {
  known.clear();
}
