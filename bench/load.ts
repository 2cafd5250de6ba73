/**
 * `npm run load`: the morning rush (issue 10). Many families and teachers at once against
 * the production build on PostgreSQL, in a database holding the region-shaped data set
 * (BENCH_SCALE / BENCH_SCHOOLS / BENCH_STUDENTS, as `npm run bench`) with lessons and
 * marks up to today, so that the diary's week and the journal's current term are full.
 *
 * The mix, as at 8:00 on a school day (LOAD_MIX overrides the weights):
 * - families: the diary's week (/diary?child=…), the marks page (/diary/marks?child=…),
 *   and the offline diary's delta sync (POST /api/diary/sync with the phone's `since` and
 *   `have`, gzipped as components/offline/sync.ts sends it);
 * - teachers: the journal grid (/journal/<cohortId>/<subjectId>, the current term) and
 *   saving a mark through the grid's own server action (saveCellAction, called as the
 *   browser calls it: a POST to the page with the action id in the Next-Action header and
 *   the arguments as React encodes a FormData argument);
 * - /api/health (one `SELECT 1`), the trivial route of the same server, in the same run.
 *
 * Accounts: LOAD_FAMILIES guardians and LOAD_TEACHERS teachers of the region get a User
 * row (no password) and, for the guardians, a consent on paper for each child; their
 * session cookies are minted with the server's secret exactly as next-auth writes them
 * (lib/auth/next-auth.ts: a JWE of {uid, sv}), so no sign-in traffic enters the figures.
 *
 * Each load phase is a closed loop: C connections (keep-alive), each sends its next
 * request when the last one is answered, for a fixed time, then stops. Per concurrency
 * level in LOAD_CONNECTIONS: /api/health alone (the trivial route's own ceiling), then
 * the mix. An error is any answer that is not 2xx (a redirect here means a lost session
 * or the consent page), a save answered {ok:false}, or no answer in 30 s.
 *
 * Then the open loop (LOAD_RATES, default "20,30,40,50" requests per second): the mix
 * arriving as a Poisson stream at each rate for LOAD_SECONDS, each request timed from the
 * moment it was due; a rate is held when every route's p99 is under 300 ms with no error
 * and the server kept up (answered at least 90 % of the rate). The highest rate held is
 * the server's capacity for the morning, next to the trivial route's closed-loop ceiling.
 *
 * Then one request at a time per route with every SQL statement logged by PostgreSQL
 * for this database only (ALTER DATABASE … SET log_min_duration_statement = 0, read from
 * LOAD_PG_LOG): statements per request and where the database time goes.
 *
 * With LOAD_CPU_SECONDS=N, the mix once more for N s at the first level with the server
 * under V8's profiler (Next's NEXT_CPU_PROF): its thread's time by function.
 *
 * Knobs: LOAD_CONNECTIONS (default "10,25,50"), LOAD_SECONDS (60), LOAD_TRIVIAL_SECONDS
 * (20), LOAD_WARMUP_SECONDS (10), LOAD_FAMILIES (400), LOAD_TEACHERS (40), LOAD_MIX
 * ("diary-sync=40,health=5"…), LOAD_PROFILE_REQUESTS (20; 0 skips), LOAD_PG_LOG,
 * LOAD_PORT (3300). LOAD_LOCK=<file> holds that file with flock(1) while the build, the
 * server and the load run (a machine shared with browser tests that need the CPU to
 * themselves); the seeding before it does not hold it. The database is dropped at the
 * end. Writes bench/results/<date>-load.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { encode } from "next-auth/jwt";

import { consentBodyHash, defaultConsentText } from "../lib/consent/default-text";
import { uuidv7 } from "../prisma/seed/ids";
import { seedRegion } from "../prisma/seed/region";
import { Rng } from "../prisma/seed/rng";
import { isoOf } from "../prisma/seed/calendar";
import { scaleFromEnv, windowFor } from "./benchmarks";
import type { BenchDb } from "./engines";
import { BENCH_AUTH_SECRET, ensureBuild, openBenchPostgres, startBenchServer, type BenchServer } from "./http-kit";
import { percentile, round } from "./measure";
import { root } from "../scripts/lib.mjs";

const int = (name: string, fallback: number): number => {
  const v = process.env[name];
  return v && /^\d+$/.test(v) ? Number(v) : fallback;
};
const PORT = int("LOAD_PORT", 3300);
const LEVELS = (process.env["LOAD_CONNECTIONS"] ?? "10,25,50").split(",").map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const SECONDS = int("LOAD_SECONDS", 60);
const TRIVIAL_SECONDS = int("LOAD_TRIVIAL_SECONDS", 20);
const WARMUP_SECONDS = int("LOAD_WARMUP_SECONDS", 10);
const FAMILIES = int("LOAD_FAMILIES", 400);
const TEACHERS = int("LOAD_TEACHERS", 40);
const PROFILE_REQUESTS = int("LOAD_PROFILE_REQUESTS", 20);
const PG_LOG = process.env["LOAD_PG_LOG"] ?? "/var/log/postgresql/postgresql-15-main.log";
const LOCK = process.env["LOAD_LOCK"];
const CPU_SECONDS = int("LOAD_CPU_SECONDS", 0);
/** open-loop arrival rates of the mix, requests per second (empty: none); see `phase` */
const RATES = (process.env["LOAD_RATES"] ?? "20,30,40,50").split(",").map((x) => Number(x.trim())).filter((n) => Number.isFinite(n) && n > 0);
const TIMEOUT_MS = 30_000;
const SESSION_COOKIE = "authjs.session-token";
const SAVE_ACTION = { file: "app/(staff)/journal/[cohortId]/[subjectId]/actions.ts", name: "saveCellAction" };

