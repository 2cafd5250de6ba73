/**
 * Benchmarks of the documents and statistics (issue 8):
 *
 * - extracts-batch: the demo school (prisma/seed/demo-school.ts) is seeded into the
 *   engine's database; then, as its administrator, every class of the current year is
 *   printed as one whole-class batch PDF (printClassExtracts, what
 *   /api/reports/extract/class makes) for the period under way. Pages are counted in
 *   the PDF (`/Type /Page` objects). A second pass calls the same steps one by one
 *   (selection, facts, rendering, print log) to show where the time goes.
 * - stats-school: the school-wide statistics (getStatsReport, view "school", what
 *   /admin/stats shows) of one school of the region data set (the seed benchmarks'), for
 *   the term with final marks, as the school's director; p50 / p95 over 10 runs.
 *
 * The domain code reads the app's one client (lib/db.ts), so it is pointed at the bench
 * database with useDb; and it imports "server-only", which throws outside a React
 * server bundle, so that marker is replaced by an empty module before the code is
 * loaded (the integration tests alias it the same way).
 */

import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable } from "@prisma/driver-adapter-utils";

import { createPrismaClient, useDb } from "../lib/db";
import { suggestSchoolPeriodFinals } from "../lib/journal/finals-batch-query";
import { markRow } from "../lib/grading/marks";
import { isoOf } from "../prisma/seed/calendar";
import { seedDemoSchool } from "../prisma/seed/demo-school";
import type { Benchmark, BenchResult, EngineState, Scale } from "./benchmarks";
import type { BenchDb } from "./engines";
import { allowServerOnly, countingClient, percentile, round, withPeakRss } from "./measure";

type Seeder = (db: BenchDb, scale: Scale, state: EngineState) => Promise<NonNullable<EngineState["seeded"]>>;

const STATS_RUNS = 10;
const STATS_WARMUP = 2;

async function domain() {
  allowServerOnly();
  const [pdf, data, render, prints, stats, build, principal] = await Promise.all([
    import("../lib/reports/extract-pdf"),
    import("../lib/reports/extract-data"),
    import("../lib/reports/extract"),
    import("../lib/reports/extract-prints"),
    import("../lib/stats/load"),
    import("../lib/stats/build"),
    import("../lib/auth/load-principal"),
  ]);
  return { ...pdf, ...data, ...render, ...prints, ...stats, ...build, ...principal };
}

/** PDF page objects (`/Type /Page`, not `/Pages`): react-pdf writes no object streams. */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

type Statement = { sql: string; ms: number };

