"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = { action: (prev: ActionResult<null>, form: FormData) => Promise<ActionResult<null>>; code?: string | undefined };

export function InviteForm({ action, code }: Props) {
  const t = useTranslations("invite");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const e = failed?.fieldErrors;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("errorTitle")} message={failed?.message} />
      <Field
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        required
        autoFocus
        defaultValue={failed?.values?.code ?? code}
        errors={e?.code}
      />
      <Field name="login" label={t("login")} hint={t("loginHint")} autoComplete="username" autoCapitalize="none" spellCheck={false} required defaultValue={failed?.values?.login} errors={e?.login} />
      <Field name="password" label={t("password")} hint={t("passwordHint")} type="password" autoComplete="new-password" required errors={e?.password} />
      <Field name="password2" label={t("password2")} type="password" autoComplete="new-password" required errors={e?.password2} />
      <SubmitButton label={t("submit")} pending={t("pending")} />
    </form>
  );
}
