/**
 * The school's last OneRoster package uploads (ImportRun kind ONEROSTER): when, who, which
 * file, and what came of it. The import screen's history (lib/imports/run-import.ts) lists
 * every kind together; this one only the packages, so a long run of spreadsheet imports
 * does not push them off the page. A dry run is not logged, so it is not here.
 */
import { useTranslations } from "next-intl";

import type { Principal } from "@/lib/auth/principal";
import { listImportRuns, type ImportRunView } from "@/lib/imports/run-import";
import { formatDateTime } from "@/lib/time";
import { DataTable } from "@/components/ui/data-table";

const SHOWN = 20;
/** The shared history, school-scoped and administrators only, of this kind alone. */
export async function listOneRosterRuns(p: Principal): Promise<ImportRunView[]> {
  return listImportRuns(p, SHOWN, "ONEROSTER");
}

export function OneRosterRuns({ runs, timeZone }: { runs: ImportRunView[]; timeZone: string }) {
  const t = useTranslations("oneroster.runs");
  return (
    <DataTable
      caption={t("caption")}
      empty={t("empty")}
      rows={runs}
      rowKey={(r) => r.id}
      columns={[
        { key: "at", header: t("at"), cell: (r) => formatDateTime(r.at, timeZone), rowHeader: true },
        { key: "actor", header: t("actor"), cell: (r) => r.actor },
        { key: "file", header: t("file"), cell: (r) => r.fileName, className: "break-all" },
        {
          key: "result", header: t("result"),
          cell: (r) => (r.status === "APPLIED" ? t("APPLIED", { created: r.created, updated: r.updated, unchanged: r.unchanged }) : t("REJECTED", { count: r.errorCount })),
        },
      ]}
    />
  );
}
