"use client";

/**
 * A program's webhook address: set or change it (the new signing secret is shown once,
 * below the form, like a client's key) and remove it, asking first. The question names
 * the program and the address; focus goes to its «yes» button, back to «Убрать адрес»
 * on «Отмена», and to the outcome after.
 */
import { useActionState, useEffect, useId, useRef, useState } from "react";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fill, type WebhookLabels } from "@/components/admin/api-clients/labels";
import { SecretFieldsBox } from "@/components/admin/api-clients/secret-box";

type Action<T> = (prev: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;
export type ShownWebhookSecret = { name: string; url: string; secret: string };

const BUTTON = "rounded border-2 px-3 py-1.5 font-semibold disabled:opacity-60";

export function WebhookSettings({ apiClientId, name, currentUrl, save, remove, labels }: {
  apiClientId: string;
  name: string;
  currentUrl: string | null;
  save: Action<ShownWebhookSecret>;
  remove: Action<{ name: string }>;
  labels: WebhookLabels;
}) {
  const [saveState, saveAction] = useActionState(save, null);
  const [removeState, removeAction, removing] = useActionState(remove, null);
  const [asking, setAsking] = useState(false);
  const base = useId();
  const yesRef = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // back to «Убрать адрес» only on «Отмена»: after a removal the outcome takes focus
  const refocus = useRef(false);
  useEffect(() => {
    if (asking) yesRef.current?.focus();
    else if (refocus.current) removeButton.current?.focus();
    refocus.current = false;
  }, [asking]);
  // a finished removal closes its question; a new save hides an old «removed» notice
  const [seen, setSeen] = useState({ save: saveState, remove: removeState });
  const [showRemoved, setShowRemoved] = useState(false);
  if (seen.save !== saveState || seen.remove !== removeState) {
    setSeen({ save: saveState, remove: removeState });
    if (removeState !== seen.remove && removeState?.ok) {
      setAsking(false);
      setShowRemoved(true);
    }
    if (saveState !== seen.save && saveState?.ok) setShowRemoved(false);
  }
  useEffect(() => {
    if (showRemoved) noticeRef.current?.focus();
  }, [showRemoved]);

  const failedSave = saveState && !saveState.ok ? saveState : null;
  const removeFailure = removeState && !removeState.ok ? removeState.message : undefined;
  const questionId = `${base}-question`;
  // the secret box belongs to the address just saved; a removal since then ends it
  const shown = saveState?.ok && !showRemoved ? saveState.data : null;

  return (
    <div className="max-w-3xl">
      <form action={saveAction} noValidate aria-label={fill(labels.saveLabel, { name })}>
        <ErrorSummary title={labels.errorTitle} message={failedSave?.message} />
        <input type="hidden" name="apiClientId" value={apiClientId} />
        <Field
          name="url"
          label={labels.url}
          hint={labels.urlHint}
          errors={failedSave?.fieldErrors["url"]}
          defaultValue={failedSave?.values?.["url"] ?? currentUrl ?? ""}
          autoComplete="url"
          spellCheck={false}
          autoCapitalize="none"
          required
        />
        <SubmitButton label={labels.save} pending={labels.saving} />
      </form>

      {shown && (
        <SecretFieldsBox
          title={fill(labels.secretTitle, { name: shown.name })}
          warning={labels.secretWarning}
          labels={labels.copy}
          fields={[
            { key: "url", label: labels.secretUrl, value: shown.url },
            { key: "secret", label: labels.secretLabel, value: shown.secret },
          ]}
        />
      )}

      {showRemoved && (
        <p ref={noticeRef} tabIndex={-1} role="status" className="my-4 font-semibold">
          {fill(labels.removed, { name })}
        </p>
      )}

      {currentUrl && !showRemoved && (
        <div className="mt-6">
          <ErrorSummary title={labels.errorTitle} message={removeFailure} />
          {asking ? (
            <form action={removeAction} className="rounded border-2 border-danger p-3">
              <input type="hidden" name="apiClientId" value={apiClientId} />
              <p id={questionId} className="mb-3 font-semibold">
                {fill(labels.removeConfirm, { name, url: currentUrl })}
              </p>
              <div className="flex flex-wrap gap-2">
                <button ref={yesRef} type="submit" disabled={removing} aria-describedby={questionId} className={`${BUTTON} border-danger bg-danger text-white`}>
                  {removing ? labels.removing : labels.removeYes}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    refocus.current = true;
                    setAsking(false);
                  }}
                  className={`${BUTTON} border-gray-600`}>
                  {labels.cancel}
                </button>
              </div>
            </form>
          ) : (
            <button ref={removeButton} type="button" onClick={() => setAsking(true)} aria-label={fill(labels.removeLabel, { name })} className={`${BUTTON} border-danger text-danger hover:bg-red-50`}>
              {labels.remove}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
