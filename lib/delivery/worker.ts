/**
 * The delivery worker: takes due outbox rows, sends them, records every attempt.
 *
 * Claiming: one statement marks up to `batchSize` due rows SENDING with a lease
 * (lockedUntil = now + 2 min), `FOR UPDATE SKIP LOCKED`, so two workers on PostgreSQL never
 * take the same row; on PGlite (one connection) the same statement works. A row is due
 * when PENDING with notBefore ≤ now, or SENDING with an expired lease (its worker died).
 *
 * The guarantee: every message is sent at least once, and twice only in one narrow case.
 * Each message is recorded (DeliveryAttempt + status SENT) in its own transaction right
 * after the peer acknowledged it, not at the end of a batch, so a worker that stops or
 * dies loses at most the messages in flight at that moment. A row taken back after an
 * expired lease is first checked for a successful attempt: if there is one, it is marked
 * SENT and not sent again. What remains is the window between the peer's acknowledgement
 * and that commit (milliseconds): a process killed exactly then sends that message once
 * more after the lease expires. Stopping the worker (stop()) waits for the messages in
 * flight, so an orderly stop or restart never duplicates.
 *
 * Before sending, the consent gate is asked again: consent withdrawn since the message
 * was written → SKIPPED, not sent. Failures are retried after 1 min, 5 min, 30 min, 2 h
 * and 6 h, then the row is FAILED. Digests: pending rows of a guardian who chose a daily
 * or weekly digest are folded, per channel and address, into one DIGEST message.
 */
import { randomUUID } from "node:crypto";

import { Prisma } from "@/generated/prisma/client";
import { mayDeliver } from "@/lib/consent/gate";
import type { Db } from "@/lib/db";
import { createEmailSender } from "./channels/email";
import { createPushSender } from "./channels/push";
import { createSmsSender } from "./channels/sms";
import { errorText, type ChannelSender, type Outgoing, type SendOutcome } from "./channels/types";
import { digestText } from "./digest";
import { isUrgent, retryDelay, type Channel } from "./schedule";
import type { MessageKind } from "@/generated/prisma/client";

export const LEASE_MS = 2 * 60_000;

export type Senders = Record<Channel, ChannelSender>;

export type WorkerOptions = {
  db: Db;
  /** channels; the ones not given are built from the settings (lib/env.ts) */
  senders?: Partial<Senders>;
  batchSize?: number;
  /** messages sent at the same time */
  concurrency?: number;
  leaseMs?: number;
  /** the worker's clock (tests move it forward) */
  clock?: () => Date;
  /** called with unexpected errors of a round (the loop goes on) */
  onError?: (e: unknown) => void;
};

export type RoundResult = { claimed: number; sent: number; retried: number; failed: number; skipped: number };

type Claimed = {
  schoolId: string; id: string; prev: string; kind: string; eventKey: string;
  guardianId: string | null; studentId: string | null; channel: Channel; address: string;
  subject: string | null; body: string; url: string | null; attempts: number;
};

export type DeliveryWorker = {
  /** one round: claim a batch and send it; resolves with what happened */
  runOnce(): Promise<RoundResult>;
  /** rounds every `intervalMs` until stop(); a full batch starts the next round at once */
  start(intervalMs?: number): void;
  /** orderly stop: no new claims, waits for the messages in flight, closes connections */
  stop(): Promise<void>;
  /**
   * Aborts mid-batch, as a process that is told to die: no new claims and no new sends;
   * the sends in flight finish and are recorded, then connections are cut. The rows this
   * worker had claimed but not sent stay SENDING until their lease expires, and another
   * worker takes them then (what happens after a crash).
   */
  kill(): Promise<void>;
};

