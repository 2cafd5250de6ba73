"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type Settings = { largePrint: boolean; highContrast: boolean; plainLanguage: boolean };
type Action = (prev: ActionResult<Settings>, form: FormData) => Promise<ActionResult<Settings>>;

export function DisplaySettingsForm({ action, initial }: { action: Action; initial: Settings }) {
  const t = useTranslations("displaySettings");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  // after a save the boxes already show what was saved: the form is not redrawn, so the focus stays put
  const shown = state?.ok ? state.data : initial;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("errorTitle")} message={failed?.message} />
      {state?.ok && <Notice>{t("saved")}</Notice>}
      <fieldset>
        <legend className="mb-3 text-xl font-bold">{t("legend")}</legend>
        <CheckboxField name="largePrint" label={t("largePrint")} hint={t("largePrintHint")} defaultChecked={shown.largePrint} />
        <CheckboxField name="highContrast" label={t("highContrast")} hint={t("highContrastHint")} defaultChecked={shown.highContrast} />
        <CheckboxField name="plainLanguage" label={t("plainLanguage")} hint={t("plainLanguageHint")} defaultChecked={shown.plainLanguage} />
      </fieldset>
      <SubmitButton label={t("save")} pending={t("saving")} />
    </form>
  );
}
