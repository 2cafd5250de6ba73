/**
 * SMS through the operator's SMPP 3.4 gateway (SMPP_URL, SMPP_SOURCE).
 *
 * One transceiver session (bind_transceiver) is kept open and reused; it is re-bound on
 * the next message after the gateway closes it, and kept alive with enquire_link. Texts
 * go as UCS-2 (data_coding 8). A text longer than one SMS (70 characters) is sent as
 * concatenated parts of 67 characters, each with a user data header (UDH: IEI 0x00,
 * 8-bit reference, total, sequence; esm_class 0x40) — every handset and gateway joins
 * those, which is not true of the message_payload TLV.
 *
 * (The issue named the `smpp` npm package; it is not installed in this checkout, so the
 * client speaks the protocol itself through ./smpp-pdu.ts.)
 */
import net from "node:net";

import { env } from "@/lib/env";
import { msisdn, smsParts, toUcs2 } from "../sms-text";
import {
  bindTransceiverBody, CMD, encodePdu, PERMANENT_STATUSES, splitPdus, statusText, submitSmBody, type Pdu,
} from "./smpp-pdu";
import { errorText, unconfigured, type ChannelSender, type Outgoing, type SendOutcome } from "./types";

export type SmppSettings = { host: string; port: number; systemId: string; password: string; systemType?: string };

export function parseSmppUrl(url: string): SmppSettings {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 2775,
    systemId: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    systemType: u.searchParams.get("system_type") ?? "",
  };
}

class SmppError extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message);
  }
}

/** A bound transceiver session. */
export class SmppSession {
  private socket: net.Socket | null = null;
  private rest = Buffer.alloc(0);
  private sequence = 0;
  private pending = new Map<number, { resolve: (p: Pdu) => void; reject: (e: Error) => void }>();
  private keepAlive: NodeJS.Timeout | null = null;
  private bound = false;

  constructor(private readonly s: SmppSettings, private readonly timeoutMs = 15_000) {}

  get open(): boolean {
    return this.bound && this.socket !== null && !this.socket.destroyed;
  }

  private nextSequence(): number {
    this.sequence = this.sequence >= 0x7fffffff ? 1 : this.sequence + 1;
    return this.sequence;
  }

