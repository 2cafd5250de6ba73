/**
 * Benchmarks of the OneRoster provider (issue 9), on one school of the region data set
 * (the seed benchmarks'):
 *
 * - oneroster-export: the bulk CSV package of the whole school with every file, rosters
 *   and gradebook (exportOneRosterCsv with the administrator's every-scope caller, what
 *   the administrator's download makes). One export first as a warm-up, then 3; the zip
 *   is opened to count the rows of each file. A second pass runs the export's readers one
 *   by one (the roster, each gradebook list, the marks and lessons queries bare, the zip
 *   of the same texts) to show where the time goes, and counts the Prisma operations of
 *   one export.
 * - oneroster-results: GET /classes/{id}/results of the scheduled class (cohort ×
 *   subject) with the most marks, through the provider's pipeline (dispatch with the
 *   gradebook route table) and a caller made by hand, as the integration tests call it:
 *   the first page alone (`limit=100`), then every page walked by `offset`. Next to it,
 *   the whole list of the class built at once (listResults, what a query the database
 *   cannot page — a sort or filter on another field — still runs); and the whole class in
 *   one request (`limit` = the class's count). Pages are read from the database
 *   (lib/oneroster/http.ts `page`, lib/oneroster/gradebook.ts pageResults).
 *
 * Authentication, the rate limit and the call log are not in these figures (they are in
 * the route file, over HTTP); the domain code reads the app's one client, pointed at the
 * bench database with useDb, and imports "server-only", made a no-op here as in
 * documents-benchmarks.ts.
 */

import JSZip from "jszip";

import { useDb, type Db } from "../lib/db";
import { isoOf } from "../prisma/seed/calendar";
import type { ApiCaller } from "../lib/oneroster/caller";
import type { Benchmark, BenchResult, EngineState, Scale } from "./benchmarks";
import type { BenchDb } from "./engines";
import { allowServerOnly, countingClient, percentile, round, withPeakRss } from "./measure";

type Seeder = (db: BenchDb, scale: Scale, state: EngineState) => Promise<NonNullable<EngineState["seeded"]>>;

const EXPORT_RUNS = 3;
const PAGE = 100;
const FIRST_PAGE_RUNS = 50;
const WALKS = 3;
const WARMUP = 5;

async function domain() {
  allowServerOnly();
  const [exporter, write, gradebook, routes, http, rostering, caller, env] = await Promise.all([
    import("../lib/oneroster/csv/export"),
    import("../lib/oneroster/csv/write"),
    import("../lib/oneroster/gradebook"),
    import("../lib/oneroster/gradebook-routes"),
    import("../lib/oneroster/http"),
    import("../lib/oneroster/rostering"),
    import("../lib/oneroster/caller"),
    import("../lib/env"),
  ]);
  return { ...exporter, ...write, ...gradebook, ...routes, ...http, ...rostering, ...caller, ...env };
}

/** A school of the region data set: those have no accounts (the demo school has). */
async function regionSchool(db: Db): Promise<{ id: string; name: string }> {
  return (await db.school.findFirst({ where: { users: { none: {} } }, orderBy: { id: "asc" }, select: { id: true, name: true } }))
    ?? (await db.school.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true, name: true } }));
}

/** Rows of each file of the package (lines after the header: no field holds a line break). */
async function rowsPerFile(zip: Uint8Array): Promise<Record<string, number>> {
  const files = (await JSZip.loadAsync(zip)).files;
  const out: Record<string, number> = {};
  for (const [name, entry] of Object.entries(files)) {
    if (name === "manifest.csv") continue;
    const text = await entry.async("string");
    out[name.replace(/\.csv$/, "")] = (text.match(/\r\n/g)?.length ?? 1) - 1;
  }
  return out;
}

const ms = (t: number): number => round(performance.now() - t);

