/**
 * `npm run bench:http`: the journal and the diary as teachers and families meet them,
 * over HTTP against the production build on PostgreSQL (issues 4 and 5), in a database
 * holding the region-shaped data set (BENCH_SCALE / BENCH_SCHOOLS / BENCH_STUDENTS, as
 * `npm run bench`) next to the demo school:
 *
 * - the grid page of one class × subject × term with 30 students and 60 lessons, rendered
 *   on the server, against a trivial page (/login, no database) and a trivial route
 *   (/api/health, one `SELECT 1`) of the same server in the same run;
 * - saving a mark: a key typed in the grid in Chromium until the cell says «сохранено»
 *   (the server action, its transaction and audit row, and the page's own work);
 * - the family's diary: the week of one child and the marks page, as the demo parent;
 * - the diary on the phone (issue 7): bytes of a first sync and of a day's delta for the
 *   demo parent's two children (the day: a new mark, a corrected one and a removed one for
 *   each child, tests/support/day-of-marks.ts), and of the body the phone sends for the
 *   delta (its screens' hashes, gzipped as the phone does), the JavaScript the /diary page
 *   loads (gzip), and the time from opening /diary/offline with the network cut to the
 *   week on screen. tests/integration/diary-sync-demo.test.ts measures the same bytes
 *   without a build.
 *
 * The demo school is seeded into a fresh database, its 5А mathematics journal of the
 * current term filled up to 30 students and 60 lessons (extra lessons at an eighth hour,
 * marks at the demo's rate); the database is dropped afterwards. Writes
 * bench/results/<date>-http-journal.json; the figures go to docs/benchmarks.md.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";

import { chromium, type Page } from "@playwright/test";

import { seedDemoSchool } from "../prisma/seed/demo-school";
import { Rng } from "../prisma/seed/rng";
import { addDays, dateToDay, dayToDate } from "../lib/time";
import { seedRegion } from "../prisma/seed/region";
import { scaleFromEnv, windowFor } from "./benchmarks";
import type { BenchDb } from "./engines";
import { ensureBuild, openBenchPostgres, startBenchServer } from "./http-kit";
import { percentile, round } from "./measure";
import { findChromium } from "../scripts/find-chromium.mjs";
import { aDayOfMarks } from "../tests/support/day-of-marks";

const PORT = Number(process.env["BENCH_HTTP_PORT"] ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const STUDENTS = 30;
const LESSONS = 60;
const RUNS = Number(process.env["BENCH_HTTP_RUNS"] ?? 40);
const WARMUP = 5;

type Journal = { cohortId: string; subjectId: string; periodId: string; students: number; lessons: number };

/** 5А mathematics of the current term, grown to 30 students and 60 lessons. */
async function growJournal(b: BenchDb, schoolId: string, today: string): Promise<Journal> {
  const { db } = b;
  const cohort = await db.cohort.findFirstOrThrow({ where: { schoolId, name: "5А", kind: "CLASS" } });
  const subject = await db.subject.findFirstOrThrow({ where: { schoolId, name: "Математика" } });
  const period = await db.period.findFirstOrThrow({
    where: { schoolId, kind: { not: "YEAR" }, gradeFrom: { lte: 5 }, gradeTo: { gte: 5 }, startDate: { lte: dayToDate(today) }, endDate: { gte: dayToDate(today) } },
  });
  const year = await db.academicYear.findFirstOrThrow({ where: { schoolId, id: cohort.yearId } });
  const lesson = await db.lesson.findFirstOrThrow({ where: { schoolId, cohortId: cohort.id, subjectId: subject.id } });
  const workType = await db.workType.findFirstOrThrow({ where: { schoolId, code: "LESSON" } });
  const rng = new Rng(4);

  const members = await db.cohortMembership.count({ where: { schoolId, cohortId: cohort.id, endDate: null } });
  for (let i = members; i < STUDENTS; i++) {
    const s = await db.student.create({
      data: { schoolId, lastName: `Нагрузкин-${i}`, firstName: "Пётр", birthDate: new Date("2015-03-01"), gender: "MALE", recordNumber: `BENCH-${i}` },
    });
    await db.cohortMembership.create({ data: { schoolId, cohortId: cohort.id, studentId: s.id, startDate: year.startDate } });
  }
  const inTerm = { schoolId, cohortId: cohort.id, subjectId: subject.id, date: { gte: period.startDate, lte: period.endDate } };
  let count = await db.lesson.count({ where: inTerm });
  const students = await db.cohortMembership.findMany({ where: { schoolId, cohortId: cohort.id, endDate: null }, select: { studentId: true } });
  for (let day = dateToDay(period.startDate); count < LESSONS && day <= dateToDay(period.endDate); day = addDays(day, 1)) {
    const weekday = dayToDate(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const held = day <= today;
    const l = await db.lesson.create({
      data: { schoolId, cohortId: cohort.id, subjectId: subject.id, teacherId: lesson.teacherId, date: dayToDate(day), lessonNumber: 8, status: held ? "HELD" : "PLANNED", topic: "Повторение" },
    });
    count++;
    if (!held) continue;
    const marks = students.filter(() => rng.chance(0.36)).map((m) => ({
      schoolId, lessonId: l.id, studentId: m.studentId, cohortId: cohort.id, subjectId: subject.id, date: l.date,
      workTypeId: workType.id, kind: "NUMERIC" as const, value: rng.int(2, 5), authorId: lesson.teacherId,
    }));
    await db.mark.createMany({ data: marks });
  }
  return { cohortId: cohort.id, subjectId: subject.id, periodId: period.id, students: students.length, lessons: count };
}

async function timeGet(url: string, cookie: string): Promise<{ p50: number; p95: number; mean: number; bytes: number }> {
  const once = async () => {
    const t = performance.now();
    const r = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    const body = await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
    return { ms: performance.now() - t, bytes: body.byteLength };
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await once();
    times.push(r.ms);
    bytes = r.bytes;
  }
  return { p50: round(percentile(times, 50), 1), p95: round(percentile(times, 95), 1), mean: round(times.reduce((a, b) => a + b, 0) / times.length, 1), bytes };
}

/** Types marks into one held lesson's column, row by row, each until its cell is saved. */
async function timeSaves(page: Page): Promise<{ p50: number; p95: number; mean: number; n: number }> {
  const grid = page.getByRole("grid").first();
  const headers = (await grid.getByRole("columnheader").allTextContents()).slice(1);
  const col = headers.findIndex((h) => !/отменён|перенесён/.test(h));
  await grid.getByRole("gridcell").first().focus();
  for (let i = 0; i < col; i++) await page.keyboard.press("ArrowRight");
  const times: number[] = [];
  const rows = await grid.getByRole("row").count();
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const row = (i % (rows - 1)) + 1;
    const cell = grid.getByRole("row").nth(row).getByRole("gridcell").nth(col);
    await cell.focus();
    const name = (await cell.getAttribute("aria-label")) ?? "";
    const value = name.endsWith(": 5") ? "4" : "5";
    const t = performance.now();
    await page.keyboard.press(value);
    await page.keyboard.press("Enter");
    await cell.and(page.locator(`[aria-label$=": ${value}"]`)).waitFor();
    await page.waitForFunction((el) => el?.getAttribute("aria-describedby") && document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent === "сохранено", await cell.elementHandle());
    if (i >= WARMUP) times.push(performance.now() - t);
  }
  return { p50: round(percentile(times, 50), 1), p95: round(percentile(times, 95), 1), mean: round(times.reduce((a, b) => a + b, 0) / times.length, 1), n: times.length };
}

