"use client";

/**
 * One form of the people and cohort screens, described by the server page as data: the
 * fields are labelled through components/ui, errors come back from the server action
 * and sit next to their fields, and what was typed stays after a refused submit.
 */
import { useActionState } from "react";

import type { ActionResult } from "@/lib/action";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { OneTimeSecret, type Secret } from "@/components/admin/people/one-time-secret";

export type FormOutcome = { message: string; secret?: Secret };

export type FieldSpec =
  | { kind: "text"; name: string; label: string; hint?: string; defaultValue?: string; required?: boolean; autoComplete?: string }
  | { kind: "select"; name: string; label: string; options: { value: string; label: string }[]; hint?: string; defaultValue?: string; required?: boolean }
  | { kind: "checkbox"; name: string; label: string; hint?: string; defaultChecked?: boolean }
  | { kind: "hidden"; name: string; value: string }
  | { kind: "group"; name: string; legend: string; hint?: string; options: { name: string; label: string; defaultChecked?: boolean }[]; empty?: string };

type Props = {
  action: (prev: ActionResult<FormOutcome>, form: FormData) => Promise<ActionResult<FormOutcome>>;
  fields: FieldSpec[];
  submit: string;
  pending: string;
  errorTitle: string;
  /** a name for the form, read out by screen readers when it has several siblings */
  label?: string;
};

export function ActionForm({ action, fields, submit, pending, errorTitle, label }: Props) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const done = state?.ok ? state.data : null;
  const value = (name: string, fallback?: string) => (failed ? (failed.values?.[name] ?? "") : fallback);
  const checked = (name: string, fallback?: boolean) => (failed ? failed.values?.[name] === "on" : fallback);
  return (
    <form action={formAction} noValidate aria-label={label} className="max-w-2xl">
      <ErrorSummary title={errorTitle} message={failed?.message} />
      {done && (
        <Notice>
          <p>{done.message}</p>
          {done.secret && <OneTimeSecret secret={done.secret} />}
        </Notice>
      )}
      {fields.map((f) => {
        const errors = failed?.fieldErrors[f.name];
        switch (f.kind) {
          case "hidden":
            return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
          case "text":
            return (
              <Field key={f.name} name={f.name} label={f.label} hint={f.hint} required={f.required} autoComplete={f.autoComplete ?? "off"}
                defaultValue={value(f.name, f.defaultValue)} errors={errors} />
            );
          case "select":
            return (
              <SelectField key={f.name} name={f.name} label={f.label} hint={f.hint} options={f.options} required={f.required}
                defaultValue={value(f.name, f.defaultValue)} errors={errors} />
            );
          case "checkbox":
            return <CheckboxField key={f.name} name={f.name} label={f.label} hint={f.hint} defaultChecked={checked(f.name, f.defaultChecked)} />;
          case "group":
            return <CheckboxGroup key={f.name} spec={f} errors={errors} checked={checked} />;
        }
      })}
      <SubmitButton label={submit} pending={pending} />
    </form>
  );
}

function CheckboxGroup({ spec, errors, checked }: {
  spec: Extract<FieldSpec, { kind: "group" }>;
  errors: string[] | undefined;
  checked: (name: string, fallback?: boolean) => boolean | undefined;
}) {
  const hintId = spec.hint ? `${spec.name}-hint` : undefined;
  const errorId = errors?.length ? `${spec.name}-error` : undefined;
  return (
    <fieldset className="mb-5" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="mb-1 font-semibold">{spec.legend}</legend>
      {spec.hint && (
        <p id={hintId} className="mb-2 text-[0.95rem] text-muted">
          {spec.hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="mb-2 font-semibold text-danger">
          {errors?.join(" ")}
        </p>
      )}
      {spec.options.length === 0 && spec.empty && <p className="mb-2">{spec.empty}</p>}
      <div className="max-h-96 overflow-y-auto">
        {spec.options.map((o) => (
          <CheckboxField key={o.name} name={o.name} label={o.label} defaultChecked={checked(o.name, o.defaultChecked)} />
        ))}
      </div>
    </fieldset>
  );
}
