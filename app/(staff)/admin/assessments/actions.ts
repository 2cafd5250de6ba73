"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";

import { userAction } from "@/lib/action";
import { planAssessmentEvent, removeAssessmentEvent } from "@/lib/timetable/assessments";
import { assessmentSchema, removeAssessmentSchema } from "@/lib/timetable/schemas";
import { printedDay } from "@/lib/timetable/format";

export const planAction = userAction(assessmentSchema, async (p, input) => {
  const r = await planAssessmentEvent(p, input);
  revalidatePath("/admin/assessments");
  const t = await getTranslations("assessments");
  return {
    message: t("planned", { title: input.title, date: printedDay(input.date) }),
    ...(r.warnings.length > 0 ? { warningsTitle: t("warningsTitle"), warnings: r.warnings } : {}),
  };
});

export const removeAction = userAction(removeAssessmentSchema, async (p, input) => {
  await removeAssessmentEvent(p, input.eventId);
  revalidatePath("/admin/assessments");
  const t = await getTranslations("assessments");
  return { message: t("removed") };
});
