"use client";

import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";

type Result = ActionResult<{ message: string }>;

type Props = {
  action: (prev: Result, form: FormData) => Promise<Result>;
  ids: { cohortId: string; subjectId: string; studentId: string };
  name: string;
  /** the exam mark now: "5" … "2", or "none" when the student did not sit the exam */
  current: string;
};

const VALUES = ["5", "4", "3", "2", "none"] as const;
const OPTION_KEY = { "5": "five", "4": "four", "3": "three", "2": "two" } as const;

/** One student's exam mark: 5 to 2, or «не сдавал»; the error is tied to the field. */
export function ExamMarkForm({ action, ids, name, current }: Props) {
  const t = useTranslations("finals");
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const [value, setValue] = useState(failed?.values?.value ?? current);
  const base = `exam-${ids.studentId}`;
  const valueError = failed?.fieldErrors.value?.join(" ");
  return (
    <form
      action={formAction}
      // submitted by hand so that React does not reset the chosen value next to its error
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
      noValidate
      className="flex min-w-[11rem] flex-col gap-2"
    >
      {Object.entries(ids).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div>
        <label htmlFor={`${base}-value`} className="block font-semibold">
          {t("examLabel")} <span className="sr-only">{t("forStudent", { name })}</span>
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
          {VALUES.map((v) => (
            <option key={v} value={v}>
              {v === "none" ? t("examNoneOption") : t(`options.${OPTION_KEY[v]}`)}
            </option>
          ))}
        </select>
        {valueError && (
          <p id={`${base}-value-error`} className="mt-1 font-semibold text-danger">
            {valueError}
          </p>
        )}
      </div>
      {failed && (
        <p role="alert" className="font-semibold text-danger">
          {t("examErrorTitle")}: {valueError ?? failed.message}
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
          {pending ? t("saving") : t("examSave")} <span className="sr-only">{t("forStudent", { name })}</span>
        </button>
      </div>
    </form>
  );
}
