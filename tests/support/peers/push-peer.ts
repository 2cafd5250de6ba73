/**
 * A web-push service on a random local HTTPS port (self-signed certificate): takes the
 * encrypted POSTs a browser's push service would, checks the VAPID authorization is
 * there, and decrypts the payload (aes128gcm, http_ece) with the subscription's private key.
 */
import { createECDH, randomBytes, type ECDH } from "node:crypto";
import https from "node:https";
import type { AddressInfo } from "node:net";

import { decrypt } from "http_ece";
import { generate } from "selfsigned";

export type PushReceived = { path: string; payload: unknown; ttl: string | undefined; vapid: boolean };

export type TestSubscription = { endpoint: string; p256dh: string; auth: string };

export type PushPeer = {
  origin: string;
  /** an https.Agent that trusts the peer's certificate (for the push channel) */
  agent: https.Agent;
  received: PushReceived[];
  /** a new subscription at this peer: the browser's keys, made here */
  subscribe(): TestSubscription;
  /** answer this endpoint with this status from now on (410 = expired) */
  answer(endpoint: string, status: number): void;
  close(): Promise<void>;
};

export async function startPushPeer(): Promise<PushPeer> {
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keyType: "ec", algorithm: "sha256",
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  });
  const keys = new Map<string, { ecdh: ECDH; auth: string }>();
  const answers = new Map<string, number>();
  const received: PushReceived[] = [];
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      const forced = answers.get(path);
      if (forced) { res.writeHead(forced).end(); return; }
      const k = keys.get(path);
      if (!k || req.method !== "POST") { res.writeHead(404).end(); return; }
      try {
        const plain = decrypt(Buffer.concat(chunks), { version: "aes128gcm", privateKey: k.ecdh, authSecret: k.auth });
        received.push({
          path, payload: JSON.parse(plain.toString("utf8")) as unknown,
          ttl: req.headers.ttl as string | undefined,
          vapid: /^vapid t=.+, k=.+/.test(req.headers.authorization ?? ""),
        });
        res.writeHead(201).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new https.Agent({ ca: pems.cert, keepAlive: true });
  return {
    origin, agent, received,
    subscribe() {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16).toString("base64url");
      const path = `/push/${randomBytes(8).toString("hex")}`;
      keys.set(path, { ecdh, auth });
      return { endpoint: `${origin}${path}`, p256dh: ecdh.getPublicKey("base64url"), auth };
    },
    answer(endpoint, status) { answers.set(new URL(endpoint).pathname, status); },
    close: () => new Promise<void>((resolve) => {
      agent.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
