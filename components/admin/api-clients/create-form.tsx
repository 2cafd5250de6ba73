"use client";

/**
 * Connecting a program: its name, who it is (the school's own program or an outside
 * diary), its rights and its rate limit, checked on the server. On success the form is
 * emptied and the new key is shown once, below it.
 */
import { useActionState, useId } from "react";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CreateLabels } from "@/components/admin/api-clients/labels";
import { SecretBox, type ShownSecret } from "@/components/admin/api-clients/secret-box";

type Action = (prev: ActionResult<ShownSecret>, form: FormData) => Promise<ActionResult<ShownSecret>>;

export function CreateClientForm({ action, labels, defaultRateLimit }: { action: Action; labels: CreateLabels; defaultRateLimit: number }) {
  const [state, formAction] = useActionState(action, null);
  const base = useId();
  const failed = state && !state.ok ? state : null;
  const scopeErrors = failed?.fieldErrors["scopes"];
  const scopeHintId = `${base}-scopes-hint`;
  const scopeErrorId = `${base}-scopes-error`;
  // after a failed submit the ticks come back as they were; a fresh form starts with none
  const ticked = (key: string) => failed?.values?.[`scope_${key}`] === "on";

  return (
    <>
      <form action={formAction} noValidate className="max-w-3xl">
        <ErrorSummary title={labels.errorTitle} message={failed?.message} />
        <Field name="name" label={labels.name} hint={labels.nameHint} errors={failed?.fieldErrors["name"]} defaultValue={failed?.values?.["name"]} autoComplete="off" required />
        <SelectField name="kind" label={labels.kind} hint={labels.kindHint} options={labels.kinds} errors={failed?.fieldErrors["kind"]} defaultValue={failed?.values?.["kind"] ?? labels.kinds[0]?.value} required />
        <fieldset className="mb-5" aria-describedby={[scopeHintId, scopeErrors ? scopeErrorId : ""].filter(Boolean).join(" ")}>
          <legend className="mb-1 font-semibold">{labels.scopesLegend}</legend>
          <p id={scopeHintId} className="mb-2 text-[0.95rem] text-muted">
            {labels.scopesHint}
          </p>
          {labels.scopes.map((s) => {
            const id = `${base}-scope-${s.key}`;
            return (
              <div key={`${s.key}-${ticked(s.key) ? 1 : 0}`} className="mb-2 flex items-start gap-2">
                <input id={id} name={`scope_${s.key}`} type="checkbox" value="on" defaultChecked={ticked(s.key)} aria-invalid={scopeErrors ? true : undefined} className="mt-1 h-5 w-5" />
                <label htmlFor={id}>
                  {s.label} <span className="font-mono text-[0.85rem] text-muted">({s.uri.replace(/^.*\/scope\//, "")})</span>
                </label>
              </div>
            );
          })}
          {scopeErrors && (
            <p id={scopeErrorId} className="mt-1 font-semibold text-danger">
              {scopeErrors.join(" ")}
            </p>
          )}
        </fieldset>
        <Field
          name="rateLimit"
          label={labels.rateLimit}
          hint={labels.rateLimitHint}
          errors={failed?.fieldErrors["rateLimit"]}
          defaultValue={failed?.values?.["rateLimit"] ?? String(defaultRateLimit)}
          autoComplete="off"
        />
        <SubmitButton label={labels.create} pending={labels.creating} />
      </form>
      {state?.ok && <SecretBox shown={state.data} labels={labels.secret} />}
    </>
  );
}
