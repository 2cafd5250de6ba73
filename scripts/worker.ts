/**
 * The delivery worker as its own process, for a PostgreSQL installation
 * (`DATABASE_URL=… npm run worker`; start the web server with DELIVERY_WORKER=off or
 * leave it: on PostgreSQL the server does not run the worker). Several may run at once:
 * they claim rows with FOR UPDATE SKIP LOCKED. Stops cleanly on SIGINT/SIGTERM, waiting
 * for the messages in flight.
 *
 * On the embedded database the server process runs the worker itself.
 */
import { env } from "../lib/env";
import { disconnectDb, getDb } from "../lib/db";
import { createDeliveryWorker } from "../lib/delivery/worker";
import { startWebhookRunner, stopWebhookRunner } from "../lib/oneroster/webhook-run";

async function main() {
  if (!env.DATABASE_URL) {
    console.error("Отдельный процесс рассылки нужен только для PostgreSQL (DATABASE_URL). На встроенной базе рассылку ведёт сам сервер.");
    process.exitCode = 2;
    return;
  }
  const worker = createDeliveryWorker({ db: getDb(), onError: (e) => console.error("Ошибка рассылки:", e) });
  worker.start(3000);
  startWebhookRunner();
  console.log("Рассылка запущена. Остановить: Ctrl+C.");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await worker.stop();
  await stopWebhookRunner();
  await disconnectDb();
  console.log("Рассылка остановлена.");
}

main().catch(async (e) => {
  console.error(e);
  await disconnectDb();
  process.exitCode = 1;
});
