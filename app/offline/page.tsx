/**
 * What the service worker shows for a page it cannot fetch and has not kept (precached
 * as /offline): there is no connection, and the saved diary is one link away.
 */
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("pwa.offline");
  return { title: t("title") };
}

export default async function OfflinePage() {
  const t = await getTranslations("pwa.offline");
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3">{t("lead")}</p>
      <p className="mt-6">
        {/* a plain link: a full navigation that the service worker answers from its cache */}
        <a href="/diary/offline" className="text-xl font-semibold text-accent underline">
          {t("diaryLink")}
        </a>
      </p>
      <p className="mt-1 text-muted">{t("diaryHint")}</p>
      <p className="mt-6">{t("retry")}</p>
    </main>
  );
}
