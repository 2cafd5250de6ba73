"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { SelectField } from "@/components/ui/select-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/journal/lesson/text-area-field";

type Action = (prev: ActionResult<null>, form: FormData) => Promise<ActionResult<null>>;

export function RecommendationForm({ action, lessonId, students }: { action: Action; lessonId: string; students: { id: string; name: string }[] }) {
  const t = useTranslations("lesson");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("errorTitle")} message={failed?.message} />
      {state?.ok && <Notice>{t("recommendationAdded")}</Notice>}
      <input type="hidden" name="lessonId" value={lessonId} />
      <SelectField
        name="recStudentId"
        label={t("student")}
        options={[{ value: "", label: t("chooseStudent") }, ...students.map((s) => ({ value: s.id, label: s.name }))]}
        defaultValue={failed?.values?.recStudentId ?? ""}
        errors={failed?.fieldErrors.recStudentId}
      />
      <TextAreaField name="recText" label={t("recommendationText")} defaultValue={failed?.values?.recText} errors={failed?.fieldErrors.recText} />
      <SubmitButton label={t("addRecommendation")} pending={t("saving")} />
    </form>
  );
}
