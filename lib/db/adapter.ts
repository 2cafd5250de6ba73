/**
 * Which database engine the app talks to, and the one embedded instance per process.
 *
 * One SQL dialect (PostgreSQL), two engines: a real server when DATABASE_URL is set,
 * otherwise PGlite, PostgreSQL compiled to WebAssembly and run inside this process.
 * See docs/decisions/001-one-dialect-two-engines.md.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { env } from "../env";

export type DbEngine = "postgresql" | "pglite";

export function currentEngine(): DbEngine {
  return env.DATABASE_URL ? "postgresql" : "pglite";
}

/** True for PGlite's in-memory data directories ("memory://", "memory://name"). */
export function isMemoryDir(dir: string): boolean {
  return dir.startsWith("memory://");
}

/** The absolute data directory of the embedded database, or the memory:// marker. */
export function pgliteDataDir(): string {
  const dir = env.PGLITE_DIR;
  return isMemoryDir(dir) ? dir : resolve(/*turbopackIgnore: true*/ process.cwd(), dir);
}

type PgliteHolder = { instance: PGlite; dataDir: string };

// PGlite allows one process per data directory, and two instances in one process on the
// same directory would each believe they own it and corrupt it. Next's dev server
// re-evaluates modules on every edit, so the instance lives on globalThis, not only in
// this module's scope.
const globalForPglite = globalThis as typeof globalThis & {
  __zhurnalPglite?: PgliteHolder;
};

/**
 * The process's one embedded database, opened on first use. The Prisma client and the
 * migration engine must both go through this instance.
 */
export function getPglite(): PGlite {
  const dataDir = pgliteDataDir();
  const held = globalForPglite.__zhurnalPglite;
  if (held && !held.instance.closed) {
    if (held.dataDir !== dataDir) {
      throw new Error(
        `PGlite уже открыт на ${held.dataDir}; второй каталог (${dataDir}) в том же процессе не поддерживается`,
      );
    }
    return held.instance;
  }
  if (!isMemoryDir(dataDir)) mkdirSync(dataDir, { recursive: true });
  const instance = new PGlite(dataDir);
  globalForPglite.__zhurnalPglite = { instance, dataDir };
  return instance;
}

/** Closes the shared embedded database, if it was opened (scripts call this before exit). */
export async function closePglite(): Promise<void> {
  const held = globalForPglite.__zhurnalPglite;
  globalForPglite.__zhurnalPglite = undefined;
  if (held && !held.instance.closed) await held.instance.close();
}

/**
 * pglite-prisma-adapter 0.7.2 fires `exec` for multi-statement scripts without awaiting
 * it, so a failing migration would be reported as applied; and its shadow database is a
 * fresh in-memory PGlite that is never closed (~300 MB each time). This factory keeps
 * the adapter's type mapping and fixes those two things.
 */
export class PgliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  private readonly inner: PrismaPGlite;

  constructor(private readonly client: PGlite) {
    this.inner = new PrismaPGlite(client);
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return withAwaitedScripts(await this.inner.connect(), this.client);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = new PGlite("memory://");
    const adapter = withAwaitedScripts(await new PrismaPGlite(shadow).connect(), shadow);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.close();
    };
    return adapter;
  }
}

function withAwaitedScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await client.exec(script);
  };
  return adapter;
}

/**
 * The driver adapter factory for the app's Prisma client: PostgreSQL through node-postgres
 * when DATABASE_URL is set, the shared embedded PGlite otherwise.
 */
export function createAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  // a database host that stops answering (rather than refusing) must fail a request in
  // seconds, with the «база недоступна» message, not hang it (issue 10, faults)
  if (env.DATABASE_URL) return new PrismaPg({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 10_000 });
  return new PgliteAdapterFactory(getPglite());
}
