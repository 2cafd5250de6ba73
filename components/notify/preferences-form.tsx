"use client";

/**
 * The guardian's notification settings: where, how often, about what, and quiet hours.
 * Each group is a fieldset with a legend; the radio buttons and checkboxes carry their
 * hints; after a save the form keeps what was saved and the focus stays put.
 */
import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { CHOOSABLE_KIND_LIST, FREQUENCY_LIST, type ChoosableKind, type Frequency } from "@/lib/notify/kinds";

export type PreferencesValue = {
  email: boolean;
  sms: boolean;
  push: boolean;
  frequency: Frequency;
  kinds: ChoosableKind[];
  quietFrom: string;
  quietTo: string;
};
type Action = (prev: ActionResult<PreferencesValue>, form: FormData) => Promise<ActionResult<PreferencesValue>>;

type Props = { action: Action; initial: PreferencesValue; hasEmail: boolean; hasPhone: boolean; timeZone: string };

function GroupError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mb-2 font-semibold text-danger">
      {messages.join(" ")}
    </p>
  );
}

export function PreferencesForm({ action, initial, hasEmail, hasPhone, timeZone }: Props) {
  const t = useTranslations("notify.prefs");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const shown = state?.ok ? state.data : initial;
  const errors = failed?.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("errorTitle")} message={failed?.message} />
      {state?.ok && <Notice>{t("saved")}</Notice>}

      <fieldset className="mb-6" aria-describedby={errors.channels ? "channels-error" : undefined}>
        <legend className="mb-3 text-xl font-bold">{t("channelsLegend")}</legend>
        <GroupError id="channels-error" messages={errors.channels} />
        <CheckboxField name="email" label={t("email")} hint={hasEmail ? t("emailReady") : t("emailMissing")} defaultChecked={shown.email} />
        <CheckboxField name="sms" label={t("sms")} hint={hasPhone ? t("smsReady") : t("smsMissing")} defaultChecked={shown.sms} />
        <CheckboxField name="push" label={t("push")} hint={t("pushHint")} defaultChecked={shown.push} />
      </fieldset>

      <fieldset className="mb-6">
        <legend className="mb-3 text-xl font-bold">{t("frequencyLegend")}</legend>
        {FREQUENCY_LIST.map((f) => (
          <div key={f} className="mb-3 flex items-start gap-2">
            <input
              id={`frequency-${f}`}
              type="radio"
              name="frequency"
              value={f}
              defaultChecked={shown.frequency === f}
              aria-describedby={`frequency-${f}-hint`}
              className="mt-1 h-5 w-5"
            />
            <div>
              <label htmlFor={`frequency-${f}`} className="font-semibold">
                {t(`frequency.${f}`)}
              </label>
              <p id={`frequency-${f}-hint`} className="text-[0.95rem] text-muted">
                {t(`frequencyHint.${f}`)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset className="mb-6" aria-describedby={errors.kinds ? "kinds-error" : undefined}>
        <legend className="mb-3 text-xl font-bold">{t("kindsLegend")}</legend>
        <GroupError id="kinds-error" messages={errors.kinds} />
        {CHOOSABLE_KIND_LIST.map((k) => (
          <CheckboxField key={k} name={`kind_${k}`} label={t(`kind.${k}`)} defaultChecked={shown.kinds.includes(k)} />
        ))}
      </fieldset>

      <fieldset className="mb-6" aria-describedby="quiet-hint">
        <legend className="mb-1 text-xl font-bold">{t("quietLegend")}</legend>
        <p id="quiet-hint" className="mb-3 text-[0.95rem] text-muted">
          {t("quietHint", { zone: timeZone })}
        </p>
        <div className="flex flex-wrap gap-4">
          {(["quietFrom", "quietTo"] as const).map((name) => (
            <div key={name}>
              <label htmlFor={name} className="mb-1 block font-semibold">
                {t(name)}
              </label>
              <input
                id={name}
                name={name}
                type="time"
                // remounted with the saved value, so a reload and a save show the same
                key={shown[name]}
                defaultValue={failed?.values?.[name] ?? shown[name]}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={errors[name] ? `${name}-error` : undefined}
                className={`rounded border-2 px-3 py-2 text-[1.125rem] ${errors[name] ? "border-danger" : "border-gray-600"}`}
              />
              {errors[name] && (
                <p id={`${name}-error`} className="mt-1 font-semibold text-danger">
                  {errors[name].join(" ")}
                </p>
              )}
            </div>
          ))}
        </div>
      </fieldset>

      <SubmitButton label={t("save")} pending={t("saving")} />
    </form>
  );
}
