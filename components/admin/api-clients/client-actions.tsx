"use client";

/**
 * A connected program's two dangerous buttons, each asking first: «Выдать новый ключ»
 * (the old key stops working; the new one is shown once, here) and «Отключить» (for
 * good). The confirmation names the program and says what will happen; focus goes to
 * its «yes» button, back to the button that asked on «Отмена», and to the outcome after.
 */
import { useActionState, useEffect, useId, useRef, useState } from "react";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { fill, type ClientActionLabels } from "@/components/admin/api-clients/labels";
import { SecretBox, type ShownSecret } from "@/components/admin/api-clients/secret-box";

type Action<T> = (prev: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;
type Asking = "rotate" | "revoke" | null;

const BUTTON = "rounded border-2 px-3 py-1.5 font-semibold disabled:opacity-60";

export function ClientActions({ apiClientId, name, revoked, rotate, revoke, labels }: {
  apiClientId: string;
  name: string;
  /** already disconnected: nothing left to do (the notice of a disconnection made here stays) */
  revoked: boolean;
  rotate: Action<ShownSecret>;
  revoke: Action<{ name: string }>;
  labels: ClientActionLabels;
}) {
  const [rotateState, rotateAction, rotating] = useActionState(rotate, null);
  const [revokeState, revokeAction, revoking] = useActionState(revoke, null);
  const [asking, setAsking] = useState<Asking>(null);
  const base = useId();
  const yesRef = useRef<HTMLButtonElement>(null);
  const rotateButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const lastAsked = useRef<Exclude<Asking, null>>("rotate");
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // back to the button that asked only on «Отмена»: after a success the outcome takes focus
  const refocus = useRef(false);
  useEffect(() => {
    if (asking) yesRef.current?.focus();
    else if (refocus.current) (lastAsked.current === "rotate" ? rotateButton : revokeButton).current?.focus();
    refocus.current = false;
  }, [asking]);
  // a finished action closes its question (adjusted while rendering, as React advises)
  const [seen, setSeen] = useState({ rotate: rotateState, revoke: revokeState });
  if (seen.rotate !== rotateState || seen.revoke !== revokeState) {
    setSeen({ rotate: rotateState, revoke: revokeState });
    if (rotateState?.ok || revokeState?.ok) setAsking(null);
  }
  useEffect(() => {
    if (revokeState?.ok) noticeRef.current?.focus();
  }, [revokeState]);

  const ask = (which: Exclude<Asking, null>) => () => {
    lastAsked.current = which;
    setAsking(which);
  };
  const failed = [rotateState, revokeState].find((s) => s && !s.ok);
  const failure = failed && !failed.ok ? failed.message : undefined;
  const questionId = `${base}-question`;

  if (revokeState?.ok) {
    return (
      <p ref={noticeRef} tabIndex={-1} role="status" className="font-semibold">
        {fill(labels.revoked, { name })}
      </p>
    );
  }
  if (revoked) return null;

  return (
    <div className="min-w-64">
      <ErrorSummary title={labels.errorTitle} message={failure} />
      {asking ? (
        <form action={asking === "rotate" ? rotateAction : revokeAction} className="rounded border-2 border-danger p-3">
          <input type="hidden" name="apiClientId" value={apiClientId} />
          <p id={questionId} className="mb-3 font-semibold">
            {fill(asking === "rotate" ? labels.rotateConfirm : labels.revokeConfirm, { name })}
          </p>
          <div className="flex flex-wrap gap-2">
            <button ref={yesRef} type="submit" disabled={rotating || revoking} aria-describedby={questionId} className={`${BUTTON} border-danger bg-danger text-white`}>
              {asking === "rotate" ? (rotating ? labels.rotating : labels.rotateYes) : revoking ? labels.revoking : labels.revokeYes}
            </button>
            <button
              type="button"
              onClick={() => {
                refocus.current = true;
                setAsking(null);
              }}
              className={`${BUTTON} border-gray-600`}>
              {labels.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button ref={rotateButton} type="button" onClick={ask("rotate")} aria-label={fill(labels.rotateLabel, { name })} className={`${BUTTON} border-accent text-accent hover:bg-blue-50`}>
            {labels.rotate}
          </button>
          <button ref={revokeButton} type="button" onClick={ask("revoke")} aria-label={fill(labels.revokeLabel, { name })} className={`${BUTTON} border-danger text-danger hover:bg-red-50`}>
            {labels.revoke}
          </button>
        </div>
      )}
      {rotateState?.ok && <SecretBox shown={rotateState.data} labels={labels.secret} />}
    </div>
  );
}
