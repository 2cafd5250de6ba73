/**
 * The database command (run with tsx from the project root):
 *
 *   tsx scripts/db.ts migrate          apply pending migrations (npm run db:migrate)
 *   tsx scripts/db.ts new <name>       write a migration for schema changes (npm run db:new-migration -- <name>)
 *   tsx scripts/db.ts status           what is applied and what is pending
 *   tsx scripts/db.ts check            fail if schema.prisma has changes without a migration (CI)
 *   tsx scripts/db.ts seed [args…]     fill the database (prisma/seed/index.ts)
 *   tsx scripts/db.ts reset --yes      empty the database (then run migrate)
 *   tsx scripts/db.ts rolled-back <m>  mark a failed migration rolled back (after a manual fix)
 *
 * The engine follows DATABASE_URL: set, a PostgreSQL server; empty, the embedded
 * PGlite in PGLITE_DIR. PGlite allows one process per data directory: stop the web
 * server before running this against the same directory.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

import pg from "pg";

import { env } from "../lib/env";
import { closePglite, currentEngine, isMemoryDir, pgliteDataDir } from "../lib/db/adapter";
import {
  MigrationError,
  applyMigrations,
  createMigration,
  markMigrationRolledBack,
  pendingSchemaChanges,
  migrationStatus,
  shortPath,
} from "../lib/db/migrate";

const USAGE = `Использование: tsx scripts/db.ts <команда>
  migrate          применить новые миграции
  new <имя>        создать миграцию из изменений prisma/schema.prisma (имя латиницей: add_homework)
  status           показать применённые и ожидающие миграции
  check            проверить, что у всех изменений схемы есть миграция (для CI)
  seed [аргументы] заполнить базу (prisma/seed/index.ts)
  reset --yes      удалить все данные и таблицы (затем: migrate)
  rolled-back <имя> отметить неудачную миграцию откатанной (после ручного исправления базы)`;

function where(): string {
  if (currentEngine() === "postgresql" && env.DATABASE_URL) {
    const u = new URL(env.DATABASE_URL);
    return `PostgreSQL ${u.hostname}:${u.port || "5432"}${u.pathname}`;
  }
  return `PGlite ${pgliteDataDir()}`;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} с`;
}

async function cmdMigrate(): Promise<void> {
  const t = performance.now();
  const { applied } = await applyMigrations();
  if (applied.length === 0) {
    console.log(`База (${where()}) уже в актуальном состоянии, новых миграций нет.`);
  } else {
    console.log(`Применены миграции (${where()}):`);
    for (const name of applied) console.log(`  ✓ ${name}`);
  }
  console.log(`Готово за ${seconds(t)}.`);
}

async function cmdNew(args: string[]): Promise<void> {
  const name = args.find((a) => !a.startsWith("--"));
  if (!name) throw new MigrationError("Укажите имя миграции, например: npm run db:new-migration -- add_homework");
  const t = performance.now();
  const created = await createMigration(name, { draft: args.includes("--draft") });
  if (!created.file) {
    console.log("Схема совпадает с историей миграций: новая миграция не нужна.");
    return;
  }
  console.log(`Создана миграция ${created.name}: ${shortPath(created.file)} (${seconds(t)}).`);
  console.log("Проверьте SQL, затем примените: npm run db:migrate");
}

async function cmdStatus(): Promise<void> {
  const s = await migrationStatus();
  console.log(`База: ${where()}`);
  console.log(`Миграций в prisma/migrations: ${s.local.length}`);
  if (!s.hasMigrationsTable) console.log("В базе ещё нет таблицы _prisma_migrations (база пустая).");
  const list = (title: string, names: string[]): void => {
    if (names.length === 0) return;
    console.log(title);
    for (const n of names) console.log(`  • ${n}`);
  };
  list("Ожидают применения:", s.pending);
  list("Применены в базе, но отсутствуют в prisma/migrations:", s.unknownInDatabase);
  list("Завершились с ошибкой:", s.failed);
  list("Изменены после применения:", s.edited);
  if (s.upToDate) {
    console.log("Всё применено.");
  } else {
    process.exitCode = 1;
  }
}

async function cmdCheck(): Promise<void> {
  const sql = await pendingSchemaChanges();
  if (sql === undefined) {
    console.log("prisma/schema.prisma совпадает с историей миграций.");
    return;
  }
  console.error("В prisma/schema.prisma есть изменения без миграции. Создайте её: npm run db:new-migration -- <имя>");
  console.error(sql);
  process.exitCode = 1;
}

async function cmdSeed(args: string[]): Promise<void> {
  const file = join(process.cwd(), "prisma", "seed", "index.ts");
  if (!existsSync(file)) throw new MigrationError(`Нет сценария заполнения: ${shortPath(file)}`);
  const mod = (await import(pathToFileURL(file).href)) as { main?: unknown };
  if (typeof mod.main !== "function") {
    throw new MigrationError(`${shortPath(file)} должен экспортировать функцию main(argv)`);
  }
  try {
    await (mod.main as (argv: string[]) => Promise<void> | void)(args);
  } finally {
    // The seed uses the app's client; its PostgreSQL pool would keep the process alive.
    const { disconnectDb } = await import("../lib/db");
    await disconnectDb();
  }
}

async function cmdReset(args: string[]): Promise<void> {
  if (!args.includes("--yes")) {
    throw new MigrationError(
      `Команда удалит ВСЕ данные в ${where()}. Чтобы подтвердить, добавьте --yes: tsx scripts/db.ts reset --yes`,
    );
  }
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      // Dropping the schema takes every table, type and the migrations record with it;
      // the database, its owner and its grants stay.
      await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    } finally {
      await client.end();
    }
  } else {
    const dir = pgliteDataDir();
    if (isMemoryDir(dir)) {
      console.log("PGLITE_DIR указывает на память: удалять нечего.");
      return;
    }
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`База очищена (${where()}). Создать таблицы: npm run db:migrate`);
}

async function cmdRolledBack(args: string[]): Promise<void> {
  const name = args[0];
  if (!name) throw new MigrationError("Укажите имя миграции: tsx scripts/db.ts rolled-back 20261204120000_add_homework");
  await markMigrationRolledBack(name);
  console.log(`Миграция ${name} отмечена откатанной; следующий migrate применит её заново.`);
}

function describe(e: unknown): string {
  if (e instanceof MigrationError) return e.message;
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    if (code === "ECONNREFUSED") return `Не удалось подключиться к PostgreSQL (${where()}): сервер не отвечает.`;
    if (code === "3D000") return `База данных не существует (${where()}): создайте её (createdb) или исправьте DATABASE_URL.`;
    if (code === "28P01" || code === "28000") return `PostgreSQL отказал во входе (${where()}): проверьте пользователя и пароль в DATABASE_URL.`;
    return e.message;
  }
  return String(e);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case "migrate":
      return cmdMigrate();
    case "new":
      return cmdNew(args);
    case "status":
      return cmdStatus();
    case "check":
      return cmdCheck();
    case "seed":
      return cmdSeed(args);
    case "reset":
      return cmdReset(args);
    case "rolled-back":
      return cmdRolledBack(args);
    case undefined:
    case "help":
    case "--help":
      console.log(USAGE);
      return;
    default:
      throw new MigrationError(`Неизвестная команда «${command}».\n${USAGE}`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  console.error(`Ошибка: ${describe(e)}`);
  // An unexpected failure needs its stack for whoever fixes it; an expected one does not.
  if (!(e instanceof MigrationError) && e instanceof Error && e.stack) console.error(e.stack);
  process.exitCode = 1;
} finally {
  await closePglite();
}
// The schema engine leaves a 10-second timer behind after applying migrations (its
// advisory-lock timeout); nothing else is pending, so do not make the user wait for it.
process.exit();