async function main(): Promise<void> {
  ensureBuild();
  const b = await openBenchPostgres();
  const today = dateToDay(new Date());
  const summary = await seedDemoSchool(b.db, { today: new Date() });
  const journal = await growJournal(b, summary.schoolId, summary.today);
  const scale = scaleFromEnv(process.env);
  const w = windowFor(scale);
  console.log(`Данные региона: ${scale.schools} школ × ${scale.students} учеников…`);
  const region = await seedRegion(b.db, { schools: scale.schools, students: scale.students, seed: 1, from: w.from, until: w.until, today: w.today, insert: "unnest", batchSize: 5000 });
  await b.query("ANALYZE");
  // the client stays open: the diary benchmark writes a day of marks while the server runs
  console.log(`Журнал: ${journal.students} учеников × ${journal.lessons} уроков (5А, математика, текущая четверть)`);

  const server = await startBenchServer({ port: PORT, databaseUrl: b.url }).catch(async (e: unknown) => {
    await b.close();
    throw e;
  });
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${BASE}/login`);
    await page.getByLabel("Логин").fill("teacher");
    await page.getByLabel("Пароль").fill("demo2026");
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const gridUrl = `${BASE}/journal/${journal.cohortId}/${journal.subjectId}?period=${journal.periodId}`;

    await page.goto(gridUrl);
    const grid = page.getByRole("grid").first();
    await grid.waitFor();
    const shown = { rows: (await grid.getByRole("row").count()) - 1, columns: (await grid.getByRole("columnheader").count()) - 2 };

    const health = await timeGet(`${BASE}/api/health`, cookie);
    // the sign-in page, as a visitor sees it (signed in, it sends you on)
    const login = await timeGet(`${BASE}/login`, "");
    const gridPage = await timeGet(gridUrl, cookie);
    const saves = await timeSaves(page);

    // the family: the demo parent's diary
    const family = await browser.newContext();
    const fpage = await family.newPage();
    await fpage.goto(`${BASE}/login`);
    await fpage.getByLabel("Логин").fill("parent");
    await fpage.getByLabel("Пароль").fill("demo2026");
    await fpage.getByRole("button", { name: "Войти" }).click();
    await fpage.waitForURL((u) => !u.pathname.startsWith("/login"));
    const familyCookie = (await family.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const diaryWeek = await timeGet(`${BASE}/diary`, familyCookie);
    const diaryMarks = await timeGet(`${BASE}/diary/marks`, familyCookie);
    const familyLogin = await timeGet(`${BASE}/login`, "");

    // the diary on the phone: a first sync, a day of changes, the delta
    // as the phone asks (components/offline/sync.ts): a POST of {since, have}, gzipped
    const syncBody = async (request: object) => {
      const body = gzipSync(JSON.stringify(request));
      const r = await fetch(`${BASE}/api/diary/sync`, {
        method: "POST",
        headers: { cookie: familyCookie, origin: BASE, "content-type": "application/gzip" },
        body,
      });
      const text = await r.text();
      if (r.status !== 200) throw new Error(`sync: ${r.status} ${text.slice(0, 200)}`);
      return { text, json: JSON.parse(text) as { version: string; children: { id: string; screens: { key: string; hash: string }[] }[] } };
    };
    const first = await syncBody({});
    await aDayOfMarks(b.db, summary.schoolId, first.json.children.map((c) => c.id));
    // what the phone holds after the first sync: every screen it was sent, with its hash
    const have = Object.fromEntries(first.json.children.map((c) => [c.id, Object.fromEntries(c.screens.map((x) => [x.key, x.hash]))]));
    const request = { since: first.json.version, have };
    const delta = await syncBody(request);
    const bytes = (t: string) => ({ raw: Buffer.byteLength(t), gzip: gzipSync(t).byteLength });
    const sync = { children: first.json.children.length, first: bytes(first.text), delta: bytes(delta.text), deltaRequest: bytes(JSON.stringify(request)) };

    // the JavaScript of the diary page, as the browser loads it (gzip, as the server sends it)
    const diaryHtml = await (await fetch(`${BASE}/diary`, { headers: { cookie: familyCookie } })).text();
    // every <script src>, and apart from them the ones marked noModule (the framework's
    // polyfills, which a browser with ES modules — any phone of the last years — never loads)
    const tags = [...diaryHtml.matchAll(/<script([^>]*)\ssrc="([^"]+\.js[^"]*)"[^>]*>/g)].map((m) => ({ src: m[2] ?? "", noModule: /\bnoModule\b/i.test(m[0]) }));
    const scripts = [...new Map(tags.filter((t) => t.src).map((t) => [t.src, t])).values()];
    let jsRaw = 0;
    let jsGzip = 0;
    let modernGzip = 0;
    for (const { src, noModule } of scripts) {
      const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
      const gz = gzipSync(body).byteLength;
      jsRaw += body.byteLength;
      jsGzip += gz;
      if (!noModule) modernGzip += gz;
    }
    const diaryJs = { files: scripts.length, raw: jsRaw, gzip: jsGzip, modernGzip, noModuleFiles: scripts.filter((t) => t.noModule).length };

    // the week from the device with the network cut: after one online visit (which syncs)
    await fpage.goto(`${BASE}/diary`);
    await fpage.waitForFunction(() => localStorage.getItem("zhurnal.offline.syncedAt") !== null, undefined, { timeout: 30_000 });
    await fpage.goto(`${BASE}/diary/offline`);
    const offlineTimes: number[] = [];
    await family.setOffline(true);
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await fpage.reload();
      await fpage.getByRole("heading", { level: 2, name: "Расписание и задания" }).waitFor();
      offlineTimes.push(performance.now() - t);
    }
    await family.setOffline(false);
    const offlineOpen = { p50: round(percentile(offlineTimes, 50), 1), p95: round(percentile(offlineTimes, 95), 1), n: offlineTimes.length };
    const result = {
      date: new Date().toISOString(), today,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, loadAverage: loadavg().map((x) => round(x, 2)) },
      region: { schools: scale.schools, students: scale.students, rows: region.rows },
      journal: { ...journal, shown }, runs: RUNS,
      get: { "/api/health": health, "/login": login, grid: gridPage, "/diary": diaryWeek, "/diary/marks": diaryMarks, "/login (family run)": familyLogin },
      ratio: {
        gridToLogin: round(gridPage.p50 / login.p50, 2), gridToHealth: round(gridPage.p50 / health.p50, 2),
        diaryWeekToLogin: round(diaryWeek.p50 / familyLogin.p50, 2), diaryMarksToLogin: round(diaryMarks.p50 / familyLogin.p50, 2),
      },
      saveMark: saves,
      sync, diaryJs, offlineOpen,
    };
    console.table({
      "/api/health": health, "/login": login, [`grid ${shown.rows}×${shown.columns}`]: gridPage, "save a mark (browser)": saves,
      "/diary (week)": diaryWeek, "/diary/marks": diaryMarks, "/login (family run)": familyLogin,
    });
    console.log(
      `sync for ${sync.children} children: first ${sync.first.raw} B (${sync.first.gzip} B gzip), a day's delta ${sync.delta.raw} B (${sync.delta.gzip} B gzip), ` +
        `the phone's request for it ${sync.deltaRequest.raw} B (${sync.deltaRequest.gzip} B gzip)`,
    );
    console.log(`/diary JavaScript: ${diaryJs.files} files, ${diaryJs.raw} B, ${diaryJs.gzip} B gzip (without the ${diaryJs.noModuleFiles} noModule polyfill file(s) a modern browser skips: ${diaryJs.modernGzip} B gzip); offline open to the week: p50 ${offlineOpen.p50} ms, p95 ${offlineOpen.p95} ms`);
    console.log(`grid / login p50: ${result.ratio.gridToLogin}×; grid / health p50: ${result.ratio.gridToHealth}×; diary week / login: ${result.ratio.diaryWeekToLogin}×; marks / login: ${result.ratio.diaryMarksToLogin}×`);
    const dir = join(process.cwd(), "bench", "results");
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${today}-http.json`);
    await writeFile(file, JSON.stringify(result, null, 2));
    console.log(`Записано: ${file}`);
  } finally {
    await browser.close();
    await server.stop();
    await b.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

