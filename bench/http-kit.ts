/**
 * What the HTTP benchmarks share (`npm run bench:http`, `npm run load`): the production
 * build (built when a source file is newer than it), a fresh PostgreSQL database, and
 * the production server started on it with a fixed test secret. Kept apart so that the
 * load test starts the server exactly as the single-request benchmark does, and their
 * figures can be read side by side.
 */
import type { ChildProcess } from "node:child_process";

import { openPostgres, type BenchDb } from "./engines";
import { needsBuild, run, startNext, waitForHealth } from "../scripts/lib.mjs";

/** The session secret of a benchmark server: the load test mints cookies with it. */
export const BENCH_AUTH_SECRET = "bench-secret-bench-secret-bench-secret-42";

/** Builds the app when no current build is there (`next build` on 2 cores takes minutes). */
export function ensureBuild(): void {
  if (needsBuild()) run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" }, label: "next build" });
}

/** A fresh database on PostgreSQL, or the process ends: these measurements are about PostgreSQL. */
export async function openBenchPostgres(): Promise<BenchDb & { url: string }> {
  const b = await openPostgres();
  if (!b?.url) {
    console.error("PostgreSQL недоступен (BENCH_PG_URL): этот замер идёт на PostgreSQL, как в школе.");
    process.exit(1);
  }
  return { ...b, url: b.url };
}

export type BenchServer = { base: string; process: ChildProcess; stop(): Promise<void> };

/** `next start` on the database, ready when /api/health answers. */
export async function startBenchServer(o: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<BenchServer> {
  const base = `http://127.0.0.1:${o.port}`;
  const server = startNext({
    port: o.port,
    env: { DATABASE_URL: o.databaseUrl, AUTH_SECRET: BENCH_AUTH_SECRET, APP_URL: base, NEXT_TELEMETRY_DISABLED: "1", ...o.env },
  });
  const exited = new Promise<void>((r) => server.once("exit", () => r()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
    await exited;
  };
  if (!(await waitForHealth(`${base}/api/health`))) {
    await stop();
    throw new Error("the server did not start");
  }
  return { base, process: server, stop };
}
