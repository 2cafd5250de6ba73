"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";

import { getPrincipal } from "@/lib/auth/session";
import { setMyLocale } from "@/lib/auth/preferences";
import { LOCALE_COOKIE } from "@/lib/i18n/request";

/** Switches the interface language; remembered on the device and, when signed in, in the account. */
export async function switchLocaleAction(form: FormData): Promise<void> {
  const locale = form.get("locale") === "en" ? "en" : "ru";
  const store = await cookies();
  store.set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 86_400 });
  const p = await getPrincipal();
  if (p) await setMyLocale(p, locale);
  revalidatePath("/", "layout");
}
