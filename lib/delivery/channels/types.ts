/** What the worker hands a channel, and what the channel answers. */
export type Outgoing = {
  id: string;
  channel: "EMAIL" | "SMS" | "PUSH";
  address: string;
  subject: string | null;
  body: string;
  url: string | null;
  /** PUSH: the browser's subscription (the row the address names) */
  push?: { endpoint: string; p256dh: string; auth: string };
};

export type SendOutcome =
  /** the peer took it: its answer (SMTP reply, SMPP message id, push status) */
  | { ok: true; response: string }
  /**
   * it did not: `retry` false when trying again cannot help (no settings, a bad address);
   * `gone` when a push subscription has expired (404/410)
   */
  | { ok: false; error: string; retry: boolean; gone?: boolean; response?: string };

export interface ChannelSender {
  send(m: Outgoing): Promise<SendOutcome>;
  /** closes connections (the worker stops, or a test kills it) */
  close(): Promise<void>;
}

/** A channel with no settings: every message fails at once with a clear Russian reason. */
export function unconfigured(error: string): ChannelSender {
  return {
    send: () => Promise.resolve({ ok: false, error, retry: false }),
    close: () => Promise.resolve(),
  };
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
