"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/ui/field";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormShell, type FormAction } from "@/components/admin/calendar/form-kit";

export function CreateWorkTypeForm({ action }: { action: FormAction<unknown> }) {
  const t = useTranslations("settings");
  return (
    <FormShell action={action} errorTitle={t("errorTitle")} success={t("workTypeCreated")} submit={t("createWorkType")} pending={t("pending")}>
      {({ value, errors, failed }) => (
        <>
          <Field name="name" label={t("name")} required defaultValue={value("name")} errors={errors("name")} />
          <Field name="weight" label={t("weight")} hint={t("weightHint")} required defaultValue={value("weight", "1")} errors={errors("weight")} />
          <CheckboxField name="isAssessment" label={t("isAssessment")} defaultChecked={failed?.values?.isAssessment === "on"} />
          <Field name="code" label={t("code")} hint={t("codeHint")} autoCapitalize="characters" spellCheck={false} defaultValue={value("code")} errors={errors("code")} />
        </>
      )}
    </FormShell>
  );
}

type Defaults = { name: string; isAssessment: boolean; archived: boolean };

/** Name, assessment flag and archive; the weight is changed from a date by ChangeWeightForm. */
export function EditWorkTypeForm({ action, id, defaults }: { action: FormAction<unknown>; id: string; defaults: Defaults }) {
  const t = useTranslations("settings");
  return (
    <FormShell action={action} errorTitle={t("errorTitle")} success={t("workTypeSaved")} submit={t("saveWorkType")} pending={t("pending")} hidden={{ id }}>
      {({ value, errors, failed }) => (
        <>
          <Field name="name" label={t("name")} required defaultValue={value("name", defaults.name)} errors={errors("name")} />
          <CheckboxField name="isAssessment" label={t("isAssessment")} defaultChecked={failed ? failed.values?.isAssessment === "on" : defaults.isAssessment} />
          <CheckboxField name="archived" label={t("archivedLabel")} defaultChecked={failed ? failed.values?.archived === "on" : defaults.archived} />
        </>
      )}
    </FormShell>
  );
}

/** A new weight from a date: a new version; marks before the date keep the old weight. */
export function ChangeWeightForm({ action, workTypeId, defaults }: { action: FormAction<unknown>; workTypeId: string; defaults: { weightFrom: string; newWeight: string } }) {
  const t = useTranslations("settings");
  return (
    <FormShell
      action={action}
      errorTitle={t("errorTitle")}
      success={t("weightChanged")}
      submit={t("changeWeightSubmit")}
      pending={t("pending")}
      hidden={{ workTypeId }}
      label={t("changeWeight")}
    >
      {({ value, errors }) => (
        <>
          <Field name="weightFrom" label={t("weightFrom")} hint={t("weightFromHint")} required defaultValue={value("weightFrom", defaults.weightFrom)} errors={errors("weightFrom")} />
          <Field name="newWeight" label={t("newWeight")} hint={t("weightHint")} required defaultValue={value("newWeight", defaults.newWeight)} errors={errors("newWeight")} />
        </>
      )}
    </FormShell>
  );
}
