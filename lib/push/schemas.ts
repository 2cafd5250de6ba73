/**
 * What a browser sends when it subscribes to web push (PushSubscription.toJSON()), and
 * what a removal names. Shared by the route and the domain; no server code here.
 */
import { z } from "zod";

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;

export const pushSubscriptionSchema = z.object({
  endpoint: z
    .string()
    .trim()
    .max(2048, "Адрес подписки слишком длинный.")
    .refine((v) => {
      // the URL parser lets control characters through (a NUL, which PostgreSQL cannot store); no push service sends them
      if ([...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
      try {
        return new URL(v).protocol === "https:";
      } catch {
        return false;
      }
    }, "Адрес подписки должен начинаться с https://."),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z.string().trim().min(16).max(256).regex(base64url, "Ключ подписки записан неверно."),
    auth: z.string().trim().min(8).max(64).regex(base64url, "Ключ подписки записан неверно."),
  }),
});

export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const removePushSubscriptionSchema = z.object({ id: z.uuid("Устройство не найдено.") });
