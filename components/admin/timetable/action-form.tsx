"use client";

/**
 * A set-up form described by data: the server page lists the fields (with texts already
 * translated), this component keeps the action state. Field ids carry the form's id, so
 * several forms on one page may share field names (every form has a «reason»). After a
 * refusal the typed values stay and each error is tied to its field; after a save the
 * outcome and any warnings are announced.
 */
import { useActionState } from "react";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

export type FormOutcome = { message: string; warnings?: string[]; warningsTitle?: string; details?: string[]; detailsTitle?: string };

export type FormAction = (prev: ActionResult<FormOutcome>, form: FormData) => Promise<ActionResult<FormOutcome>>;

export type FieldSpec =
  | { kind: "text" | "date" | "number"; name: string; label: string; hint?: string; required?: boolean; defaultValue?: string; width?: "short" }
  | { kind: "select"; name: string; label: string; hint?: string; required?: boolean; defaultValue?: string; options: { value: string; label: string }[] }
  | { kind: "hidden"; name: string; value: string };

type Props = { id: string; action: FormAction; fields: FieldSpec[]; submit: string; pending: string; errorTitle: string };

const INPUT = "block w-full rounded border-2 bg-white px-3 py-2 text-[1.0625rem]";

export function ActionForm({ id, action, fields, submit, pending, errorTitle }: Props) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const done = state && state.ok ? state.data : null;
  return (
    <form id={id} action={formAction} noValidate className="max-w-xl">
      <ErrorSummary title={errorTitle} message={failed?.message} />
      {done && (
        <>
          <Notice>
            <p>{done.message}</p>
            {done.details && done.details.length > 0 && (
              <>
                {done.detailsTitle && <p className="mt-2 font-semibold">{done.detailsTitle}</p>}
                <ul className="ml-6 list-disc">
                  {done.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              </>
            )}
          </Notice>
          {done.warnings && done.warnings.length > 0 && (
            <Notice kind="warning">
              {done.warningsTitle && <p className="font-semibold">{done.warningsTitle}</p>}
              <ul className="ml-6 list-disc">
                {done.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Notice>
          )}
        </>
      )}
      {fields.map((f) => {
        if (f.kind === "hidden") return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
        const inputId = `${id}-${f.name}`;
        const errors = failed?.fieldErrors[f.name];
        const hintId = f.hint ? `${inputId}-hint` : undefined;
        const errorId = errors?.length ? `${inputId}-error` : undefined;
        const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
        const value = failed?.values?.[f.name] ?? f.defaultValue;
        const border = errorId ? "border-danger" : "border-gray-600";
        return (
          <div key={f.name} className="mb-5">
            <label htmlFor={inputId} className="mb-1 block font-semibold">
              {f.label}
            </label>
            {f.hint && (
              <p id={hintId} className="mb-1 text-[0.95rem] text-muted">
                {f.hint}
              </p>
            )}
            {f.kind === "select" ? (
              <select
                // React resets a form after its action; a select keeps its first default
                // unless remounted, so a failed submit would lose the choice
                key={`${inputId}-${value ?? ""}`}
                id={inputId}
                name={f.name}
                defaultValue={value}
                required={f.required}
                aria-invalid={errorId ? true : undefined}
                aria-describedby={describedBy}
                className={`${INPUT} ${border}`}
              >
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={inputId}
                name={f.name}
                type={f.kind === "date" ? "date" : "text"}
                inputMode={f.kind === "number" ? "decimal" : undefined}
                defaultValue={value}
                required={f.required}
                aria-invalid={errorId ? true : undefined}
                aria-describedby={describedBy}
                className={`${INPUT} ${border} ${f.kind === "date" || f.width === "short" ? "max-w-[14rem]" : ""}`}
              />
            )}
            {errorId && (
              <p id={errorId} className="mt-1 font-semibold text-danger">
                {errors?.join(" ")}
              </p>
            )}
          </div>
        );
      })}
      <SubmitButton label={submit} pending={pending} />
    </form>
  );
}
