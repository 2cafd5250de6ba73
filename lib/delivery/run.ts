/**
 * Starts the delivery worker on the app's database: inside the server process on the
 * embedded database (instrumentation.ts), or as its own process on PostgreSQL
 * (scripts/worker.ts, `npm run worker`). One per process.
 */
import { getDb } from "@/lib/db";
import { createDeliveryWorker, type DeliveryWorker } from "./worker";

const globalForWorker = globalThis as typeof globalThis & { __zhurnalDelivery?: DeliveryWorker };

export function startDeliveryWorker(intervalMs = 5_000): DeliveryWorker {
  if (globalForWorker.__zhurnalDelivery) return globalForWorker.__zhurnalDelivery;
  const worker = createDeliveryWorker({
    db: getDb(),
    onError: (e) => console.error("Ошибка рассылки:", e),
  });
  worker.start(intervalMs);
  globalForWorker.__zhurnalDelivery = worker;
  return worker;
}

export async function stopDeliveryWorker(): Promise<void> {
  const worker = globalForWorker.__zhurnalDelivery;
  globalForWorker.__zhurnalDelivery = undefined;
  await worker?.stop();
}
