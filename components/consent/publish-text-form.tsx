"use client";

/** The administrator publishes a new version of the consent text, starting from the current one. */
import { useActionState } from "react";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { FieldShell } from "@/components/ui/field-shell";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type Outcome = { message: string };

function Area({ name, label, hint, rows, defaultValue, errors }: { name: string; label: string; hint?: string; rows: number; defaultValue: string | undefined; errors: string[] | undefined }) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors}>
      {({ borderClass, ...control }) => (
        <textarea {...control} rows={rows} defaultValue={defaultValue} required className={`block w-full max-w-3xl rounded border-2 px-3 py-2 text-[1.0625rem] ${borderClass}`} />
      )}
    </FieldShell>
  );
}

export function PublishTextForm({ action, current, texts }: {
  action: (prev: ActionResult<Outcome>, form: FormData) => Promise<ActionResult<Outcome>>;
  current: { title: string; purpose: string; body: string };
  texts: { label: string; title: string; purpose: string; body: string; bodyHint: string; submit: string; pending: string; errorTitle: string };
}) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const value = (name: "title" | "purpose" | "body") => (failed ? (failed.values?.[name] ?? "") : current[name]);
  return (
    <form action={formAction} noValidate aria-label={texts.label}>
      <ErrorSummary title={texts.errorTitle} message={failed?.message} />
      {state?.ok && <Notice>{state.data.message}</Notice>}
      <Field name="title" label={texts.title} required autoComplete="off" defaultValue={value("title")} errors={failed?.fieldErrors["title"]} />
      <Area name="purpose" label={texts.purpose} rows={3} defaultValue={value("purpose")} errors={failed?.fieldErrors["purpose"]} />
      <Area name="body" label={texts.body} hint={texts.bodyHint} rows={18} defaultValue={value("body")} errors={failed?.fieldErrors["body"]} />
      <SubmitButton label={texts.submit} pending={texts.pending} />
    </form>
  );
}
