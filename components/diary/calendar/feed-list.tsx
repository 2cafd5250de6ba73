"use client";
/**
 * The user's live calendar addresses: whose, since when, when a phone last fetched it,
 * and «Отключить» — asked twice, since every phone with that address stops updating.
 * One action state for the list: a turned-off row disappears, its message stays.
 *
 * Texts come translated from the page: the diary's pages load no translation runtime.
 */
import { useActionState, useEffect, useRef, useState } from "react";

import type { ActionResult } from "@/lib/action";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";

export type FeedListRow = { id: string; studentName: string; created: string; lastRead: string | null; confirm: string };

export type FeedListTexts = {
  empty: string;
  caption: string;
  child: string;
  created: string;
  lastRead: string;
  neverRead: string;
  actions: string;
  revoke: string;
  revokeYes: string;
  revokeNo: string;
  revoked: string;
  errorTitle: string;
};

type Action = (prev: ActionResult<{ id: string }>, form: FormData) => Promise<ActionResult<{ id: string }>>;

export function FeedList({ rows, action, texts }: { rows: FeedListRow[]; action: Action; texts: FeedListTexts }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const yes = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);

  return (
    <div>
      <ErrorSummary title={texts.errorTitle} message={state && !state.ok ? state.message : undefined} />
      {state?.ok && <Notice>{texts.revoked}</Notice>}
      {rows.length === 0 ? (
        <p>{texts.empty}</p>
      ) : (
        <table className="mt-2 w-full border-collapse text-left">
          <caption className="sr-only">{texts.caption}</caption>
          <thead>
            <tr className="border-b-2">
              <th scope="col" className="py-2 pr-3">{texts.child}</th>
              <th scope="col" className="py-2 pr-3">{texts.created}</th>
              <th scope="col" className="py-2 pr-3">{texts.lastRead}</th>
              <th scope="col" className="py-2">{texts.actions}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b align-top">
                <th scope="row" className="py-2 pr-3 font-normal">{r.studentName}</th>
                <td className="py-2 pr-3">{r.created}</td>
                <td className="py-2 pr-3">{r.lastRead ?? texts.neverRead}</td>
                <td className="py-2">
                  {confirming === r.id ? (
                    <form action={(form) => { setConfirming(null); formAction(form); }}>
                      <p className="mb-2">{r.confirm}</p>
                      <input type="hidden" name="feedId" value={r.id} />
                      <div className="flex flex-wrap gap-2">
                        <button
                          ref={yes}
                          type="submit"
                          disabled={pending}
                          className="rounded border-2 border-danger bg-danger px-4 py-2 font-semibold text-white disabled:opacity-60"
                        >
                          {texts.revokeYes}
                        </button>
                        <Button variant="secondary" onClick={() => setConfirming(null)}>
                          {texts.revokeNo}
                        </Button>
                      </div>
                    </form>
                  ) : (
                    <Button variant="secondary" onClick={() => setConfirming(r.id)} disabled={pending}>
                      {texts.revoke}
                      <span className="sr-only">: {r.studentName}</span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
