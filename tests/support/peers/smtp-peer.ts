/**
 * A real SMTP server on a random local port (smtp-server) that keeps what arrives:
 * parsed with mailparser (Cyrillic subject and body decoded), or only counted for the bench.
 * It can answer temporary errors (451) or be stopped to play a peer that fails or is down.
 */
import type { AddressInfo } from "node:net";

import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedLetter = { to: string; subject: string; text: string; messageId: string };

export type SmtpPeer = {
  url: string;
  port: number;
  letters: ReceivedLetter[];
  /** raw count, also when not parsing */
  count: number;
  /** answer "451" to the next n letters */
  failNext(n: number): void;
  close(): Promise<void>;
};

export async function startSmtpPeer(o: { parse?: boolean; port?: number } = {}): Promise<SmtpPeer> {
  const parse = o.parse ?? true;
  let failures = 0;
  const peer: SmtpPeer = {
    url: "", port: 0, letters: [], count: 0,
    failNext(n) { failures = n; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (failures > 0) {
          failures--;
          const err = Object.assign(new Error("Временная ошибка, попробуйте позже"), { responseCode: 451 });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        if (!parse) {
          peer.count++;
          callback();
          return;
        }
        simpleParser(raw).then(
          (mail) => {
            peer.count++;
            peer.letters.push({ to, subject: mail.subject ?? "", text: (mail.text ?? "").trim(), messageId: mail.messageId ?? "" });
            callback();
          },
          (e: Error) => callback(e),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  peer.port = port;
  peer.url = `smtp://127.0.0.1:${port}`;
  return peer;
}
