"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { userAction } from "@/lib/action";
import { retryDelivery } from "@/lib/delivery/admin";

const retrySchema = z.object({ messageId: z.string().uuid("Сообщение не найдено.") });

export const retryDeliveryAction = userAction(retrySchema, async (p, input) => {
  await retryDelivery(p, input.messageId);
  revalidatePath("/admin/delivery");
  return null;
});
