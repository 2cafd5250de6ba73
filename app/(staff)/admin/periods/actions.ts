"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { userAction } from "@/lib/action";
import { closePeriod, reopenPeriod } from "@/lib/journal/period-lock";

const closeSchema = z.object({ periodId: z.string().min(1, "Период не выбран.") });
// the domain checks the reason's words and length and says what is wrong in Russian
const reopenSchema = z.object({ periodId: z.string().min(1, "Период не выбран."), reason: z.string().max(2000, "Причина: не больше 500 знаков.") });

export const closePeriodAction = userAction(closeSchema, async (p, input) => {
  const done = await closePeriod(p, input.periodId);
  revalidatePath("/admin/periods");
  return done;
});

export const reopenPeriodAction = userAction(reopenSchema, async (p, input) => {
  const done = await reopenPeriod(p, input.periodId, input.reason);
  revalidatePath("/admin/periods");
  return done;
});
