/**
 * The devices a family member receives web push on (issue 7, item 6): a guardian or a
 * student stores the subscription their browser made, sees their own devices and turns
 * any of them off. Only one's own rows: another user's device, or one in another school,
 * is NOT_FOUND, the same as a missing one. The delivery worker sends to the live rows
 * (removedAt null) of guardians (lib/delivery/outbox.ts).
 */
import "server-only";

import { db } from "@/lib/db/server";
import { AppError } from "@/lib/errors";
import { russianIssueMessage } from "@/lib/zod-russian";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { vapidKeys } from "@/lib/delivery/vapid";
import { deviceName } from "./device";
import { pushSubscriptionSchema, removePushSubscriptionSchema } from "./schemas";

export type PushDevice = {
  id: string;
  /** "Chrome, Android"; null when the browser did not say */
  device: string | null;
  /** the push service's address: the page marks the row of this very browser */
  endpoint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

const USER_AGENT_MAX = 512;

function badInput(error: { issues: { message: string }[] }): AppError {
  return new AppError("BAD_INPUT", error.issues[0]?.message ?? "Подписка на уведомления записана неверно.");
}

/**
 * Stores the browser's subscription for the signed-in user. Sending the same endpoint
 * again changes nothing but its keys; an endpoint turned off earlier is turned on again;
 * an endpoint another user of the school had (a shared family phone, another guardian
 * signed in) now belongs to this user, since the browser has one subscription per site.
 */
export async function savePushSubscription(p: Principal, input: unknown, userAgent: string | null): Promise<{ id: string }> {
  assertCan(p, "diary.read");
  // the first problem goes back to the page: in Russian, even for a check the schema did not word
  const parsed = pushSubscriptionSchema.safeParse(input, { error: russianIssueMessage });
  if (!parsed.success) throw badInput(parsed.error);
  const { endpoint, keys } = parsed.data;
  const ua = userAgent?.slice(0, USER_AGENT_MAX) || null;
  const row = await db.pushSubscription.upsert({
    where: { schoolId_endpoint: { schoolId: p.schoolId, endpoint } },
    create: { schoolId: p.schoolId, userId: p.userId, endpoint, p256dh: keys.p256dh, auth: keys.auth, userAgent: ua },
    update: { userId: p.userId, p256dh: keys.p256dh, auth: keys.auth, userAgent: ua, removedAt: null },
    select: { id: true },
  });
  return { id: row.id };
}

/** The user's own devices with notifications on, newest first. */
export async function listMyPushDevices(p: Principal): Promise<PushDevice[]> {
  assertCan(p, "diary.read");
  const rows = await db.pushSubscription.findMany({
    where: { schoolId: p.schoolId, userId: p.userId, removedAt: null },
    select: { id: true, endpoint: true, userAgent: true, createdAt: true, lastUsedAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map((r) => ({ id: r.id, device: deviceName(r.userAgent), endpoint: r.endpoint, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt }));
}

/** Turns a device off (removedAt): the user's own, live ones only; anything else NOT_FOUND. */
export async function removePushSubscription(p: Principal, input: unknown): Promise<void> {
  assertCan(p, "diary.read");
  const parsed = removePushSubscriptionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "Устройство не найдено.");
  const { count } = await db.pushSubscription.updateMany({
    where: { schoolId: p.schoolId, id: parsed.data.id, userId: p.userId, removedAt: null },
    data: { removedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "Устройство не найдено.");
}

/** The server's VAPID public key (base64url), for the browser's applicationServerKey. */
export function pushPublicKey(): string {
  return vapidKeys().publicKey;
}
