"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";

import { userAction } from "@/lib/action";
import { confirmAllOverallSuggested, confirmAllSuggested, confirmFinalMark, confirmOverallMark, recordExamMark } from "@/lib/journal/finals";
import { confirmFinalSchema, finalsPageSchema, recordExamSchema } from "@/lib/journal/finals-schemas";

export const confirmFinalAction = userAction(confirmFinalSchema, async (p, input) => {
  const row = await confirmFinalMark(p, input);
  revalidatePath(`/journal/finals/${input.cohortId}/${input.subjectId}`);
  const t = await getTranslations("finals");
  return { message: t("saved", { name: row.name, mark: row.final?.symbol ?? "" }) };
});

export const confirmAllAction = userAction(finalsPageSchema, async (p, input) => {
  const { confirmed, skipped } = await confirmAllSuggested(p, input);
  revalidatePath(`/journal/finals/${input.cohortId}/${input.subjectId}`);
  const t = await getTranslations("finals");
  const done = t("acceptedAll", { count: confirmed });
  return { message: skipped > 0 ? `${done} ${t("skippedMissing", { count: skipped })}` : done };
});

export const recordExamAction = userAction(recordExamSchema, async (p, input) => {
  const row = await recordExamMark(p, { cohortId: input.cohortId, subjectId: input.subjectId, studentId: input.studentId, mark: input.value });
  revalidatePath(`/journal/finals/${input.cohortId}/${input.subjectId}`);
  const t = await getTranslations("finals");
  return { message: row.exam ? t("examSaved", { name: row.name, mark: row.exam }) : t("examNone", { name: row.name }) };
});

export const confirmOverallAction = userAction(confirmFinalSchema, async (p, input) => {
  const row = await confirmOverallMark(p, input);
  revalidatePath(`/journal/finals/${input.cohortId}/${input.subjectId}`);
  const t = await getTranslations("finals");
  return { message: t("overallSaved", { name: row.name, mark: row.final?.symbol ?? "" }) };
});

export const confirmAllOverallAction = userAction(finalsPageSchema, async (p, input) => {
  const { confirmed, skipped } = await confirmAllOverallSuggested(p, input);
  revalidatePath(`/journal/finals/${input.cohortId}/${input.subjectId}`);
  const t = await getTranslations("finals");
  const done = t("acceptedAll", { count: confirmed });
  return { message: skipped > 0 ? `${done} ${t("skippedNoYear", { count: skipped })}` : done };
});
