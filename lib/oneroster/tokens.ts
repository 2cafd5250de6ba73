/**
 * Access tokens and client credentials of the OneRoster API.
 *
 * A token is stateless: the API checks it with no database read of its own, and the
 * one read it does make (lib/oneroster/auth.ts loads the client to refuse a revoked one)
 * is needed anyway. It is `or1.<claims>.<signature>`, both parts base64url; the signature
 * is HMAC-SHA256 of the claims under a key derived (HKDF) from the app's AUTH_SECRET, so
 * a change of that secret ends every token, and no other use of the secret (session
 * cookies) can produce a valid token. The claims carry a fingerprint of the client's
 * secret hash: rotating the secret ends the tokens issued under the old one at once.
 *
 * Client secrets are 32 random bytes (base64url), kept only as a scrypt hash
 * (lib/auth/password.ts); the client_id is readable so an administrator can read it
 * out over the phone to the diary service's support.
 */
import { createHash, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

import { authSecret } from "@/lib/auth/secret";

/** Lifetime of an access token, seconds (the IMS Security Framework recommends one hour). */
export const TOKEN_TTL_SECONDS = 3600;

const PREFIX = "or1";
/** A token longer than this is not ours: refused before any decoding. */
const MAX_TOKEN_LENGTH = 4096;

export type TokenClaims = {
  /** ApiClient.id (the row) */
  apiClientId: string;
  schoolId: string;
  /** the scope URIs granted */
  scopes: readonly string[];
  /** fingerprint of the client's secret hash when the token was issued */
  secretFingerprint: string;
  /** issued and expires, seconds since the epoch */
  issuedAt: number;
  expiresAt: number;
};

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: "malformed" | "signature" | "expired" };

let cachedKey: { secret: string; key: Buffer } | undefined;

function signingKey(): Buffer {
  const secret = authSecret();
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "zhurnal", "oneroster access token v1", 32)) };
  }
  return cachedKey.key;
}

function sign(body: string): Buffer {
  return createHmac("sha256", signingKey()).update(`${PREFIX}.${body}`).digest();
}

/** A short, non-reversible fingerprint of a stored secret hash. */
export function secretFingerprint(secretHash: string): string {
  return createHash("sha256").update(secretHash).digest("base64url").slice(0, 16);
}

export function issueToken(
  grant: { apiClientId: string; schoolId: string; scopes: readonly string[]; secretHash: string },
  now: Date = new Date(),
): { token: string; expiresIn: number; claims: TokenClaims } {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const claims: TokenClaims = {
    apiClientId: grant.apiClientId,
    schoolId: grant.schoolId,
    scopes: [...grant.scopes],
    secretFingerprint: secretFingerprint(grant.secretHash),
    issuedAt,
    expiresAt: issuedAt + TOKEN_TTL_SECONDS,
  };
  // short keys: the token travels in every request's header
  const wire = { c: claims.apiClientId, s: claims.schoolId, sc: claims.scopes, k: claims.secretFingerprint, iat: claims.issuedAt, exp: claims.expiresAt };
  const body = Buffer.from(JSON.stringify(wire)).toString("base64url");
  return { token: `${PREFIX}.${body}.${sign(body).toString("base64url")}`, expiresIn: TOKEN_TTL_SECONDS, claims };
}

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0;

export function verifyToken(token: string, now: Date = new Date()): TokenCheck {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, reason: "malformed" };
  const [, body, signature] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]+$/.test(signature)) return { ok: false, reason: "malformed" };
  const given = Buffer.from(signature, "base64url");
  const expected = sign(body);
  // the length is public (always 32 bytes); only equal-length buffers can be compared in constant time
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature" };

  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof wire !== "object" || wire === null) return { ok: false, reason: "malformed" };
  const w = wire as Record<string, unknown>;
  const scopes = w["sc"];
  if (
    !isString(w["c"]) || !isString(w["s"]) || !isString(w["k"]) ||
    !Array.isArray(scopes) || !scopes.every(isString) ||
    !Number.isInteger(w["iat"]) || !Number.isInteger(w["exp"])
  ) {
    return { ok: false, reason: "malformed" };
  }
  const expiresAt = w["exp"] as number;
  if (Math.floor(now.getTime() / 1000) >= expiresAt) return { ok: false, reason: "expired" };
  return {
    ok: true,
    claims: { apiClientId: w["c"], schoolId: w["s"], scopes, secretFingerprint: w["k"], issuedAt: w["iat"] as number, expiresAt },
  };
}

/** A new client secret: 32 random bytes, base64url (43 characters). Shown once, stored hashed. */
export function newClientSecret(): string {
  return randomBytes(32).toString("base64url");
}

// no 0/o, 1/l/i: read out over the phone without mistakes
const ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** A readable random client_id, e.g. `or-k7m2-x9qa-4tne-hv3p` (16 symbols, about 79 bits). */
export function newClientId(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = "";
    for (let i = 0; i < 4; i++) group += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
    groups.push(group);
  }
  return `or-${groups.join("-")}`;
}
