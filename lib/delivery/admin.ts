/**
 * The administrator's view of delivery (issue 6, item 7): what was sent, to whom, when,
 * and what failed; a failed message can be tried again. Administrators only (a deputy
 * director is an administrator too). Addresses are shown masked.
 */
import "server-only";
import { z } from "zod";

import type { ContactChannel, MessageKind, OutboxStatus, Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/server";
import { AppError } from "@/lib/errors";
import { fullName } from "@/lib/people/names";
import { maskAddress } from "./mask";

export const STATUSES = ["PENDING", "SENDING", "SENT", "FAILED", "SKIPPED"] as const satisfies readonly OutboxStatus[];
export const CHANNELS = ["EMAIL", "SMS", "PUSH"] as const satisfies readonly ContactChannel[];
export const PAGE_SIZE = 50;

export const deliveryFilterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type DeliveryFilter = z.infer<typeof deliveryFilterSchema>;

export type DeliveryRow = {
  id: string;
  createdAt: Date;
  sentAt: Date | null;
  channel: ContactChannel;
  kind: MessageKind;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  recipient: string | null;
  address: string;
  subject: string | null;
};

export type DeliveryList = {
  rows: DeliveryRow[];
  counts: Record<OutboxStatus, number>;
  total: number;
  page: number;
  pages: number;
};

export async function listDeliveries(p: Principal, filter: DeliveryFilter): Promise<DeliveryList> {
  assertCan(p, "school.manage");
  const where: Prisma.OutboxMessageWhereInput = {
    schoolId: p.schoolId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
  };
  const grouped = await db.outboxMessage.groupBy({
    by: ["status"],
    where: { schoolId: p.schoolId, ...(filter.channel ? { channel: filter.channel } : {}) },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const g of grouped) counts[g.status] = g._count._all;
  const total = filter.status ? counts[filter.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pages);
  const rows = await db.outboxMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true, createdAt: true, sentAt: true, channel: true, kind: true, status: true, attempts: true,
      lastError: true, guardianId: true, address: true, subject: true,
    },
  });
  const guardianIds = [...new Set(rows.map((r) => r.guardianId).filter((g): g is string => g !== null))];
  const guardians = guardianIds.length === 0 ? [] : await db.guardian.findMany({
    where: { schoolId: p.schoolId, id: { in: guardianIds } },
    select: { id: true, lastName: true, firstName: true, middleName: true },
  });
  const names = new Map(guardians.map((g) => [g.id, fullName(g)]));
  return {
    rows: rows.map((r) => ({
      id: r.id, createdAt: r.createdAt, sentAt: r.sentAt, channel: r.channel, kind: r.kind, status: r.status,
      attempts: r.attempts, lastError: r.lastError, subject: r.subject,
      recipient: r.guardianId ? (names.get(r.guardianId) ?? null) : null,
      address: maskAddress(r.channel, r.address),
    })),
    counts, total, page, pages,
  };
}

/** A FAILED message goes back to the queue, with its count of tries started afresh. */
export async function retryDelivery(p: Principal, messageId: string): Promise<void> {
  assertCan(p, "school.manage");
  const found = await db.outboxMessage.findFirst({ where: { schoolId: p.schoolId, id: messageId }, select: { status: true } });
  if (!found) throw new AppError("NOT_FOUND", "Сообщение не найдено.");
  const changed = await db.outboxMessage.updateMany({
    where: { schoolId: p.schoolId, id: messageId, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, notBefore: new Date(), lockedUntil: null },
  });
  if (changed.count === 0) throw new AppError("CONFLICT", "Повторить можно только сообщение, которое не удалось отправить.");
}
