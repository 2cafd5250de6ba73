/**
 * The named benchmarks. Each runs against one fresh database (engines.ts) and returns
 * result rows for the table and the JSON file.
 */
import { loadStudentMarks } from "../lib/journal/student-marks-query";
import { academicStartYear, buildCalendar, isoOf, isSchoolDay, localDayOf, SCHOOL_TIME_ZONE, type Day } from "../prisma/seed/calendar";
import { seedRegion, type RegionSummary } from "../prisma/seed/region";
import { Rng } from "../prisma/seed/rng";
import type { InsertMode } from "../prisma/seed/sink";
import type { BenchDb, EngineName } from "./engines";
import { percentile, round, withPeakRss } from "./measure";
import { deliveryBenchmarks } from "./delivery-benchmarks";
import { documentsBenchmarks } from "./documents-benchmarks";
import { journalBenchmarks } from "./journal-benchmarks";
import { onerosterBenchmarks } from "./oneroster-benchmarks";
import { setupBenchmarks } from "./setup-benchmarks";

export type BenchResult = {
  name: string;
  engine: EngineName;
  /** what N counts: rows written, queries run */
  n: number;
  unit: "rows" | "queries";
  totalMs: number;
  perOpMs?: number;
  rowsPerSecond?: number;
  p50Ms?: number;
  p95Ms?: number;
  peakRssMb: number;
  notes: Record<string, unknown>;
};

export type Scale = { label: string; schools: number; students: number; until: "term" | "year" };

export type EngineState = { seeded?: { summary: RegionSummary; schools: number } };

export type Benchmark = {
  name: string;
  description: string;
  /** part of `npm run bench` without names */
  byDefault: boolean;
  run(db: BenchDb, scale: Scale, state: EngineState): Promise<BenchResult[]>;
};

/** A region-shaped data set: BENCH_SCALE=region is the real region, otherwise a sample. */
export function scaleFromEnv(env: NodeJS.ProcessEnv): Scale {
  const base: Scale = env["BENCH_SCALE"] === "region"
    ? { label: "region", schools: 200, students: 100_000, until: "year" }
    : { label: "sample", schools: 2, students: 2_000, until: "term" };
  const int = (v: string | undefined, fallback: number): number => (v && /^\d+$/.test(v) ? Number(v) : fallback);
  return {
    ...base,
    schools: int(env["BENCH_SCHOOLS"], base.schools),
    students: int(env["BENCH_STUDENTS"], base.students),
    until: env["BENCH_UNTIL"] === "year" ? "year" : env["BENCH_UNTIL"] === "term" ? "term" : base.until,
  };
}

export function windowFor(scale: Scale): { from: Day; until: Day; today: Day; fullYearDays: number; windowDays: number } {
  const today = localDayOf(new Date(), SCHOOL_TIME_ZONE);
  const cal = buildCalendar(academicStartYear(today), 11);
  const firstTerm = cal.periods.find((p) => p.kind === "QUARTER" && p.number === 1);
  const until = scale.until === "term" && firstTerm ? firstTerm.end : cal.lastLessonDay;
  const schoolDays = (a: Day, b: Day): number => {
    let n = 0;
    for (let d = a; d <= b; d++) if (isSchoolDay(cal, d, 5)) n++;
    return n;
  };
  return { from: cal.start, until, today, fullYearDays: schoolDays(cal.start, cal.lastLessonDay), windowDays: schoolDays(cal.start, until) };
}

/** BENCH_PARALLEL schools at once on PostgreSQL; PGlite has one connection. */
function parallelFor(engine: EngineName): number {
  const n = Number(process.env["BENCH_PARALLEL"] ?? "1");
  return engine === "postgresql" && Number.isInteger(n) && n > 1 ? n : 1;
}

async function seed(db: BenchDb, scale: Scale, insert: InsertMode): Promise<{ summary: RegionSummary; peakRssMb: number; ms: number }> {
  const w = windowFor(scale);
  const { result, peakRssMb, ms } = await withPeakRss(() =>
    seedRegion(db.db, {
      schools: scale.schools, students: scale.students, seed: 1, from: w.from, until: w.until, today: w.today,
      insert, batchSize: 5000, parallel: parallelFor(db.engine),
      onProgress: (p) => {
        if (p.school === p.schools || p.school % Math.max(1, Math.round(p.schools / 10)) === 0) {
          console.log(`    ${db.engine}: школа ${p.school}/${p.schools}, ${p.rows} строк, ${Math.round(p.rowsPerSecond)} строк/с, куча ${p.heapMb} МБ`);
        }
      },
    }),
  );
  return { summary: result, peakRssMb, ms };
}

