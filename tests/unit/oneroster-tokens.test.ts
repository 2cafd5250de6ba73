/**
 * The OneRoster access token (lib/oneroster/tokens.ts): what a client is given by the
 * token endpoint must come back exactly as issued, for an hour, and nothing forged,
 * altered or expired may pass — the API trusts the school id and scopes inside it.
 */
import { describe, expect, it } from "vitest";

import { SCOPE } from "../../lib/oneroster/caller";
import { issueToken, newClientId, newClientSecret, secretFingerprint, TOKEN_TTL_SECONDS, verifyToken } from "../../lib/oneroster/tokens";

const grant = {
  apiClientId: "0190a7f0-0000-7000-8000-000000000001",
  schoolId: "0190a7f0-0000-7000-8000-0000000000aa",
  scopes: [SCOPE.rosterCore, SCOPE.gradebookRead],
  secretHash: "scrypt$32768$8$1$c2FsdA==$a2V5",
};
const NOW = new Date("2026-12-09T07:00:00Z");

/** The token with its claims part replaced, keeping the original signature. */
function withClaims(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [prefix, body, signature] = token.split(".");
  const claims = JSON.parse(Buffer.from(body ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
  change(claims);
  return `${prefix}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
}

describe("access tokens", () => {
  it("carry the client, the school, the scopes and an expiry one hour on", () => {
    const { token, expiresIn } = issueToken(grant, NOW);
    expect(expiresIn).toBe(3600);
    const checked = verifyToken(token, NOW);
    expect(checked).toEqual({
      ok: true,
      claims: {
        apiClientId: grant.apiClientId,
        schoolId: grant.schoolId,
        scopes: grant.scopes,
        secretFingerprint: secretFingerprint(grant.secretHash),
        issuedAt: NOW.getTime() / 1000,
        expiresAt: NOW.getTime() / 1000 + TOKEN_TTL_SECONDS,
      },
    });
  });

  it("are accepted until the last second of the hour and refused from then on", () => {
    const { token } = issueToken(grant, NOW);
    expect(verifyToken(token, new Date(NOW.getTime() + 3599_000)).ok).toBe(true);
    expect(verifyToken(token, new Date(NOW.getTime() + 3600_000))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuse a token whose claims were changed: another school, more scopes, a later expiry", () => {
    const { token } = issueToken(grant, NOW);
    const forged = [
      withClaims(token, (c) => (c["s"] = "0190a7f0-0000-7000-8000-0000000000bb")),
      withClaims(token, (c) => (c["sc"] = [...grant.scopes, SCOPE.gradebookWrite])),
      withClaims(token, (c) => (c["exp"] = (c["exp"] as number) + 86_400)),
    ];
    for (const f of forged) expect(verifyToken(f, NOW)).toEqual({ ok: false, reason: "signature" });
  });

  it("refuse a changed signature, and anything that is not a token of ours", () => {
    const { token } = issueToken(grant, NOW);
    const [prefix, body, signature = ""] = token.split(".");
    const flipped = `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
    expect(verifyToken(`${prefix}.${body}.${flipped}`, NOW)).toEqual({ ok: false, reason: "signature" });
    expect(verifyToken(`${prefix}.${body}.${signature.slice(0, -2)}`, NOW)).toEqual({ ok: false, reason: "signature" });
    for (const bad of ["", "abc", `or2.${body}.${signature}`, `${prefix}.${body}`, `${prefix}.${body}.${signature}.x`, "a".repeat(5000)]) {
      expect(verifyToken(bad, NOW)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("are signed with a key of their own: an HMAC of the claims under AUTH_SECRET itself does not pass", async () => {
    const { createHmac } = await import("node:crypto");
    const { authSecret } = await import("../../lib/auth/secret");
    const { token } = issueToken(grant, NOW);
    const [prefix, body] = token.split(".");
    const naive = createHmac("sha256", authSecret()).update(`${prefix}.${body}`).digest("base64url");
    expect(verifyToken(`${prefix}.${body}.${naive}`, NOW)).toEqual({ ok: false, reason: "signature" });
  });

  it("keep the scopes asked for, in order, and a client's secret change shows in the fingerprint", () => {
    const one = issueToken({ ...grant, scopes: [SCOPE.gradebookCore] }, NOW);
    const checked = verifyToken(one.token, NOW);
    expect(checked.ok && checked.claims.scopes).toEqual([SCOPE.gradebookCore]);
    expect(secretFingerprint("scrypt$other")).not.toBe(secretFingerprint(grant.secretHash));
  });
});

describe("client credentials", () => {
  it("a secret is 32 random bytes in base64url, a new one every time", () => {
    const a = newClientSecret();
    const b = newClientSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it("a client_id is readable: no 0/o or 1/l/i to confuse over the phone", () => {
    const ids = Array.from({ length: 50 }, newClientId);
    for (const id of ids) expect(id).toMatch(/^or-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
