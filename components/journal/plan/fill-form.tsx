"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { Field } from "@/components/ui/field";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type Filled = { filled: number; keptTopic: number; closed: number; notFitted: number };
type Action = (prev: ActionResult<Filled>, form: FormData) => Promise<ActionResult<Filled>>;

/** «Заполнить темы уроков из плана»: from which day, whether to replace written topics; the counts after. */
export function FillForm({ action, cohortId, subjectId, from }: { action: Action; cohortId: string; subjectId: string; from: string }) {
  const t = useTranslations("plan");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const r = state?.ok ? state.data : null;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("fillErrorTitle")} message={failed?.message} />
      {r && (
        <Notice>
          <p>{t("filled", { count: r.filled })}</p>
          {r.keptTopic > 0 && <p>{t("kept", { count: r.keptTopic })}</p>}
          {r.closed > 0 && <p>{t("closed", { count: r.closed })}</p>}
          {r.notFitted > 0 && <p>{t("notFitted", { count: r.notFitted })}</p>}
        </Notice>
      )}
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <Field name="from" label={t("from")} hint={t("fromHint", { example: from })} defaultValue={failed?.values?.from ?? from} errors={failed?.fieldErrors.from} />
      <CheckboxField name="overwrite" label={t("overwrite")} hint={t("overwriteHint")} defaultChecked={failed ? failed.values?.overwrite === "on" : false} />
      <SubmitButton label={t("fill")} pending={t("filling")} />
    </form>
  );
}
