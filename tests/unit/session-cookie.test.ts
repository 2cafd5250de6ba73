// The session cookie as next-auth writes it at sign-in, read back the way every page,
// route and action now reads it (lib/auth/session-cookie.ts).
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";

import { forgetSessionCookies, readSessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";

const SECRET = "unit-secret-unit-secret-unit-secret-12";
const UID = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

async function cookieFor(token: Record<string, unknown>, o: { secure?: boolean; secret?: string; maxAge?: number } = {}): Promise<string> {
  const name = sessionCookieName(o.secure ?? false);
  const jwe = await encode({ token, secret: o.secret ?? SECRET, salt: name, maxAge: o.maxAge ?? 3600 });
  return `${name}=${jwe}`;
}

describe("reading the session cookie", () => {
  beforeEach(() => forgetSessionCookies());

  it("gives the user and the session version next-auth wrote", async () => {
    const cookie = await cookieFor({ uid: UID, sv: 3 });
    expect(await readSessionCookie(`theme=dark; ${cookie}; other=1`, { secret: SECRET, secure: false })).toEqual({ uid: UID, sv: 3 });
  });

  it("reads the __Secure- cookie over HTTPS and not the plain one", async () => {
    const secure = await cookieFor({ uid: UID, sv: 1 }, { secure: true });
    const plain = await cookieFor({ uid: UID, sv: 1 });
    expect(await readSessionCookie(secure, { secret: SECRET, secure: true })).toEqual({ uid: UID, sv: 1 });
    expect(await readSessionCookie(plain, { secret: SECRET, secure: true })).toBeNull();
  });

  it("is nobody without a cookie, with a changed cookie, or with another server's secret", async () => {
    const cookie = await cookieFor({ uid: UID, sv: 1 });
    expect(await readSessionCookie("", { secret: SECRET, secure: false })).toBeNull();
    const tampered = cookie.slice(0, -6) + (cookie.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    expect(await readSessionCookie(tampered, { secret: SECRET, secure: false })).toBeNull();
    expect(await readSessionCookie(cookie, { secret: "another-secret-another-secret-another-1", secure: false })).toBeNull();
  });

  it("a cookie once read is not accepted under another secret from memory", async () => {
    const cookie = await cookieFor({ uid: UID, sv: 1 });
    expect(await readSessionCookie(cookie, { secret: SECRET, secure: false })).toEqual({ uid: UID, sv: 1 });
    expect(await readSessionCookie(cookie, { secret: "another-secret-another-secret-another-1", secure: false })).toBeNull();
  });

  it("ends when the session expires, also for a cookie already read", async () => {
    const cookie = await cookieFor({ uid: UID, sv: 1 }, { maxAge: 60 });
    const now = Date.now();
    expect(await readSessionCookie(cookie, { secret: SECRET, secure: false, now })).toEqual({ uid: UID, sv: 1 });
    // still within next-auth's 15 s of clock tolerance
    expect(await readSessionCookie(cookie, { secret: SECRET, secure: false, now: now + 70_000 })).toEqual({ uid: UID, sv: 1 });
    expect(await readSessionCookie(cookie, { secret: SECRET, secure: false, now: now + 80_000 })).toBeNull();
  });

  it("an expired cookie never read before is nobody", async () => {
    const cookie = await cookieFor({ uid: UID, sv: 1 }, { maxAge: -60 });
    expect(await readSessionCookie(cookie, { secret: SECRET, secure: false })).toBeNull();
  });

  it("a cookie without a user or a version is nobody", async () => {
    expect(await readSessionCookie(await cookieFor({ sv: 1 }), { secret: SECRET, secure: false })).toBeNull();
    expect(await readSessionCookie(await cookieFor({ uid: UID }), { secret: SECRET, secure: false })).toBeNull();
    expect(await readSessionCookie(await cookieFor({ uid: "", sv: 1 }), { secret: SECRET, secure: false })).toBeNull();
  });

  it("joins a cookie that next-auth split into chunks", async () => {
    const cookie = await cookieFor({ uid: UID, sv: 2 });
    const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
    const half = Math.floor(value.length / 2);
    const split = `${name}.0=${value.slice(0, half)}; ${name}.1=${value.slice(half)}`;
    expect(await readSessionCookie(split, { secret: SECRET, secure: false })).toEqual({ uid: UID, sv: 2 });
  });
});
