"use server";
/**
 * The calendar feed's two actions: make an address for a child (shown once, in the
 * action's answer only — the page never has it again) and turn one off. Both go
 * through userAction; lib/calendar/feeds.ts checks whose child and whose address.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { userAction } from "@/lib/action";
import { createFeed, revokeFeed } from "@/lib/calendar/feeds";

const createSchema = z.object({ studentId: z.string().min(1, "Выберите ребёнка.") });
const revokeSchema = z.object({ feedId: z.string().min(1, "Адрес не выбран.") });

export const createFeedAction = userAction(createSchema, async (p, input) => {
  const feed = await createFeed(p, input.studentId);
  revalidatePath("/diary/calendar");
  return { url: feed.url };
});

export const revokeFeedAction = userAction(revokeSchema, async (p, input) => {
  await revokeFeed(p, input.feedId);
  revalidatePath("/diary/calendar");
  return { id: input.feedId };
});
