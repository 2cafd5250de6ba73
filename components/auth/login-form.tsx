"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = {
  action: (prev: ActionResult<null>, form: FormData) => Promise<ActionResult<null>>;
  next?: string | undefined;
};

export function LoginForm({ action, next }: Props) {
  const t = useTranslations("login");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate aria-describedby={failed ? "login-error" : undefined}>
      <div id="login-error">
        <ErrorSummary title={t("errorTitle")} message={failed?.message} />
      </div>
      {next && <input type="hidden" name="next" value={next} />}
      <Field
        name="login"
        label={t("login")}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        defaultValue={failed?.values?.login}
        errors={failed?.fieldErrors.login}
      />
      <Field name="password" label={t("password")} type="password" autoComplete="current-password" required errors={failed?.fieldErrors.password} />
      <SubmitButton label={t("submit")} pending={t("pending")} />
    </form>
  );
}
