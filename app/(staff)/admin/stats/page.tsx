import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { StatsScreen } from "@/components/admin/stats/stats-screen";

export async function generateMetadata() {
  const t = await getTranslations("stats");
  return { title: t("title") };
}

export default async function StatsPageRoute({ searchParams }: { searchParams: Promise<{ period?: string; show?: string }> }) {
  const p = await requirePageRole(["ADMIN"], "/admin/stats");
  return <StatsScreen p={p} sp={await searchParams} />;
}
