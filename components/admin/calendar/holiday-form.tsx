"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { FormShell, type FormAction } from "@/components/admin/calendar/form-kit";

export function HolidayForm({ action, yearId }: { action: FormAction<unknown>; yearId: string }) {
  const t = useTranslations("calendar");
  return (
    <FormShell action={action} errorTitle={t("errorTitle")} success={t("holidayAdded")} submit={t("holidaySubmit")} pending={t("pending")} hidden={{ yearId }}>
      {({ value, errors }) => (
        <>
          <SelectField
            name="holidayKind"
            label={t("holidayKindLabel")}
            options={(["HOLIDAY", "NON_WORKING_DAY"] as const).map((k) => ({ value: k, label: t(`holidayKind.${k}`) }))}
            defaultValue={value("holidayKind", "HOLIDAY")}
            errors={errors("holidayKind")}
          />
          <Field name="holidayName" label={t("holidayName")} hint={t("holidayNameHint")} required defaultValue={value("holidayName")} errors={errors("holidayName")} />
          <Field name="holidayStart" label={t("holidayStart")} hint={t("dateHint")} required defaultValue={value("holidayStart")} errors={errors("holidayStart")} />
          <Field name="holidayEnd" label={t("holidayEnd")} hint={t("holidayEndHint")} defaultValue={value("holidayEnd")} errors={errors("holidayEnd")} />
          <p className="mb-3 text-muted">{t("holidayGradesHint")}</p>
          <Field name="holidayGradeFrom" label={t("gradeFrom")} defaultValue={value("holidayGradeFrom", "1")} errors={errors("holidayGradeFrom")} />
          <Field name="holidayGradeTo" label={t("gradeTo")} defaultValue={value("holidayGradeTo", "11")} errors={errors("holidayGradeTo")} />
        </>
      )}
    </FormShell>
  );
}
