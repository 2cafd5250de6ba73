/**
 * next-intl without locale prefixes in the address: the interface language is the
 * signed-in user's choice (a cookie set from it), Russian by default. Dates are
 * formatted in the school's zone, never the server's.
 */
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { env } from "@/lib/env";

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "zh_locale";

export default getRequestConfig(async () => {
  const store = await cookies();
  const wanted = store.get(LOCALE_COOKIE)?.value;
  const locale: Locale = wanted === "en" ? "en" : "ru";
  const messages = (await import(`./messages/${locale}.json`)) as { default: Record<string, unknown> };
  return { locale, messages: messages.default, timeZone: env.DEFAULT_TIME_ZONE };
});
