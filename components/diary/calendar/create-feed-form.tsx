"use client";
/**
 * «Создать адрес календаря» for the chosen child, and the address it made: shown once,
 * in a read-only field with «Скопировать» and a webcal:// link an iPhone subscribes to
 * in one tap. The address lives only in this form's state: a reload forgets it, as the
 * server does (it keeps only the token's hash).
 *
 * Texts come translated from the page: the diary's pages load no translation runtime.
 */
import { useActionState, useId, useRef, useState } from "react";

import type { ActionResult } from "@/lib/action";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";

export type CreateFeedTexts = {
  create: string;
  creating: string;
  errorTitle: string;
  createdTitle: string;
  addressLabel: string;
  copy: string;
  copied: string;
  copyFailed: string;
  openOnIphone: string;
};

type Created = { url: string };
type Action = (prev: ActionResult<Created>, form: FormData) => Promise<ActionResult<Created>>;

export function CreateFeedForm({ action, studentId, texts }: { action: Action; studentId: string; texts: CreateFeedTexts }) {
  const [state, formAction] = useActionState(action, null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const created = state?.ok ? state.data : null;

  const copy = async (url: string) => {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(url);
      setCopyState("copied");
    } catch {
      setCopyState("failed");
    }
  };

  return (
    <div>
      <form action={(form) => { setCopyState("idle"); formAction(form); }} noValidate>
        <ErrorSummary title={texts.errorTitle} message={state && !state.ok ? state.message : undefined} />
        <input type="hidden" name="studentId" value={studentId} />
        <SubmitButton label={texts.create} pending={texts.creating} />
      </form>
      {created && (
        <div className="mt-4 max-w-3xl rounded border-2 border-ok bg-green-50 p-3">
          <p role="status" className="font-semibold">
            {texts.createdTitle}
          </p>
          <label htmlFor={fieldId} className="mt-3 block font-semibold">
            {texts.addressLabel}
          </label>
          <input
            id={fieldId}
            ref={field}
            type="text"
            readOnly
            value={created.url}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 w-full rounded border-2 border-gray-500 bg-white px-2 py-2 font-mono text-sm"
          />
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <Button onClick={() => void copy(created.url)}>{texts.copy}</Button>
            <a href={created.url.replace(/^https?:\/\//, "webcal://")} className="text-accent underline">
              {texts.openOnIphone}
            </a>
          </div>
          <p role="status" className="mt-2">
            {copyState === "copied" ? texts.copied : copyState === "failed" ? texts.copyFailed : ""}
          </p>
        </div>
      )}
    </div>
  );
}
