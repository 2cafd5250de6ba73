/**
 * Starts the webhook notices (lib/oneroster/webhooks.ts) next to the delivery worker:
 * inside the server on the embedded database (instrumentation.ts), in `npm run worker`
 * on PostgreSQL. One per process; several processes may run it (windows are unique,
 * sends are claimed).
 */
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { countChanges } from "./changes";
import { createWebhookRunner } from "./webhooks";

type Runner = ReturnType<typeof createWebhookRunner>;
const globalForWebhooks = globalThis as typeof globalThis & { __zhurnalWebhooks?: Runner };

export function startWebhookRunner(intervalMs = 30_000): Runner {
  if (globalForWebhooks.__zhurnalWebhooks) return globalForWebhooks.__zhurnalWebhooks;
  const db = getDb();
  const runner = createWebhookRunner({ db, appUrl: env.APP_URL, countChanges: (caller, since, until) => countChanges(db, caller, since, until) });
  runner.start(intervalMs, (e) => console.error("Ошибка уведомлений OneRoster:", e));
  globalForWebhooks.__zhurnalWebhooks = runner;
  return runner;
}

export async function stopWebhookRunner(): Promise<void> {
  const runner = globalForWebhooks.__zhurnalWebhooks;
  globalForWebhooks.__zhurnalWebhooks = undefined;
  await runner?.stop();
}
