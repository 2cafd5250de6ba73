/**
 * Backup and restore of the school's database (issue 10, item 4):
 *
 *   npm run backup [-- <file>]          a copy now, to backups/ by default
 *   npm run restore -- <file> --yes     put a copy back, and check every row is there
 *
 * The engine follows DATABASE_URL as the app does. PostgreSQL is backed up while it runs
 * (pg_dump; the client programs must be installed). The embedded database belongs to one
 * process at a time: stop the server for the few seconds a backup takes (the README shows
 * a nightly cron line that does it).
 */
import { existsSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import { dirname, join } from "node:path";

import { PGlite } from "@electric-sql/pglite";

import { env } from "../lib/env";
import { isMemoryDir, pgliteDataDir } from "../lib/db/adapter";
import {
  backupPglite,
  backupPostgres,
  compareFingerprints,
  fingerprint,
  pgliteQuery,
  postgresQuery,
  readManifest,
  readPgliteBackup,
  restorePostgres,
  totalRows,
} from "../lib/db/backup";

const USAGE = `Использование:
  npm run backup [-- <файл>]          сделать резервную копию (по умолчанию в каталог backups/)
  npm run restore -- <файл> --yes     восстановить базу из копии и проверить, что все строки на месте`;

function stamp(d = new Date()): string {
  return d.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
}

function pgliteInUse(dir: string): boolean {
  return existsSync(join(dir, "postmaster.pid"));
}

const IN_USE = (dir: string) =>
  `Встроенная база ${dir} сейчас открыта (работает сервер или другая команда). Остановите сервер и повторите; ` +
  `если сервер не запущен, база не была закрыта после сбоя: запустите сервер один раз и остановите его.`;

async function backup(target?: string): Promise<void> {
  const started = performance.now();
  if (env.DATABASE_URL) {
    const file = target ?? join("backups", `zhurnal-postgresql-${stamp()}.dump`);
    await mkdir(dirname(file), { recursive: true });
    const m = await backupPostgres(env.DATABASE_URL, file);
    console.log(`Копия PostgreSQL: ${file} (${Object.keys(m.tables).length} таблиц, ${totalRows(m.tables)} строк, ${((performance.now() - started) / 1000).toFixed(1)} с).`);
    return;
  }
  const dir = pgliteDataDir();
  if (isMemoryDir(dir)) throw new Error("База в памяти (PGLITE_DIR=memory://): копировать нечего.");
  if (!existsSync(dir)) throw new Error(`Нет каталога встроенной базы ${dir}.`);
  if (pgliteInUse(dir)) throw new Error(IN_USE(dir));
  const file = target ?? join("backups", `zhurnal-pglite-${stamp()}.tar.gz`);
  await mkdir(dirname(file), { recursive: true });
  const db = new PGlite(dir);
  try {
    const m = await backupPglite(db, file);
    console.log(`Копия встроенной базы: ${file} (${Object.keys(m.tables).length} таблиц, ${totalRows(m.tables)} строк, ${((performance.now() - started) / 1000).toFixed(1)} с).`);
  } finally {
    await db.close();
  }
}

async function restore(file: string | undefined, yes: boolean): Promise<void> {
  if (!file) throw new Error(`Укажите файл копии.\n${USAGE}`);
  if (!existsSync(file)) throw new Error(`Нет файла ${file}.`);
  const manifest = await readManifest(file);
  const engine = env.DATABASE_URL ? "postgresql" : "pglite";
  if (manifest.engine !== engine) {
    throw new Error(`Копия сделана с ${manifest.engine === "pglite" ? "встроенной базы" : "PostgreSQL"}, а сейчас выбрана ${engine === "pglite" ? "встроенная база" : "PostgreSQL"}: восстановите её на том же движке.`);
  }
  if (!yes) throw new Error(`Восстановление заменит все данные базы данными копии от ${manifest.createdAt}. Чтобы подтвердить, добавьте --yes.`);
  let actual;
  if (env.DATABASE_URL) {
    await restorePostgres(env.DATABASE_URL, file);
    actual = await fingerprint(postgresQuery(env.DATABASE_URL));
  } else {
    const dir = pgliteDataDir();
    if (isMemoryDir(dir)) throw new Error("База в памяти (PGLITE_DIR=memory://): восстанавливать некуда.");
    if (existsSync(dir)) {
      if (pgliteInUse(dir)) throw new Error(IN_USE(dir));
      const aside = `${dir}.before-restore-${stamp()}`;
      await rename(dir, aside);
      console.log(`Прежняя база сохранена в ${aside}.`);
    }
    await mkdir(dir, { recursive: true });
    const db = new PGlite(dir, { loadDataDir: await readPgliteBackup(file) });
    try {
      actual = await fingerprint(pgliteQuery(db));
    } finally {
      await db.close();
    }
  }
  const problems = compareFingerprints(manifest.tables, actual);
  if (problems.length > 0) throw new Error(`База восстановлена, но не совпадает с описью копии:\n  ${problems.join("\n  ")}`);
  console.log(`Восстановлено из ${file}: все ${totalRows(actual)} строк в ${Object.keys(actual).length} таблицах на месте.`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const args = rest.filter((a) => !a.startsWith("--"));
  if (command === "backup") await backup(args[0]);
  else if (command === "restore") await restore(args[0], rest.includes("--yes"));
  else {
    console.error(USAGE);
    process.exitCode = 2;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
