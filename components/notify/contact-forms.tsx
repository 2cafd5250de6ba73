"use client";

/**
 * The guardian's contacts: one item per contact (confirm by code, send the code again,
 * remove) and the form that adds one. Each form has its own result, announced next to it.
 */
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";

type Action<T> = (prev: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;
type IdResult = { contactId: string };

export type ContactItemProps = {
  id: string;
  channelLabel: string;
  value: string;
  source: string;
  confirmed: boolean;
  /** "14:32" when a new code may be asked for; null: now */
  resendAfter: string | null;
  confirmAction: Action<IdResult>;
  resendAction: Action<IdResult>;
  removeAction: Action<IdResult>;
};

function Outcome({ state, success, errorTitle }: { state: ActionResult<unknown>; success: string; errorTitle: string }) {
  if (!state) return null;
  if (!state.ok) return <ErrorSummary title={errorTitle} message={state.message} />;
  return <Notice>{success}</Notice>;
}

export function ContactItem(props: ContactItemProps) {
  const t = useTranslations("notify.contacts");
  const [confirmState, confirm] = useActionState(props.confirmAction, null);
  const [resendState, resend] = useActionState(props.resendAction, null);
  const [removeState, remove] = useActionState(props.removeAction, null);
  const codeId = useId();
  const hintId = useId();
  const errorId = useId();
  const codeError = confirmState && !confirmState.ok ? confirmState.fieldErrors.code?.join(" ") : undefined;
  return (
    <li className="rounded border-2 border-gray-300 p-3">
      <h3 className="text-lg font-bold break-words">
        {props.channelLabel}: <span className="font-normal">{props.value}</span>
      </h3>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
        <dt className="font-semibold">{t("sourceLabel")}</dt>
        <dd>{props.source}</dd>
        <dt className="font-semibold">{t("statusLabel")}</dt>
        <dd>
          <span className={props.confirmed ? "font-semibold text-ok" : "font-semibold text-danger"}>{props.confirmed ? t("confirmed") : t("pending")}</span>
        </dd>
      </dl>
      <Outcome state={confirmState} success={t("confirmedDone")} errorTitle={t("errorTitle")} />
      <Outcome state={resendState} success={t("resent")} errorTitle={t("errorTitle")} />
      <Outcome state={removeState} success={t("removed")} errorTitle={t("errorTitle")} />
      {!props.confirmed && (
        <>
          <form action={confirm} noValidate className="mt-3">
            <input type="hidden" name="contactId" value={props.id} />
            <label htmlFor={codeId} className="mb-1 block font-semibold">
              {t("codeLabel", { value: props.value })}
            </label>
            <p id={hintId} className="mb-1 text-[0.95rem] text-muted">
              {t("codeHint")}
            </p>
            <div className="flex flex-wrap items-start gap-2">
              <input
                id={codeId}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={12}
                aria-invalid={codeError ? true : undefined}
                aria-describedby={[hintId, codeError ? errorId : ""].filter(Boolean).join(" ")}
                className={`w-40 rounded border-2 px-3 py-2 text-[1.125rem] ${codeError ? "border-danger" : "border-gray-600"}`}
              />
              <SubmitButton label={t("confirm")} pending={t("confirming")} />
            </div>
            {codeError && (
              <p id={errorId} className="mt-1 font-semibold text-danger">
                {codeError}
              </p>
            )}
          </form>
          <form action={resend} className="mt-3">
            <input type="hidden" name="contactId" value={props.id} />
            {props.resendAfter && <p className="mb-1 text-[0.95rem] text-muted">{t("resendWait", { time: props.resendAfter })}</p>}
            <button type="submit" className="rounded border-2 border-accent bg-white px-4 py-2 font-semibold text-accent hover:bg-blue-50">
              {t("resend")}
            </button>
          </form>
        </>
      )}
      <form action={remove} className="mt-3">
        <input type="hidden" name="contactId" value={props.id} />
        <button type="submit" aria-label={t("remove", { value: props.value })} className="rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-red-50">
          {t("removeShort")}
        </button>
      </form>
    </li>
  );
}

export function AddContactForm({ action }: { action: Action<{ id: string }> }) {
  const t = useTranslations("notify.contacts");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("errorTitle")} message={failed?.message} />
      {state?.ok && <Notice>{t("added")}</Notice>}
      <SelectField
        name="channel"
        label={t("addChannel")}
        options={[
          { value: "EMAIL", label: t("channel.EMAIL") },
          { value: "SMS", label: t("channel.SMS") },
        ]}
        defaultValue={failed?.values?.channel ?? "EMAIL"}
        errors={failed?.fieldErrors.channel}
      />
      <Field
        // a new empty field after a contact was added
        key={state?.ok ? state.data.id : "new"}
        name="contactValue"
        label={t("addValue")}
        hint={t("addValueHint")}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        defaultValue={failed?.values?.contactValue}
        errors={failed?.fieldErrors.contactValue}
      />
      <SubmitButton label={t("add")} pending={t("adding")} />
    </form>
  );
}
