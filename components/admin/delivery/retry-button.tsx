"use client";

import { useActionState } from "react";

import type { ActionResult } from "@/lib/action";

/** "Повторить" for one failed message; its outcome is announced next to it. */
export function RetryButton({ action, messageId, label, accessibleLabel, pending, done }: {
  action: (prev: ActionResult<null>, form: FormData) => Promise<ActionResult<null>>;
  messageId: string;
  label: string;
  accessibleLabel: string;
  pending: string;
  done: string;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="messageId" value={messageId} />
      <button
        type="submit"
        disabled={isPending}
        aria-label={accessibleLabel}
        className="rounded border-2 border-accent px-3 py-1 font-semibold text-accent hover:bg-blue-50 disabled:opacity-70"
      >
        {isPending ? pending : label}
      </button>
      {state?.ok && <p role="status">{done}</p>}
      {state && !state.ok && <p role="alert" className="text-danger">{state.message}</p>}
    </form>
  );
}
