"use client";

/**
 * The guardian's controls for one child: «Даю согласие» / «Не даю согласие» while there is
 * no consent, «Отозвать согласие» with a confirmation step once there is. One form state
 * for both, so the message after a choice stays while the page shows the new state.
 */
import { useActionState, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";

type Outcome = { message: string };
export type ChildConsentTexts = {
  label: string; grant: string; grantAgain: string; refuse: string; refuseHint: string; pending: string; errorTitle: string;
  withdraw: string; confirmTitle: string; confirmText: string; yes: string; no: string;
};

const base = "rounded px-5 py-2.5 text-[1.125rem] font-semibold disabled:opacity-70";
const primary = `${base} bg-accent text-white hover:bg-accent-dark`;
const secondary = `${base} border-2 border-accent bg-white text-accent hover:bg-blue-50`;

function Choice({ value, label, pending, className }: { value: string; label: string; pending: string; className: string }) {
  const status = useFormStatus();
  return (
    <button type="submit" name="decision" value={value} disabled={status.pending} className={className}>
      {status.pending ? pending : label}
    </button>
  );
}

export function ChildConsent({ action, studentId, state, texts }: {
  action: (prev: ActionResult<Outcome>, form: FormData) => Promise<ActionResult<Outcome>>;
  studentId: string;
  state: "NONE" | "GRANTED" | "REFUSED" | "WITHDRAWN";
  texts: ChildConsentTexts;
}) {
  const [result, formAction] = useActionState(action, null);
  const [asking, setAsking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const failed = result && !result.ok ? result : null;
  useEffect(() => {
    if (asking) heading.current?.focus();
  }, [asking]);
  return (
    <form action={formAction} aria-label={texts.label}>
      <ErrorSummary title={texts.errorTitle} message={failed?.message} />
      {result?.ok && <Notice>{result.data.message}</Notice>}
      <input type="hidden" name="studentId" value={studentId} />
      {state !== "GRANTED" && (
        <>
          {state === "NONE" && <p className="mb-3 max-w-2xl">{texts.refuseHint}</p>}
          <div className="flex flex-wrap gap-3">
            <Choice value="GRANTED" label={state === "NONE" ? texts.grant : texts.grantAgain} pending={texts.pending} className={primary} />
            {state === "NONE" && <Choice value="REFUSED" label={texts.refuse} pending={texts.pending} className={secondary} />}
          </div>
        </>
      )}
      {state === "GRANTED" && !asking && (
        <button type="button" onClick={() => setAsking(true)} className={`${base} border-2 border-danger bg-white text-danger hover:bg-red-50`}>
          {texts.withdraw}
        </button>
      )}
      {state === "GRANTED" && asking && (
        <div className="max-w-2xl rounded border-2 border-danger p-4">
          <h4 ref={heading} tabIndex={-1} className="mb-2 text-lg font-bold">
            {texts.confirmTitle}
          </h4>
          <p className="mb-3">{texts.confirmText}</p>
          <div className="flex flex-wrap gap-3">
            <Choice value="WITHDRAW" label={texts.yes} pending={texts.pending} className={`${base} bg-danger text-white hover:opacity-90`} />
            <button type="button" onClick={() => setAsking(false)} className={secondary}>
              {texts.no}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
