"use client";

/**
 * What every set-up form of the calendar, settings and rollover screens shares: the
 * action state, the error summary or success notice at the top, and small delete forms.
 */
import { useActionState } from "react";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

// Written as a method so that a form taking "any action" accepts each action's own result
// type (method parameters are compared bivariantly).
export type FormAction<T> = { run(prev: ActionResult<T>, form: FormData): Promise<ActionResult<T>> }["run"];

export function useFormAction<T>(action: FormAction<T>) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  /** What the user typed, when the form came back with errors; else the default. */
  const value = (name: string, fallback = ""): string => failed?.values?.[name] ?? fallback;
  const errors = (name: string): string[] | undefined => failed?.fieldErrors[name];
  return { state, formAction, failed, value, errors };
}

export function FormStatus({ state, errorTitle, success }: { state: ActionResult<unknown>; errorTitle: string; success: string }) {
  if (!state) return null;
  if (!state.ok) return <ErrorSummary title={errorTitle} message={state.message} />;
  return <Notice>{success}</Notice>;
}

type ShellProps<T> = {
  action: FormAction<T>;
  errorTitle: string;
  success: string;
  submit: string;
  pending: string;
  children: (kit: ReturnType<typeof useFormAction<T>>) => React.ReactNode;
  hidden?: Record<string, string>;
  label?: string;
};

/** A form with its status on top and its submit button below. */
export function FormShell<T>({ action, errorTitle, success, submit, pending, children, hidden, label }: ShellProps<T>) {
  const kit = useFormAction(action);
  return (
    <form action={kit.formAction} noValidate aria-label={label} className="max-w-2xl">
      <FormStatus state={kit.state} errorTitle={errorTitle} success={success} />
      {Object.entries(hidden ?? {}).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {children(kit)}
      <SubmitButton label={submit} pending={pending} />
    </form>
  );
}

/** A one-button form that deletes one row; its label names the row for screen readers. */
export function RemoveForm({ action, id, label, errorTitle }: { action: FormAction<unknown>; id: string; label: string; errorTitle: string }) {
  const { state, formAction } = useFormAction(action);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="rounded border-2 border-danger px-3 py-1 font-semibold text-danger hover:bg-red-50">
        {label}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 font-semibold text-danger">
          {errorTitle}: {state.message}
        </p>
      )}
    </form>
  );
}
