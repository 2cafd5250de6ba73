import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/ui/data-table";
import type { PlanTopicView } from "@/lib/journal/thematic-plan";

/** The saved plan: number, topic, hours, lesson type. */
export async function PlanTable({ topics, caption }: { topics: PlanTopicView[]; caption: string }) {
  const t = await getTranslations("plan");
  const tl = await getTranslations("lesson");
  return (
    <DataTable
      caption={caption}
      rows={topics}
      rowKey={(r) => String(r.position)}
      empty={t("noPlan")}
      columns={[
        { key: "n", header: t("colNumber"), cell: (r) => r.position },
        { key: "topic", header: t("colTopic"), cell: (r) => r.topic, rowHeader: true },
        { key: "hours", header: t("colHours"), cell: (r) => r.hours },
        { key: "type", header: t("colType"), cell: (r) => tl(`types.${r.lessonType}`) },
      ]}
    />
  );
}
