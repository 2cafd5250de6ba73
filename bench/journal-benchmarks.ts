/**
 * Benchmarks of the journal (issue 4): the suggested period marks of every student in
 * every subject of the region at once (lib/journal/finals-batch-query.ts), school by
 * school, for every period the seeded data reaches. Runs on the region-shaped data set
 * the seed benchmarks made (or makes it first).
 */
import { suggestSchoolPeriodFinals } from "../lib/journal/finals-batch-query";
import { isoOf } from "../prisma/seed/calendar";
import type { Benchmark, BenchResult, EngineState, Scale } from "./benchmarks";
import type { BenchDb } from "./engines";
import { percentile, round, withPeakRss } from "./measure";

type Seeder = (db: BenchDb, scale: Scale, state: EngineState) => Promise<NonNullable<EngineState["seeded"]>>;

async function measure(db: BenchDb, perSchool: Map<string, string[]>, periods: number, concurrency: number): Promise<BenchResult> {
  const times: number[] = [];
  const byMark: Record<string, number> = {};
  let suggestions = 0;
  const students = new Set<string>();
  const queue = [...perSchool];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [schoolId, ids] = next;
      const t = performance.now();
      for (const periodId of ids) {
        const r = await suggestSchoolPeriodFinals(db.db, schoolId, periodId);
        suggestions += r.suggestions.length;
        for (const s of r.suggestions) {
          students.add(s.studentId);
          const k = s.mark.kind === "NUMERIC" ? String(s.mark.value) : s.mark.kind;
          byMark[k] = (byMark[k] ?? 0) + 1;
        }
      }
      times.push(performance.now() - t);
    }
  };
  const { peakRssMb, ms } = await withPeakRss(() => Promise.all(Array.from({ length: concurrency }, worker)));
  const perStudent = suggestions / Math.max(1, students.size);
  const rate = suggestions / (ms / 1000);
  return {
    name: concurrency > 1 ? `finals-region (${concurrency} школы сразу)` : "finals-region", engine: db.engine, n: suggestions, unit: "rows", totalMs: round(ms),
    rowsPerSecond: Math.round(rate), p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), peakRssMb,
    notes: {
      what: "N = предложенных отметок (ученик × предмет × период); p50/p95 — на одну школу",
      concurrency, schools: perSchool.size, periods, students: students.size, suggestionsPerStudent: round(perStudent, 1), marks: byMark,
      estimateFullRegion: {
        note: "оценка по измеренной скорости: 100 000 учеников с тем же числом предметов и периодов",
        seconds: round((100_000 * perStudent) / rate, 1),
      },
    },
  };
}

export function journalBenchmarks(ensureSeeded: Seeder): Benchmark[] {
  const finalsRegion: Benchmark = {
    name: "finals-region",
    byDefault: true,
    description: "предлагаемые четвертные / полугодовые отметки всех учеников по всем предметам региона",
    async run(db, scale, state): Promise<BenchResult[]> {
      const seeded = await ensureSeeded(db, scale, state);
      const until = isoOf(seeded.summary.until);
      // the periods (not the year) that had begun by the last seeded day, per school
      const periods = await db.db.period.findMany({
        where: { kind: { not: "YEAR" }, startDate: { lte: new Date(`${until}T00:00:00Z`) } },
        orderBy: [{ schoolId: "asc" }, { startDate: "asc" }],
        select: { schoolId: true, id: true, name: true },
      });
      const perSchool = new Map<string, string[]>();
      for (const p of periods) perSchool.set(p.schoolId, [...(perSchool.get(p.schoolId) ?? []), p.id]);
      // one school after another, and on PostgreSQL also two at once (a worker per core)
      const rows: BenchResult[] = [];
      for (const concurrency of db.engine === "postgresql" ? [1, 2] : [1]) {
        rows.push(await measure(db, perSchool, periods.length, concurrency));
      }
      return rows;
    },
  };
  return [finalsRegion];
}