type RouteName = "diary-week" | "diary-marks" | "diary-sync" | "journal-grid" | "journal-save" | "health";
const ROUTES: readonly RouteName[] = ["diary-week", "diary-marks", "diary-sync", "journal-grid", "journal-save", "health"];
const LABEL: Record<RouteName, string> = {
  "diary-week": "GET /diary?child=… (week)",
  "diary-marks": "GET /diary/marks?child=…",
  "diary-sync": "POST /api/diary/sync (delta)",
  "journal-grid": "GET /journal/<class>/<subject>",
  "journal-save": "POST saveCellAction (a mark)",
  health: "GET /api/health",
};
/** requests in a hundred at 8:00: families far outnumber teachers, and a phone syncs on each open */
const DEFAULT_MIX: Record<RouteName, number> = { "diary-week": 30, "diary-marks": 15, "diary-sync": 25, "journal-grid": 8, "journal-save": 12, health: 10 };

function mixFromEnv(): Record<RouteName, number> {
  const mix = { ...DEFAULT_MIX };
  for (const part of (process.env["LOAD_MIX"] ?? "").split(",").filter(Boolean)) {
    const [k, v] = part.split("=");
    if (k && (ROUTES as readonly string[]).includes(k) && v && /^\d+$/.test(v)) mix[k as RouteName] = Number(v);
  }
  return mix;
}

type Family = { userId: string; schoolId: string; children: string[]; cookie: string; syncBody?: { body: Buffer; type: string } };
/** `scale`: the subject's marks, so that each save types what the grid accepts for it («4», «зач») */
type Teacher = { userId: string; schoolId: string; cohortId: string; subjectId: string; scale: string; lessons: string[]; students: string[]; cookie: string };
/** `who`: the account (or "monitor") whose browser sends it: in the open loop each has its own connections */
type Req = { who: string; method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: Buffer; ok?: (body: string) => boolean };
type Answer = { status: number; ms: number; body: string; error?: string };

// ---------------------------------------------------------------- accounts

async function mintCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId, uid: userId, sv: 1 }, secret: BENCH_AUTH_SECRET, salt: SESSION_COOKIE, maxAge: 12 * 3600 });
  return `${SESSION_COOKIE}=${token}`;
}

/** Guardians with their current children, a fixed sample spread over the schools; accounts and consent for them. */
async function makeFamilies(b: BenchDb, n: number): Promise<Family[]> {
  const rows = await b.query<{ schoolId: string; guardianId: string; children: string[] }>(
    `SELECT gs."schoolId", gs."guardianId", array_agg(gs."studentId"::text ORDER BY gs."studentId") AS children
       FROM "Guardianship" gs
      WHERE gs."endDate" IS NULL
      GROUP BY gs."schoolId", gs."guardianId"
      ORDER BY md5(gs."guardianId"::text)
      LIMIT $1`,
    [n],
  );
  const schools = await b.query<{ id: string; name: string; address: string | null }>(`SELECT id, name, address FROM "School"`);
  const textOf = new Map<string, string>();
  for (const s of schools) {
    const draft = defaultConsentText({ name: s.name, address: s.address ?? "" });
    const id = uuidv7();
    textOf.set(s.id, id);
    await b.db.consentText.create({ data: { schoolId: s.id, id, version: 1, ...draft, bodySha256: consentBodyHash(draft.body), validFrom: new Date(Date.now() - 90 * 86_400_000) } });
  }
  const families: Family[] = rows.map((r) => ({ userId: uuidv7(), schoolId: r.schoolId, children: r.children, cookie: "" }));
  await b.db.user.createMany({
    data: rows.map((r, i) => ({ id: families[i]?.userId, schoolId: r.schoolId, login: `load-family-${i + 1}`, kind: "GUARDIAN" as const, guardianId: r.guardianId })),
  });
  let number = 0;
  await b.db.consentEvent.createMany({
    data: rows.flatMap((r) =>
      r.children.map((studentId) => ({
        schoolId: r.schoolId, guardianId: r.guardianId, studentId, textId: textOf.get(r.schoolId) ?? "", decision: "GRANTED" as const, form: "PAPER" as const,
        documentNumber: `Н-${++number}`, documentDate: new Date(Date.now() - 80 * 86_400_000), at: new Date(Date.now() - 80 * 86_400_000),
      })),
    ),
  });
  for (const f of families) f.cookie = await mintCookie(f.userId);
  return families;
}

