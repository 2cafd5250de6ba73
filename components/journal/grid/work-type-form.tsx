"use client";
/**
 * «Вид работы» of one column of the grid (a lesson): the school's work types with the
 * weight each has on the lesson's day. Saving moves the lesson's marks to that type, so
 * the page reloads its data and the averages are computed again.
 */
import { useActionState, useEffect, useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import type { ColumnWorkType } from "@/lib/journal/column";
import type { GridWorkType } from "@/lib/journal/grid";
import { weightOnDay } from "@/components/journal/grid/format";

export type SetWorkType = (prev: ActionResult<ColumnWorkType>, form: FormData) => Promise<ActionResult<ColumnWorkType>>;

type Props = {
  lessonId: string;
  lessonDay: string;
  dateText: string;
  workTypeId: string | null;
  workTypes: GridWorkType[];
  action: SetWorkType;
  onSaved: () => void;
};

export function WorkTypeForm({ lessonId, lessonDay, dateText, workTypeId, workTypes, action, onSaved }: Props) {
  const t = useTranslations("grid");
  const id = useId();
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const fieldError = failed?.fieldErrors.workTypeId?.join(" ") ?? failed?.message;

  // once per saved result, whatever the parent re-renders in between
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      onSaved();
    }
  }, [state, onSaved]);

  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="lessonId" value={lessonId} />
      <div>
        <label htmlFor={`${id}-wt`} className="mb-1 block font-semibold">{t("workTypeLabel", { date: dateText })}</label>
        <select
          id={`${id}-wt`}
          name="workTypeId"
          // remounted when the saved type changes, so it shows what the column now has (or, after
          // a refusal, what was chosen): React resets a form after its action
          key={`${workTypeId ?? ""}:${failed?.values?.workTypeId ?? ""}`}
          defaultValue={failed?.values?.workTypeId ?? workTypeId ?? ""}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-err` : undefined}
          className={`block max-w-full rounded border-2 bg-white px-3 py-2 ${fieldError ? "border-danger" : "border-gray-600"}`}
        >
          {workTypeId === null && <option value="">{t("workTypeNone")}</option>}
          {workTypes.map((w) => (
            <option key={w.id} value={w.id}>{t("workTypeOption", { name: w.name, weight: weightOnDay(w, lessonDay) })}</option>
          ))}
        </select>
      </div>
      <SaveButton label={t("workTypeSave")} pending={t("workTypeSaving")} />
      {fieldError && (
        <p id={`${id}-err`} role="alert" className="w-full font-semibold text-danger">
          {t("workTypeError", { reason: fieldError })}
        </p>
      )}
      <p role="status" className="w-full empty:hidden">
        {state?.ok ? t("workTypeSaved", { date: dateText, name: state.data.workTypeName, count: state.data.moved }) : ""}
      </p>
    </form>
  );
}

/**
 * Not disabled while saving (only marked so): a disabled button loses the keyboard focus,
 * and the teacher would have to find their way back from the top of the page.
 */
function SaveButton({ label, pending }: { label: string; pending: string }) {
  const status = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={status.pending || undefined}
      onClick={(e) => {
        if (status.pending) e.preventDefault();
      }}
      className="rounded bg-accent px-5 py-2 font-semibold text-white hover:bg-accent-dark aria-disabled:opacity-70"
    >
      {status.pending ? pending : label}
    </button>
  );
}