export function onerosterBenchmarks(ensureSeeded: Seeder): Benchmark[] {
  const exportBench: Benchmark = {
    name: "oneroster-export",
    byDefault: false,
    description: "выгрузка OneRoster CSV (bulk, все файлы: состав и журнал) одной школы региона",
    async run(db, scale, state): Promise<BenchResult[]> {
      const seeded = await ensureSeeded(db, scale, state);
      const d = await domain();
      useDb(db.db);
      const school = await regionSchool(db.db);
      const caller: ApiCaller = d.adminCaller(school.id, "bench");

      const warm = performance.now();
      await d.exportOneRosterCsv(caller, { client: db.db });
      const warmUpMs = ms(warm);

      const times: number[] = [];
      let zip: Uint8Array = new Uint8Array();
      // what the process held before (the seeded data set, with PGlite the database itself)
      const rssBeforeMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
      const { peakRssMb, ms: totalMs } = await withPeakRss(async () => {
        for (let i = 0; i < EXPORT_RUNS; i++) {
          const t = performance.now();
          zip = await d.exportOneRosterCsv(caller, { client: db.db });
          times.push(performance.now() - t);
        }
      });
      const files = await rowsPerFile(zip);
      const rows = Object.values(files).reduce((a, b) => a + b, 0);

      // the same readers one by one, as the export calls them
      const ctx = { db: db.db, caller, origin: d.env.APP_URL.replace(/\/+$/, "") };
      const step = async <T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> => {
        const t = performance.now();
        const result = await work();
        return { ms: ms(t), result };
      };
      const roster = await step(() => d.rosterCollections(caller, db.db));
      const categories = await step(() => d.listCategories(ctx));
      const lineItems = await step(() => d.listLineItems(ctx));
      const results = await step(() => d.listResults(ctx, { kind: "all" }));
      const scales = await step(() => d.listScoreScales(ctx));
      // the two big reads as bare queries (no objects built), and the zip alone on the same texts
      const markRows = await step(() => db.db.mark.findMany({
        where: { schoolId: school.id }, orderBy: { id: "asc" },
        select: { id: true, lessonId: true, studentId: true, cohortId: true, subjectId: true, date: true, kind: true, value: true, text: true, comment: true, removedAt: true, updatedAt: true },
      }));
      const lessonRows = await step(() => db.db.lesson.findMany({
        where: { schoolId: school.id, OR: [{ workTypeId: { not: null } }, { marks: { some: {} } }] },
        orderBy: [{ date: "asc" }, { lessonNumber: "asc" }, { id: "asc" }],
        select: { id: true, cohortId: true, subjectId: true, date: true, topic: true, workTypeId: true, updatedAt: true },
      }));
      const texts = await Promise.all(Object.values((await JSZip.loadAsync(zip)).files).map(async (f) => ({ name: f.name, text: await f.async("string") })));
      const zipOnly = await step(() => d.zipPackage(texts));
      const counting = countingClient(db.db);
      await d.exportOneRosterCsv(caller, { client: counting.client });
      const marks = await db.db.mark.count({ where: { schoolId: school.id } });
      const removedMarks = await db.db.mark.count({ where: { schoolId: school.id, removedAt: { not: null } } });
      const students = await db.db.student.count({ where: { schoolId: school.id } });
      const p50 = percentile(times, 50);

      return [{
        name: "oneroster-export", engine: db.engine, n: rows, unit: "rows", totalMs: round(totalMs), perOpMs: round(totalMs / EXPORT_RUNS),
        rowsPerSecond: Math.round(rows / (p50 / 1000)), p50Ms: round(p50), p95Ms: round(percentile(times, 95)), peakRssMb,
        notes: {
          what: `N = строк во всех файлах одной выгрузки; ${EXPORT_RUNS} выгрузки подряд после одной разогревочной; p50/p95 — на выгрузку`,
          school: school.name, students, marksInDatabase: marks, removedMarks, lessonsFrom: isoOf(seeded.summary.from), lessonsUntil: isoOf(seeded.summary.until),
          zipBytes: zip.byteLength, zipMb: round(zip.byteLength / 2 ** 20, 2), rowsPerFile: files, warmUpMs, rssBeforeMb,
          breakdown: {
            note: "второй проход: те же чтения по одному, без CSV и zip",
            rosterMs: roster.ms, categoriesMs: categories.ms, lineItemsMs: lineItems.ms, resultsMs: results.ms, scoreScalesMs: scales.ms,
            objects: {
              users: roster.result.users.length, enrollments: roster.result.enrollments.length, classes: roster.result.classes.length,
              lineItems: lineItems.result.length, results: results.result.length, scoreScales: scales.result.length,
            },
            marksQueryAloneMs: markRows.ms, lineItemLessonsQueryAloneMs: lessonRows.ms,
            zipMs: zipOnly.ms,
            csvTextMsApprox: round(p50 - roster.ms - Math.max(categories.ms, lineItems.ms, results.ms, scales.ms) - zipOnly.ms),
          },
          prismaOperationsPerExport: counting.count(),
        },
      }];
    },
  };

  const resultsBench: Benchmark = {
    name: "oneroster-results",
    byDefault: false,
    description: "GET /classes/{id}/results класса с наибольшим числом отметок, по страницам (dispatch, в процессе)",
    async run(db, scale, state): Promise<BenchResult[]> {
      await ensureSeeded(db, scale, state);
      const d = await domain();
      useDb(db.db);
      const school = await regionSchool(db.db);
      const caller: ApiCaller = { schoolId: school.id, apiClientId: "", name: "bench", kind: "SCHOOL_TOOL", scopes: [d.SCOPE.gradebookRead] };

      const [top] = await db.db.mark.groupBy({
        by: ["cohortId", "subjectId"], where: { schoolId: school.id }, _count: { id: true }, orderBy: { _count: { id: "desc" } }, take: 1,
      });
      if (!top) throw new Error("the region school has no marks");
      const classId = d.scheduledClassId(top.cohortId, top.subjectId);
      const [cohort, subject] = await Promise.all([
        db.db.cohort.findUniqueOrThrow({ where: { schoolId_id: { schoolId: school.id, id: top.cohortId } }, select: { name: true } }),
        db.db.subject.findUniqueOrThrow({ where: { schoolId_id: { schoolId: school.id, id: top.subjectId } }, select: { name: true } }),
      ]);
      const path = `/classes/${classId}/results`;
      const get = async (offset: number, limit = PAGE) => {
        const search = new URLSearchParams({ limit: String(limit), offset: String(offset) });
        const r = await d.dispatch(caller, "GET", path, search, d.GRADEBOOK_ROUTES, { url: new URL(`${d.GRADEBOOK_BASE}${path}?${search}`, d.env.APP_URL) });
        if (r.status !== 200) throw new Error(`${path}?${search}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
        return { total: Number(r.headers["X-Total-Count"]), ids: (r.body as { results: { sourcedId: string }[] }).results.map((x) => x.sourcedId), bytes: JSON.stringify(r.body).length };
      };

      for (let i = 0; i < WARMUP; i++) await get(0);
      const firstTimes: number[] = [];
      let firstBytes = 0;
      const first = await withPeakRss(async () => {
        for (let i = 0; i < FIRST_PAGE_RUNS; i++) {
          const t = performance.now();
          firstBytes = (await get(0)).bytes;
          firstTimes.push(performance.now() - t);
        }
      });

      const pageTimes: number[] = [];
      const walkTimes: number[] = [];
      let total = 0;
      let pages = 0;
      let seen = 0;
      const walk = await withPeakRss(async () => {
        for (let w = 0; w < WALKS; w++) {
          const started = performance.now();
          const ids = new Set<string>();
          pages = 0;
          for (let offset = 0; ; offset += PAGE) {
            const t = performance.now();
            const page = await get(offset);
            pageTimes.push(performance.now() - t);
            total = page.total;
            pages++;
            for (const id of page.ids) ids.add(id);
            if (offset + PAGE >= page.total) break;
          }
          walkTimes.push(performance.now() - started);
          seen = ids.size;
        }
      });
      if (seen !== total) throw new Error(`the walk saw ${seen} results of ${total}`);

      // the handler alone: what each page does in full before the pipeline slices it
      const ctx = { db: db.db, caller, origin: d.env.APP_URL.replace(/\/+$/, "") };
      const key = d.classKey(classId);
      const handlerTimes: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await d.listResults(ctx, { kind: "class", cls: key });
        handlerTimes.push(performance.now() - t);
      }
      // the whole class in one request (the binding's limit allows it): what a walk costs at least
      const wholeTimes: number[] = [];
      for (let i = 0; i < 10; i++) {
        const t = performance.now();
        await get(0, total);
        wholeTimes.push(performance.now() - t);
      }
      const counting = countingClient(db.db);
      useDb(counting.client);
      try {
        await get(0);
      } finally {
        useDb(db.db);
      }

      const perSecond = (n: number, totalMs: number) => round(n / (totalMs / 1000), 1);
      const firstRow = {
        requests: FIRST_PAGE_RUNS, totalMs: round(first.ms), requestsPerSecond: perSecond(FIRST_PAGE_RUNS, first.ms),
        p50Ms: round(percentile(firstTimes, 50), 2), p95Ms: round(percentile(firstTimes, 95), 2), jsonBytes: firstBytes,
      };
      const common = {
        school: school.name, class: `${cohort.name}, ${subject.name}`, classSourcedId: classId, results: total, pageSize: PAGE, pages,
        handlerAloneP50Ms: round(percentile(handlerTimes, 50), 2), handlerAloneP95Ms: round(percentile(handlerTimes, 95), 2),
        prismaOperationsPerPage: counting.count(),
        wholeClassOneRequestP50Ms: round(percentile(wholeTimes, 50), 1), wholeClassOneRequestP95Ms: round(percentile(wholeTimes, 95), 1),
      };
      return [
        {
          name: "oneroster-results", engine: db.engine, n: pageTimes.length, unit: "queries", totalMs: round(walk.ms), perOpMs: round(walk.ms / pageTimes.length, 2),
          p50Ms: round(percentile(pageTimes, 50), 2), p95Ms: round(percentile(pageTimes, 95), 2), peakRssMb: walk.peakRssMb,
          notes: {
            what: `N = запросов страниц (limit=${PAGE}) при ${WALKS} проходах всех страниц класса; p50/p95 — на страницу`,
            ...common,
            requestsPerSecond: perSecond(pageTimes.length, walk.ms), walkP50Ms: round(percentile(walkTimes, 50)), walkP95Ms: round(percentile(walkTimes, 95)),
            firstPage: firstRow,
          },
        },
        {
          name: "oneroster-results (1-я страница)", engine: db.engine, n: FIRST_PAGE_RUNS, unit: "queries", totalMs: firstRow.totalMs, perOpMs: round(first.ms / FIRST_PAGE_RUNS, 2),
          p50Ms: firstRow.p50Ms, p95Ms: firstRow.p95Ms, peakRssMb: first.peakRssMb,
          notes: { what: `N = запросов первой страницы (limit=${PAGE}, offset=0) после ${WARMUP} разогревочных`, ...common, requestsPerSecond: firstRow.requestsPerSecond },
        },
      ];
    },
  };

  return [exportBench, resultsBench];
}