/** Teachers of a class and subject with lessons held this term; accounts, and the cells they will write. */
async function makeTeachers(b: BenchDb, n: number, today: string): Promise<Teacher[]> {
  const rows = await b.query<{ schoolId: string; staffId: string; cohortId: string; subjectId: string; scale: string; termStart: string }>(
    `SELECT DISTINCT ON (ct."staffId") ct."schoolId", ct."staffId", ci."cohortId", ci."subjectId", ci.scale::text AS scale, to_char(p."startDate", 'YYYY-MM-DD') AS "termStart"
       FROM "CurriculumTeacher" ct
       JOIN "CurriculumItem" ci ON ci."schoolId" = ct."schoolId" AND ci.id = ct."curriculumItemId"
       JOIN "Cohort" c ON c."schoolId" = ci."schoolId" AND c.id = ci."cohortId" AND c.kind = 'CLASS'
       JOIN "Staff" s ON s."schoolId" = ct."schoolId" AND s.id = ct."staffId" AND 'TEACHER' = ANY (s.roles)
       JOIN "Period" p ON p."schoolId" = c."schoolId" AND p."yearId" = c."yearId" AND p.kind <> 'YEAR'
                      AND p."startDate" <= $1::date AND p."endDate" >= $1::date AND c.grade BETWEEN p."gradeFrom" AND p."gradeTo"
      WHERE EXISTS (SELECT 1 FROM "Lesson" l WHERE l."schoolId" = ci."schoolId" AND l."cohortId" = ci."cohortId" AND l."subjectId" = ci."subjectId"
                       AND l.status = 'HELD' AND l.date >= p."startDate")
      ORDER BY ct."staffId", md5(ci.id::text)`,
    [today],
  );
  rows.sort((x, y) => (hashOf(x.staffId) < hashOf(y.staffId) ? -1 : 1));
  const teachers: Teacher[] = [];
  for (const r of rows.slice(0, n)) {
    const lessons = await b.query<{ id: string }>(
      `SELECT id FROM "Lesson" WHERE "schoolId" = $1 AND "cohortId" = $2 AND "subjectId" = $3 AND status = 'HELD' AND date >= $4::date ORDER BY date DESC LIMIT 10`,
      [r.schoolId, r.cohortId, r.subjectId, r.termStart],
    );
    const students = await b.query<{ studentId: string }>(
      `SELECT "studentId" FROM "CohortMembership" WHERE "schoolId" = $1 AND "cohortId" = $2 AND "endDate" IS NULL`,
      [r.schoolId, r.cohortId],
    );
    teachers.push({ userId: uuidv7(), schoolId: r.schoolId, cohortId: r.cohortId, subjectId: r.subjectId, scale: r.scale, lessons: lessons.map((l) => l.id), students: students.map((s) => s.studentId), cookie: "" });
  }
  await b.db.user.createMany({
    data: teachers.map((t, i) => ({ id: t.userId, schoolId: t.schoolId, login: `load-teacher-${i + 1}`, kind: "TEACHER" as const, staffId: rows[i]?.staffId })),
  });
  for (const t of teachers) t.cookie = await mintCookie(t.userId);
  return teachers;
}

function hashOf(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, "0");
}

// ---------------------------------------------------------------- requests

