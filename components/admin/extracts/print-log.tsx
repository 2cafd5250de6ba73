/** The print log of extracts: who printed which, when; newest first, a class file as one line. */
import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/ui/data-table";
import type { PrintLogEntry } from "@/lib/reports/extract-prints";
import { formatDateTime } from "@/lib/time";

export async function PrintLog({ entries, more, timeZone }: { entries: PrintLogEntry[]; more: boolean; timeZone: string }) {
  const t = await getTranslations("extracts");
  return (
    <section aria-labelledby="log-heading" className="mt-10">
      <h2 id="log-heading" className="mb-2 text-xl font-bold">
        {t("logHeading")}
      </h2>
      <DataTable<PrintLogEntry>
        caption={t("logCaption")}
        rows={entries}
        rowKey={(e) => e.key}
        empty={t("logEmpty")}
        columns={[
          { key: "when", header: t("logWhen"), rowHeader: true, cell: (e) => formatDateTime(e.printedAt, timeZone) },
          { key: "who", header: t("logWho"), cell: (e) => e.printedBy },
          { key: "class", header: t("logClass"), cell: (e) => e.cohort ?? "—" },
          { key: "span", header: t("logSpan"), cell: (e) => e.span },
          { key: "what", header: t("logWhat"), cell: (e) => (e.batch ? t("logBatch", { count: e.students.length, names: e.students.join(", ") }) : e.students.join(", ")) },
          { key: "large", header: t("logLarge"), cell: (e) => (e.largePrint ? t("logLargeYes") : t("logLargeNo")) },
        ]}
      />
      {more && <p className="mt-2">{t("logMore", { count: entries.length })}</p>}
    </section>
  );
}
