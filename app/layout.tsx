import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { getPrincipal } from "@/lib/auth/session";
import { displayModeClasses } from "@/lib/people/display-settings";

import "./globals.css";
import "./diary-modes.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s — ${t("name")}` }, description: t("tagline") };
}

// Zoom must never be disabled: many of our users read at 200 % and more.
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b4f9c" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  // «версия для слабовидящих»: large print and high contrast, as the user chose
  const modes = displayModeClasses(await getPrincipal());
  return (
    <html lang={locale} className={modes || undefined}>
      <body className="min-h-screen bg-white text-[1.0625rem]">
        <a href="#main" className="skip-link">
          {t("skip")}
        </a>
        {/* client components get their messages where they are (components/i18n/client-intl.tsx) */}
        {children}
      </body>
    </html>
  );
}
