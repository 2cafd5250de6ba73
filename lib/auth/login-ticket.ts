/**
 * A short-lived, single-use ticket that carries a verified sign-in from our own login
 * action to next-auth's credentials provider. The password is checked once, in
 * lib/auth/login.ts, with its throttling and Russian messages; next-auth then only
 * turns the ticket into its session cookie.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const TTL_MS = 60_000;
const used = new Map<string, number>();

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function issueLoginTicket(secret: string, userId: string, sessionVersion: number, now = Date.now()): string {
  const payload = `${userId}.${sessionVersion}.${now + TTL_MS}.${randomBytes(9).toString("base64url")}`;
  return `${payload}.${sign(secret, payload)}`;
}

export function redeemLoginTicket(
  secret: string,
  ticket: string,
  now = Date.now(),
): { userId: string; sessionVersion: number } | null {
  const parts = ticket.split(".");
  if (parts.length !== 5) return null;
  const [userId, sv, exp, nonce, mac] = parts as [string, string, string, string, string];
  const payload = `${userId}.${sv}.${exp}.${nonce}`;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(exp) < now || used.has(nonce)) return null;
  used.set(nonce, Number(exp));
  for (const [n, e] of used) if (e < now) used.delete(n);
  return { userId, sessionVersion: Number(sv) };
}
