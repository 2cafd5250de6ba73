"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type Result = ActionResult<{ message: string }>;

export function AcceptAllForm({ action, ids, idPrefix = "accept-all", label, hint }: {
  action: (prev: Result, form: FormData) => Promise<Result>;
  ids: { cohortId: string; subjectId: string; periodId: string };
  /** keeps the ids apart when two such forms share a page */
  idPrefix?: string;
  label?: string;
  hint?: string;
}) {
  const t = useTranslations("finals");
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} aria-describedby={`${idPrefix}-hint`} className="my-4">
      {Object.entries(ids).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <p id={`${idPrefix}-hint`} className="mb-2 max-w-3xl">
        {hint ?? t("acceptAllHint")}
      </p>
      <ErrorSummary title={t("acceptAllError")} message={state && !state.ok ? state.message : undefined} />
      {state?.ok && <Notice>{state.data.message}</Notice>}
      <SubmitButton label={label ?? t("acceptAll")} pending={t("saving")} />
    </form>
  );
}
