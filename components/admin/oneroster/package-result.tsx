"use client";
/**
 * What a check or an upload of a OneRoster package found: every mistake with its file,
 * line, column and value (and the plain statement that nothing changed), or the counts of
 * what would be or was added and changed. The message takes the focus when it appears.
 */
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

import type { OneRosterUploadResult } from "@/app/(staff)/admin/oneroster/actions";
import { DataTable } from "@/components/ui/data-table";

export function PackageResult({ result, children }: { result: OneRosterUploadResult; children?: React.ReactNode }) {
  const t = useTranslations("oneroster.upload");
  const box = useRef<HTMLDivElement>(null);
  // mounted once per result (the caller keys it by the result's id)
  useEffect(() => box.current?.focus(), []);
  const { report } = result;
  const headingId = `oneroster-result-${result.id}`;

  if (report.status === "REJECTED") {
    const errors = report.errors.map((e, i) => ({ ...e, key: String(i) }));
    return (
      <section aria-labelledby={headingId} className="mt-6">
        <div ref={box} tabIndex={-1} role="alert" className="max-w-3xl rounded border-2 border-danger bg-red-50 p-3">
          <h3 id={headingId} className="text-lg font-bold text-danger">
            {t("rejected", { file: report.fileName })}
          </h3>
          <p>{t("rejectedLead")}</p>
          {result.errorCount > errors.length && <p>{t("errorsShown", { count: result.errorCount, shown: errors.length })}</p>}
        </div>
        <DataTable
          caption={t("errorsCaption")}
          rows={errors}
          rowKey={(e) => e.key}
          columns={[
            { key: "file", header: t("fileColumn"), cell: (e) => e.file || t("wholeArchive"), rowHeader: true },
            { key: "line", header: t("line"), cell: (e) => (e.line > 0 ? e.line : t("none")) },
            { key: "column", header: t("column"), cell: (e) => e.column || t("none"), className: "break-all" },
            { key: "value", header: t("value"), cell: (e) => (e.value === "" ? t("empty") : e.value), className: "break-all" },
            { key: "message", header: t("message"), cell: (e) => e.message },
          ]}
        />
      </section>
    );
  }

  if (report.status === "APPLIED") {
    return (
      <section aria-labelledby={headingId} className="mt-6">
        <div ref={box} tabIndex={-1} role="status" className="max-w-3xl rounded border-2 border-ok bg-green-50 p-3">
          <h3 id={headingId} className="text-lg font-bold">
            {t("applied", { file: report.fileName })}
          </h3>
          <p>{t("appliedLead", report.counts)}</p>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby={headingId} className="mt-6">
      <div ref={box} tabIndex={-1} role="status" className="max-w-3xl rounded border-2 border-accent bg-blue-50 p-3">
        <h3 id={headingId} className="text-lg font-bold">
          {t("checked", { file: report.fileName })}
        </h3>
        <p>{t("checkedLead", report.counts)}</p>
      </div>
      {result.files.length > 0 && (
        <DataTable
          caption={t("filesCaption")}
          rows={result.files}
          rowKey={(f) => f.file}
          columns={[
            { key: "file", header: t("fileColumn"), cell: (f) => f.file, rowHeader: true },
            { key: "rows", header: t("rows"), cell: (f) => f.rows },
            { key: "used", header: t("used"), cell: (f) => (f.loaded ? t("usedYes") : t("usedNo")) },
          ]}
        />
      )}
      {children}
    </section>
  );
}
