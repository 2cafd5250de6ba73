"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/journal/lesson/text-area-field";

type Action = (prev: ActionResult<null>, form: FormData) => Promise<ActionResult<null>>;

export function HomeworkForm({ action, lessonId, dueDate, students }: { action: Action; lessonId: string; dueDate: string; students: { id: string; name: string }[] }) {
  const t = useTranslations("lesson");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("errorTitle")} message={failed?.message} />
      {state?.ok && <Notice>{t("homeworkAdded")}</Notice>}
      <input type="hidden" name="lessonId" value={lessonId} />
      <TextAreaField name="text" label={t("homeworkText")} defaultValue={failed?.values?.text} errors={failed?.fieldErrors.text} />
      <Field name="dueDate" label={t("dueDate")} hint={t("dueDateHint")} defaultValue={failed?.values?.dueDate ?? dueDate} errors={failed?.fieldErrors.dueDate} />
      <SelectField
        name="studentId"
        label={t("forWhom")}
        options={[{ value: "", label: t("wholeClass") }, ...students.map((s) => ({ value: s.id, label: s.name }))]}
        defaultValue={failed?.values?.studentId ?? ""}
        errors={failed?.fieldErrors.studentId}
      />
      <SubmitButton label={t("addHomework")} pending={t("saving")} />
    </form>
  );
}
