/**
 * `npm start`: the production server. On PostgreSQL it runs one `next start` per core
 * (WEB_CONCURRENCY overrides the number) under node:cluster, sharing one port: a Node
 * server renders pages on a single JavaScript thread, so one process uses one core of the
 * machine however busy the morning is (docs/decisions/011-server-processes-and-the-morning-load.md). The
 * primary process only forks, restarts a worker that dies, and passes SIGTERM/SIGINT on.
 *
 * On the embedded database (no DATABASE_URL) there is one process: PGlite lives inside the
 * server's process and its data folder can have only one owner.
 *
 * Usage: node scripts/serve.mjs [-p PORT] [-H HOST]; workers get WORKER_COUNT in their
 * environment (the in-memory rate limits divide their budget by it).
 */
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { join } from "node:path";

import { root } from "./lib.mjs";

const nextBin = join(root, "node_modules/next/dist/bin/next");

/** The number of server processes: 1 on the embedded database, else WEB_CONCURRENCY or one per core. */
export function workerCount(env = process.env, cores = availableParallelism()) {
  if (!env.DATABASE_URL) return 1;
  const asked = env.WEB_CONCURRENCY;
  if (asked !== undefined && asked !== "") {
    if (!/^\d+$/.test(asked) || Number(asked) < 1 || Number(asked) > 64) {
      throw new Error(`WEB_CONCURRENCY должно быть целым числом от 1 до 64, а не «${asked}»`);
    }
    return Number(asked);
  }
  return Math.max(1, cores);
}

/**
 * A larger young generation than V8's default (16 MB semi-spaces on 64-bit): rendering a
 * page allocates a lot that dies at once, and with more room the scavenger runs less
 * often (docs/benchmarks.md, «The morning rush»). Not when NODE_OPTIONS sets it already.
 */
export function heapFlags(nodeOptions = process.env.NODE_OPTIONS ?? "") {
  return /--max-semi-space-size/.test(nodeOptions) ? [] : ["--max-semi-space-size=64"];
}

function argsOf(argv) {
  const out = { port: process.env.PORT ?? "3000", host: process.env.HOSTNAME ?? "0.0.0.0" };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "-p" || argv[i] === "--port") out.port = argv[++i] ?? out.port;
    else if (argv[i] === "-H" || argv[i] === "--hostname") out.host = argv[++i] ?? out.host;
  }
  return out;
}

async function main() {
  const { port, host } = argsOf(process.argv.slice(2));
  const n = workerCount();
  process.env.NODE_ENV ??= "production";
  if (n === 1) {
    // one process, exactly `next start`
    process.argv = [process.argv[0], nextBin, "start", "-p", port, "-H", host];
    await import(nextBin);
    return;
  }
  // the primary hands connections to the workers in turn (the default on Linux)
  cluster.setupPrimary({ exec: nextBin, args: ["start", "-p", port, "-H", host], execArgv: [...process.execArgv, ...heapFlags()] });
  let stopping = false;
  const started = new Map();
  const fork = () => {
    const w = cluster.fork({ WORKER_COUNT: String(n) });
    started.set(w.id, Date.now());
  };
  for (let i = 0; i < n; i++) fork();
  console.log(`Сервер: ${n} процесса на порту ${port}`);
  cluster.on("exit", (w, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (started.get(w.id) ?? 0);
    console.error(`Процесс сервера ${w.process.pid} завершился (${signal ?? code}); запускаю новый`);
    // a worker that cannot even start would loop: give up on it after a quick death
    if (lived < 5_000) {
      console.error("Процесс сервера не смог запуститься: останавливаю сервер");
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exitCode = 1;
      return;
    }
    fork();
  });
  const stop = (signal) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
