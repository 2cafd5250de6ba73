import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { StatsScreen } from "@/components/admin/stats/stats-screen";

export async function generateMetadata() {
  const t = await getTranslations("stats");
  return { title: t("title") };
}

/** A teacher's statistics: their classes and subjects only (the scope is lib/stats/load.ts's). */
export default async function TeacherStatsPage({ searchParams }: { searchParams: Promise<{ period?: string; show?: string }> }) {
  const p = await requirePageRole(["TEACHER"], "/journal/stats");
  return <StatsScreen p={p} sp={await searchParams} />;
}
