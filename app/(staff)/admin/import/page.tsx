import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { IMPORT_KINDS } from "@/lib/imports/columns";
import { listImportRuns } from "@/lib/imports/run-import";
import { formatDateTime } from "@/lib/time";
import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/data-table";
import { ImportForm } from "@/components/admin/import/import-form";
import { importAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("import");
  return { title: t("title") };
}

const HELP = ["dates", "yesNo", "gender", "relation", "contacts", "roles", "cohorts", "teacher", "weekday", "repeat"] as const;

function DownloadLink({ href, label, context }: { href: string; label: string; context: string }) {
  return (
    // the name says which data: «Шаблон CSV: Ученики»; it starts with the visible text
    <a href={href} download aria-label={`${label}: ${context}`} className="text-accent underline underline-offset-4">
      {label}
    </a>
  );
}

export default async function ImportPage() {
  const p = await requirePageRole(["ADMIN"], "/admin/import");
  const t = await getTranslations("import");
  const runs = await listImportRuns(p);
  const kinds = IMPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />

      <section aria-labelledby="upload-heading" className="mb-10">
        <h2 id="upload-heading" className="mb-3 text-xl font-bold">
          {t("upload.heading")}
        </h2>
        <ImportForm action={importAction} kinds={kinds} />
      </section>

      <section aria-labelledby="files-heading" className="mb-10">
        <h2 id="files-heading" className="mb-2 text-xl font-bold">
          {t("files.heading")}
        </h2>
        <p className="max-w-3xl">{t("files.lead")}</p>
        <DataTable
          caption={t("files.caption")}
          rows={kinds}
          rowKey={(k) => k.value}
          columns={[
            { key: "kind", header: t("files.kind"), cell: (k) => k.label, rowHeader: true },
            {
              key: "template",
              header: t("files.template"),
              cell: (k) => (
                <span className="flex flex-wrap gap-x-4 gap-y-1">
                  <DownloadLink href={`/api/admin/import-templates/${k.value.toLowerCase()}?format=csv`} label={t("files.templateCsv")} context={k.label} />
                  <DownloadLink href={`/api/admin/import-templates/${k.value.toLowerCase()}?format=xlsx`} label={t("files.templateXlsx")} context={k.label} />
                </span>
              ),
            },
            {
              key: "export",
              header: t("files.export"),
              cell: (k) => (
                <span className="flex flex-wrap gap-x-4 gap-y-1">
                  <DownloadLink href={`/api/admin/export/${k.value.toLowerCase()}?format=csv`} label={t("files.exportCsv")} context={k.label} />
                  <DownloadLink href={`/api/admin/export/${k.value.toLowerCase()}?format=xlsx`} label={t("files.exportXlsx")} context={k.label} />
                </span>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="help-heading" className="mb-10">
        <h2 id="help-heading" className="mb-2 text-xl font-bold">
          {t("help.heading")}
        </h2>
        <ul className="max-w-3xl list-disc pl-6">
          {HELP.map((h) => (
            <li key={h}>{t(`help.${h}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading" className="mb-2 text-xl font-bold">
          {t("runs.heading")}
        </h2>
        <DataTable
          caption={t("runs.caption")}
          empty={t("runs.empty")}
          rows={runs}
          rowKey={(r) => r.id}
          columns={[
            { key: "at", header: t("runs.at"), cell: (r) => formatDateTime(r.at, p.timeZone), rowHeader: true },
            { key: "kind", header: t("runs.kind"), cell: (r) => t(`kinds.${r.kind}`) },
            { key: "file", header: t("runs.file"), cell: (r) => r.fileName, className: "break-all" },
            { key: "status", header: t("runs.status"), cell: (r) => t(`runs.${r.status}`) },
            { key: "counts", header: t("runs.counts"), cell: (r) => `${r.created}, ${r.updated}, ${r.unchanged}` },
            { key: "errors", header: t("runs.errors"), cell: (r) => r.errorCount },
            { key: "actor", header: t("runs.actor"), cell: (r) => r.actor },
          ]}
        />
      </section>
    </>
  );
}
