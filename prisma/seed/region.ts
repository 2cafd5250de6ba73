/**
 * A region-sized data set: N ordinary schools, students split evenly, each with a year
 * of journal (or the days from `from` to `until`). Streams school by school and cohort by
 * cohort with bounded memory; each school is written in its own transaction.
 */
import type { Db } from "../../lib/db";
import { academicStartYear, buildCalendar, type Day } from "./calendar";
import { uuidv7 } from "./ids";
import { JournalGenerator } from "./journal";
import { buildRegionSchoolPlan } from "./region-plan";
import { BatchWriter, type InsertMode, type SeedClient } from "./sink";
import { writePlan, type PlanClient } from "./write-plan";

export type RegionOptions = {
  schools: number;
  students: number;
  seed: number;
  /** first day of lessons (default: the start of the academic year of `today`) */
  from?: Day;
  /** last day of lessons, all held (default: the last day of lessons of that year) */
  until?: Day;
  /** the day that decides the academic year when `from` is not given */
  today: Day;
  insert: InsertMode;
  batchSize: number;
  /**
   * Schools written at the same time, each in its own transaction on its own connection
   * (PostgreSQL only: PGlite has one connection). Default 1.
   */
  parallel?: number;
  onProgress?: (p: RegionProgress) => void;
};

export type RegionProgress = {
  school: number;
  schools: number;
  rows: number;
  ms: number;
  rowsPerSecond: number;
  heapMb: number;
};

export type RegionSummary = {
  schools: number;
  students: number;
  from: Day;
  until: Day;
  rows: number;
  counts: Record<string, number>;
  ms: number;
  rowsPerSecond: number;
};

export async function seedRegion(db: Db, o: RegionOptions): Promise<RegionSummary> {
  if (!Number.isInteger(o.schools) || o.schools < 1) throw new RangeError("--schools: нужно целое число не меньше 1");
  if (!Number.isInteger(o.students) || o.students < o.schools) throw new RangeError("--students: нужно не меньше одного ученика на школу");
  const startYear = academicStartYear(o.from ?? o.today);
  const calendar = buildCalendar(startYear, 11);
  const from = o.from ?? calendar.start;
  const until = o.until ?? calendar.lastLessonDay;
  if (until < from) throw new RangeError("--until раньше, чем --from");

  const started = performance.now();
  const counts: Record<string, number> = {};
  let rows = 0;
  let done = 0;
  let next = 0;
  const seedSchool = async (k: number): Promise<void> => {
    // The remainder goes to the first schools, one student each.
    const share = Math.floor(o.students / o.schools) + (k < o.students % o.schools ? 1 : 0);
    const plan = buildRegionSchoolPlan(o.seed, k, share, startYear);
    await db.$transaction(
      async (tx) => {
        const client: PlanClient & SeedClient = tx;
        const written = await writePlan(client, plan, until + 1, uuidv7);
        const sink = new BatchWriter(client, o.batchSize, o.insert);
        const journal = new JournalGenerator(plan, written, { today: until + 1, from, to: until, homeworkAhead: 0, newId: uuidv7 }, sink);
        for (let c = 0; c < plan.cohorts.length; c++) {
          journal.cohort(c);
          await sink.flushIfFull();
        }
        journal.finish();
        await sink.flush();
        for (const [t, n] of [...Object.entries(written.counts), ...Object.entries(sink.counts)]) {
          counts[t] = (counts[t] ?? 0) + n;
          rows += n;
        }
      },
      { timeout: 60 * 60_000, maxWait: 60_000 },
    );
    done++;
    const ms = performance.now() - started;
    o.onProgress?.({
      school: done, schools: o.schools, rows, ms, rowsPerSecond: rows / (ms / 1000),
      heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    });
  };
  // A small pool: each worker takes the next school until none is left.
  const workers = Math.max(1, Math.min(o.parallel ?? 1, o.schools));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < o.schools) await seedSchool(next++);
    }),
  );
  // Fresh planner statistics: PGlite has no autovacuum to gather them after a bulk load.
  await db.$executeRawUnsafe("ANALYZE");
  const ms = performance.now() - started;
  return { schools: o.schools, students: o.students, from, until, rows, counts, ms, rowsPerSecond: rows / (ms / 1000) };
}
