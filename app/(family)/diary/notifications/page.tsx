import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ClientIntl } from "@/components/i18n/client-intl";
import { PreferencesForm } from "@/components/notify/preferences-form";
import { PushDevices } from "@/components/pwa/push-devices";
import { requirePageRole } from "@/lib/auth/page-guard";
import { getMyPreferences } from "@/lib/notify/preferences";
import { listMyPushDevices, pushPublicKey } from "@/lib/push/subscriptions";
import { formatDateTime } from "@/lib/time";
import { savePreferencesAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("notify.prefs");
  return { title: t("title") };
}

export default async function DiaryNotificationsPage() {
  const p = await requirePageRole(["GUARDIAN"], "/diary/notifications");
  const t = await getTranslations("notify.prefs");
  const tp = await getTranslations("pwa.push");
  const [prefs, devices] = await Promise.all([getMyPreferences(p), listMyPushDevices(p)]);
  const locale = p.locale === "en" ? "en-GB" : "ru-RU";
  const rows = devices.map((d) => ({ id: d.id, device: d.device, endpoint: d.endpoint, since: formatDateTime(d.createdAt, p.timeZone, locale) }));
  const { saved, hasEmail, hasPhone, timeZone, ...initial } = prefs;
  return (
    <ClientIntl namespaces={["notify.prefs", "pwa.push"]}>
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
        <section aria-labelledby="push-heading" className="mt-10 border-t-2 pt-6">
          <h2 id="push-heading" className="text-xl font-bold">
            {tp("heading")}
          </h2>
          {!initial.push && <p className="mt-2 font-semibold">{tp("channelOff")}</p>}
          <PushDevices devices={rows} vapidPublicKey={pushPublicKey()} />
        </section>
      </main>
    </ClientIntl>
  );
}
