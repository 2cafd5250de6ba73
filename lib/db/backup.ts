/**
 * Backups of the school's database, on either engine (issue 10, item 4), and the proof
 * that a restore brought back every row.
 *
 * - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot of a running server, any
 *   size) and `pg_restore --clean --single-transaction` (all or nothing: a restore that
 *   fails halfway leaves the database as it was).
 * - PGlite (the embedded database): the data directory as a gzip tarball
 *   (`dumpDataDir`), taken by the process that holds the database, so it is consistent;
 *   a restore writes a new data directory from it and keeps the old one aside.
 *
 * Next to every backup a small manifest (`<file>.json`) lists each table's row count and
 * a checksum of its rows; `verifyAgainst` compares a restored database with it, so
 * "restored" means every row is back, not just that a command ended without error.
 */
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";

import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export type TableFingerprint = { rows: number; checksum: string };
export type Fingerprint = Record<string, TableFingerprint>;

export type BackupManifest = {
  format: "zhurnal-backup/1";
  engine: "postgresql" | "pglite";
  createdAt: string;
  /** the newest migration applied when the backup was taken */
  migration: string | null;
  tables: Fingerprint;
};

/** Any way to run one SQL query and get rows back (a pg client, a PGlite instance). */
export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

export function pgliteQuery(db: PGlite): Query {
  return async (sql) => (await db.query<Record<string, unknown>>(sql)).rows;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Every table of the public schema with its row count and an md5 of its rows in a fixed
 * order (each row as its text form): two databases with the same fingerprint hold the
 * same data.
 */
export async function fingerprint(query: Query): Promise<Fingerprint> {
  const tables = await query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const out: Fingerprint = {};
  for (const t of tables) {
    const name = typeof t["name"] === "string" ? t["name"] : "";
    const q = quoteIdent(name);
    const [row] = await query(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(r::text, E'\\n' ORDER BY r::text)), '') AS sum FROM public.${q} AS r`,
    );
    const sum = row?.["sum"];
    out[name] = { rows: Number(row?.["n"] ?? 0), checksum: typeof sum === "string" ? sum : "" };
  }
  return out;
}

export async function latestMigration(query: Query): Promise<string | null> {
  try {
    const [row] = await query(
      "SELECT migration_name AS name FROM public._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1",
    );
    const name = row?.["name"];
    return typeof name === "string" ? name : null;
  } catch {
    return null;
  }
}

/** What differs between a database and a backup's manifest, in words; empty when all is back. */
export function compareFingerprints(expected: Fingerprint, actual: Fingerprint): string[] {
  const problems: string[] = [];
  for (const [table, want] of Object.entries(expected)) {
    const got = actual[table];
    if (!got) problems.push(`нет таблицы ${table}`);
    else if (got.rows !== want.rows) problems.push(`${table}: строк ${got.rows}, в копии ${want.rows}`);
    else if (got.checksum !== want.checksum) problems.push(`${table}: строки отличаются от копии`);
  }
  for (const table of Object.keys(actual)) if (!(table in expected)) problems.push(`лишняя таблица ${table}`);
  return problems;
}

export function totalRows(f: Fingerprint): number {
  return Object.values(f).reduce((n, t) => n + t.rows, 0);
}

export async function writeManifest(file: string, manifest: BackupManifest): Promise<void> {
  await writeFile(`${file}.json`, `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(file: string): Promise<BackupManifest> {
  let raw: string;
  try {
    raw = await readFile(`${file}.json`, "utf8");
  } catch {
    throw new Error(`Нет описи копии ${file}.json: без неё нельзя проверить, что восстановлены все строки.`);
  }
  const m = JSON.parse(raw) as BackupManifest;
  if (m.format !== "zhurnal-backup/1") throw new Error(`${file}.json — не опись резервной копии «Журнала».`);
  return m;
}

// ───────────────────────────── PGlite ─────────────────────────────

/** The embedded database's data directory as a gzip tarball, and its manifest. */
export async function backupPglite(db: PGlite, file: string): Promise<BackupManifest> {
  const query = pgliteQuery(db);
  const tables = await fingerprint(query);
  const migration = await latestMigration(query);
  const dump = await db.dumpDataDir("gzip");
  await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
  const manifest: BackupManifest = { format: "zhurnal-backup/1", engine: "pglite", createdAt: new Date().toISOString(), migration, tables };
  await writeManifest(file, manifest);
  return manifest;
}

/** The tarball of a PGlite backup, to load with `new PGlite(dir, { loadDataDir })`. */
export async function readPgliteBackup(file: string): Promise<Blob> {
  return new Blob([new Uint8Array(await readFile(file))]);
}

// ───────────────────────────── PostgreSQL ─────────────────────────────

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(new Error(e.code === "ENOENT" ? `Не найдена программа ${command}: установите клиент PostgreSQL (пакет postgresql-client) той же версии, что и сервер.` : e.message)),
    );
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} завершился с кодом ${code}: ${err.trim().slice(0, 2000)}`))));
  });
}

/**
 * pg_dump of the whole database (custom format: compressed, restorable table by table).
 * The manifest and the dump see the same snapshot: a read-only transaction exports its
 * snapshot, the fingerprint is read in it, and pg_dump is told to use it — so marks
 * written during the backup are in both or in neither.
 */
export async function backupPostgres(url: string, file: string): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snap = await client.query<{ s: string }>("SELECT pg_export_snapshot() AS s");
    const query: Query = async (sql) => (await client.query<Record<string, unknown>>(sql)).rows;
    const tables = await fingerprint(query);
    const migration = await latestMigration(query);
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snap.rows[0]?.s ?? ""}`, `--file=${file}`, `--dbname=${url}`]);
    await client.query("COMMIT");
    const manifest: BackupManifest = { format: "zhurnal-backup/1", engine: "postgresql", createdAt: new Date().toISOString(), migration, tables };
    await writeManifest(file, manifest);
    return manifest;
  } finally {
    await client.end();
  }
}

/** A query on a PostgreSQL database, one connection per call (scripts and tests). */
export function postgresQuery(url: string): Query {
  return async (sql) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<Record<string, unknown>>(sql)).rows;
    } finally {
      await client.end();
    }
  };
}

/** Replaces the database's contents with the backup's, in one transaction. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${url}`, file]);
}
