"use client";

/**
 * Closing a period (a button, then a confirmation step) and reopening it (a reason in
 * words). One component per period keeps both results, so the message of what just
 * happened stays on screen when the period changes state, and focus moves to it.
 */
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";

type Done = { name: string };
type Action = (prev: ActionResult<Done>, form: FormData) => Promise<ActionResult<Done>>;

const BUTTON = "rounded border-2 px-4 py-2 font-semibold disabled:opacity-60";

export function PeriodLockControls({ id, name, closed, close, reopen }: { id: string; name: string; closed: boolean; close: Action; reopen: Action }) {
  const t = useTranslations("periods");
  const [closeState, closeAction, closing] = useActionState(close, null);
  const [reopenState, reopenAction, reopening] = useActionState(reopen, null);
  const [confirming, setConfirming] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const asked = useRef(false);
  // a period that changed state starts without a pending confirmation
  const [seenClosed, setSeenClosed] = useState(closed);
  if (seenClosed !== closed) {
    setSeenClosed(closed);
    setConfirming(false);
  }

  useEffect(() => {
    if (confirming) yesRef.current?.focus();
    else if (asked.current) askRef.current?.focus();
  }, [confirming]);
  // after a success the form the user was in is gone: focus the message that says what happened
  useEffect(() => {
    if (closeState?.ok || reopenState?.ok) noticeRef.current?.focus();
  }, [closeState, reopenState]);

  const message = closed ? (closeState?.ok ? t("closedNotice", { name }) : null) : reopenState?.ok ? t("reopenedNotice", { name }) : null;
  const reopenFailed = reopenState && !reopenState.ok ? reopenState : null;
  const reasonErrors = reopenFailed?.fieldErrors.reason;
  const reasonId = `reason-${id}`;
  const hintId = `${reasonId}-hint`;
  const errorId = `${reasonId}-error`;
  const warningId = `close-warning-${id}`;

  return (
    <div className="mt-3">
      <div ref={noticeRef} tabIndex={-1} role="status" className={message ? "my-3 max-w-3xl rounded border-2 border-ok bg-green-50 p-3" : undefined}>
        {message}
      </div>
      {closed ? (
        <form action={reopenAction} noValidate aria-label={t("reopenLabel", { name })} className="max-w-2xl">
          <ErrorSummary title={t("errorTitle")} message={reopenFailed?.message} />
          <input type="hidden" name="periodId" value={id} />
          <div className="mb-4">
            <label htmlFor={reasonId} className="mb-1 block font-semibold">
              {t("reason")}
            </label>
            <p id={hintId} className="mb-1 max-w-md text-[0.95rem] text-muted">
              {t("reasonHint")}
            </p>
            <textarea
              // remount on a new default: React resets the form after a failed submit
              key={reopenFailed?.values?.reason ?? ""}
              id={reasonId}
              name="reason"
              rows={2}
              defaultValue={reopenFailed?.values?.reason ?? ""}
              aria-invalid={reasonErrors ? true : undefined}
              aria-describedby={[hintId, reasonErrors ? errorId : ""].filter(Boolean).join(" ")}
              className={`block w-full max-w-xl rounded border-2 px-3 py-2 text-[1.125rem] ${reasonErrors ? "border-danger" : "border-gray-600"}`}
            />
            {reasonErrors && (
              <p id={errorId} className="mt-1 font-semibold text-danger">
                {reasonErrors.join(" ")}
              </p>
            )}
          </div>
          <button type="submit" disabled={reopening} aria-label={t("reopenLabel", { name })} className={`${BUTTON} border-accent bg-accent text-white hover:bg-accent-dark`}>
            {reopening ? t("reopening") : t("reopen")}
          </button>
        </form>
      ) : confirming ? (
        <form action={closeAction} className="max-w-2xl rounded border-2 border-danger p-3">
          {closeState && !closeState.ok && <ErrorSummary title={t("errorTitle")} message={closeState.message} />}
          <input type="hidden" name="periodId" value={id} />
          <p id={warningId} className="mb-3 font-semibold">
            {t("closeConfirm", { name })}
          </p>
          <div className="flex flex-wrap gap-3">
            <button ref={yesRef} type="submit" disabled={closing} aria-label={t("closeYesLabel", { name })} aria-describedby={warningId} className={`${BUTTON} border-danger bg-danger text-white`}>
              {closing ? t("closing") : t("closeYes")}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={`${BUTTON} border-gray-600`}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <button
          ref={askRef}
          type="button"
          aria-label={t("closeLabel", { name })}
          onClick={() => {
            asked.current = true;
            setConfirming(true);
          }}
          className={`${BUTTON} border-danger text-danger hover:bg-red-50`}
        >
          {t("close")}
        </button>
      )}
    </div>
  );
}
