/**
 * Fills the database (run through `npm run db:seed -- [options]`, i.e. scripts/db.ts).
 *
 *   (no options)                       the demo school, journal up to today
 *   --today 2026-12-04                 the demo school as of that day
 *   --schools 200 --students 100000    a region-sized data set (see region.ts)
 *      [--seed 1] [--from YYYY-MM-DD] [--until YYYY-MM-DD] [--batch 5000]
 *      [--parallel 2]                 schools written at once (PostgreSQL only)
 *   --insert createMany|unnest         how journal rows are inserted (default: unnest;
 *                                      region: unnest)
 */
import type { Db } from "../../lib/db";
import { dayFromIso, isoOf, localDayOf, SCHOOL_TIME_ZONE } from "./calendar";
import { DEMO_SCHOOL_NAME } from "./demo-plan";
import { seedDemoSchool, type SeedSummary } from "./demo-school";
import { seedRegion, type RegionSummary } from "./region";
import type { InsertMode } from "./sink";

const USAGE = `Заполнение базы: npm run db:seed -- [параметры]
  (без параметров)                   демонстрационная школа, журнал по сегодняшний день
  --today ГГГГ-ММ-ДД                 демонстрационная школа на указанный день
  --schools N --students M           данные региона: N школ, M учеников поровну
     [--seed 1] [--from ГГГГ-ММ-ДД] [--until ГГГГ-ММ-ДД] [--batch 5000]
     [--parallel 2]                  сколько школ писать одновременно (только PostgreSQL)
  --insert createMany|unnest         способ вставки строк журнала`;

class UsageError extends Error {}

export type SeedArgs = {
  today: Date;
  region?: { schools: number; students: number; seed: number; from?: string; until?: string; batch: number; parallel: number };
  insert?: InsertMode;
  help: boolean;
};

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const values = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    // `tsx scripts/db.ts seed -- --today …` passes the separator through
    if (arg === "--") continue;
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!m?.[1]) throw new UsageError(`Непонятный параметр «${arg}»`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`У параметра --${m[1]} нет значения`);
    values.set(m[1], value);
  }
  const known = ["today", "schools", "students", "seed", "from", "until", "batch", "insert", "parallel"];
  for (const k of values.keys()) if (!known.includes(k)) throw new UsageError(`Неизвестный параметр --${k}`);
  const int = (k: string, fallback?: number): number => {
    const v = values.get(k);
    if (v === undefined) {
      if (fallback === undefined) throw new UsageError(`Нужен параметр --${k}`);
      return fallback;
    }
    const n = Number(v.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${k}: нужно целое число, а не «${v}»`);
    return n;
  };
  const date = (k: string): string | undefined => {
    const v = values.get(k);
    if (v !== undefined) {
      try {
        dayFromIso(v);
      } catch (e) {
        throw new UsageError(`--${k}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return v;
  };
  const insert = values.get("insert");
  if (insert !== undefined && insert !== "createMany" && insert !== "unnest") {
    throw new UsageError("--insert: createMany или unnest");
  }
  const todayIso = date("today");
  // A day given without a time means the school's morning of that day.
  const today = todayIso ? new Date(`${todayIso}T09:00:00+05:00`) : new Date();
  const isRegion = values.has("schools") || values.has("students");
  const from = date("from");
  const until = date("until");
  return {
    today,
    help,
    ...(insert ? { insert } : {}),
    ...(isRegion
      ? {
          region: {
            schools: int("schools"), students: int("students"), seed: int("seed", 1), batch: int("batch", 5000),
            parallel: int("parallel", 1),
            ...(from ? { from } : {}), ...(until ? { until } : {}),
          },
        }
      : {}),
  };
}

/** The demo school's id, if it was seeded already. */
export async function findDemoSchool(db: Db): Promise<string | undefined> {
  const found = await db.school.findFirst({ where: { name: DEMO_SCHOOL_NAME }, select: { id: true } });
  return found?.id;
}

export async function main(argv: string[]): Promise<void> {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n${USAGE}`);
    process.exitCode = 1;
    return;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  // Imported here, not at the top: importing this module (tests, the bench) must not
  // open the app's database.
  const { db } = await import("../../lib/db");
  if (args.region) {
    const r = args.region;
    const { currentEngine } = await import("../../lib/db/adapter");
    // PGlite has one connection: schools go one after another there.
    const parallel = currentEngine() === "postgresql" ? Math.max(1, r.parallel) : 1;
    console.log(`Заполнение региона: ${r.schools} школ, ${r.students} учеников (зерно ${r.seed}, одновременно ${parallel}).`);
    const summary = await seedRegion(db, {
      schools: r.schools, students: r.students, seed: r.seed, batchSize: r.batch, parallel,
      today: localDayOf(args.today, SCHOOL_TIME_ZONE), insert: args.insert ?? "unnest",
      ...(r.from ? { from: dayFromIso(r.from) } : {}), ...(r.until ? { until: dayFromIso(r.until) } : {}),
      onProgress: (p) =>
        console.log(
          `  школа ${p.school}/${p.schools}: ${p.rows.toLocaleString("ru-RU")} строк, ` +
            `${Math.round(p.rowsPerSecond).toLocaleString("ru-RU")} строк/с, ${(p.ms / 1000).toFixed(1)} с, куча ${p.heapMb} МБ`,
        ),
    });
    printRegion(summary);
    return;
  }
  const existing = await findDemoSchool(db);
  if (existing) {
    console.log(`Демонстрационная школа уже есть в базе (id ${existing}); заполнение не требуется.`);
    return;
  }
  const summary = await seedDemoSchool(db, { today: args.today, ...(args.insert ? { insert: args.insert } : {}) });
  printDemo(summary);
}

function printCounts(counts: Record<string, number>): void {
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(width)}  ${n.toLocaleString("ru-RU").padStart(10)}`);
}

function printDemo(s: SeedSummary): void {
  console.log(
    `Демонстрационная школа заполнена за ${(s.ms / 1000).toFixed(1)} с: ${s.year} учебный год; ` +
      `уроки до ${s.today} проведены, с ${s.today} запланированы.`,
  );
  console.log(`Школа: ${s.schoolId}`);
  printCounts(s.counts);
  console.log("\nВход (пароль у всех одинаковый):");
  const w = Math.max(...s.logins.map((l) => l.login.length));
  for (const l of s.logins) console.log(`  ${l.login.padEnd(w)}  ${l.password}  ${l.role.padEnd(8)}  ${l.who}`);
  console.log("\nКоды приглашения для родителей (первые три):");
  for (const i of s.invitations) console.log(`  ${i.code}  ${i.guardian}`);
}

function printRegion(s: RegionSummary): void {
  console.log(
    `Готово: ${s.schools} школ, ${s.students} учеников, уроки с ${isoOf(s.from)} по ${isoOf(s.until)}; ` +
      `${s.rows.toLocaleString("ru-RU")} строк за ${(s.ms / 1000).toFixed(1)} с (${Math.round(s.rowsPerSecond).toLocaleString("ru-RU")} строк/с).`,
  );
  printCounts(s.counts);
}
