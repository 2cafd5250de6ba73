"use client";

import { useActionState, useState, type MouseEvent } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import { parseThematicPlan, type ParsedPlan } from "@/lib/journal/thematic-plan-parse";
import { DataTable } from "@/components/ui/data-table";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/journal/lesson/text-area-field";

type Saved = { topics: number; hours: number };
type Action = (prev: ActionResult<Saved>, form: FormData) => Promise<ActionResult<Saved>>;

/**
 * The pasted plan: «Check» reads it here, with the same parser the server uses, and shows
 * how each line was understood; «Save» sends it, and the server reads it again.
 */
export function PlanEditor({ action, cohortId, subjectId, text, lessonsInYear }: {
  action: Action; cohortId: string; subjectId: string; text: string; lessonsInYear: number;
}) {
  const t = useTranslations("plan");
  const tl = useTranslations("lesson");
  const [state, formAction] = useActionState(action, null);
  const [preview, setPreview] = useState<{ text: string; parsed: ParsedPlan } | null>(null);
  const failed = state && !state.ok ? state : null;

  function check(e: MouseEvent<HTMLButtonElement>) {
    const field = e.currentTarget.form?.elements.namedItem("plan");
    const value = field instanceof HTMLTextAreaElement ? field.value : "";
    setPreview({ text: value, parsed: parseThematicPlan(value) });
  }

  const p = preview?.parsed;
  return (
    <form action={formAction} noValidate>
      <p className="mb-4 max-w-3xl">{t("editLead")}</p>
      <ErrorSummary title={t("errorTitle")} message={failed?.message} />
      {state?.ok && <Notice>{t("saved", state.data)}</Notice>}
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <TextAreaField name="plan" label={t("planText")} rows={14} defaultValue={failed?.values?.plan ?? text} errors={failed?.fieldErrors.plan} />
      <div className="mb-6 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={check}
          className="rounded border-2 border-accent px-5 py-2 text-[1.125rem] font-semibold text-accent hover:bg-blue-50"
        >
          {t("preview")}
        </button>
        <SubmitButton label={t("save")} pending={t("saving")} />
      </div>
      {p && (
        <section aria-labelledby="plan-preview" className="mb-6">
          <h3 id="plan-preview" className="mb-2 text-lg font-bold">{t("previewHeading")}</h3>
          <p role="status" className="mb-2">
            {t("previewSummary", { topics: p.topics.length, hours: p.totalHours, lessons: lessonsInYear })}
          </p>
          {p.errors.length > 0 && (
            <div className="mb-3 max-w-3xl rounded border-2 border-danger bg-red-50 p-3">
              <p className="font-semibold text-danger">{t("previewErrors")}</p>
              <ul className="list-disc pl-6">
                {p.errors.map((e) => <li key={`${e.line}-${e.message}`}>{e.message}</li>)}
              </ul>
            </div>
          )}
          {p.skipped.length > 0 && (
            <div className="mb-3 max-w-3xl">
              <p className="font-semibold">{t("previewSkipped")}</p>
              <ul className="list-disc pl-6">
                {p.skipped.map((e) => <li key={e.line}>{e.message}</li>)}
              </ul>
            </div>
          )}
          <DataTable
            caption={t("previewCaption")}
            rows={p.topics}
            rowKey={(r) => String(r.line)}
            empty={t("previewEmpty")}
            columns={[
              { key: "n", header: t("colNumber"), cell: (r) => p.topics.indexOf(r) + 1 },
              { key: "topic", header: t("colTopic"), cell: (r) => r.topic, rowHeader: true },
              { key: "hours", header: t("colHours"), cell: (r) => r.hours },
              { key: "type", header: t("colType"), cell: (r) => tl(`types.${r.lessonType}`) },
            ]}
          />
        </section>
      )}
    </form>
  );
}
