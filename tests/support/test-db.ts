/**
 * Fresh, fully migrated, empty databases for integration tests. Real databases, never
 * mocks (docs/decisions/001-one-dialect-two-engines.md).
 *
 * The engine follows DATABASE_URL, as the app does:
 *
 *   npm run test:integration
 *       PGlite. Migrations are applied once to an in-memory instance and its data
 *       directory is kept as a snapshot (node_modules/.cache/zhurnal-test-db, keyed by
 *       the migrations and the PGlite version); every createTestDb() loads that snapshot
 *       into a new in-memory PGlite.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run test:integration
 *       PostgreSQL. The URL's database is used only as a maintenance connection and is
 *       never written to. A template database `zh_test_tpl_<hash>` is migrated once
 *       (again keyed by the migrations); every createTestDb() runs
 *       `CREATE DATABASE zh_test_<random> TEMPLATE zh_test_tpl_<hash>` and drops it on
 *       close(). The user needs the CREATEDB privilege.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { createPrismaClient, type Db } from "../../lib/db";
import { PgliteAdapterFactory, type DbEngine } from "../../lib/db/adapter";
import {
  applyMigrations,
  defaultPaths,
  readMigrationList,
  type MigrationTarget,
} from "../../lib/db/migrate";
import { env } from "../../lib/env";

export type TestDb = {
  db: Db;
  engine: DbEngine;
  /** PostgreSQL: the database's URL; PGlite: undefined. For tests of the migrations themselves. */
  url: string | undefined;
  /** PGlite: the instance behind `db`. */
  pglite: PGlite | undefined;
  close(): Promise<void>;
};

export function testEngine(): DbEngine {
  return env.DATABASE_URL ? "postgresql" : "pglite";
}

export async function createTestDb(): Promise<TestDb> {
  return env.DATABASE_URL ? createPostgresTestDb(env.DATABASE_URL) : createPgliteTestDb();
}

/** A short hash of everything that decides the migrated schema. */
async function migrationsKey(extra: string): Promise<string> {
  const list = await readMigrationList(defaultPaths().migrationsDir);
  const hash = createHash("sha256").update(extra);
  for (const m of list.migrationDirectories) {
    hash.update(m.path);
    hash.update(m.migrationFile.content.tag === "ok" ? m.migrationFile.content.value : "?");
  }
  return hash.digest("hex").slice(0, 16);
}

// ───────────────────────────── PGlite ─────────────────────────────

let snapshot: Promise<Blob> | undefined;

/** A snapshot from another PGlite version may not load; the version is part of its key. */
async function pgliteVersion(): Promise<string> {
  // The package's "exports" hide package.json from require, so read the file.
  const require = createRequire(join(process.cwd(), "package.json"));
  let dir = dirname(require.resolve("@electric-sql/pglite"));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

/**
 * The migrated data directory, as a tarball. Kept on disk because vitest gives every
 * test file a fresh module graph: without the file each one would migrate again (~4 s).
 */
function migratedSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    const key = await migrationsKey(`pglite@${await pgliteVersion()}`);
    const dir = join(process.cwd(), "node_modules", ".cache", "zhurnal-test-db");
    const file = join(dir, `pglite-${key}.tar`);
    if (existsSync(file)) return new Blob([await readFile(file)]);

    const template = new PGlite("memory://");
    try {
      await applyMigrations({ engine: "pglite", client: template });
      const dump = await template.dumpDataDir("none");
      const bytes = new Uint8Array(await dump.arrayBuffer());
      await mkdir(dir, { recursive: true });
      // Another test process may be writing the same snapshot: write aside, then rename.
      const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file);
      return new Blob([bytes]);
    } finally {
      await template.close();
    }
  })();
  snapshot.catch(() => {
    snapshot = undefined;
  });
  return snapshot;
}

async function createPgliteTestDb(): Promise<TestDb> {
  const pglite = new PGlite({ loadDataDir: await migratedSnapshot() });
  const db = createPrismaClient(new PgliteAdapterFactory(pglite));
  return {
    db,
    engine: "pglite",
    url: undefined,
    pglite,
    async close() {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

// ───────────────────────────── PostgreSQL ─────────────────────────────

let template: Promise<string> | undefined;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function urlForDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withMaintenance<T>(serverUrl: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The migrated template database's name; created on first use, reused across runs. */
function migratedTemplate(serverUrl: string): Promise<string> {
  template ??= (async () => {
    const name = `zh_test_tpl_${await migrationsKey("postgresql")}`;
    await withMaintenance(serverUrl, async (c) => {
      // Two test processes must not build the same template at once.
      await c.query("SELECT pg_advisory_lock(hashtext('zhurnal_test_template'))");
      try {
        const found = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (found.rowCount) return;
        // Templates of older migration sets are of no further use.
        const old = await c.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE datname LIKE 'zh_test_tpl_%'",
        );
        for (const row of old.rows) {
          await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(row.datname)}`);
        }
        const building = `${name}_building`;
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)}`);
        await c.query(`CREATE DATABASE ${quoteIdent(building)}`);
        await applyMigrations({ engine: "postgresql", url: urlForDatabase(serverUrl, building) });
        // Renamed only when complete, so a crash midway never leaves a half-migrated template.
        await c.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(name)}`);
      } finally {
        await c.query("SELECT pg_advisory_unlock(hashtext('zhurnal_test_template'))");
      }
    });
    return name;
  })();
  template.catch(() => {
    template = undefined;
  });
  return template;
}

async function createPostgresTestDb(serverUrl: string): Promise<TestDb> {
  const tpl = await migratedTemplate(serverUrl);
  const name = `zh_test_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  await withMaintenance(serverUrl, (c) =>
    c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(tpl)}`),
  );
  const url = urlForDatabase(serverUrl, name);
  // our own pool, so that a connection the server drops when the database is dropped
  // (DROP … WITH (FORCE)) is an event we expect, not an unhandled error
  const pool = new pg.Pool({ connectionString: url });
  pool.on("error", () => undefined);
  const db = createPrismaClient(new PrismaPg(pool));
  return {
    db,
    engine: "postgresql",
    url,
    pglite: undefined,
    async close() {
      await db.$disconnect();
      await pool.end().catch(() => undefined);
      await withMaintenance(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}

// ───────────────────────────── empty databases ─────────────────────────────

export type EmptyTestDb = {
  engine: DbEngine;
  /** What lib/db/migrate.ts functions take to work on this database. */
  target: MigrationTarget;
  /** Plain SQL against the database, for checking what the migrations built. */
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

/** A database with nothing in it, not even migrations: for testing the migrations. */
export async function createEmptyTestDb(): Promise<EmptyTestDb> {
  const serverUrl = env.DATABASE_URL;
  if (!serverUrl) {
    const client = new PGlite("memory://");
    return {
      engine: "pglite",
      target: { engine: "pglite", client },
      async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
        return (await client.query<T>(sql, params)).rows;
      },
      close: () => client.close(),
    };
  }
  const name = `zh_test_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  await withMaintenance(serverUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = urlForDatabase(serverUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on("error", () => undefined);
  return {
    engine: "postgresql",
    target: { engine: "postgresql", url },
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await pool.query<T>(sql, params)).rows;
    },
    async close() {
      await pool.end();
      await withMaintenance(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}
