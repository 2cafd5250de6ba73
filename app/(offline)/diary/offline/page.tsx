/**
 * /diary/offline: the family's diary from this phone's storage (issue 7, item 4).
 * Everything on it is read in the browser from IndexedDB (components/offline), so it
 * opens with no network and no session check. Rendered per request, not at build time:
 * its scripts need the nonce of the page's Content-Security-Policy (proxy.ts); the
 * service worker keeps the answer it fetched at install, nonce and policy together.
 */
import { getTranslations } from "next-intl/server";

import { OfflineDiary } from "@/components/offline/offline-diary";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("offline");
  return { title: t("title") };
}

export default function OfflineDiaryPage() {
  return <OfflineDiary />;
}
