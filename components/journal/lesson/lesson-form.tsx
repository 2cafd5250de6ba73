"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { LESSON_TYPES } from "@/lib/journal/lesson-schemas";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/journal/lesson/text-area-field";

type Action = (prev: ActionResult<null>, form: FormData) => Promise<ActionResult<null>>;

export function LessonForm({ action, lessonId, topic, lessonType, held, materials }: {
  action: Action; lessonId: string; topic: string; lessonType: string; held: boolean; materials: string;
}) {
  const t = useTranslations("lesson");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("errorTitle")} message={failed?.message} />
      {state?.ok && <Notice>{t("saved")}</Notice>}
      <input type="hidden" name="lessonId" value={lessonId} />
      <Field name="topic" label={t("topic")} defaultValue={failed?.values?.topic ?? topic} errors={failed?.fieldErrors.topic} />
      <SelectField
        name="lessonType"
        label={t("lessonType")}
        options={LESSON_TYPES.map((value) => ({ value, label: t(`types.${value}`) }))}
        defaultValue={failed?.values?.lessonType ?? lessonType}
        errors={failed?.fieldErrors.lessonType}
      />
      <TextAreaField
        name="materials"
        label={t("materials")}
        hint={t("materialsHint")}
        rows={4}
        defaultValue={failed?.values?.materials ?? materials}
        errors={failed?.fieldErrors.materials}
      />
      <CheckboxField name="held" label={t("held")} hint={t("heldHint")} defaultChecked={failed ? failed.values?.held === "on" : held} />
      <SubmitButton label={t("saveLesson")} pending={t("saving")} />
    </form>
  );
}
