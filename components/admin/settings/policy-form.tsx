"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { FormShell, type FormAction } from "@/components/admin/calendar/form-kit";

type Defaults = {
  validFrom: string; preset: string; threshold3: string; threshold4: string; threshold5: string;
  minMarks: string; maxAbsenceShare: string; maxAssessmentsPerDay: string; maxAssessmentShare: string; minAssessmentGapDays: string;
};

const PRESETS = [["2.5", "p25"], ["2.6", "p26"], ["2.65", "p265"], ["custom", "custom"]] as const;

export function PolicyForm({ action, defaults }: { action: FormAction<unknown>; defaults: Defaults }) {
  const t = useTranslations("settings");
  return (
    <FormShell action={action} errorTitle={t("errorTitle")} success={t("policyCreated")} submit={t("createPolicy")} pending={t("pending")}>
      {({ value, errors }) => (
        <>
          <Field name="validFrom" label={t("validFrom")} hint={t("validFromHint")} required defaultValue={value("validFrom", defaults.validFrom)} errors={errors("validFrom")} />
          <SelectField
            name="preset"
            label={t("preset")}
            options={PRESETS.map(([v, key]) => ({ value: v, label: t(`presetOption.${key}`) }))}
            defaultValue={value("preset", defaults.preset)}
            errors={errors("preset")}
          />
          <Field name="threshold3" label={t("threshold3")} hint={t("thresholdHint")} defaultValue={value("threshold3", defaults.threshold3)} errors={errors("threshold3")} />
          <Field name="threshold4" label={t("threshold4")} defaultValue={value("threshold4", defaults.threshold4)} errors={errors("threshold4")} />
          <Field name="threshold5" label={t("threshold5")} defaultValue={value("threshold5", defaults.threshold5)} errors={errors("threshold5")} />
          <Field name="minMarks" label={t("minMarks")} hint={t("minMarksHint")} required defaultValue={value("minMarks", defaults.minMarks)} errors={errors("minMarks")} />
          <Field name="maxAbsenceShare" label={t("maxAbsenceShare")} hint={t("maxAbsenceShareHint")} required defaultValue={value("maxAbsenceShare", defaults.maxAbsenceShare)} errors={errors("maxAbsenceShare")} />
          <Field name="maxAssessmentsPerDay" label={t("maxAssessmentsPerDay")} required defaultValue={value("maxAssessmentsPerDay", defaults.maxAssessmentsPerDay)} errors={errors("maxAssessmentsPerDay")} />
          <Field name="maxAssessmentShare" label={t("maxAssessmentShare")} required defaultValue={value("maxAssessmentShare", defaults.maxAssessmentShare)} errors={errors("maxAssessmentShare")} />
          <Field
            name="minAssessmentGapDays"
            label={t("minAssessmentGapDays")}
            hint={t("minAssessmentGapDaysHint")}
            required
            defaultValue={value("minAssessmentGapDays", defaults.minAssessmentGapDays)}
            errors={errors("minAssessmentGapDays")}
          />
        </>
      )}
    </FormShell>
  );
}
