/**
 * The signed-in user for this request, loaded from the database and memoised for the
 * request. A session whose version no longer matches (password changed, account
 * disabled) is treated as signed out.
 */
import "server-only";
import { cache } from "react";

import { auth } from "@/lib/auth/next-auth";
import { loadPrincipal } from "@/lib/auth/load-principal";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";

export const getPrincipal = cache(async (): Promise<Principal | null> => {
  const session = (await auth()) as { uid?: unknown; sv?: unknown } | null;
  if (!session || typeof session.uid !== "string" || typeof session.sv !== "number" || !session.uid) return null;
  return loadPrincipal(session.uid, session.sv);
});

export async function requirePrincipal(): Promise<Principal> {
  const p = await getPrincipal();
  if (!p) throw new AppError("UNAUTHENTICATED");
  return p;
}
