import { useTranslations } from "next-intl";

import type { ImportReport } from "@/lib/imports/run-import";
import { DataTable } from "@/components/ui/data-table";

/**
 * What an upload did: either every bad row with its line, column, value and what to fix
 * (and the plain statement that nothing changed), or the counts and each row's result.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useTranslations("import.report");
  if (report.status === "REJECTED") {
    const errors = report.errors.map((e, i) => ({ ...e, key: String(i) }));
    return (
      <section aria-labelledby="import-result" className="mt-6">
        <div role="alert" className="max-w-3xl rounded border-2 border-danger bg-red-50 p-3">
          <h3 id="import-result" className="text-lg font-bold text-danger">
            {t("rejected")}
          </h3>
          <p>{t("rejectedLead")}</p>
        </div>
        <DataTable
          caption={t("errorsCaption", { file: report.fileName })}
          rows={errors}
          rowKey={(e) => e.key}
          columns={[
            { key: "line", header: t("line"), cell: (e) => e.line, rowHeader: true },
            { key: "column", header: t("column"), cell: (e) => e.column },
            { key: "value", header: t("value"), cell: (e) => (e.value === "" ? t("empty") : e.value), className: "break-all" },
            { key: "message", header: t("message"), cell: (e) => e.message },
          ]}
        />
      </section>
    );
  }
  return (
    <section aria-labelledby="import-result" className="mt-6">
      <div role="status" className="max-w-3xl rounded border-2 border-ok bg-green-50 p-3">
        <h3 id="import-result" className="text-lg font-bold">
          {t("applied")}
        </h3>
        <p>{t("summary", report.counts)}</p>
      </div>
      <DataTable
        caption={t("rowsCaption", { file: report.fileName })}
        rows={report.rows}
        rowKey={(r) => String(r.line)}
        columns={[
          { key: "line", header: t("line"), cell: (r) => r.line, rowHeader: true },
          { key: "label", header: t("record"), cell: (r) => r.label },
          { key: "result", header: t("result"), cell: (r) => t(`results.${r.result}`) },
        ]}
      />
    </section>
  );
}
