"use server";

import { cookies, headers } from "next/headers";

import { publicAction } from "@/lib/action";
import { attemptLogin } from "@/lib/auth/login";
import { redeemInvitation } from "@/lib/auth/invitations";
import { signIn, signOut } from "@/lib/auth/next-auth";
import { invitationSchema, loginSchema, setupSchema } from "@/lib/auth/schemas";
import { createFirstSchool } from "@/lib/school/setup";
import { LOCALE_COOKIE } from "@/lib/i18n/request";

async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}

/** Only a path inside the app is followed after sign-in, never another site. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export const loginAction = publicAction(loginSchema, async (input) => {
  const { ticket, locale } = await attemptLogin({ login: input.login, password: input.password, ip: await clientIp() });
  // the account's language follows the user to a new device
  (await cookies()).set(LOCALE_COOKIE, locale === "en" ? "en" : "ru", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 86_400 });
  await signIn("credentials", { ticket, redirectTo: safeNext(input.next) });
  return null;
});

export const invitationAction = publicAction(invitationSchema, async (input) => {
  const { ticket } = await redeemInvitation({ code: input.code, login: input.login, password: input.password, ip: await clientIp() });
  await signIn("credentials", { ticket, redirectTo: "/" });
  return null;
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login?signedOut=1" });
}

export const setupAction = publicAction(setupSchema, async (input) => {
  const { ticket } = await createFirstSchool(input);
  await signIn("credentials", { ticket, redirectTo: "/admin/calendar" });
  return null;
});
