"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { FormShell, type FormAction } from "@/components/admin/calendar/form-kit";

const KINDS = ["QUARTER", "TRIMESTER", "SEMESTER", "YEAR"] as const;

export function PeriodPresetForm({ action, yearId }: { action: FormAction<unknown>; yearId: string }) {
  const t = useTranslations("calendar");
  return (
    <FormShell action={action} errorTitle={t("errorTitle")} success={t("presetAdded")} submit={t("presetSubmit")} pending={t("pending")} hidden={{ yearId }}>
      {({ value, errors }) => (
        <>
          <p className="mb-3 text-muted">{t("presetHint")}</p>
          <SelectField
            name="presetKind"
            label={t("presetKind")}
            options={KINDS.map((k) => ({ value: k, label: t(`presetOption.${k}`) }))}
            defaultValue={value("presetKind", "QUARTER")}
            errors={errors("presetKind")}
          />
          <Field name="presetGradeFrom" label={t("gradeFrom")} defaultValue={value("presetGradeFrom", "1")} errors={errors("presetGradeFrom")} />
          <Field name="presetGradeTo" label={t("gradeTo")} defaultValue={value("presetGradeTo", "9")} errors={errors("presetGradeTo")} />
        </>
      )}
    </FormShell>
  );
}

type PeriodDefaults = { name: string; startDate: string; endDate: string; gradeFrom: string; gradeTo: string };

function PeriodFields({ value, errors, defaults }: { value: (n: string, f?: string) => string; errors: (n: string) => string[] | undefined; defaults: PeriodDefaults }) {
  const t = useTranslations("calendar");
  return (
    <>
      <Field name="name" label={t("periodName")} hint={t("periodNameHint")} required defaultValue={value("name", defaults.name)} errors={errors("name")} />
      <Field name="startDate" label={t("startDate")} hint={t("dateHint")} required defaultValue={value("startDate", defaults.startDate)} errors={errors("startDate")} />
      <Field name="endDate" label={t("endDate")} hint={t("dateHint")} required defaultValue={value("endDate", defaults.endDate)} errors={errors("endDate")} />
      <Field name="gradeFrom" label={t("gradeFrom")} defaultValue={value("gradeFrom", defaults.gradeFrom)} errors={errors("gradeFrom")} />
      <Field name="gradeTo" label={t("gradeTo")} defaultValue={value("gradeTo", defaults.gradeTo)} errors={errors("gradeTo")} />
    </>
  );
}

export function AddPeriodForm({ action, yearId }: { action: FormAction<unknown>; yearId: string }) {
  const t = useTranslations("calendar");
  return (
    <FormShell action={action} errorTitle={t("errorTitle")} success={t("periodAdded")} submit={t("periodSubmit")} pending={t("pending")} hidden={{ yearId }}>
      {({ value, errors }) => (
        <>
          <SelectField
            name="kind"
            label={t("periodKind")}
            options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            defaultValue={value("kind", "QUARTER")}
            errors={errors("kind")}
          />
          <Field name="number" label={t("periodNumber")} hint={t("periodNumberHint")} defaultValue={value("number", "1")} errors={errors("number")} />
          <PeriodFields value={value} errors={errors} defaults={{ name: "", startDate: "", endDate: "", gradeFrom: "1", gradeTo: "11" }} />
        </>
      )}
    </FormShell>
  );
}

export function EditPeriodForm({ action, periodId, defaults }: { action: FormAction<unknown>; periodId: string; defaults: PeriodDefaults }) {
  const t = useTranslations("calendar");
  return (
    <FormShell action={action} errorTitle={t("errorTitle")} success={t("periodSaved")} submit={t("editSubmit")} pending={t("pending")} hidden={{ periodId }}>
      {({ value, errors }) => <PeriodFields value={value} errors={errors} defaults={defaults} />}
    </FormShell>
  );
}
