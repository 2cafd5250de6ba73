/**
 * Runs once when the server starts: pending migrations are applied before the first
 * request, in this process, on the same embedded database instance the app uses.
 * On the embedded database the delivery worker (lib/delivery) runs here too, every few
 * seconds, with the OneRoster webhook notices; on PostgreSQL they are a separate process
 * (`npm run worker`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureMigrated } = await import("@/lib/db/ensure-migrated");
  await ensureMigrated();
  const { env } = await import("@/lib/env");
  if (!env.DATABASE_URL && env.DELIVERY_WORKER !== "off" && !env.NEXT_PHASE) {
    const { startDeliveryWorker } = await import("@/lib/delivery/run");
    startDeliveryWorker();
    // OneRoster clients' change notices (issue 9): the same process, the same rule
    const { startWebhookRunner } = await import("@/lib/oneroster/webhook-run");
    startWebhookRunner();
  }
}
