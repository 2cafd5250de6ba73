"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/action";
import { changeWorkTypeWeightSchema, createWorkTypeSchema, gradingPolicySchema, updateWorkTypeSchema } from "@/lib/school/schemas";
import { changeWorkTypeWeight, createWorkType, updateWorkType } from "@/lib/school/work-types";
import { createGradingPolicyVersion } from "@/lib/school/grading-policy";

function refresh(): void {
  revalidatePath("/admin/settings", "layout");
}

export const createWorkTypeAction = userAction(createWorkTypeSchema, async (p, input) => {
  await createWorkType(p, input);
  refresh();
  return null;
});

export const updateWorkTypeAction = userAction(updateWorkTypeSchema, async (p, input) => {
  await updateWorkType(p, input);
  refresh();
  return null;
});

export const changeWorkTypeWeightAction = userAction(changeWorkTypeWeightSchema, async (p, input) => {
  await changeWorkTypeWeight(p, input);
  refresh();
  return null;
});

export const createPolicyAction = userAction(gradingPolicySchema, async (p, input) => {
  await createGradingPolicyVersion(p, input);
  refresh();
  return null;
});
