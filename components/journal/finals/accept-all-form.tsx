"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type Result = ActionResult<{ message: string }>;

export function AcceptAllForm({ action, ids }: {
  action: (prev: Result, form: FormData) => Promise<Result>;
  ids: { cohortId: string; subjectId: string; periodId: string };
}) {
  const t = useTranslations("finals");
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} aria-describedby="accept-all-hint" className="my-4">
      {Object.entries(ids).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <p id="accept-all-hint" className="mb-2 max-w-3xl">
        {t("acceptAllHint")}
      </p>
      <ErrorSummary title={t("acceptAllError")} message={state && !state.ok ? state.message : undefined} />
      {state?.ok && <Notice>{state.data.message}</Notice>}
      <SubmitButton label={t("acceptAll")} pending={t("saving")} />
    </form>
  );
}