/** The id Next gave the grid's save action in this build. */
function saveActionId(): string {
  const manifest = JSON.parse(readFileSync(join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === SAVE_ACTION.file && v.exportedName === SAVE_ACTION.name);
  if (!found) throw new Error(`${SAVE_ACTION.name} is not in the build's server-reference-manifest.json`);
  return found[0];
}

/** `(null, formData)` as React's encodeReply sends a FormData argument: its fields prefixed "_1_", the root "0" refers to it. */
function actionBody(fields: Record<string, string>): { body: Buffer; type: string } {
  const boundary = `----zhurnal-load-${randomBytes(8).toString("hex")}`;
  const all: [string, string][] = [...Object.entries(fields).map(([k, v]): [string, string] => [`_1_${k}`, v]), ["0", JSON.stringify([null, "$K1"])]];
  const text = all.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`;
  return { body: Buffer.from(text), type: `multipart/form-data; boundary=${boundary}` };
}

/** The phone's sync body: JSON, gzipped from 1 KB on (components/offline/sync.ts). */
function syncBody(request: object): { body: Buffer; type: string } {
  const json = JSON.stringify(request);
  return json.length < 1024 ? { body: Buffer.from(json), type: "application/json" } : { body: gzipSync(json), type: "application/gzip" };
}

/** What a teacher types into a cell of this subject: a mark of its scale, or an absence where it has none. */
function markInput(scale: string, rng: Rng): string {
  if (scale === "FIVE_POINT") return String(rng.int(2, 5));
  if (scale === "PASS_FAIL") return rng.pick(["зач", "зач", "незач"]);
  return "н";
}

class Traffic {
  constructor(
    private readonly base: string,
    private readonly families: Family[],
    private readonly teachers: Teacher[],
    private readonly actionId: string,
  ) {}

  make(route: RouteName, rng: Rng): Req {
    const f = rng.pick(this.families);
    const t = rng.pick(this.teachers);
    switch (route) {
      case "diary-week":
        return { who: f.userId, method: "GET", path: `/diary?child=${rng.pick(f.children)}`, headers: { cookie: f.cookie } };
      case "diary-marks":
        return { who: f.userId, method: "GET", path: `/diary/marks?child=${rng.pick(f.children)}`, headers: { cookie: f.cookie } };
      case "diary-sync": {
        const body = f.syncBody ?? syncBody({});
        return { who: f.userId, method: "POST", path: "/api/diary/sync", headers: { cookie: f.cookie, origin: this.base, accept: "application/json", "content-type": body.type }, body: body.body };
      }
      case "journal-grid":
        return { who: t.userId, method: "GET", path: `/journal/${t.cohortId}/${t.subjectId}`, headers: { cookie: t.cookie } };
      case "journal-save": {
        const { body, type } = actionBody({ lessonId: rng.pick(t.lessons), studentId: rng.pick(t.students), input: markInput(t.scale, rng) });
        return {
          who: t.userId, method: "POST", path: `/journal/${t.cohortId}/${t.subjectId}`,
          headers: { cookie: t.cookie, origin: this.base, accept: "text/x-component", "next-action": this.actionId, "content-type": type },
          body, ok: (text) => text.includes('"ok":true'),
        };
      }
      case "health":
        return { who: "monitor", method: "GET", path: "/api/health", headers: {} };
    }
  }
}

function send(agent: http.Agent, base: URL, r: Req): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...r.headers };
    if (r.body) headers["content-length"] = String(r.body.byteLength);
    const req = http.request({ host: base.hostname, port: base.port, path: r.path, method: r.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", (e) => resolve({ status: 0, ms: performance.now() - started, body: "", error: e.message }));
    });
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve({ status: 0, ms: performance.now() - started, body: "", error: e.message }));
    if (r.body) req.write(r.body);
    req.end();
  });
}

function isOk(r: Req, a: Answer): boolean {
  return a.status >= 200 && a.status < 300 && (!r.ok || r.ok(a.body));
}

// ---------------------------------------------------------------- a load phase

type RouteStats = {
  requests: number; perSecond: number; p50: number; p95: number; p99: number; max: number;
  errors: number; statuses: Record<string, number>; kbPerResponse: number;
};
type Phase = {
  /** closed loop: the number of connections; open loop: 0, and `rate` is set */
  name: string; connections: number; rate?: number; seconds: number; requests: number; perSecond: number; errors: number;
  routes: Partial<Record<RouteName, RouteStats>>;
  /** of one core, over the phase; the machine's of both cores (other work on it included) */
  cpu: { machineBusyPct: number; serverPct: number; postgresPct: number; generatorPct: number };
  firstErrors: string[];
};

/** CPU time (ticks) of a process and its descendants, from /proc. */
function treeTicks(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += Number(fields[11]) + Number(fields[12]);
      for (const task of readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(task));
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return total;
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * One load phase. Closed loop (`connections`): C connections, each sends its next request
 * when the last is answered — the server's ceiling at that concurrency. Open loop (`rate`):
 * requests arrive as a Poisson stream at R per second whatever the server does, each on a
 * connection of its own if need be, as families' phones arrive at 8:00; a request's time
 * counts from the moment it was due, so a server that falls behind is charged for the
 * wait (no coordinated omission). "p99 under 300 ms at R requests per second" is read off
 * the open loop.
 */
async function phase(o: {
  name: string; base: string; server: ChildProcess; connections: number; rate?: number; seconds: number; mix: Partial<Record<RouteName, number>>;
  traffic: Traffic; seed: number; dbPids: () => Promise<number[]>;
}): Promise<Phase> {
  const base = new URL(o.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(1, o.connections) });
  const weighted = Object.entries(o.mix).filter(([, w]) => (w ?? 0) > 0) as [RouteName, number][];
  const samples = new Map<RouteName, { ms: number[]; errors: number; statuses: Record<string, number>; bytes: number }>();
  const firstErrors: string[] = [];
  const ticksPerSecond = 100;
  const pg0 = new Map((await o.dbPids()).map((pid) => [pid, treeTicks(pid)]));
  const cpu0 = { machine: machineTicks(), server: treeTicks(o.server.pid ?? 0), self: process.cpuUsage() };
  const started = performance.now();
  const until = started + o.seconds * 1000;
  const record = (route: RouteName, req: Req, a: Answer) => {
    const s = samples.get(route) ?? { ms: [], errors: 0, statuses: {}, bytes: 0 };
    samples.set(route, s);
    s.ms.push(a.ms);
    s.bytes += Buffer.byteLength(a.body);
    const cls = a.status === 0 ? "no answer" : `${Math.floor(a.status / 100)}xx`;
    s.statuses[cls] = (s.statuses[cls] ?? 0) + 1;
    if (!isOk(req, a)) {
      s.errors++;
      if (firstErrors.length < 5) firstErrors.push(`${route} ${a.status} ${a.error ?? a.body.slice(0, 160).replace(/\s+/g, " ")}`);
    }
  };
  // open loop: every family's and teacher's browser has connections of its own (two, kept
  // alive), as phones and classroom computers do, so the server processes each get their
  // share of the connections rather than of one shared pool
  const browsers = new Map<string, http.Agent>();
  const browserOf = (who: string) => {
    let a = browsers.get(who);
    // an idle connection is closed after 4 s, before the server's keep-alive time (5 s)
    // ends it: otherwise a request may go out on a socket the server is closing this
    // very moment («socket hang up», which a browser retries unseen)
    if (!a) browsers.set(who, (a = new http.Agent({ keepAlive: true, maxSockets: 2, timeout: 4000 })));
    return a;
  };
  if (o.rate) {
    const rng = new Rng(o.seed * 1000);
    const pending: Promise<void>[] = [];
    let due = started;
    for (;;) {
      due += (-Math.log(1 - rng.next()) * 1000) / o.rate;
      if (due >= until) break;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const route = rng.weighted(weighted);
      const req = o.traffic.make(route, rng);
      const at = due;
      pending.push(send(browserOf(req.who), base, req).then((a) => record(route, req, { ...a, ms: performance.now() - at })));
    }
    await Promise.all(pending);
  } else {
    await Promise.all(
      Array.from({ length: o.connections }, async (_, k) => {
        const rng = new Rng(o.seed * 1000 + k);
        while (performance.now() < until) {
          const route = rng.weighted(weighted);
          const req = o.traffic.make(route, rng);
          record(route, req, await send(agent, base, req));
        }
      }),
    );
  }
  const elapsed = (performance.now() - started) / 1000;
  const machine = machineTicks();
  const serverTicks = treeTicks(o.server.pid ?? 0) - cpu0.server;
  const self = process.cpuUsage(cpu0.self);
  // the database's backends of this server (a backend opened during the phase counts whole)
  let pgTicks = 0;
  for (const pid of await o.dbPids()) pgTicks += treeTicks(pid) - (pg0.get(pid) ?? 0);
  agent.destroy();
  for (const a of browsers.values()) a.destroy();
  const routes: Partial<Record<RouteName, RouteStats>> = {};
  let requests = 0;
  let errors = 0;
  for (const route of ROUTES) {
    const s = samples.get(route);
    if (!s) continue;
    requests += s.ms.length;
    errors += s.errors;
    routes[route] = {
      requests: s.ms.length, perSecond: round(s.ms.length / elapsed, 1),
      p50: round(percentile(s.ms, 50), 1), p95: round(percentile(s.ms, 95), 1), p99: round(percentile(s.ms, 99), 1), max: round(Math.max(...s.ms), 1),
      errors: s.errors, statuses: s.statuses, kbPerResponse: round(s.bytes / s.ms.length / 1024, 1),
    };
  }
  return {
    name: o.name, connections: o.connections, ...(o.rate ? { rate: o.rate } : {}), seconds: round(elapsed, 1), requests, perSecond: round(requests / elapsed, 1), errors, routes,
    cpu: {
      machineBusyPct: round(((machine.busy - cpu0.machine.busy) / Math.max(1, machine.total - cpu0.machine.total)) * 100, 0),
      serverPct: round((serverTicks / ticksPerSecond / elapsed) * 100, 0),
      postgresPct: round((pgTicks / ticksPerSecond / elapsed) * 100, 0),
      generatorPct: round(((self.user + self.system) / 1e6 / elapsed) * 100, 0),
    },
    firstErrors,
  };
}

function printPhase(p: Phase): void {
  console.log(`\n${p.name}: ${p.rate ? `${p.rate} req/s arriving` : `${p.connections} connections`}, ${p.seconds} s, ${p.requests} requests, ${p.perSecond}/s, errors ${p.errors}; CPU: machine ${p.cpu.machineBusyPct} % of 2 cores; of one core: server ${p.cpu.serverPct} %, PostgreSQL ${p.cpu.postgresPct} %, load generator ${p.cpu.generatorPct} %`);
  console.table(Object.fromEntries(Object.entries(p.routes).map(([k, s]) => [LABEL[k as RouteName], { "req/s": s.perSecond, p50: s.p50, p95: s.p95, p99: s.p99, max: s.max, errors: s.errors, KB: s.kbPerResponse }])));
  for (const e of p.firstErrors) console.log(`  ошибка: ${e}`);
}

// ---------------------------------------------------------------- profile: statements per request

type Statement = { sql: string; count: number; ms: number };
type Profile = { route: RouteName; requests: number; wallMsMedian: number; statementsPerRequest: number; dbMsPerRequest: number; top: Statement[]; frequent: Statement[] };

function readFrom(file: string, offset: number): string {
  const size = statSync(file).size;
  if (size <= offset) return "";
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    return buf.toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** Statements of one database in a piece of the server's log (log_min_duration_statement = 0). */
function parseLog(text: string, database: string): { statements: number; ms: number; by: Map<string, Statement> } {
  const by = new Map<string, Statement>();
  let statements = 0;
  let ms = 0;
  const re = new RegExp(`@${database} LOG:  duration: ([\\d.]+) ms  (parse|bind|execute|statement)([^:]*): (.*)$`);
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) {
    const m = re.exec(line);
    if (!m) continue;
    const d = Number(m[1]);
    // a statement written from a template string starts on the next line(s), indented
    let first = (m[4] ?? "").trim();
    for (let k = i + 1; !first && k < lines.length && /^\s/.test(lines[k] ?? ""); k++) first = (lines[k] ?? "").trim();
    const sql = first.replace(/\$\d+/g, "$").replace(/\s+/g, " ").slice(0, 160);
    ms += d;
    const s = by.get(sql) ?? { sql, count: 0, ms: 0 };
    by.set(sql, s);
    s.ms += d;
    if (m[2] === "execute" || m[2] === "statement") {
      statements++;
      s.count++;
    }
  }
  return { statements, ms, by };
}

async function profile(o: { base: string; traffic: Traffic; database: string }): Promise<Profile[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const base = new URL(o.base);
  const out: Profile[] = [];
  for (const route of ROUTES) {
    const rng = new Rng(77);
    for (let i = 0; i < 3; i++) await send(agent, base, o.traffic.make(route, rng));
    await new Promise((r) => setTimeout(r, 300));
    const offset = statSync(PG_LOG).size;
    const times: number[] = [];
    for (let i = 0; i < PROFILE_REQUESTS; i++) {
      const req = o.traffic.make(route, rng);
      const a = await send(agent, base, req);
      if (!isOk(req, a)) throw new Error(`profile ${route}: ${a.status} ${a.body.slice(0, 200)}`);
      times.push(a.ms);
    }
    // the server writes its log lines a moment after the answer
    await new Promise((r) => setTimeout(r, 500));
    const log = parseLog(readFrom(PG_LOG, offset), o.database);
    out.push({
      route, requests: PROFILE_REQUESTS, wallMsMedian: round(percentile(times, 50), 1),
      statementsPerRequest: round(log.statements / PROFILE_REQUESTS, 1), dbMsPerRequest: round(log.ms / PROFILE_REQUESTS, 2),
      top: [...log.by.values()].sort((x, y) => y.ms - x.ms).slice(0, 12).map((s) => ({ sql: s.sql, count: round(s.count / PROFILE_REQUESTS, 2), ms: round(s.ms / PROFILE_REQUESTS, 2) })),
      // every statement costs the server a round trip whatever its time: the most frequent ones
      frequent: [...log.by.values()].sort((x, y) => y.count - x.count).slice(0, 40).map((s) => ({ sql: s.sql, count: round(s.count / PROFILE_REQUESTS, 2), ms: round(s.ms / PROFILE_REQUESTS, 2) })),
    });
  }
  agent.destroy();
  return out;
}

// ---------------------------------------------------------------- profile: the server's CPU

type CpuEntry = { fn: string; where: string; ms: number; pct: number };
type CpuProfile = { seconds: number; requests: number; sampledMs: number; top: CpuEntry[] };

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };

/** Self time by function in a V8 .cpuprofile: where the server's one thread spends the mix. */
function summariseCpu(file: string, top: number): { sampledMs: number; top: CpuEntry[] } {
  const prof = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { fn: string; where: string; us: number }>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const n = byId.get(id);
    const dt = prof.timeDeltas[i] ?? 0;
    if (!n) return;
    const url = n.callFrame.url;
    // the package a bundled or installed function comes from, else the file
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const where = pkg ?? (url ? url.replace(/^.*\/\.next\//, ".next/").replace(/^file:\/\//, "") : "");
    const fn = n.callFrame.functionName || "(anonymous)";
    if (fn === "(idle)") return;
    total += dt;
    const key = `${fn}@${where}:${n.callFrame.lineNumber}`;
    const e = self.get(key) ?? { fn, where: `${where}:${n.callFrame.lineNumber + 1}`, us: 0 };
    self.set(key, e);
    e.us += dt;
  });
  return {
    sampledMs: round(total / 1000, 0),
    top: [...self.values()].sort((a, b) => b.us - a.us).slice(0, top).map((e) => ({ fn: e.fn, where: e.where, ms: round(e.us / 1000, 0), pct: round((e.us / Math.max(1, total)) * 100, 1) })),
  };
}

// ---------------------------------------------------------------- the run

/** flock(1) on the file for the duration of the work (released when this process ends, too). */
async function withLock<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  console.log(`Жду блокировку ${file}…`);
  const holder = spawn("flock", [file, "sh", "-c", "echo locked; exec cat"], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once("data", () => resolve());
    holder.once("exit", (code) => reject(new Error(`flock ended with ${code}`)));
  });
  console.log("Блокировка взята.");
  try {
    return await work();
  } finally {
    holder.stdin.end();
    await new Promise((r) => holder.once("exit", r));
  }
}

async function check(base: string, traffic: Traffic): Promise<void> {
  const agent = new http.Agent({ keepAlive: false });
  const rng = new Rng(5);
  for (const route of ROUTES) {
    const req = traffic.make(route, rng);
    const a = await send(agent, new URL(base), req);
    if (!isOk(req, a)) throw new Error(`${LABEL[route]}: ${a.status} ${a.error ?? a.body.slice(0, 300)}`);
  }
}

/** The first sync of every family (not measured): the phone's `since` and `have` for the delta the load sends. */
async function firstSyncs(base: string, families: Family[]): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const url = new URL(base);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < families.length) {
        const f = families[next++];
        if (!f) break;
        const first = syncBody({});
        const a = await send(agent, url, { who: f.userId, method: "POST", path: "/api/diary/sync", headers: { cookie: f.cookie, origin: base, "content-type": first.type }, body: first.body });
        if (a.status !== 200) throw new Error(`first sync: ${a.status} ${a.body.slice(0, 200)}`);
        const answer = JSON.parse(a.body) as { version: string; children: { id: string; screens: { key: string; hash: string }[] }[] };
        const have = Object.fromEntries(answer.children.map((c) => [c.id, Object.fromEntries(c.screens.map((x) => [x.key, x.hash]))]));
        f.syncBody = syncBody({ since: answer.version, have });
      }
    }),
  );
  agent.destroy();
}

function verdict(trivial: Phase, mix: Phase): { p99Under300: boolean; rateAtLeastHalfTrivial: boolean; noErrors: boolean; ratio: number } {
  const ratio = round(mix.perSecond / Math.max(0.1, trivial.perSecond), 2);
  return {
    p99Under300: Object.values(mix.routes).every((s) => s.p99 < 300),
    rateAtLeastHalfTrivial: ratio >= 0.5,
    noErrors: mix.errors === 0,
    ratio,
  };
}

async function main(): Promise<void> {
  const mix = mixFromEnv();
  const scale = scaleFromEnv(process.env);
  const w = windowFor(scale);
  const today = isoOf(w.today);
  const b = await openBenchPostgres();
  const database = new URL(b.url).pathname.slice(1);
  let server: BenchServer | undefined;
  const dbPids = async () => (await b.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database])).map((r) => r.pid);
  try {
    console.log(`Данные региона: ${scale.schools} школ × ${scale.students} учеников, уроки с ${isoOf(w.from)} по ${today}…`);
    const t0 = performance.now();
    const region = await seedRegion(b.db, {
      schools: scale.schools, students: scale.students, seed: 1, from: w.from, until: w.today, today: w.today, insert: "unnest", batchSize: 5000,
      onProgress: (p) => console.log(`  школа ${p.school}/${p.schools}: ${p.rows} строк, ${Math.round(p.rowsPerSecond)} строк/с`),
    });
    const seedSeconds = round((performance.now() - t0) / 1000, 0);
    const families = await makeFamilies(b, FAMILIES);
    const teachers = await makeTeachers(b, TEACHERS, today);
    await b.query("ANALYZE");
    console.log(`${region.rows} строк за ${seedSeconds} с; семей: ${families.length} (детей ${families.reduce((a, f) => a + f.children.length, 0)}), учителей: ${teachers.length}`);
    if (families.length === 0 || teachers.length === 0) throw new Error("no families or no teachers with lessons this term in the data set");

    const result = await withLock(LOCK, async () => {
      ensureBuild();
      const traffic = new Traffic(`http://127.0.0.1:${PORT}`, families, teachers, saveActionId());
      server = await startBenchServer({ port: PORT, databaseUrl: b.url });
      await check(server.base, traffic);
      await firstSyncs(server.base, families);
      console.log(`Разогрев: ${WARMUP_SECONDS} с смеси на 10 соединениях…`);
      await phase({ name: "warm-up", base: server.base, server: server.process, connections: 10, seconds: WARMUP_SECONDS, mix, traffic, seed: 1, dbPids });
      const levels: { connections: number; trivial: Phase; mix: Phase; verdict: ReturnType<typeof verdict> }[] = [];
      for (const [i, c] of LEVELS.entries()) {
        const trivial = await phase({ name: "/api/health alone", base: server.base, server: server.process, connections: c, seconds: TRIVIAL_SECONDS, mix: { health: 1 }, traffic, seed: 100 + i, dbPids });
        printPhase(trivial);
        const rush = await phase({ name: "morning mix", base: server.base, server: server.process, connections: c, seconds: SECONDS, mix, traffic, seed: 200 + i, dbPids });
        printPhase(rush);
        const v = verdict(trivial, rush);
        console.log(`  → смесь/тривиальный: ${v.ratio}×; p99 < 300 мс: ${v.p99Under300 ? "да" : "нет"}; без ошибок: ${v.noErrors ? "да" : "нет"}`);
        levels.push({ connections: c, trivial, mix: rush, verdict: v });
      }
      // the open loop: the mix arriving at fixed rates, the highest one held with p99 < 300 ms
      const rates: { rate: number; mix: Phase; held: boolean }[] = [];
      for (const [i, rate] of RATES.entries()) {
        const rush = await phase({ name: "morning mix, open loop", base: server.base, server: server.process, connections: 0, rate, seconds: SECONDS, mix, traffic, seed: 400 + i, dbPids });
        printPhase(rush);
        const held = rush.errors === 0 && rush.perSecond >= rate * 0.9 && Object.values(rush.routes).every((r) => r.p99 < 300);
        console.log(`  → ${rate} запр./с: ${held ? "выдержано (p99 < 300 мс, без ошибок)" : "не выдержано"}`);
        rates.push({ rate, mix: rush, held });
      }
      const trivialCeiling = Math.max(0, ...levels.map((l) => l.trivial.perSecond));
      const heldRate = Math.max(0, ...rates.filter((r) => r.held).map((r) => r.rate));
      const capacity = { heldRate, trivialCeiling, ratio: round(heldRate / Math.max(1, trivialCeiling), 3) };
      if (rates.length) console.log(`\nСмесь выдерживает ${heldRate} запр./с с p99 < 300 мс; тривиальный маршрут: до ${trivialCeiling} запр./с (${capacity.ratio}×)`);
      await server.stop();
      server = undefined;

      let profiles: Profile[] | string = "skipped: LOAD_PROFILE_REQUESTS=0";
      if (PROFILE_REQUESTS > 0 && existsSync(PG_LOG)) {
        await b.query(`ALTER DATABASE "${database}" SET log_min_duration_statement = 0`);
        try {
          server = await startBenchServer({ port: PORT, databaseUrl: b.url });
          profiles = await profile({ base: server.base, traffic, database });
          await server.stop();
          server = undefined;
        } finally {
          await b.query(`ALTER DATABASE "${database}" RESET log_min_duration_statement`);
        }
        console.log("\nПо одному запросу за раз, каждый оператор SQL в журнале PostgreSQL:");
        console.table(Object.fromEntries(profiles.map((p) => [LABEL[p.route], { "wall p50 ms": p.wallMsMedian, "statements/request": p.statementsPerRequest, "DB ms/request": p.dbMsPerRequest }])));
        for (const p of profiles) {
          console.log(`\n${LABEL[p.route]}: top statements by time (per request: count, ms)`);
          for (const s of p.top.slice(0, 8)) console.log(`  ${String(s.count).padStart(5)} × ${String(s.ms).padStart(6)} ms  ${s.sql}`);
        }
      } else if (PROFILE_REQUESTS > 0) {
        profiles = `skipped: no PostgreSQL log at ${PG_LOG} (LOAD_PG_LOG)`;
      }
      let cpu: CpuProfile | string = "skipped: LOAD_CPU_SECONDS=0";
      if (CPU_SECONDS > 0) {
        // Next's own switch for V8's profiler (node refuses --cpu-prof in NODE_OPTIONS): the
        // profile goes to .next-profiles/ (ignored by git through its own .gitignore) on exit
        const dir = join(root, ".next-profiles");
        const hadDir = existsSync(dir);
        const since = Date.now();
        try {
          // one process, so that its profile holds the whole run
          server = await startBenchServer({ port: PORT, databaseUrl: b.url, env: { NEXT_CPU_PROF: "1", WEB_CONCURRENCY: "1" } });
          const run = await phase({ name: "mix, server profiled", base: server.base, server: server.process, connections: LEVELS[0] ?? 10, seconds: CPU_SECONDS, mix, traffic, seed: 300, dbPids });
          await server.stop();
          server = undefined;
          // the server's own process wrote the biggest profile (next's CLI wrapper, if any, a small one)
          const files = (existsSync(dir) ? readdirSync(dir) : [])
            .filter((f) => f.endsWith(".cpuprofile")).map((f) => join(dir, f))
            .filter((f) => statSync(f).mtimeMs >= since).sort((x, y) => statSync(y).size - statSync(x).size);
          if (files[0]) {
            const summary = summariseCpu(files[0], 30);
            cpu = { seconds: run.seconds, requests: run.requests, ...summary };
            console.log(`\nCPU-профиль сервера: ${run.requests} запросов смеси за ${run.seconds} с, ${summary.sampledMs} мс работы потока (без простоя), ${round(summary.sampledMs / Math.max(1, run.requests), 1)} мс на запрос`);
            console.table(summary.top.map((e) => ({ function: e.fn.slice(0, 40), where: e.where.slice(-60), ms: e.ms, "%": e.pct })));
          } else {
            cpu = "no profile was written";
          }
        } catch (e) {
          // the figures above are kept whatever happens to the profiler
          cpu = `failed: ${e instanceof Error ? e.message : String(e)}`;
          console.error(`CPU-профиль не снят: ${cpu}`);
          if (server) await server.stop();
          server = undefined;
        } finally {
          if (!hadDir) rmSync(dir, { recursive: true, force: true });
        }
      }
      return { levels, rates, capacity, profiles, cpu };
    });

    const out = {
      date: new Date().toISOString(), today,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, loadAverage: loadavg().map((x) => round(x, 2)) },
      region: { schools: scale.schools, students: scale.students, rows: region.rows, lessonsFrom: isoOf(w.from), lessonsUntil: today, seedSeconds },
      accounts: { families: families.length, children: families.reduce((a, f) => a + f.children.length, 0), teachers: teachers.length },
      // scripts/serve.mjs: one `next start` per core on PostgreSQL unless WEB_CONCURRENCY says otherwise
      serverProcesses: process.env["WEB_CONCURRENCY"] ? Number(process.env["WEB_CONCURRENCY"]) : cpus().length,
      mix, seconds: SECONDS, trivialSeconds: TRIVIAL_SECONDS, ...result,
    };
    const dir = join(root, "bench", "results");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${today}-load.json`);
    writeFileSync(file, JSON.stringify(out, null, 2));
    console.log(`\nЗаписано: ${file}`);
  } finally {
    if (server) await server.stop();
    await b.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

