/**
 * `npm start`: the production server. On PostgreSQL it runs one `next start` per core
 * (WEB_CONCURRENCY overrides the number) under node:cluster, sharing one port: a Node
 * server renders pages on a single JavaScript thread, so one process uses one core of the
 * machine however busy the morning is (docs/decisions/011-server-processes-and-the-morning-load.md).
 * On the embedded database (no DATABASE_URL) there is one worker: PGlite lives inside the
 * server's process and its data folder can have only one owner.
 *
 * Every argument is passed to `next start` as it is (`-p 3000 -H 127.0.0.1
 * --keepAliveTimeout 65000`); without `-H`, Next listens on every address, as `next start`
 * does. The primary process only forks the workers (each with a larger young generation,
 * `heapFlags`), passes SIGTERM/SIGINT on, and replaces a worker that dies, waiting longer
 * after each death in a row (1 s, 2 s, 4 s … 30 s) so that a database that is away for a
 * minute does not make it spin. If no worker has ever started listening and one dies,
 * the server cannot start at all (a bad setting, a port taken): it stops with an error.
 * On SIGTERM/SIGINT each worker finishes what it is answering and exits; one that has not
 * exited after SHUTDOWN_GRACE_MS (hung, stopped) is killed, so that a restart of the
 * service never waits for ever; a second signal kills them at once.
 *
 * Workers get WORKER_COUNT in their environment (the in-memory failure caps divide by it).
 */
import cluster from "node:cluster";
import { realpathSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

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
 * often (+10 % requests/s of the morning mix, docs/benchmarks.md). Not when NODE_OPTIONS
 * sets it already.
 */
export function heapFlags(nodeOptions = process.env.NODE_OPTIONS ?? "") {
  return /--max-semi-space-size/.test(nodeOptions) ? [] : ["--max-semi-space-size=64"];
}

/** How long a worker may take to finish after SIGTERM/SIGINT before it is killed. */
export const SHUTDOWN_GRACE_MS = 15_000;

/** How long to wait before replacing a worker that died, after `deaths` deaths in a row. */
export function restartDelay(deaths) {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, deaths - 1));
}

function main() {
  const n = workerCount();
  process.env.NODE_ENV ??= "production";
  cluster.setupPrimary({ exec: nextBin, args: ["start", ...process.argv.slice(2)], execArgv: [...process.execArgv, ...heapFlags()] });
  let stopping = false;
  let listened = false;
  let deathsInARow = 0;
  const fork = () => {
    const w = cluster.fork({ WORKER_COUNT: String(n) });
    w.once("listening", () => {
      listened = true;
      deathsInARow = 0;
    });
  };
  for (let i = 0; i < n; i++) fork();
  if (n > 1) console.log(`Сервер: ${n} процесса`);
  const workers = () => Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
  const kill = (why) => {
    const left = workers();
    if (left.length) console.error(`${why}: останавливаю принудительно (${left.map((w) => w.process.pid).join(", ")})`);
    for (const w of left) w.process.kill("SIGKILL");
  };
  const stop = (signal) => {
    if (stopping) {
      kill("Повторный сигнал");
      return;
    }
    stopping = true;
    for (const w of workers()) w.process.kill(signal);
    // a worker that does not finish (hung, stopped) must not keep the service from stopping
    setTimeout(() => kill(`Процессы не завершились за ${SHUTDOWN_GRACE_MS / 1000} с`), SHUTDOWN_GRACE_MS).unref();
  };
  cluster.on("exit", (w, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (!listened) {
      console.error(`Сервер не смог запуститься (процесс ${w.process.pid} завершился: ${signal ?? code}); останавливаю`);
      process.exitCode = 1;
      stop("SIGTERM");
      return;
    }
    deathsInARow++;
    const wait = restartDelay(deathsInARow);
    console.error(`Процесс сервера ${w.process.pid} завершился (${signal ?? code}); новый через ${wait / 1000} с`);
    setTimeout(() => {
      if (!stopping) fork();
    }, wait);
  });
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

// run when started as a script (the path compared as the module loader resolves it: a
// folder with spaces, Cyrillic letters or a symlink in it), not when a test imports it
const started = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : "";
if (cluster.isPrimary && started === import.meta.url) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
