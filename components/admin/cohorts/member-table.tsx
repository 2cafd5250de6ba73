import { formatDayRu } from "@/lib/time";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/ui/data-table";
import type { MemberView } from "@/lib/people/cohort-admin";

/** Members of a cohort with their dates and, for the past ones, why they left it. */
export async function MemberTable({ caption, rows, empty }: { caption: string; rows: MemberView[]; empty?: string }) {
  const t = await getTranslations("cohorts");
  return (
    <DataTable<MemberView>
      caption={caption}
      rows={rows}
      rowKey={(r) => r.membershipId}
      {...(empty ? { empty } : {})}
      columns={[
        { key: "name", header: t("student"), rowHeader: true, cell: (r) => <Link href={`/admin/people/students/${r.studentId}`} className="text-accent underline underline-offset-4">{r.name}</Link> },
        { key: "from", header: t("from"), cell: (r) => formatDayRu(r.startDate) },
        { key: "to", header: t("to"), cell: (r) => (r.endDate ? formatDayRu(r.endDate) : "—") },
        { key: "reason", header: t("endReason"), cell: (r) => (r.endReason ? t(`endReasons.${r.endReason}`) : "—") },
      ]}
    />
  );
}
