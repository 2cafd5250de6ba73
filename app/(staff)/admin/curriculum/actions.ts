"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";

import { userAction } from "@/lib/action";
import { createSubject } from "@/lib/curriculum/subjects";
import { subjectSchema } from "@/lib/curriculum/schemas";

export const addSubjectAction = userAction(subjectSchema, async (p, input) => {
  const s = await createSubject(p, input);
  revalidatePath("/admin/curriculum");
  const t = await getTranslations("curriculum");
  return { message: t("subjectAdded", { name: s.name }) };
});
