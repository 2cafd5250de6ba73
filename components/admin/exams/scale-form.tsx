"use client";

import { useActionState, useId } from "react";

import type { ActionResult } from "@/lib/action";
import type { Scale, ScaleField } from "@/lib/exams/scale";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ScaleLabels } from "@/components/admin/exams/labels";

type Props = {
  action: (prev: ActionResult<{ subjectName: string }>, form: FormData) => Promise<ActionResult<{ subjectName: string }>>;
  kind: string;
  subjectId: string;
  subjectName: string;
  /** «шкала не введена» or the scale as it is now, in words */
  status: string;
  current: Scale | null;
  disabled: boolean;
  labels: ScaleLabels;
};

const FIELDS: readonly ScaleField[] = ["maxScore", "min3", "min4", "min5"];

/** One subject's scale of one exam: four whole numbers, checked on the server, each error next to its field. */
export function ScaleForm({ action, kind, subjectId, subjectName, status, current, disabled, labels }: Props) {
  const [state, formAction] = useActionState(action, null);
  const base = useId();
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate aria-labelledby={`${base}-legend`} className="mb-4 max-w-3xl rounded border border-gray-400 p-3">
      <fieldset disabled={disabled}>
        <legend id={`${base}-legend`} className="font-bold">
          {subjectName}
        </legend>
        <p className="text-muted">{status}</p>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="subjectId" value={subjectId} />
        <ErrorSummary title={labels.errorTitle} message={failed?.message} />
        {state?.ok && <Notice>{labels.saved}</Notice>}
        <div className="mt-2 flex flex-wrap gap-x-4">
          {FIELDS.map((f) => {
            const id = `${base}-${f}`;
            const errors = failed?.fieldErrors[f];
            const errorId = errors?.length ? `${id}-error` : undefined;
            return (
              <div key={f} className="mb-3 w-32">
                <label htmlFor={id} className="mb-1 block font-semibold">
                  {labels[f]}
                </label>
                <input
                  id={id}
                  name={f}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  required
                  defaultValue={failed?.values?.[f] ?? (current ? String(current[f]) : "")}
                  aria-invalid={errorId ? true : undefined}
                  aria-describedby={errorId}
                  className={`block w-24 rounded border-2 bg-white px-3 py-2 text-[1.0625rem] ${errorId ? "border-danger" : "border-gray-600"}`}
                />
                {errorId && (
                  <p id={errorId} className="mt-1 font-semibold text-danger">
                    {errors?.join(" ")}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        <SubmitButton label={`${labels.save}: ${subjectName}`} pending={labels.saving} />
      </fieldset>
    </form>
  );
}