function seedBenchmark(name: string, insert: InsertMode, byDefault: boolean): Benchmark {
  return {
    name,
    byDefault,
    description: `заполнение данных региона (${insert})`,
    async run(db, scale, state) {
      const w = windowFor(scale);
      const { summary, peakRssMb, ms } = await seed(db, scale, insert);
      if (!state.seeded) state.seeded = { summary, schools: scale.schools };
      const rowsPerSecond = summary.rows / (ms / 1000);
      // Rows grow with student-days; the full region is 100,000 students for a whole year.
      const perStudentDay = summary.rows / (scale.students * Math.max(1, w.windowDays));
      const fullRows = perStudentDay * 100_000 * w.fullYearDays;
      const size = await db.query<{ bytes: string }>("SELECT pg_database_size(current_database())::text AS bytes");
      return [{
        name, engine: db.engine, n: summary.rows, unit: "rows", totalMs: round(ms), rowsPerSecond: Math.round(rowsPerSecond), peakRssMb,
        notes: {
          schools: scale.schools, students: scale.students, lessonsFrom: isoOf(w.from), lessonsUntil: isoOf(w.until),
          schoolDays: w.windowDays, insert, parallel: parallelFor(db.engine), counts: summary.counts,
          databaseMb: round(Number(size[0]?.bytes ?? 0) / 2 ** 20),
          rowsPerStudentDay: round(perStudentDay, 2),
          estimateFullRegion: {
            note: "оценка, не замер: 100 000 учеников × полный учебный год при измеренной скорости",
            rows: Math.round(fullRows),
            minutes: round(fullRows / rowsPerSecond / 60),
          },
        },
      }];
    },
  };
}

/** The region data set of this engine, seeded once for the benchmarks that read it. */
async function ensureSeeded(db: BenchDb, scale: Scale, state: EngineState): Promise<NonNullable<EngineState["seeded"]>> {
  if (!state.seeded) {
    console.log(`    ${db.engine}: нет данных, заполняю (${scale.schools} × ${scale.students})…`);
    const { summary } = await seed(db, scale, "unnest");
    state.seeded = { summary, schools: scale.schools };
  }
  return state.seeded;
}

const studentMarks: Benchmark = {
  name: "student-marks",
  byDefault: true,
  description: "отметки одного ученика за период (loadStudentMarks)",
  async run(db, scale, state) {
    const seeded = await ensureSeeded(db, scale, state);
    const from = isoOf(seeded.summary.from);
    const to = isoOf(seeded.summary.until);
    const students = await db.db.student.findMany({ select: { id: true, schoolId: true }, orderBy: { id: "asc" } });
    const rng = new Rng(2026);
    const sample = Array.from({ length: 200 }, () => rng.pick(students));
    for (const s of sample.slice(0, 10)) await loadStudentMarks(db.db, { schoolId: s.schoolId, studentId: s.id, from, to });
    const times: number[] = [];
    let marks = 0;
    const { peakRssMb, ms } = await withPeakRss(async () => {
      for (const s of sample) {
        const t = performance.now();
        const rows = await loadStudentMarks(db.db, { schoolId: s.schoolId, studentId: s.id, from, to });
        times.push(performance.now() - t);
        marks += rows.length;
      }
    });
    const first = sample[0];
    const plan = first
      ? await db.query<{ "QUERY PLAN": string }>(
          `EXPLAIN SELECT id FROM "Mark" WHERE "schoolId" = '${first.schoolId}' AND "studentId" = '${first.id}'
           AND date >= '${from}' AND date <= '${to}' AND "removedAt" IS NULL`,
        )
      : [];
    return [{
      name: "student-marks", engine: db.engine, n: sample.length, unit: "queries", totalMs: round(ms),
      perOpMs: round(ms / sample.length, 2), p50Ms: round(percentile(times, 50), 2), p95Ms: round(percentile(times, 95), 2),
      peakRssMb,
      notes: {
        period: `${from} — ${to}`, studentsInDatabase: students.length, marksPerQuery: round(marks / sample.length),
        explain: plan.map((r) => r["QUERY PLAN"]),
      },
    }];
  },
};

export const BENCHMARKS: readonly Benchmark[] = [
  seedBenchmark("seed-region", "unnest", true),
  seedBenchmark("seed-region-createmany", "createMany", false),
  studentMarks,
  ...setupBenchmarks(ensureSeeded),
  ...journalBenchmarks(ensureSeeded),
  ...deliveryBenchmarks(),
  ...documentsBenchmarks(ensureSeeded),
  ...onerosterBenchmarks(ensureSeeded),
];
