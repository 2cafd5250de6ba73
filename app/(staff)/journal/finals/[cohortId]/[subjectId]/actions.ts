"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";

import { userAction } from "@/lib/action";
import { confirmAllSuggested, confirmFinalMark } from "@/lib/journal/finals";
import { confirmFinalSchema, finalsPageSchema } from "@/lib/journal/finals-schemas";

export const confirmFinalAction = userAction(confirmFinalSchema, async (p, input) => {
  const row = await confirmFinalMark(p, input);
  revalidatePath(`/journal/finals/${input.cohortId}/${input.subjectId}`);
  const t = await getTranslations("finals");
  return { message: t("saved", { name: row.name, mark: row.final?.symbol ?? "" }) };
});

export const confirmAllAction = userAction(finalsPageSchema, async (p, input) => {
  const { confirmed } = await confirmAllSuggested(p, input);
  revalidatePath(`/journal/finals/${input.cohortId}/${input.subjectId}`);
  const t = await getTranslations("finals");
  return { message: t("acceptedAll", { count: confirmed }) };
});
