/**
 * Page-level convenience: send a visitor who is not signed in to the login page, and a
 * user on the wrong side of the app to their own home. This is navigation, not security:
 * every domain function checks permissions again.
 */
import "server-only";
import { redirect } from "next/navigation";

import { getPrincipal } from "@/lib/auth/session";
import { primaryRole, type Principal, type Role } from "@/lib/auth/principal";

export const HOME_OF: Record<Role, string> = { ADMIN: "/admin", TEACHER: "/journal", GUARDIAN: "/diary", STUDENT: "/diary" };

export async function requirePageRole(roles: readonly Role[], path: string): Promise<Principal> {
  const p = await getPrincipal();
  if (!p) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!p.roles.some((r) => roles.includes(r))) redirect(HOME_OF[primaryRole(p)]);
  return p;
}
