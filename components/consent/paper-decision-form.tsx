"use client";

/** Staff record a decision signed on paper: child, decision, document number and date, an optional scan. */
import { useActionState } from "react";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { FieldShell } from "@/components/ui/field-shell";
import { Notice } from "@/components/ui/notice";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";

type Outcome = { message: string };
type Texts = {
  label: string; child: string; decision: string; documentNumber: string; documentDate: string; dateHint: string;
  scan: string; scanHint: string; submit: string; pending: string; errorTitle: string; choose: string;
};

export function PaperDecisionForm({ action, guardianId, children, decisions, texts }: {
  action: (prev: ActionResult<Outcome>, form: FormData) => Promise<ActionResult<Outcome>>;
  guardianId: string;
  children: { value: string; label: string }[];
  decisions: { value: string; label: string }[];
  texts: Texts;
}) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const value = (name: string) => (failed ? (failed.values?.[name] ?? "") : undefined);
  return (
    <form action={formAction} noValidate aria-label={texts.label} className="max-w-2xl">
      <ErrorSummary title={texts.errorTitle} message={failed?.message} />
      {state?.ok && <Notice>{state.data.message}</Notice>}
      <input type="hidden" name="guardianId" value={guardianId} />
      <SelectField name="studentId" label={texts.child} required options={[{ value: "", label: texts.choose }, ...children]}
        defaultValue={value("studentId") ?? (children.length === 1 ? children[0]?.value : undefined)} errors={failed?.fieldErrors["studentId"]} />
      <SelectField name="decision" label={texts.decision} required options={[{ value: "", label: texts.choose }, ...decisions]}
        defaultValue={value("decision")} errors={failed?.fieldErrors["decision"]} />
      <Field name="documentNumber" label={texts.documentNumber} required autoComplete="off" defaultValue={value("documentNumber")} errors={failed?.fieldErrors["documentNumber"]} />
      <Field name="documentDate" label={texts.documentDate} hint={texts.dateHint} required autoComplete="off" defaultValue={value("documentDate")} errors={failed?.fieldErrors["documentDate"]} />
      <FieldShell name="scan" label={texts.scan} hint={texts.scanHint} errors={failed?.fieldErrors["scan"]}>
        {({ borderClass, ...control }) => (
          <input {...control} type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            className={`block w-full max-w-md rounded border-2 bg-white px-3 py-2 text-[1.0625rem] ${borderClass}`} />
        )}
      </FieldShell>
      <SubmitButton label={texts.submit} pending={texts.pending} />
    </form>
  );
}