export function createDeliveryWorker(o: WorkerOptions): DeliveryWorker {
  const db = o.db;
  const senders: Senders = {
    EMAIL: o.senders?.EMAIL ?? createEmailSender(),
    SMS: o.senders?.SMS ?? createSmsSender(),
    PUSH: o.senders?.PUSH ?? createPushSender(),
  };
  const batchSize = o.batchSize ?? 100;
  const concurrency = Math.max(1, o.concurrency ?? 4);
  const leaseMs = o.leaseMs ?? LEASE_MS;
  const clock = o.clock ?? (() => new Date());
  let stopping = false;
  let dead = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  async function claim(now: Date): Promise<Claimed[]> {
    const lease = new Date(now.getTime() + leaseMs);
    return db.$queryRaw<Claimed[]>(Prisma.sql`
      UPDATE "OutboxMessage" AS o
         SET "status" = 'SENDING', "lockedUntil" = ${lease}::timestamptz
        FROM (
          SELECT "schoolId", "id", "status"::text AS prev
            FROM "OutboxMessage"
           WHERE ("status" = 'PENDING' AND "notBefore" <= ${now}::timestamptz
                  AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}::timestamptz))
              OR ("status" = 'SENDING' AND "lockedUntil" < ${now}::timestamptz)
           ORDER BY "notBefore", "id"
           LIMIT ${batchSize}::int
           FOR UPDATE SKIP LOCKED
        ) AS due
       WHERE o."schoolId" = due."schoolId" AND o."id" = due."id"
      RETURNING o."schoolId"::text AS "schoolId", o."id"::text AS "id", due.prev, o."kind"::text AS "kind",
                o."eventKey", o."guardianId"::text AS "guardianId", o."studentId"::text AS "studentId",
                o."channel"::text AS "channel", o."address", o."subject", o."body", o."url", o."attempts"`);
  }

  const key = (r: { schoolId: string; id: string }) => ({ schoolId_id: { schoolId: r.schoolId, id: r.id } });

  async function skip(r: Claimed, reason: string): Promise<void> {
    await db.outboxMessage.update({ where: key(r), data: { status: "SKIPPED", lockedUntil: null, lastError: reason } });
  }

  async function record(r: Claimed, outcome: SendOutcome, startedAt: number, result: RoundResult): Promise<void> {
    const now = clock();
    const attempt = {
      schoolId: r.schoolId, messageId: r.id, at: now, ok: outcome.ok, durationMs: Math.max(0, Math.round(performance.now() - startedAt)),
      response: outcome.response ?? null, error: outcome.ok ? null : outcome.error,
    };
    const attempts = r.attempts + 1;
    if (outcome.ok) {
      await db.$transaction([
        db.deliveryAttempt.create({ data: attempt }),
        db.outboxMessage.update({ where: key(r), data: { status: "SENT", sentAt: now, attempts, lockedUntil: null, lastError: null } }),
      ]);
      result.sent++;
      return;
    }
    const delay = outcome.retry ? retryDelay(attempts) : null;
    const ops: Prisma.PrismaPromise<unknown>[] = [
      db.deliveryAttempt.create({ data: attempt }),
      db.outboxMessage.update({
        where: key(r),
        data: delay === null
          ? { status: "FAILED", attempts, lockedUntil: null, lastError: outcome.error }
          : { status: "PENDING", attempts, lockedUntil: null, lastError: outcome.error, notBefore: new Date(now.getTime() + delay) },
      }),
    ];
    if (outcome.gone && r.channel === "PUSH") {
      ops.push(db.pushSubscription.updateMany({ where: { schoolId: r.schoolId, id: r.address, removedAt: null }, data: { removedAt: now } }));
    }
    await db.$transaction(ops);
    if (delay === null) result.failed++;
    else result.retried++;
  }

  async function sendOne(r: Claimed, result: RoundResult): Promise<void> {
    const m: Outgoing = { id: r.id, channel: r.channel, address: r.address, subject: r.subject, body: r.body, url: r.url };
    if (r.channel === "PUSH") {
      const sub = await db.pushSubscription.findFirst({ where: { schoolId: r.schoolId, id: r.address } });
      if (!sub || sub.removedAt) {
        await skip(r, "Подписка на уведомления удалена");
        result.skipped++;
        return;
      }
      m.push = { endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth };
    }
    if (dead) return;
    const startedAt = performance.now();
    let outcome: SendOutcome;
    try {
      outcome = await senders[r.channel].send(m);
    } catch (e) {
      outcome = { ok: false, error: errorText(e), retry: true };
    }
    await record(r, outcome, startedAt, result);
  }

  /** Folds a guardian's digest rows on one channel and address into one DIGEST row (claimed by us). */
  async function fold(rows: Claimed[], now: Date): Promise<Claimed> {
    const [first] = rows;
    if (!first) throw new Error("пустая сводка");
    const text = digestText(first.channel, rows);
    const id = randomUUID();
    const digest: Claimed = {
      ...first, id, prev: "PENDING", kind: "DIGEST", eventKey: `digest:${first.id}`, studentId: null,
      subject: text.subject || null, body: text.body, url: "/diary", attempts: 0,
    };
    await db.$transaction([
      db.outboxMessage.createMany({
        data: [{
          schoolId: digest.schoolId, id, kind: "DIGEST", eventKey: digest.eventKey, guardianId: digest.guardianId,
          channel: digest.channel, address: digest.address, subject: digest.subject, body: digest.body, url: digest.url,
          status: "SENDING", lockedUntil: new Date(now.getTime() + leaseMs), notBefore: now,
        }],
      }),
      db.outboxMessage.updateMany({
        where: { schoolId: first.schoolId, id: { in: rows.map((r) => r.id) } },
        data: { status: "SKIPPED", lockedUntil: null, lastError: "Вошло в сводку" },
      }),
    ]);
    return digest;
  }

  async function prepare(rows: Claimed[], now: Date, result: RoundResult): Promise<Claimed[]> {
    const ready: Claimed[] = [];
    const digestGroups = new Map<string, Claimed[]>();
    const prefs = new Map<string, string>();
    for (const r of rows) {
      if (dead) return [];
      if (r.prev === "SENDING") {
        // its worker died after claiming it: was it sent already?
        const done = await db.deliveryAttempt.findFirst({ where: { schoolId: r.schoolId, messageId: r.id, ok: true }, select: { at: true } });
        if (done) {
          await db.outboxMessage.update({ where: key(r), data: { status: "SENT", sentAt: done.at, lockedUntil: null } });
          result.sent++;
          continue;
        }
      }
      if (r.guardianId && r.studentId && !(await mayDeliver(db, r.schoolId, r.guardianId, r.studentId))) {
        await skip(r, "Нет согласия на отправку: сообщение не отправлено");
        result.skipped++;
        continue;
      }
      if (r.guardianId && r.kind !== "DIGEST" && r.kind !== "CONTACT_CODE") {
        const pk = `${r.schoolId}:${r.guardianId}`;
        if (!prefs.has(pk)) {
          const p = await db.deliveryPreference.findFirst({ where: { schoolId: r.schoolId, guardianId: r.guardianId }, select: { frequency: true } });
          prefs.set(pk, p?.frequency ?? "IMMEDIATE");
        }
        const f = prefs.get(pk);
        // an urgent kind (an exam result) goes on its own, never inside a digest
        if ((f === "DAILY" || f === "WEEKLY") && !isUrgent(r.kind as MessageKind)) {
          const gk = `${pk}:${r.channel}:${r.address}`;
          digestGroups.set(gk, [...(digestGroups.get(gk) ?? []), r]);
          continue;
        }
      }
      ready.push(r);
    }
    for (const group of digestGroups.values()) ready.push(await fold(group, now));
    return ready;
  }

  async function runOnce(): Promise<RoundResult> {
    const result: RoundResult = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0 };
    if (stopping || dead) return result;
    const now = clock();
    const rows = await claim(now);
    result.claimed = rows.length;
    if (rows.length === 0) return result;
    const ready = await prepare(rows, now, result);
    let next = 0;
    const lanes = Array.from({ length: Math.min(concurrency, ready.length) }, async () => {
      while (next < ready.length && !dead) {
        const r = ready[next++];
        if (r) await sendOne(r, result);
      }
    });
    await Promise.all(lanes);
    return result;
  }

  function tracked(): Promise<RoundResult> {
    const p = runOnce();
    running = p.catch(() => undefined);
    return p;
  }

  return {
    runOnce: tracked,
    start(intervalMs = 5_000) {
      const tick = async () => {
        timer = null;
        let full = false;
        try {
          const r = await tracked();
          full = r.claimed >= batchSize;
        } catch (e) {
          if (!dead) o.onError?.(e);
        }
        if (!stopping && !dead) {
          timer = setTimeout(() => void tick(), full ? 0 : intervalMs);
          timer.unref?.();
        }
      };
      timer = setTimeout(() => void tick(), 0);
      timer.unref?.();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
      await Promise.all(Object.values(senders).map((s) => s.close()));
    },
    async kill() {
      dead = true;
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
      await Promise.all(Object.values(senders).map((s) => s.close().catch(() => undefined)));
    },
  };
}
