"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/action";
import { fillPlanSchema, savePlanSchema } from "@/lib/journal/lesson-schemas";
import { fillTopicsFromPlan, saveThematicPlan } from "@/lib/journal/thematic-plan";

export const savePlanAction = userAction(savePlanSchema, async (p, input) => {
  const saved = await saveThematicPlan(p, input.cohortId, input.subjectId, input.plan);
  revalidatePath(`/journal/plan/${input.cohortId}/${input.subjectId}`);
  return saved;
});

export const fillPlanAction = userAction(fillPlanSchema, async (p, input) => {
  const result = await fillTopicsFromPlan(p, input.cohortId, input.subjectId, { overwrite: input.overwrite, from: input.from });
  revalidatePath(`/journal/${input.cohortId}/${input.subjectId}`);
  revalidatePath("/journal/lesson/[lessonId]", "page");
  return result;
});
