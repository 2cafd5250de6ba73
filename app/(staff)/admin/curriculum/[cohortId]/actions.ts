"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";

import { userAction } from "@/lib/action";
import { addCurriculumItem, reviseCurriculumItem } from "@/lib/curriculum/curriculum";
import { curriculumItemSchema, curriculumRevisionSchema } from "@/lib/curriculum/schemas";

export const addItemAction = userAction(curriculumItemSchema, async (p, input) => {
  await addCurriculumItem(p, input);
  revalidatePath(`/admin/curriculum/${input.cohortId}`);
  const t = await getTranslations("curriculum");
  return { message: t("itemAdded") };
});

export const reviseItemAction = userAction(curriculumRevisionSchema, async (p, input) => {
  await reviseCurriculumItem(p, input);
  revalidatePath("/admin/curriculum", "layout");
  const t = await getTranslations("curriculum");
  return { message: t("itemRevised", { from: input.from }) };
});
