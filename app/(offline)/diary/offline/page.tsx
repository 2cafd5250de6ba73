/**
 * /diary/offline: the family's diary from this phone's storage (issue 7, item 4). A
 * static page: everything on it is read in the browser from IndexedDB
 * (components/offline), so it opens with no network and no session check.
 */
import { getTranslations } from "next-intl/server";

import { OfflineDiary } from "@/components/offline/offline-diary";

export const dynamic = "force-static";

export async function generateMetadata() {
  const t = await getTranslations("offline");
  return { title: t("title") };
}

export default function OfflineDiaryPage() {
  return <OfflineDiary />;
}
