"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { formatFileSize, MAX_HOMEWORK_FILES, MAX_HOMEWORK_FILES_BYTES } from "@/lib/journal/file-check";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/journal/lesson/text-area-field";
import { FileField } from "@/components/journal/lesson/file-field";

type Action = (prev: ActionResult<null>, form: FormData) => Promise<ActionResult<null>>;

/** what the file chooser offers; the server checks the content whatever the name */
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.txt";

export function HomeworkForm({ action, lessonId, dueDate, students }: { action: Action; lessonId: string; dueDate: string; students: { id: string; name: string }[] }) {
  const t = useTranslations("lesson");
  const [state, formAction] = useActionState(action, null);
  // too many or too large files are stopped here: the server would not take the request at all
  const [tooMuch, setTooMuch] = useState<string | null>(null);
  const failed = state && !state.ok ? state : null;

  function check(e: FormEvent<HTMLFormElement>) {
    const input = e.currentTarget.elements.namedItem("files");
    const files = input instanceof HTMLInputElement && input.files ? [...input.files] : [];
    const total = files.reduce((s, f) => s + f.size, 0);
    let problem: string | null = null;
    if (files.length > MAX_HOMEWORK_FILES) problem = t("tooManyFiles", { max: MAX_HOMEWORK_FILES, count: files.length });
    else if (total > MAX_HOMEWORK_FILES_BYTES) problem = t("filesTooLarge", { size: formatFileSize(total) });
    setTooMuch(problem);
    if (problem) e.preventDefault();
  }

  const fileErrors = tooMuch ? [tooMuch] : [...(failed?.fieldErrors.files ?? []), ...(failed?.fieldErrors.fileCount ?? [])];
  return (
    <form action={formAction} onSubmit={check} noValidate>
      <ErrorSummary title={t("errorTitle")} message={tooMuch ? t("filesNotSent") : failed?.message} />
      {state?.ok && !tooMuch && <Notice>{t("homeworkAdded")}</Notice>}
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
      <FileField name="files" label={t("files")} hint={t("filesHint")} accept={ACCEPT} errors={fileErrors.length > 0 ? fileErrors : undefined} />
      <SubmitButton label={t("addHomework")} pending={t("saving")} />
    </form>
  );
}
