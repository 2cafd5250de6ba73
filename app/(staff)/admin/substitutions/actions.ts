"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";

import { userAction } from "@/lib/action";
import { cancelLesson, moveLesson, substituteTeacher } from "@/lib/timetable/substitutions";
import { cancelSchema, moveSchema, substituteSchema } from "@/lib/timetable/schemas";
import { lessonOrdinal } from "@/lib/timetable/conflict-text";
import { printedDay } from "@/lib/timetable/format";

export const substituteAction = userAction(substituteSchema, async (p, input) => {
  await substituteTeacher(p, input);
  revalidatePath("/admin/substitutions");
  const t = await getTranslations("substitutions");
  return { message: t("substituted") };
});

export const moveAction = userAction(moveSchema, async (p, input) => {
  await moveLesson(p, input);
  revalidatePath("/admin/substitutions");
  const t = await getTranslations("substitutions");
  return { message: t("moved", { date: printedDay(input.date), number: lessonOrdinal(input.lessonNumber) }) };
});

export const cancelAction = userAction(cancelSchema, async (p, input) => {
  await cancelLesson(p, input);
  revalidatePath("/admin/substitutions");
  const t = await getTranslations("substitutions");
  return { message: t("cancelled") };
});
