/**
 * Fresh, migrated databases for the benchmarks, one per engine:
 *
 * - PGlite on a temporary data directory (the embedded engine as a school server runs
 *   it), or in memory with BENCH_PGLITE=memory; removed afterwards.
 * - PostgreSQL at BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres,
 *   used only as the maintenance connection): a new database zh_bench_<random>, dropped
 *   afterwards. Skipped with a message when the server cannot be reached.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { createPrismaClient, type Db } from "../lib/db";
import { PgliteAdapterFactory } from "../lib/db/adapter";
import { applyMigrations } from "../lib/db/migrate";

export type EngineName = "pglite" | "postgresql";

export type BenchDb = {
  engine: EngineName;
  /** what was opened, for the report */
  where: string;
  /** the connection string, for PostgreSQL (a server started by a benchmark connects to it) */
  url?: string;
  db: Db;
  /** plain SQL outside Prisma (EXPLAIN, sizes) */
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  migrateMs: number;
  close(): Promise<void>;
};

export const PG_URL = process.env["BENCH_PG_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function openPglite(): Promise<BenchDb> {
  const inMemory = process.env["BENCH_PGLITE"] === "memory";
  const dir = inMemory ? undefined : await mkdtemp(join(tmpdir(), "zh-bench-pglite-"));
  const client = new PGlite(dir ?? "memory://");
  const t = performance.now();
  await applyMigrations({ engine: "pglite", client });
  const migrateMs = performance.now() - t;
  const db = createPrismaClient(new PgliteAdapterFactory(client));
  return {
    engine: "pglite",
    where: dir ? `PGlite, каталог ${dir}` : "PGlite в памяти",
    db,
    migrateMs,
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await client.query<T>(sql, params)).rows;
    },
    async close() {
      await db.$disconnect();
      await client.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

function urlFor(database: string): string {
  const u = new URL(PG_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/** undefined when the server is not there; the caller reports the skip. */
export async function openPostgres(): Promise<BenchDb | undefined> {
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `zh_bench_${randomBytes(6).toString("hex")}`;
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = urlFor(name);
  const t = performance.now();
  await applyMigrations({ engine: "postgresql", url });
  const migrateMs = performance.now() - t;
  const db = createPrismaClient(new PrismaPg({ connectionString: url }));
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return {
    engine: "postgresql",
    where: `PostgreSQL ${new URL(PG_URL).host}/${name}`,
    url,
    db,
    migrateMs,
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await pool.query<T>(sql, params)).rows;
    },
    async close() {
      await db.$disconnect();
      await pool.end();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
