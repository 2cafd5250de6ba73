/**
 * Signed webhooks of the change feed (issue 9, item 5). A client with a webhook address
 * gets a short notice when something it may see changed: the window (since, until) and
 * how many objects of each collection changed — never the data itself. The consumer then
 * pulls the changes with its own token (`GET /ims/oneroster/v1p2/changes?since=…`), so
 * its scopes and the consent rule apply exactly as to any other read, and a webhook
 * address that leaks or is mistyped receives no child's data.
 *
 * Each notice is signed: `X-Zhurnal-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>"
 * with the client's webhook secret>` and `X-Zhurnal-Timestamp` (Unix seconds), so the
 * receiver checks both who sent it and that it is fresh (replays are refused by age).
 * A notice that is not answered 2xx is retried after 1 min, 5 min, 30 min, 2 h and 6 h;
 * then it is left with its last error for the administrator to see.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import type { Db } from "@/lib/db";
import type { ApiCaller } from "./caller";

export const WEBHOOK_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000] as const;
/** at most one notice a minute per client: a busy morning sends one, not hundreds */
export const WEBHOOK_MIN_WINDOW_MS = 60_000;
const SEND_TIMEOUT_MS = 10_000;
const CLAIM_MS = 2 * 60_000;

/** How many objects of each collection changed in (since, until] for this caller. */
export type ChangeCounter = (caller: ApiCaller, since: Date, until: Date) => Promise<Record<string, number>>;

export type WebhookRoundResult = { planned: number; delivered: number; retried: number; gaveUp: number };

export type WebhookRunnerOptions = {
  db: Db;
  countChanges: ChangeCounter;
  /** the app's public address, for the feed link in a notice */
  appUrl: string;
  fetchImpl?: typeof fetch;
  clock?: () => Date;
};

export function newWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The signature header's value for a body sent at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * What a receiver does (and what the tests do): the signature matches and the notice is
 * no older than `maxAgeSeconds`.
 */
export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string, nowSeconds: number, maxAgeSeconds = 300): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > maxAgeSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * A webhook address the server will call: https, or http to this machine (a receiver
 * running next to the app, and the tests). Anything else is refused when it is set.
 */
export function webhookUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Адрес не похож на ссылку: нужен полный адрес, например https://example.ru/oneroster-hook.";
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol === "https:" || (url.protocol === "http:" && local)) return url.username || url.password ? "Адрес не должен содержать логин и пароль." : null;
  return "Адрес должен начинаться с https:// (без шифрования данные о детях не передаются).";
}

export function createWebhookRunner(o: WebhookRunnerOptions) {
  const db = o.db;
  const clock = o.clock ?? (() => new Date());
  const send = o.fetchImpl ?? fetch;

  /** For each client with a webhook: a notice for what changed since the last one. */
  async function plan(now: Date): Promise<number> {
    const clients = await db.apiClient.findMany({
      where: { webhookUrl: { not: null }, webhookSecret: { not: null }, revokedAt: null },
      select: { schoolId: true, id: true, name: true, kind: true, scopes: true, createdAt: true },
    });
    let planned = 0;
    for (const c of clients) {
      const last = await db.webhookDelivery.findFirst({
        where: { schoolId: c.schoolId, apiClientId: c.id },
        orderBy: { until: "desc" },
        select: { until: true },
      });
      const since = last?.until ?? c.createdAt;
      if (now.getTime() - since.getTime() < WEBHOOK_MIN_WINDOW_MS) continue;
      const caller: ApiCaller = { schoolId: c.schoolId, apiClientId: c.id, name: c.name, kind: c.kind, scopes: c.scopes };
      const counts = await o.countChanges(caller, since, now);
      const changed = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
      if (Object.keys(changed).length === 0) continue;
      const feed = new URL("/ims/oneroster/v1p2/changes", o.appUrl);
      feed.searchParams.set("since", since.toISOString());
      const created = await db.webhookDelivery.createMany({
        // another worker planned the same window at the same moment: its notice stands
        skipDuplicates: true,
        data: {
          schoolId: c.schoolId,
          apiClientId: c.id,
          since,
          until: now,
          body: { event: "oneroster.changes", since: since.toISOString(), until: now.toISOString(), changes: changed, feed: feed.toString() },
          nextAttemptAt: now,
        },
      });
      planned += created.count;
    }
    return planned;
  }

  async function deliver(now: Date, result: WebhookRoundResult): Promise<void> {
    const due = await db.webhookDelivery.findMany({
      where: { deliveredAt: null, attempts: { lt: WEBHOOK_BACKOFF_MS.length + 1 }, nextAttemptAt: { lte: now } },
      orderBy: { createdAt: "asc" },
      take: 50,
      include: { apiClient: { select: { webhookUrl: true, webhookSecret: true, revokedAt: true } } },
    });
    for (const d of due) {
      // claimed for the time a send may take: another worker that read the same row
      // finds its nextAttemptAt moved and leaves it
      const claimed = await db.webhookDelivery.updateMany({
        where: { schoolId: d.schoolId, id: d.id, deliveredAt: null, nextAttemptAt: d.nextAttemptAt },
        data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
      });
      if (claimed.count === 0) continue;
      const url = d.apiClient.webhookUrl;
      const secret = d.apiClient.webhookSecret;
      const where = { schoolId_id: { schoolId: d.schoolId, id: d.id } };
      let error: string | null = null;
      if (!url || !secret || d.apiClient.revokedAt) error = "Клиент отключён или адрес уведомлений снят";
      else if (webhookUrlProblem(url)) error = webhookUrlProblem(url);
      else {
        const body = JSON.stringify({ id: d.id, ...(d.body as object) });
        const timestamp = Math.floor(now.getTime() / 1000);
        try {
          const answer = await send(url, {
            method: "POST",
            headers: {
              "Content-Type": "application/json",
              "User-Agent": "Zhurnal-OneRoster-Webhook/1",
              "X-Zhurnal-Delivery": d.id,
              "X-Zhurnal-Timestamp": String(timestamp),
              "X-Zhurnal-Signature": signWebhook(secret, timestamp, body),
            },
            body,
            redirect: "manual",
            signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
          });
          if (answer.status < 200 || answer.status >= 300) error = `Ответ ${answer.status}`;
        } catch (e) {
          error = e instanceof Error ? `Нет ответа: ${e.message}` : "Нет ответа";
        }
      }
      const attempts = d.attempts + 1;
      if (error === null) {
        await db.webhookDelivery.update({ where, data: { attempts, deliveredAt: now, lastError: null } });
        result.delivered++;
        continue;
      }
      const delay = WEBHOOK_BACKOFF_MS[attempts - 1];
      await db.webhookDelivery.update({
        where,
        data: { attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + (delay ?? 0)) },
      });
      if (delay === undefined) result.gaveUp++;
      else result.retried++;
    }
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopping = false;

  return {
    /** rounds every `intervalMs` until stop() */
    start(intervalMs = 30_000, onError?: (e: unknown) => void) {
      const tick = () => {
        timer = null;
        running = this.runOnce()
          .catch((e: unknown) => onError?.(e))
          .finally(() => {
            if (!stopping) {
              timer = setTimeout(tick, intervalMs);
              timer.unref?.();
            }
          });
      };
      timer = setTimeout(tick, 0);
      timer.unref?.();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    async runOnce(): Promise<WebhookRoundResult> {
      const now = clock();
      const result: WebhookRoundResult = { planned: 0, delivered: 0, retried: 0, gaveUp: 0 };
      result.planned = await plan(now);
      await deliver(now, result);
      return result;
    },
  };
}
