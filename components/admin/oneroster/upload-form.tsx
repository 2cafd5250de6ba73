"use client";
/**
 * Uploading a OneRoster package in two steps: «Проверить» (a dry run: the mistakes, or
 * what would be added and changed) and then «Загрузить» for the very file that was
 * checked. The checked file is kept in the browser and sent again, so the administrator
 * does not pick it twice; picking another file hides «Загрузить» until that one is checked.
 * Each result takes the focus, so a screen reader reads it at once.
 */
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import type { OneRosterUploadResult } from "@/app/(staff)/admin/oneroster/actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { refuseLargeFile } from "@/components/ui/refuse-large-file";
import { SubmitButton } from "@/components/ui/submit-button";
import { FileField } from "@/components/admin/import/file-field";
import { PackageResult } from "@/components/admin/oneroster/package-result";
import { ONEROSTER_MAX_ZIP_BYTES as MAX_ZIP_BYTES } from "@/lib/oneroster/csv/limits";

type UploadAction = (prev: ActionResult<OneRosterUploadResult>, form: FormData) => Promise<ActionResult<OneRosterUploadResult>>;


/** Moves the focus to the element when `trigger` changes to something truthy. */
function useFocusOn(trigger: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (trigger) ref.current?.focus();
  }, [trigger]);
  return ref;
}

/** A check's answer, with the file it was about (a File stays in the browser). */
type Checked = { result: ActionResult<OneRosterUploadResult>; file: File | null };

export function OneRosterUploadForm({ check, apply }: { check: UploadAction; apply: UploadAction }) {
  const t = useTranslations("oneroster.upload");
  const [state, checkDispatch] = useActionState(async (_prev: Checked | null, form: FormData): Promise<Checked> => {
    const file = form.get("file");
    return { result: await check(null, form), file: file instanceof File && file.size > 0 ? file : null };
  }, null);
  const [tooBig, setTooBig] = useState(false);
  const result = state?.result ?? null;
  const failed = result && !result.ok ? result : null;
  const done = result?.ok ? result.data : null;
  // the check after which another file was picked: its «Загрузить» would not be for that file
  const [changedAfter, setChangedAfter] = useState<string | null>(null);
  const stale = done !== null && changedAfter === done.id;
  const summaryRef = useFocusOn(tooBig || failed);

  return (
    <>
      <form action={checkDispatch} noValidate onSubmit={refuseLargeFile(MAX_ZIP_BYTES, setTooBig)} onChange={() => setChangedAfter(done?.id ?? null)}>
        <div ref={summaryRef} tabIndex={-1} className="outline-none">
          <ErrorSummary title={t("errorTitle")} message={tooBig ? t("tooBig") : failed?.message} />
        </div>
        <FileField name="file" label={t("file")} hint={t("fileHint")} accept=".zip,application/zip,application/x-zip-compressed" errors={tooBig ? [t("tooBig")] : failed?.fieldErrors.file} />
        <SubmitButton label={t("check")} pending={t("checking")} />
      </form>
      {done && (
        <PackageResult key={done.id} result={done}>
          {done.report.status === "CHECKED" && state?.file && <ApplyForm key={done.id} file={state.file} stale={stale} apply={apply} />}
        </PackageResult>
      )}
    </>
  );
}

/** «Загрузить» for the checked file, and what the upload did. */
function ApplyForm({ file, stale, apply }: { file: File; stale: boolean; apply: UploadAction }) {
  const t = useTranslations("oneroster.upload");
  // the checked file goes with the form, which itself holds none
  const [state, dispatch] = useActionState((prev: ActionResult<OneRosterUploadResult>, form: FormData) => {
    form.set("file", file);
    return apply(prev, form);
  }, null);
  const failed = state && !state.ok ? state : null;
  const summaryRef = useFocusOn(failed);
  if (state?.ok) return <PackageResult key={state.data.id} result={state.data} />;
  if (stale) return <p className="mt-4 max-w-3xl font-semibold">{t("stale")}</p>;
  return (
    <form action={dispatch} className="mt-4">
      <p className="mb-3 max-w-3xl">{t("applyLead")}</p>
      <div ref={summaryRef} tabIndex={-1} className="outline-none">
        <ErrorSummary title={t("applyErrorTitle")} message={failed?.message} />
      </div>
      <SubmitButton label={t("apply")} pending={t("applying")} />
    </form>
  );
}
