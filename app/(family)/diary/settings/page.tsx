import { getTranslations } from "next-intl/server";

import { ClientIntl } from "@/components/i18n/client-intl";
import { DisplaySettingsForm } from "@/components/diary/sections/display-settings-form";
import { requirePageRole } from "@/lib/auth/page-guard";
import { getDisplaySettings } from "@/lib/people/display-settings";
import { saveDisplaySettingsAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("displaySettings");
  return { title: t("title") };
}

export default async function DiarySettingsPage() {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary/settings");
  const t = await getTranslations("displaySettings");
  const settings = getDisplaySettings(p);
  return (
    <ClientIntl namespaces={["displaySettings"]}>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1">{t("lead")}</p>
        <div className="mt-6">
          <DisplaySettingsForm action={saveDisplaySettingsAction} initial={settings} />
        </div>
      </main>
    </ClientIntl>
  );
}
