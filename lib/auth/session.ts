/**
 * The signed-in user for this request, loaded from the database and memoised for the
 * request. A session whose version no longer matches (password changed, account
 * disabled) is treated as signed out.
 */
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";

import { loadPrincipal } from "@/lib/auth/load-principal";
import { authSecret } from "@/lib/auth/secret";
import { readSessionCookie, secureSessionCookie } from "@/lib/auth/session-cookie";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";

export const getPrincipal = cache(async (): Promise<Principal | null> => {
  // the cookie next-auth wrote at sign-in, read without next-auth's whole request cycle
  // (lib/auth/session-cookie.ts)
  const cookie = (await headers()).get("cookie") ?? "";
  const session = await readSessionCookie(cookie, { secret: authSecret(), secure: secureSessionCookie() });
  if (!session) return null;
  return loadPrincipal(session.uid, session.sv);
});

export async function requirePrincipal(): Promise<Principal> {
  const p = await getPrincipal();
  if (!p) throw new AppError("UNAUTHENTICATED");
  return p;
}
