"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { userAction } from "@/lib/action";
import { setDisplaySettings } from "@/lib/people/display-settings";

// an unchecked checkbox sends nothing
const checkbox = z.string().optional().transform((v) => v === "on");

const displaySettingsSchema = z.object({ largePrint: checkbox, highContrast: checkbox, plainLanguage: checkbox });

export const saveDisplaySettingsAction = userAction(displaySettingsSchema, async (p, input) => {
  const saved = await setDisplaySettings(p, input);
  // every page's <html> carries the classes: refresh them all
  revalidatePath("/", "layout");
  return saved;
});
