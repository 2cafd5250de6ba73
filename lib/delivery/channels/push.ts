/**
 * Web push (RFC 8030/8291/8292) with VAPID through `web-push`. The payload is JSON
 * {title, body, url}, encrypted for the subscription. A 404 or 410 from the push service
 * means the subscription has expired: the worker removes it (removedAt).
 */
import type { Agent } from "node:https";

import webpush from "web-push";

import { env } from "@/lib/env";
import { vapidKeys, type VapidKeys } from "../vapid";
import { absoluteUrl } from "./email";
import { errorText, type ChannelSender, type Outgoing, type SendOutcome } from "./types";

export type PushOptions = {
  vapid?: VapidKeys;
  appUrl?: string;
  /** an https.Agent, e.g. one that trusts the test peer's self-signed certificate */
  agent?: Agent;
  timeoutMs?: number;
};

export function pushPayload(m: Pick<Outgoing, "subject" | "body" | "url">, appUrl: string): string {
  return JSON.stringify({ title: m.subject ?? "Журнал", body: m.body, url: absoluteUrl(m.url, appUrl) ?? appUrl });
}

export function createPushSender(o: PushOptions = {}): ChannelSender {
  const appUrl = o.appUrl ?? env.APP_URL;
  let vapid: VapidKeys | undefined = o.vapid;
  return {
    async send(m: Outgoing): Promise<SendOutcome> {
      if (!m.push) return { ok: false, error: "Подписка на уведомления удалена", retry: false, gone: true };
      try {
        vapid ??= vapidKeys();
        const r = await webpush.sendNotification(
          { endpoint: m.push.endpoint, keys: { p256dh: m.push.p256dh, auth: m.push.auth } },
          pushPayload(m, appUrl),
          {
            vapidDetails: vapid, TTL: 24 * 3600, urgency: "normal", timeout: o.timeoutMs ?? 15_000,
            ...(o.agent ? { agent: o.agent } : {}),
          },
        );
        return { ok: true, response: `HTTP ${r.statusCode}` };
      } catch (e) {
        const status = e instanceof webpush.WebPushError ? e.statusCode : null;
        if (status === 404 || status === 410) {
          return { ok: false, error: `Подписка больше не действует (HTTP ${status})`, retry: false, gone: true, response: `HTTP ${status}` };
        }
        const permanent = status !== null && status >= 400 && status < 500 && status !== 429;
        return { ok: false, error: `Сервис уведомлений: ${status ? `HTTP ${status}` : errorText(e)}`, retry: !permanent, ...(status ? { response: `HTTP ${status}` } : {}) };
      }
    },
    close: () => Promise.resolve(),
  };
}