  async bind(): Promise<void> {
    const socket = net.connect({ host: this.s.host, port: this.s.port });
    this.socket = socket;
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("error", reject);
    });
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (e) => this.fail(e));
    socket.on("close", () => this.fail(new SmppError("SMS-шлюз закрыл соединение", null)));
    const resp = await this.request(CMD.bind_transceiver, bindTransceiverBody(this.s.systemId, this.s.password, this.s.systemType));
    if (resp.status !== 0) throw new SmppError(`SMS-шлюз не принял вход: ${statusText(resp.status)}`, resp.status);
    this.bound = true;
    this.keepAlive = setInterval(() => {
      this.request(CMD.enquire_link).catch(() => this.destroy());
    }, 30_000);
    this.keepAlive.unref();
  }

  private onData(chunk: Buffer) {
    let split;
    try {
      split = splitPdus(Buffer.concat([this.rest, chunk]));
    } catch (e) {
      this.fail(e instanceof Error ? e : new Error(String(e)));
      this.destroy();
      return;
    }
    this.rest = Buffer.from(split.rest);
    for (const pdu of split.pdus) {
      if (pdu.commandId & 0x80000000) {
        const waiter = this.pending.get(pdu.sequence);
        this.pending.delete(pdu.sequence);
        waiter?.resolve(pdu);
      } else if (pdu.commandId === CMD.enquire_link) {
        this.socket?.write(encodePdu(CMD.enquire_link_resp, pdu.sequence));
      } else if (pdu.commandId === CMD.deliver_sm) {
        // delivery receipts and replies: acknowledged, not used yet
        this.socket?.write(encodePdu(CMD.deliver_sm_resp, pdu.sequence, Buffer.from([0])));
      } else if (pdu.commandId === CMD.unbind) {
        this.socket?.write(encodePdu(CMD.unbind_resp, pdu.sequence));
        this.bound = false;
      } else {
        this.socket?.write(encodePdu(CMD.generic_nack, pdu.sequence, Buffer.alloc(0), 0x03));
      }
    }
  }

  private fail(e: Error) {
    this.bound = false;
    if (this.keepAlive) clearInterval(this.keepAlive);
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(e);
  }

  request(commandId: number, body?: Buffer): Promise<Pdu> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.reject(new SmppError("Нет соединения с SMS-шлюзом", null));
    const sequence = this.nextSequence();
    return new Promise<Pdu>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(sequence);
        reject(new SmppError("SMS-шлюз не ответил вовремя", null));
      }, this.timeoutMs);
      this.pending.set(sequence, {
        resolve: (p) => { clearTimeout(timer); resolve(p); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      socket.write(encodePdu(commandId, sequence, body));
    });
  }

  /** Sends a text; resolves with the gateway's message ids (one per part). */
  async submit(source: string, destination: string, text: string, ref: number): Promise<string[]> {
    const parts = smsParts(text);
    const ids: string[] = [];
    for (const [i, part] of parts.entries()) {
      const body = submitSmBody({
        source, destination, message: toUcs2(part),
        ...(parts.length > 1 ? { part: { ref, total: parts.length, seq: i + 1 } } : {}),
      });
      const resp = await this.request(CMD.submit_sm, body);
      if (resp.commandId === CMD.generic_nack || resp.status !== 0) {
        throw new SmppError(`SMS-шлюз не принял сообщение: ${statusText(resp.status)}`, resp.status);
      }
      ids.push(resp.body.subarray(0, Math.max(0, resp.body.indexOf(0))).toString("latin1"));
    }
    return ids;
  }

  async unbind(): Promise<void> {
    if (this.open) {
      try {
        await Promise.race([this.request(CMD.unbind), new Promise((r) => setTimeout(r, 1000))]);
      } catch {
        // closing anyway
      }
    }
    this.destroy();
  }

  destroy(): void {
    this.bound = false;
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.socket?.destroy();
    this.socket = null;
  }
}

export type SmsOptions = { url?: string; source?: string };

export function createSmsSender(o: SmsOptions = {}): ChannelSender {
  const url = o.url ?? env.SMPP_URL;
  const source = o.source ?? env.SMPP_SOURCE;
  if (!url) return unconfigured("SMS-шлюз не настроен");
  if (!source) return unconfigured("Не указано имя отправителя SMS (SMPP_SOURCE)");
  const settings = parseSmppUrl(url);
  let session: SmppSession | null = null;
  let binding: Promise<SmppSession> | null = null;
  let ref = Math.floor(Math.random() * 256);
  let closed = false;

  function connected(): Promise<SmppSession> {
    if (session?.open) return Promise.resolve(session);
    binding ??= (async () => {
      session?.destroy();
      const s = new SmppSession(settings);
      try {
        await s.bind();
      } catch (e) {
        s.destroy();
        throw e;
      }
      session = s;
      return s;
    })().finally(() => { binding = null; });
    return binding;
  }

  return {
    async send(m: Outgoing): Promise<SendOutcome> {
      if (closed) return { ok: false, error: "Отправка остановлена", retry: true };
      const destination = msisdn(m.address);
      if (destination.length < 10) return { ok: false, error: `Неверный номер телефона: ${m.address}`, retry: false };
      try {
        const s = await connected();
        ref = (ref + 1) % 256;
        const ids = await s.submit(source, destination, m.body, ref);
        return { ok: true, response: `message_id ${ids.join(", ")}` };
      } catch (e) {
        const status = e instanceof SmppError ? e.status : null;
        return { ok: false, error: errorText(e), retry: !(status !== null && PERMANENT_STATUSES.has(status)) };
      }
    },
    async close() {
      closed = true;
      await session?.unbind();
      session = null;
    },
  };
}
