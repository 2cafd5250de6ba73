"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import type { ImportReport } from "@/lib/imports/run-import";
import { MAX_UPLOAD_BYTES } from "@/lib/imports/schemas";
import { ErrorSummary } from "@/components/ui/error-summary";
import { refuseLargeFile } from "@/components/ui/refuse-large-file";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FileField } from "@/components/admin/import/file-field";
import { ImportReportView } from "@/components/admin/import/import-report";

type Props = {
  action: (prev: ActionResult<ImportReport>, form: FormData) => Promise<ActionResult<ImportReport>>;
  kinds: { value: string; label: string }[];
};

export function ImportForm({ action, kinds }: Props) {
  const t = useTranslations("import.upload");
  const [state, formAction] = useActionState(action, null);
  // a file over the limit is refused here, before minutes of uploading on a slow line
  const [tooBig, setTooBig] = useState(false);
  const failed = state && !state.ok ? state : null;
  const fileErrors = tooBig ? [t("tooBig")] : failed?.fieldErrors.file;
  return (
    <>
      <form
        action={formAction}
        noValidate
        onSubmit={refuseLargeFile(MAX_UPLOAD_BYTES, setTooBig)}
      >
        <ErrorSummary title={t("errorTitle")} message={tooBig ? t("tooBig") : failed?.message} />
        <SelectField name="kind" label={t("kind")} options={kinds} defaultValue={failed?.values?.kind} errors={failed?.fieldErrors.kind} required />
        <FileField name="file" label={t("file")} hint={t("fileHint")} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" errors={fileErrors} />
        <SubmitButton label={t("submit")} pending={t("pending")} />
      </form>
      {state?.ok && <ImportReportView report={state.data} />}
    </>
  );
}
