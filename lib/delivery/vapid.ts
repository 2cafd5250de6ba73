/**
 * The VAPID key pair that signs web-push messages. From the settings (VAPID_PUBLIC_KEY,
 * VAPID_PRIVATE_KEY) when given; otherwise generated once and kept in VAPID_KEYS_FILE
 * (./data/vapid-keys.json), so that browsers' subscriptions stay valid across restarts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

import webpush from "web-push";

import { env } from "@/lib/env";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

let cached: VapidKeys | undefined;

export function vapidKeys(): VapidKeys {
  if (cached) return cached;
  const subject = env.VAPID_SUBJECT ?? (env.APP_URL.startsWith("https://") ? env.APP_URL : "mailto:admin@localhost");
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    cached = { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject };
    return cached;
  }
  const file = resolve(/*turbopackIgnore: true*/ process.cwd(), env.VAPID_KEYS_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const keys = webpush.generateVAPIDKeys();
    // "wx": two processes starting at once do not overwrite each other's pair
    try {
      writeFileSync(file, JSON.stringify(keys), { mode: 0o600, flag: "wx" });
    } catch (e) {
      if (!(e instanceof Error && "code" in e && e.code === "EEXIST")) throw e;
    }
  }
  const stored = JSON.parse(readFileSync(file, "utf8")) as { publicKey: string; privateKey: string };
  cached = { publicKey: stored.publicKey, privateKey: stored.privateKey, subject };
  return cached;
}
