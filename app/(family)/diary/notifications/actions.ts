"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/action";
import { saveMyPreferences } from "@/lib/notify/preferences";
import { preferencesSchema } from "@/lib/notify/schemas";

export const savePreferencesAction = userAction(preferencesSchema, async (p, input) => {
  const saved = await saveMyPreferences(p, input);
  revalidatePath("/diary/notifications");
  return saved;
});
