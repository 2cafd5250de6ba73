"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = {
  action: (prev: ActionResult<null>, form: FormData) => Promise<ActionResult<null>>;
  timeZones: { value: string; label: string }[];
};

export function SetupForm({ action, timeZones }: Props) {
  const t = useTranslations("setup");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const e = failed?.fieldErrors;
  const v = failed?.values;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("errorTitle")} message={failed?.message} />
      <fieldset className="mb-6">
        <legend className="mb-3 text-xl font-bold">{t("school")}</legend>
        <Field name="schoolName" label={t("schoolName")} hint={t("schoolNameHint")} required autoFocus defaultValue={v?.schoolName} errors={e?.schoolName} />
        <Field name="shortName" label={t("shortName")} hint={t("shortNameHint")} required defaultValue={v?.shortName} errors={e?.shortName} />
        <Field name="address" label={t("address")} required defaultValue={v?.address} errors={e?.address} />
        <Field name="region" label={t("region")} required defaultValue={v?.region ?? "Ханты-Мансийский автономный округ — Югра"} errors={e?.region} />
        <SelectField name="timeZone" label={t("timeZone")} hint={t("timeZoneHint")} options={timeZones} defaultValue={v?.timeZone ?? "Asia/Yekaterinburg"} errors={e?.timeZone} />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-3 text-xl font-bold">{t("admin")}</legend>
        <Field name="lastName" label={t("lastName")} required autoComplete="family-name" defaultValue={v?.lastName} errors={e?.lastName} />
        <Field name="firstName" label={t("firstName")} required autoComplete="given-name" defaultValue={v?.firstName} errors={e?.firstName} />
        <Field name="middleName" label={t("middleName")} autoComplete="additional-name" defaultValue={v?.middleName} errors={e?.middleName} />
        <Field name="position" label={t("position")} required defaultValue={v?.position ?? "директор"} errors={e?.position} />
        <Field name="login" label={t("login")} hint={t("loginHint")} required autoComplete="username" autoCapitalize="none" spellCheck={false} defaultValue={v?.login} errors={e?.login} />
        <Field name="password" label={t("password")} hint={t("passwordHint")} type="password" required autoComplete="new-password" errors={e?.password} />
        <Field name="password2" label={t("password2")} type="password" required autoComplete="new-password" errors={e?.password2} />
      </fieldset>
      <SubmitButton label={t("submit")} pending={t("pending")} />
    </form>
  );
}
