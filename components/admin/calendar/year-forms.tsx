"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { FormShell, type FormAction } from "@/components/admin/calendar/form-kit";

type Defaults = { name: string; startDate: string; endDate: string; copyFrom: string | null };

export function CreateYearForm({ action, defaults, years }: { action: FormAction<unknown>; defaults: Defaults; years: { id: string; name: string }[] }) {
  const t = useTranslations("calendar");
  const options = [{ value: "", label: t("copyNone") }, ...years.map((y) => ({ value: y.id, label: y.name }))];
  return (
    <FormShell action={action} errorTitle={t("errorTitle")} success={t("yearCreated")} submit={t("createYear")} pending={t("pending")}>
      {({ value, errors }) => (
        <>
          <Field name="name" label={t("yearName")} hint={t("yearNameHint")} required defaultValue={value("name", defaults.name)} errors={errors("name")} />
          <Field name="startDate" label={t("startDate")} hint={t("dateHint")} required defaultValue={value("startDate", defaults.startDate)} errors={errors("startDate")} />
          <Field name="endDate" label={t("endDate")} hint={t("dateHint")} required defaultValue={value("endDate", defaults.endDate)} errors={errors("endDate")} />
          {years.length > 0 && (
            <SelectField name="copyFrom" label={t("copyFrom")} hint={t("copyFromHint")} options={options} defaultValue={value("copyFrom", defaults.copyFrom ?? "")} errors={errors("copyFrom")} />
          )}
        </>
      )}
    </FormShell>
  );
}

export function CopyCalendarForm({ action, fromYear, toYearId }: { action: FormAction<unknown>; fromYear: { id: string; name: string }; toYearId: string }) {
  const t = useTranslations("calendar");
  return (
    <FormShell
      action={action}
      errorTitle={t("errorTitle")}
      success={t("copied")}
      submit={t("copySubmit", { name: fromYear.name })}
      pending={t("pending")}
      hidden={{ fromYearId: fromYear.id, toYearId }}
    >
      {() => null}
    </FormShell>
  );
}
