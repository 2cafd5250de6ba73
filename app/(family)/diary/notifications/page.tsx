import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { PreferencesForm } from "@/components/notify/preferences-form";
import { requirePageRole } from "@/lib/auth/page-guard";
import { getMyPreferences } from "@/lib/notify/preferences";
import { savePreferencesAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("notify.prefs");
  return { title: t("title") };
}

export default async function DiaryNotificationsPage() {
  const p = await requirePageRole(["GUARDIAN"], "/diary/notifications");
  const t = await getTranslations("notify.prefs");
  const prefs = await getMyPreferences(p);
  const { saved, hasEmail, hasPhone, timeZone, ...initial } = prefs;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1">{t("lead")}</p>
      <p className="mt-2">
        <Link href="/diary/contacts" className="text-accent underline">
          {t("contactsLink")}
        </Link>
      </p>
      {!saved && <p className="mt-2 text-muted">{t("defaults")}</p>}
      <div className="mt-6">
        <PreferencesForm action={savePreferencesAction} initial={initial} hasEmail={hasEmail} hasPhone={hasPhone} timeZone={timeZone} />
      </div>
    </main>
  );
}