/** An adapter factory that records the SQL statements Prisma sends through it, with their time in the driver. */
function countingFactory(inner: SqlDriverAdapterFactory): { factory: SqlDriverAdapterFactory; statements: Statement[] } {
  const statements: Statement[] = [];
  const wrap = <T extends SqlQueryable>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        const v: unknown = Reflect.get(t, prop, t);
        if (typeof v !== "function") return v;
        const fn = (v as (...a: unknown[]) => unknown).bind(t);
        if (prop === "queryRaw" || prop === "executeRaw") {
          return async (...a: unknown[]) => {
            const started = performance.now();
            try {
              return await fn(...a);
            } finally {
              statements.push({ sql: (a[0] as { sql?: string } | undefined)?.sql ?? "?", ms: performance.now() - started });
            }
          };
        }
        if (prop === "startTransaction") return async (...a: unknown[]) => wrap((await fn(...a)) as SqlQueryable);
        return fn;
      },
    });
  const factory = new Proxy(inner, {
    get(t, prop) {
      const v: unknown = Reflect.get(t, prop, t);
      if (prop === "connect" && typeof v === "function") return async () => wrap<SqlDriverAdapter>(await (v as () => Promise<SqlDriverAdapter>).call(t));
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
  return { factory, statements };
}

export type SqlProfile = { statements: number; wallMs: number; inDriverMs: number; slowest: { ms: number; sql: string }[] };

/**
 * The SQL statements of one piece of work and their time in the driver (sent, run,
 * rows received and decoded by node-postgres), on PostgreSQL only: a second client on
 * the same database through a recording adapter (PGlite's one connection is not
 * reachable from here; Prisma sends the same statements to both). The work runs twice,
 * the second is reported (the first opens the connections).
 */
async function profileSql(db: BenchDb, work: () => Promise<unknown>): Promise<SqlProfile | undefined> {
  if (db.engine !== "postgresql" || !db.url) return undefined;
  const rec = countingFactory(new PrismaPg({ connectionString: db.url }));
  const client = createPrismaClient(rec.factory);
  try {
    useDb(client);
    await work();
    rec.statements.length = 0;
    const started = performance.now();
    await work();
    const wallMs = performance.now() - started;
    const slowest = [...rec.statements].sort((a, b) => b.ms - a.ms).slice(0, 3).map((x) => ({ ms: round(x.ms, 1), sql: x.sql.replace(/\s+/g, " ").slice(0, 160) }));
    return { statements: rec.statements.length, wallMs: round(wallMs), inDriverMs: round(rec.statements.reduce((a, x) => a + x.ms, 0)), slowest };
  } finally {
    useDb(db.db);
    await client.$disconnect();
  }
}

export function documentsBenchmarks(ensureSeeded: Seeder): Benchmark[] {
  const extractsBatch: Benchmark = {
    name: "extracts-batch",
    byDefault: false,
    description: "выписки всех классов демо-школы, по PDF на класс (весь класс, период, который идёт)",
    async run(db): Promise<BenchResult[]> {
      const d = await domain();
      useDb(db.db);
      const seedStarted = performance.now();
      const demo = await seedDemoSchool(db.db, { today: new Date() });
      const seedMs = performance.now() - seedStarted;
      const user = await db.db.user.findFirstOrThrow({ where: { schoolId: demo.schoolId, login: "admin" }, select: { id: true, sessionVersion: true } });
      const admin = await d.loadPrincipal(user.id, user.sessionVersion);
      if (!admin) throw new Error("demo admin: no principal");
      const classes = (await d.extractClassOptions(admin)).filter((c) => c.current);
      const query = (cohortId: string, largePrint: boolean) => ({ cohortId, span: { kind: "default" as const }, who: "all" as const, largePrint });

      // warm-up: fonts, the renderer's modules and the JIT, one class (not counted)
      const warm = performance.now();
      if (classes[0]) await d.printClassExtracts(admin, query(classes[0].id, false));
      const warmUpMs = performance.now() - warm;

      const rows: BenchResult[] = [];
      let biggest: { id: string; name: string; students: number } | undefined;
      for (const largePrint of [false, true]) {
        const perClass: { name: string; students: number; pages: number; kb: number; ms: number }[] = [];
        const spans = new Set<string>();
        const { peakRssMb, ms } = await withPeakRss(async () => {
          for (const c of classes) {
            const t = performance.now();
            const out = await d.printClassExtracts(admin, query(c.id, largePrint));
            perClass.push({ name: c.name, students: out.count, pages: countPdfPages(out.pdf), kb: Math.round(out.pdf.length / 1024), ms: round(performance.now() - t) });
            if (!biggest || out.count > biggest.students) biggest = { id: c.id, name: c.name, students: out.count };
            spans.add(out.fileName.split(" — ")[2] ?? "?");
          }
        });
        const pages = perClass.reduce((s, c) => s + c.pages, 0);
        const students = perClass.reduce((s, c) => s + c.students, 0);
        const times = perClass.map((c) => c.ms);
        rows.push({
          name: largePrint ? "extracts-batch (крупный шрифт)" : "extracts-batch", engine: db.engine, n: pages, unit: "rows", totalMs: round(ms),
          rowsPerSecond: round(pages / (ms / 1000), 1), p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), peakRssMb,
          notes: {
            what: "N = страниц PDF; rows/s = страниц в секунду; p50/p95 — на один класс (один PDF)",
            classes: classes.length, students, pages, pagesPerSecond: round(pages / (ms / 1000), 1), studentsPerSecond: round(students / (ms / 1000), 1),
            pdfKb: perClass.reduce((s, c) => s + c.kb, 0), spans: [...spans], largePrint,
            ...(largePrint ? {} : { demoSeedMs: round(seedMs), warmUpOneClassMs: round(warmUpMs) }),
            perClass,
          },
        });
      }

      // the same work step by step: where the time goes, and how many queries
      const counting = countingClient(db.db);
      useDb(counting.client);
      const phase = { selectMs: 0, readMs: 0, renderMs: 0, logMs: 0, selectOps: 0, readOps: 0, logOps: 0 };
      try {
        for (const c of classes) {
          const q = query(c.id, false);
          counting.reset();
          let t = performance.now();
          const selection = await d.selectClassExtracts(admin, q);
          phase.selectMs += performance.now() - t;
          phase.selectOps += counting.count();
          counting.reset();
          t = performance.now();
          const extracts = await d.readClassExtracts(admin, selection);
          phase.readMs += performance.now() - t;
          phase.readOps += counting.count();
          t = performance.now();
          await d.renderExtracts(extracts, { largePrint: false, title: d.batchTitle(selection.cohort.name, selection.span.name ?? selection.span.label, false), author: extracts[0]?.school.name ?? "" });
          phase.renderMs += performance.now() - t;
          counting.reset();
          t = performance.now();
          await d.recordExtractPrints(admin, extracts, { largePrint: false, batch: true });
          phase.logMs += performance.now() - t;
          phase.logOps += counting.count();
        }
      } finally {
        useDb(db.db);
      }
      const one = biggest;
      const sqlOneClass = one ? await profileSql(db, () => d.printClassExtracts(admin, query(one.id, false))) : undefined;
      const first = rows[0];
      if (first) {
        const students = Number(first.notes["students"]);
        const total = phase.selectMs + phase.readMs + phase.renderMs + phase.logMs;
        first.notes["breakdown"] = {
          note: "второй проход теми же шагами, что printClassExtracts, по отдельности",
          totalMs: round(total),
          selectMs: round(phase.selectMs), readFactsMs: round(phase.readMs), renderPdfMs: round(phase.renderMs), printLogMs: round(phase.logMs),
          renderShare: round(phase.renderMs / total, 2), factsShare: round(phase.readMs / total, 2),
          prismaOperations: { select: phase.selectOps, readFacts: phase.readOps, printLog: phase.logOps, readFactsPerStudent: round(phase.readOps / Math.max(1, students), 1) },
        };
        if (sqlOneClass !== undefined && one) first.notes["sqlOneClass"] = { class: one.name, students: one.students, ...sqlOneClass };
      }
      return rows;
    },
  };

  const statsSchool: Benchmark = {
    name: "stats-school",
    byDefault: false,
    description: "статистика по всей школе (getStatsReport, «вся школа») одной школы региона за четверть с итоговыми отметками",
    async run(db, scale, state): Promise<BenchResult[]> {
      const seeded = await ensureSeeded(db, scale, state);
      const d = await domain();
      useDb(db.db);
      // a school of the region data set: those have no accounts (the demo school has)
      const school = (await db.db.school.findFirst({ where: { users: { none: {} } }, orderBy: { id: "asc" }, select: { id: true, name: true } }))
        ?? (await db.db.school.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true, name: true } }));
      const schoolId = school.id;
      // (by roles in JS: PGlite takes no enum-array parameter, see docs/benchmarks.md)
      const staff = await db.db.staff.findMany({ where: { schoolId }, orderBy: { id: "asc" }, select: { id: true, roles: true } });
      const director = staff.find((s) => s.roles.includes("ADMIN"));
      if (!director) throw new Error("the region school has no administrator");
      const login = `bench-stats-${schoolId.slice(-12)}`;
      const user = await db.db.user.upsert({ where: { login }, update: {}, create: { schoolId, login, kind: "ADMIN", staffId: director.id }, select: { id: true, sessionVersion: true } });
      const admin = await d.loadPrincipal(user.id, user.sessionVersion);
      if (!admin) throw new Error("region director: no principal");

      // the term with the most final marks; the region seed confirms the terms that ended
      const periods = await db.db.period.findMany({ where: { schoolId, kind: { not: "YEAR" } }, orderBy: { startDate: "asc" }, select: { id: true, name: true, gradeFrom: true, gradeTo: true, startDate: true } });
      const finalsBy = await db.db.finalMark.groupBy({ by: ["periodId"], where: { schoolId, kind: "PERIOD", removedAt: null }, _count: { _all: true } });
      const count = (id: string) => finalsBy.find((f) => f.periodId === id)?._count._all ?? 0;
      let period = [...periods].sort((a, b) => count(b.id) - count(a.id))[0];
      if (!period) throw new Error("no period in the region school");
      let finalsWritten = 0;
      if (count(period.id) === 0) {
        // none seeded (not the case with the seed as it is): confirm the suggested marks, as a teacher would
        const until = new Date(`${isoOf(seeded.summary.until)}T00:00:00Z`);
        const chosen = periods.filter((p) => p.startDate <= until).at(-1) ?? period;
        period = chosen;
        const s = await suggestSchoolPeriodFinals(db.db, schoolId, chosen.id);
        const at = new Date();
        for (let k = 0; k < s.suggestions.length; k += 5000) {
          const part = s.suggestions.slice(k, k + 5000);
          const r = await db.db.finalMark.createMany({
            data: part.map((x) => {
              const m = markRow(x.mark);
              return {
                schoolId, studentId: x.studentId, subjectId: x.subjectId, cohortId: x.cohortId, periodId: chosen.id, kind: "PERIOD" as const,
                markKind: m.kind, value: m.value, text: m.text, suggestedKind: m.kind, suggestedValue: m.value, confirmedById: director.id, confirmedAt: at,
              };
            }),
            skipDuplicates: true,
          });
          finalsWritten += r.count;
        }
      }
      const q = { periodId: period.id, view: "school" as const };
      for (let i = 0; i < STATS_WARMUP; i++) await d.getStatsReport(admin, q);

      const times: number[] = [];
      let report: Awaited<ReturnType<typeof d.getStatsReport>>["report"] | undefined;
      const { peakRssMb, ms } = await withPeakRss(async () => {
        for (let i = 0; i < STATS_RUNS; i++) {
          const t = performance.now();
          report = (await d.getStatsReport(admin, q)).report;
          times.push(performance.now() - t);
        }
      });

      // the same split: reading the facts, then the arithmetic (pure); and the queries
      const counting = countingClient(db.db);
      const loadTimes: number[] = [];
      const buildTimes: number[] = [];
      let operations = 0;
      let facts: Awaited<ReturnType<typeof d.loadStatsFacts>>["facts"] | undefined;
      useDb(counting.client);
      try {
        for (let i = 0; i < STATS_RUNS; i++) {
          counting.reset();
          let t = performance.now();
          facts = (await d.loadStatsFacts(admin, q.periodId, "school", null)).facts;
          loadTimes.push(performance.now() - t);
          operations = counting.count();
          t = performance.now();
          d.buildStatsReport(facts, "school", null);
          buildTimes.push(performance.now() - t);
        }
      } finally {
        useDb(db.db);
      }
      const sql = await profileSql(db, () => d.getStatsReport(admin, q));
      const results = report?.results.find((r) => r.id === "byClass");
      return [{
        name: "stats-school", engine: db.engine, n: STATS_RUNS, unit: "queries", totalMs: round(ms), perOpMs: round(ms / STATS_RUNS, 1),
        p50Ms: round(percentile(times, 50), 1), p95Ms: round(percentile(times, 95), 1), peakRssMb,
        notes: {
          what: "N = отчётов getStatsReport(view: school) подряд после 2 разогревочных; p50/p95 — на отчёт",
          school: school.name, period: period.name, grades: `${period.gradeFrom}–${period.gradeTo}`,
          finalMarks: { seeded: count(period.id), writtenByBenchmark: finalsWritten, inReport: report?.finalsCount ?? 0 },
          pairsWithoutFinals: report?.pairsWithoutFinals,
          facts: facts ? { cohorts: facts.cohorts.length, students: facts.students.length, finals: facts.finals.length, plan: facts.plan.length, held: facts.held.length, absences: facts.absences.length } : undefined,
          classRows: results?.rows.length,
          split: {
            loadFactsP50Ms: round(percentile(loadTimes, 50), 1), loadFactsP95Ms: round(percentile(loadTimes, 95), 1),
            buildReportP50Ms: round(percentile(buildTimes, 50), 1), buildReportP95Ms: round(percentile(buildTimes, 95), 1),
          },
          prismaOperationsPerReport: operations,
          ...(sql ? { sqlPerReport: sql } : {}),
        },
      }];
    },
  };

  return [extractsBatch, statsSchool];
}
