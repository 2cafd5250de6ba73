/**
 * npm run bench [-- name …] [-- --engines pglite,postgresql]
 *
 * Runs the named benchmarks (all default ones without names) on each engine, each engine
 * on its own fresh database and in its own child process (so peak memory is the engine's
 * own), prints a table and writes bench/results/<date>-<name>.json.
 * BENCH_SCALE=region for the full region (200 schools, 100,000 students, a year);
 * BENCH_SCHOOLS, BENCH_STUDENTS, BENCH_UNTIL=term|year to size it by hand; BENCH_PARALLEL=2
 * writes two schools at once on PostgreSQL.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { BENCHMARKS, scaleFromEnv, type BenchResult, type EngineState } from "./benchmarks";
import { openPglite, openPostgres, PG_URL, type BenchDb, type EngineName } from "./engines";

type Args = { names: string[]; engines: EngineName[]; child?: { engine: EngineName; out: string } };

function parseArgs(argv: readonly string[]): Args {
  const names: string[] = [];
  let engines: EngineName[] = ["pglite", "postgresql"];
  let child: Args["child"];
  const isEngine = (e: string): e is EngineName => e === "pglite" || e === "postgresql";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--engines" || a.startsWith("--engines=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : (argv[++i] ?? "");
      engines = v.split(",").filter(isEngine);
    } else if (a === "--child") {
      const engine = argv[++i] ?? "";
      const out = argv[++i] ?? "";
      if (!isEngine(engine) || !out) throw new Error("--child <engine> <file>");
      child = { engine, out };
    } else if (a.startsWith("-")) {
      throw new Error(`Неизвестный параметр ${a}`);
    } else names.push(a);
  }
  return { names, engines, ...(child ? { child } : {}) };
}

type ChildReport = { results: BenchResult[]; where?: string; skipped?: string };

/** In the child: one engine, the selected benchmarks, results to a file for the parent. */
async function runEngine(engine: EngineName, selected: typeof BENCHMARKS, out: string): Promise<void> {
  const scale = scaleFromEnv(process.env);
  const db: BenchDb | undefined = engine === "pglite" ? await openPglite() : await openPostgres();
  if (!db) {
    const report: ChildReport = { results: [], skipped: `PostgreSQL недоступен по адресу ${PG_URL}: замеры на PostgreSQL пропущены.` };
    await writeFile(out, JSON.stringify(report));
    return;
  }
  console.log(`${db.where}: миграции применены за ${Math.round(db.migrateMs)} мс.`);
  const state: EngineState = {};
  const results: BenchResult[] = [];
  try {
    for (const b of selected) {
      console.log(`  ${b.name} (${b.description})…`);
      results.push(...(await b.run(db, scale, state)));
    }
  } finally {
    await db.close();
  }
  const report: ChildReport = { results, where: db.where };
  await writeFile(out, JSON.stringify(report));
}

function runChild(engine: EngineName, names: readonly string[], out: string): Promise<void> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, script, ...names, "--child", engine, out], { stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${engine}: процесс замера завершился с кодом ${code}`))));
  });
}

function machine(): Record<string, unknown> {
  const c = cpus();
  return {
    cpus: c.length, cpuModel: c[0]?.model ?? "?", memoryGb: Math.round(totalmem() / 2 ** 30),
    freeMemoryGb: Math.round(freemem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}`,
    // other work on the machine skews timings: the 1/5/15-minute load when the run ended
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function printTable(results: readonly BenchResult[]): void {
  const head = ["benchmark", "engine", "N", "total ms", "per op ms / rows/s", "p50 ms", "p95 ms", "peak RSS MB"];
  const rows = results.map((r) => [
    r.name, r.engine, `${r.n} ${r.unit}`, String(r.totalMs),
    r.rowsPerSecond !== undefined ? `${r.rowsPerSecond} rows/s` : String(r.perOpMs ?? ""),
    r.p50Ms === undefined ? "" : String(r.p50Ms), r.p95Ms === undefined ? "" : String(r.p95Ms), String(r.peakRssMb),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ");
  console.log(`\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}`);
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const { names, engines, child } = parseArgs(process.argv.slice(2));
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) {
    throw new Error(`Нет бенчмарка ${unknown.join(", ")}; есть: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
  }
  const selected = names.length > 0 ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS.filter((b) => b.byDefault);
  if (child) return runEngine(child.engine, selected, child.out);
  const scale = scaleFromEnv(process.env);
  console.log(`Бенчмарки: ${selected.map((b) => b.name).join(", ")}; объём: ${scale.label}, ${scale.schools} школ × ${scale.students} учеников, период: ${scale.until === "term" ? "первая четверть" : "учебный год"}.`);

  const results: BenchResult[] = [];
  const where: Record<string, string> = {};
  for (const engine of engines) {
    const out = join(tmpdir(), `zh-bench-${process.pid}-${engine}.json`);
    try {
      await runChild(engine, selected.map((b) => b.name), out);
      if (!existsSync(out)) continue;
      const report = JSON.parse(await readFile(out, "utf8")) as ChildReport;
      if (report.skipped) console.log(report.skipped);
      if (report.where) where[engine] = report.where;
      results.push(...report.results);
    } finally {
      await rm(out, { force: true });
    }
  }
  printTable(results);

  const date = new Date().toISOString().slice(0, 10);
  const dir = join(process.cwd(), "bench", "results");
  await mkdir(dir, { recursive: true });
  for (const b of selected) {
    const file = join(dir, `${date}-${b.name}.json`);
    const mine = results.filter((r) => r.name === b.name);
    if (mine.length === 0) continue;
    await writeFile(file, `${JSON.stringify({ name: b.name, date: new Date().toISOString(), machine: machine(), scale, where, results: mine }, null, 2)}\n`);
    console.log(`Записано: ${file}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
