"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { FormShell, type FormAction } from "@/components/admin/calendar/form-kit";

export function BellScheduleForm({ action, yearId, validFrom }: { action: FormAction<unknown>; yearId: string; validFrom: string }) {
  const t = useTranslations("calendar");
  return (
    <FormShell action={action} errorTitle={t("errorTitle")} success={t("scheduleCreated")} submit={t("scheduleSubmit")} pending={t("pending")} hidden={{ yearId }}>
      {({ value, errors }) => (
        <>
          <p className="mb-3 text-muted">{t("scheduleLead")}</p>
          <Field name="scheduleName" label={t("scheduleName")} required defaultValue={value("scheduleName", t("scheduleNameDefault"))} errors={errors("scheduleName")} />
          <Field name="validFrom" label={t("validFrom")} hint={t("dateHint")} required defaultValue={value("validFrom", validFrom)} errors={errors("validFrom")} />
          <Field name="validTo" label={t("validTo")} hint={t("validToHint")} defaultValue={value("validTo")} errors={errors("validTo")} />
        </>
      )}
    </FormShell>
  );
}

export function BellSlotForm({ action, schedules }: { action: FormAction<unknown>; schedules: { id: string; label: string }[] }) {
  const t = useTranslations("calendar");
  return (
    <FormShell action={action} errorTitle={t("errorTitle")} success={t("slotSaved")} submit={t("slotSubmit")} pending={t("pending")}>
      {({ value, errors }) => (
        <>
          <SelectField
            name="scheduleId"
            label={t("slotSchedule")}
            options={schedules.map((s) => ({ value: s.id, label: s.label }))}
            defaultValue={value("scheduleId", schedules[schedules.length - 1]?.id ?? "")}
            errors={errors("scheduleId")}
          />
          <Field name="lessonNumber" label={t("lessonNumber")} hint={t("lessonNumberHint")} required defaultValue={value("lessonNumber")} errors={errors("lessonNumber")} />
          <Field name="startsAt" label={t("startsAt")} hint={t("timeHint")} required defaultValue={value("startsAt")} errors={errors("startsAt")} />
          <Field name="endsAt" label={t("endsAt")} hint={t("timeHint")} required defaultValue={value("endsAt")} errors={errors("endsAt")} />
        </>
      )}
    </FormShell>
  );
}
