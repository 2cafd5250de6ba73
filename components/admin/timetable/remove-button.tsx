"use client";

/** A one-button form inside a table row: removes one thing, says why if it cannot. */
import { useActionState } from "react";

import type { ActionResult } from "@/lib/action";
import type { FormAction, FormOutcome } from "@/components/admin/timetable/action-form";

export function RemoveButton({ action, name, value, label, visibleLabel }: { action: FormAction; name: string; value: string; label: string; visibleLabel: string }) {
  const [state, formAction, pending] = useActionState<ActionResult<FormOutcome>, FormData>(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name={name} value={value} />
      <button type="submit" disabled={pending} aria-label={label} className="rounded border-2 border-danger px-3 py-1 font-semibold text-danger hover:bg-red-50 disabled:opacity-60">
        {visibleLabel}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 font-semibold text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}
