/**
 * next-intl without locale prefixes in the address: the interface language is the
 * signed-in user's choice (a cookie set from it), Russian by default. Dates are
 * formatted in the school's zone, never the server's.
 *
 * Messages live in one file per namespace (lib/i18n/messages/<locale>/<namespace>.json)
 * so that each part of the app owns its texts; they are merged here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { env } from "@/lib/env";

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "zh_locale";

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && env.NODE_ENV === "production") return cached;
  const dir = join(/*turbopackIgnore: true*/ process.cwd(), "lib", "i18n", "messages", locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    Object.assign(messages, JSON.parse(readFileSync(join(dir, file), "utf8")) as Messages);
  }
  cache.set(locale, messages);
  return messages;
}

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale: Locale = store.get(LOCALE_COOKIE)?.value === "en" ? "en" : "ru";
  return { locale, messages: loadMessages(locale), timeZone: env.DEFAULT_TIME_ZONE };
});
