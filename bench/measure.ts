/**
 * Measuring helpers: peak resident memory while a piece of work runs, percentiles.
 * RSS is the whole process: with PGlite it includes the database itself, with
 * PostgreSQL only the Node side (the server's memory is its own).
 */
import { createRequire } from "node:module";

import type { Db } from "../lib/db";

/**
 * Makes `import "server-only"` a no-op in this process (it is only a marker): the domain
 * code imports it, and it throws outside a React server bundle (the integration tests
 * alias it the same way).
 */
export function allowServerOnly(): void {
  const require = createRequire(import.meta.url);
  const path = require.resolve("server-only");
  require.cache[path] ??= { id: path, filename: path, loaded: true, exports: {} } as unknown as NodeJS.Module;
}

export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number; ms: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakRssMb: Math.round(peak / 2 ** 20), ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The same client counting Prisma operations (a model call or a raw query each). */
export function countingClient(db: Db): { client: Db; count: () => number; reset: () => void } {
  let n = 0;
  const client = db.$extends({
    query: {
      $allOperations({ args, query }) {
        n++;
        return query(args);
      },
    },
  }) as unknown as Db;
  return { client, count: () => n, reset: () => (n = 0) };
}
