import "server-only";

import { db } from "@/lib/db";
import { currentEngine } from "@/lib/db/adapter";

/** Whether the app can answer: the database responds. Used by the start script and monitors. */
export async function checkHealth(): Promise<{ ok: boolean; engine: string }> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true, engine: currentEngine() };
  } catch (error) {
    console.error("Проверка здоровья: база данных не отвечает", error);
    return { ok: false, engine: currentEngine() };
  }
}
