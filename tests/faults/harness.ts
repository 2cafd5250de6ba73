/**
 * The test side of the fault suite (tests/integration/fault-*.test.ts): a seeded demo
 * school in a database a child process can open (PGlite: a data directory on disk;
 * PostgreSQL: a test database's URL), the child processes themselves (spawned with
 * `node --import tsx`, one process, so SIGKILL kills the process that holds the
 * database, not a launcher in front of it), and reopening the database afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { PGlite } from "@electric-sql/pglite";

import { createPrismaClient, type Db } from "../../lib/db";
import { PgliteAdapterFactory } from "../../lib/db/adapter";
import { seedDemoSchool } from "../../prisma/seed/demo-school";
import { createTestDb, type TestDb } from "../support/test-db";

const ROOT = join(import.meta.dirname, "..", "..");

/** Where a child finds the database: exactly one of the two is set. */
export type ChildDb = { DATABASE_URL: string } | { PGLITE_DIR: string };

/**
 * The demo school, seeded once per test file. On PGlite it is kept as a dump that each
 * fault loads into a data directory of its own; on PostgreSQL the seeded test database
 * itself is shared by the faults of the file, which compare counts before and after.
 */
export type Seeded =
  | { engine: "pglite"; dump: Blob }
  | { engine: "postgresql"; db: TestDb; url: string };

export async function seedOnce(): Promise<Seeded> {
  const t = await createTestDb();
  await seedDemoSchool(t.db, { today: new Date() });
  if (t.engine === "postgresql" && t.url) return { engine: "postgresql", db: t, url: t.url };
  try {
    if (!t.pglite) throw new Error("PGlite test database without its instance");
    return { engine: "pglite", dump: await t.pglite.dumpDataDir("none") };
  } finally {
    await t.close();
  }
}

/** A database for one fault, and how to look at it from the test once the child is gone. */
export type FaultDb = {
  child: ChildDb;
  /** opens the database in this process (PGlite: a new instance on the directory, which runs recovery) */
  open: () => Promise<{ db: Db; close: () => Promise<void> }>;
  dispose: () => Promise<void>;
};

const dirs = new Set<string>();

export async function faultDb(seeded: Seeded): Promise<FaultDb> {
  if (seeded.engine === "postgresql") {
    return {
      child: { DATABASE_URL: seeded.url },
      open: () => Promise.resolve({ db: seeded.db.db, close: () => Promise.resolve() }),
      dispose: () => Promise.resolve(),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), "zhurnal-fault-"));
  dirs.add(dir);
  // the seeded directory written out to disk, where the child will open it
  const pg = new PGlite(dir, { loadDataDir: seeded.dump });
  await pg.waitReady;
  await pg.close();
  return {
    child: { PGLITE_DIR: dir },
    async open() {
      const instance = new PGlite(dir);
      await instance.waitReady;
      const db = createPrismaClient(new PgliteAdapterFactory(instance));
      return {
        db,
        async close() {
          await db.$disconnect();
          await instance.close();
        },
      };
    },
    async dispose() {
      dirs.delete(dir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Removes every data directory still on disk (afterAll, even after a failed test). */
/** The seeded database and its one school's id (every fault test starts from these). */
export async function seededSchool(): Promise<{ seeded: Seeded; schoolId: string }> {
  const seeded = await seedOnce();
  const probe = await faultDb(seeded);
  const { db, close } = await probe.open();
  const schoolId = (await db.school.findFirstOrThrow({ select: { id: true } })).id;
  await close();
  await probe.dispose();
  return { seeded, schoolId };
}

export async function removeFaultDirs(): Promise<void> {
  await Promise.all([...dirs].map((d) => rm(d, { recursive: true, force: true })));
  dirs.clear();
}

export type Child = {
  lines: string[];
  /** resolves with the first line the predicate accepts (rejects when the child exits first) */
  waitFor(accept: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  kill(): void;
  /** resolves when the process has exited, with its exit code or killing signal */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
};

const children = new Set<ChildProcess>();

export function spawnChild(script: string, db: ChildDb, extra: Record<string, string> = {}): Child {
  const env: NodeJS.ProcessEnv = { ...process.env, ...db, ...extra };
  // the engine follows DATABASE_URL: a PGlite child must not inherit the test's URL
  if (!("DATABASE_URL" in db)) delete env["DATABASE_URL"];
  const proc = spawn(process.execPath, ["--import", "tsx", join(ROOT, "tests", "faults", script)], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(proc);
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let buffered = "";
  let err = "";
  proc.stdout.setEncoding("utf8");
  proc.stdout.on("data", (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    lines.push(...parts);
    for (const w of waiters) w();
  });
  proc.stderr.setEncoding("utf8");
  proc.stderr.on("data", (chunk: string) => {
    err = (err + chunk).slice(-20_000);
  });
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on("exit", (code, signal) => {
      done = true;
      children.delete(proc);
      for (const w of waiters) w();
      resolve({ code, signal });
    });
  });
  return {
    lines,
    exited,
    stderr: () => err,
    kill: () => {
      proc.kill("SIGKILL");
    },
    waitFor(accept, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < lines.length; seen++) {
            const line = lines[seen] ?? "";
            if (accept(line)) {
              finish();
              resolve(line);
              return;
            }
          }
          if (done) {
            finish();
            reject(new Error(`the child exited before the awaited line; stderr:\n${err}\nstdout:\n${lines.join("\n")}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no awaited line in ${timeoutMs} ms; stderr:\n${err}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Kills every child still running (afterAll). */
export async function killChildren(): Promise<void> {
  const waits = [...children].map((c) => new Promise<void>((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve();
    c.once("exit", () => resolve());
    c.kill("SIGKILL");
  }));
  await Promise.all(waits);
}

/** A random whole number in [min, max]. */
export function between(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
