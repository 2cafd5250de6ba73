"use client";

import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";

type Result = ActionResult<{ message: string }>;

type Props = {
  action: (prev: Result, form: FormData) => Promise<Result>;
  ids: { cohortId: string; subjectId: string; periodId: string; studentId: string };
  name: string;
  options: { value: string; label: string }[];
  suggestion: string;
  current: string;
  currentReason: string | null;
  /** keeps the ids apart when two tables of forms share a page */
  idPrefix?: string;
  /** the label of the mark's select, when it is not the plain "Отметка" */
  markLabel?: string;
};

/**
 * One student's final mark: a select of the values on the subject's scale and, when the
 * chosen mark is not the suggested one, a required reason. Errors are tied to their field.
 */
export function FinalRowForm({ action, ids, name, options, suggestion, current, currentReason, idPrefix = "final", markLabel }: Props) {
  const t = useTranslations("finals");
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const [value, setValue] = useState(failed?.values?.value ?? current);
  const overriding = value !== suggestion;
  const base = `${idPrefix}-${ids.studentId}`;
  const valueError = failed?.fieldErrors.value?.join(" ");
  const reasonError = failed?.fieldErrors.reason?.join(" ");
  const formError = failed && !valueError && !reasonError ? failed.message : undefined;
  return (
    <form
      action={formAction}
      // submitted by hand so that React does not reset the form: the chosen mark and the
      // reason stay in place next to their error
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
      noValidate
      className="flex min-w-[14rem] flex-col gap-2"
    >
      {Object.entries(ids).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div>
        <label htmlFor={`${base}-value`} className="block font-semibold">
          {markLabel ?? t("markLabel")} <span className="sr-only">{t("forStudent", { name })}</span>
        </label>
        <select
          id={`${base}-value`}
          name="value"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={valueError ? true : undefined}
          aria-describedby={valueError ? `${base}-value-error` : undefined}
          className={`block w-full rounded border-2 bg-white px-2 py-1.5 ${valueError ? "border-danger" : "border-gray-600"}`}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {valueError && (
          <p id={`${base}-value-error`} className="mt-1 font-semibold text-danger">
            {valueError}
          </p>
        )}
      </div>
      {overriding && (
        <div>
          <label htmlFor={`${base}-reason`} className="block font-semibold">
            {t("reasonLabel")} <span className="sr-only">{t("forStudent", { name })}</span>
          </label>
          <p id={`${base}-reason-hint`} className="text-[0.95rem] text-muted">
            {t("reasonHint")}
          </p>
          <textarea
            id={`${base}-reason`}
            name="reason"
            rows={2}
            required
            defaultValue={currentReason ?? ""}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={[`${base}-reason-hint`, reasonError ? `${base}-reason-error` : ""].filter(Boolean).join(" ")}
            className={`block w-full rounded border-2 px-2 py-1.5 ${reasonError ? "border-danger" : "border-gray-600"}`}
          />
          {reasonError && (
            <p id={`${base}-reason-error`} className="mt-1 font-semibold text-danger">
              {reasonError}
            </p>
          )}
        </div>
      )}
      {formError && (
        <p role="alert" className="font-semibold text-danger">
          {t("errorTitle")}: {formError}
        </p>
      )}
      {(valueError || reasonError) && (
        <p role="alert" className="sr-only">
          {t("errorTitle")}: {valueError ?? reasonError}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="font-semibold text-ok">
          {state.data.message}
        </p>
      )}
      <div>
        <button
          type="submit"
          disabled={pending}
          aria-disabled={pending}
          className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-70"
        >
          {pending ? t("saving") : t("save")} <span className="sr-only">{t("forStudent", { name })}</span>
        </button>
      </div>
    </form>
  );
}
