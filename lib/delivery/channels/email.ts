/**
 * E-mail through the school's SMTP server (SMTP_URL, SMTP_FROM) with nodemailer: a pool
 * of a few connections, reused for many letters; the body and subject in UTF-8. A 5xx
 * answer (no such mailbox, refused) is final; anything else (4xx, connection refused,
 * timeout) is tried again later by the worker.
 */
import nodemailer from "nodemailer";

import { env } from "@/lib/env";
import { errorText, unconfigured, type ChannelSender, type Outgoing, type SendOutcome } from "./types";

export type EmailOptions = { url?: string; from?: string; appUrl?: string; connections?: number; rejectUnauthorized?: boolean };

export function absoluteUrl(url: string | null, appUrl: string): string | null {
  if (!url) return null;
  return /^https?:\/\//.test(url) ? url : `${appUrl.replace(/\/$/, "")}/${url.replace(/^\//, "")}`;
}

/** The SMTP reply code of a failed send, when the server gave one. */
function replyCode(e: unknown): number | null {
  const code = (e as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" ? code : null;
}

export function createEmailSender(o: EmailOptions = {}): ChannelSender {
  const url = o.url ?? env.SMTP_URL;
  const from = o.from ?? env.SMTP_FROM;
  if (!url) return unconfigured("Почтовый сервер не настроен (SMTP_URL)");
  if (!from) return unconfigured("Не указан адрес отправителя писем (SMTP_FROM)");
  const appUrl = o.appUrl ?? env.APP_URL;
  const parsed = new URL(url);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: o.connections ?? 4,
    host: parsed.hostname,
    port: Number(parsed.port || (parsed.protocol === "smtps:" ? 465 : 25)),
    secure: parsed.protocol === "smtps:",
    ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
    ...(o.rejectUnauthorized === false ? { tls: { rejectUnauthorized: false } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  let closed = false;

  return {
    async send(m: Outgoing): Promise<SendOutcome> {
      if (closed) return { ok: false, error: "Отправка остановлена", retry: true };
      const link = absoluteUrl(m.url, appUrl);
      const text = link ? `${m.body}\n\nПодробнее: ${link}` : m.body;
      try {
        const info = await transport.sendMail({ from, to: m.address, subject: m.subject ?? "Сообщение из школы", text });
        return { ok: true, response: info.response };
      } catch (e) {
        const code = replyCode(e);
        return { ok: false, error: `Почтовый сервер: ${errorText(e)}`, retry: !(code !== null && code >= 500) };
      }
    },
    close() {
      closed = true;
      transport.close();
      return Promise.resolve();
    },
  };
}
