"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";

import { userAction } from "@/lib/action";
import { addTimetableSlot, endTimetableSlot } from "@/lib/timetable/slots";
import { createLessonsForPeriod } from "@/lib/timetable/lessons";
import { endSlotSchema, generateSchema, slotSchema } from "@/lib/timetable/schemas";
import { lessonOrdinal } from "@/lib/timetable/conflict-text";
import { printedDay } from "@/lib/timetable/format";

export const addSlotAction = userAction(slotSchema, async (p, input) => {
  await addTimetableSlot(p, input);
  revalidatePath("/admin/timetable");
  const t = await getTranslations("timetable");
  return { message: t("slotAdded") };
});

export const endSlotAction = userAction(endSlotSchema, async (p, input) => {
  const r = await endTimetableSlot(p, input);
  revalidatePath("/admin/timetable");
  const t = await getTranslations("timetable");
  return { message: r.removed ? t("slotRemoved") : t("slotEnded", { from: printedDay(input.from) }) };
});

export const generateAction = userAction(generateSchema, async (p, input) => {
  const r = await createLessonsForPeriod(p, input);
  revalidatePath("/admin", "layout");
  const t = await getTranslations("timetable");
  return {
    message: t("generated", { created: r.created, updated: r.updated, removed: r.removed, unchanged: r.unchanged }),
    ...(r.keptWithWork.length > 0
      ? {
          warningsTitle: t("keptTitle", { count: r.keptWithWork.length }),
          warnings: r.keptWithWork.map((k) =>
            t("kept", { cohort: k.cohort, date: printedDay(k.date), number: lessonOrdinal(k.lessonNumber), subject: k.subject, teacher: k.teacher, status: t(`status.${k.status}`) }),
          ),
        }
      : {}),
  };
});
