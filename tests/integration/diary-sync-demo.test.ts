/**
 * The diary on the phone, sized, on the demo school (issue 7): the demo parent (two
 * children) syncs the year, a day of marks happens (per child one new, one corrected,
 * one removed: tests/support/day-of-marks.ts, as bench/http.ts makes it), and the delta
 * resends only the pieces that show those marks — the days, and the subjects' cards and
 * lists — well under the issue's ten kilobytes gzip. The phone's store (fake-indexeddb),
 * after both, joins into exactly the DTOs the diary's pages render now: the weeks, the
 * marks page of every period (terms gone by and to come, the term and the year), the
 * sections.
 *
 * The figures are printed as `[diary-sync-bytes]`: the first sync, the day's delta and
 * the next morning's (the clock a day on, nothing else changed), raw JSON and gzip, and
 * the body the phone sends. They depend on the day of the week the demo school is seeded
 * for: `SYNC_DAY=2026-12-09T12:00:00+05:00` fixes it (a Wednesday).
 */
import "fake-indexeddb/auto";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { aDayOfMarks } from "../support/day-of-marks";
import { seedDemoSchool, type SeedSummary } from "../../prisma/seed/demo-school";
import { loadPrincipal } from "../../lib/auth/load-principal";
import type { Principal } from "../../lib/auth/principal";
import { syncDiary, type SyncRequest } from "../../lib/diary/sync";
import { screenKind, type SectionKey } from "../../lib/diary/sync-shape";
import { readDiaryWeek } from "../../lib/diary/week";
import { readDiaryMarks } from "../../lib/diary/marks";
import { getDiaryHomework } from "../../lib/diary/homework";
import { getDiaryTests } from "../../lib/diary/tests";
import { getDiaryClass } from "../../lib/diary/class";
import { getDiaryCalendar } from "../../lib/diary/holidays";
import { getDiaryRecommendations } from "../../lib/diary/recommendations";
import { getDiaryResults } from "../../lib/diary/results";
import { addDays } from "../../lib/time";
import { applySync, deltaRequest, openOfflineDb, readStored, storedMarksPages, storedSection, storedWeek, type OfflineDb } from "../../components/offline/db";

const DAY_MS = 86_400_000;
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

let t: TestDb;
let summary: SeedSummary;
let device: OfflineDb | undefined;

beforeAll(async () => {
  const day = process.env["SYNC_DAY"];
  if (day) {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(day));
  }
  t = await createTestDb();
  bindAppDb(t.db);
  summary = await seedDemoSchool(t.db, { today: new Date() });
});
afterAll(async () => {
  device?.close();
  vi.useRealTimers();
  await t?.close();
});

async function as(login: string): Promise<Principal> {
  const u = await t.db.user.findUniqueOrThrow({ where: { login }, select: { id: true, sessionVersion: true } });
  const p = await loadPrincipal(u.id, u.sessionVersion);
  if (!p) throw new Error(`no principal for ${login}`);
  return p;
}

function bytes(data: unknown): { raw: number; gzip: number } {
  const text = JSON.stringify(data);
  return { raw: Buffer.byteLength(text), gzip: gzipSync(text).byteLength };
}

const figure = (b: { raw: number; gzip: number }) => `${b.raw} B (${b.gzip} B gzip)`;

/** The section the diary's page builds, by key. */
function liveSection(p: Principal, childId: string, key: SectionKey): Promise<unknown> {
  const read = { homework: getDiaryHomework, tests: getDiaryTests, class: getDiaryClass, holidays: getDiaryCalendar, recommendations: getDiaryRecommendations, results: getDiaryResults }[key];
  return read(p, childId);
}

describe("the demo parent's phone", () => {
  it("a day's delta resends only the pieces that show the day's marks, under 10 000 B gzip, and leaves the phone equal to the server", async () => {
    const p = await as("parent");
    device = openOfflineDb(p.userId);
    const first = await syncDiary(p);
    expect(first.children).toHaveLength(2);
    await applySync(device, first, new Date());

    await new Promise((r) => setTimeout(r, 5));
    const day = await aDayOfMarks(t.db, summary.schoolId, first.children.map((c) => c.id));
    const touched = await t.db.mark.findMany({ where: { id: { in: [...day.corrected, ...day.removed, ...day.added] } }, select: { id: true, studentId: true, subjectId: true } });
    expect(touched).toHaveLength(6);

    const request: SyncRequest = await deltaRequest(device, p.userId);
    const delta = await syncDiary(p, request);
    await applySync(device, delta, new Date());

    for (const c of delta.children) {
      const subjects = new Set(touched.filter((m) => m.studentId === c.id).map((m) => m.subjectId));
      // the marks as entities: the corrected and the new one, the removed one's id
      expect(c.marks.map((m) => m.id).sort()).toEqual(touched.filter((m) => m.studentId === c.id && !day.removed.includes(m.id)).map((m) => m.id).sort());
      expect(c.removed).toEqual(touched.filter((m) => m.studentId === c.id && day.removed.includes(m.id)).map((m) => m.id));
      // the set of screens did not change: it is not listed again
      expect(c.keys).toBeNull();
      for (const s of c.screens) {
        const kind = screenKind(s.key);
        expect(["day", "subject", "subject-marks"]).toContain(kind);
        if (kind !== "day") expect(subjects).toContain(new RegExp(`^marks-${UUID}-(${UUID})`).exec(s.key)?.[1]);
      }
      expect(c.screens.some((s) => screenKind(s.key) === "subject")).toBe(true);
    }
    const size = { first: bytes(first), delta: bytes(delta), body: bytes(request) };
    expect(size.delta.gzip).toBeLessThan(10_000);

    // the phone now holds exactly what the diary's pages show
    const stored = await readStored(device);
    expect(stored?.children.map((c) => c.id).sort()).toEqual(first.children.map((c) => c.id).sort());
    for (const child of stored?.children ?? []) {
      expect(storedWeek(child, "week")).toEqual(await readDiaryWeek(p, child.id, delta.today));
      expect(storedWeek(child, "week-next")).toEqual(await readDiaryWeek(p, child.id, addDays(delta.today, 7)));
      const pages = storedMarksPages(child);
      expect(pages.length).toBe(pages[0]?.periods.length);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expect(page).toEqual(await readDiaryMarks(p, child.id, page.period.id));
      for (const key of ["homework", "tests", "class", "holidays", "recommendations", "results"] as const) {
        expect(storedSection(child, key)).toEqual(await liveSection(p, child.id, key));
      }
      const full = (await syncDiary(p)).children.find((c) => c.id === child.id);
      expect(child.marks.map((m) => [m.id, m.symbol]).sort()).toEqual(full?.marks.map((m) => [m.id, m.symbol]).sort());
    }

    // the next morning: nothing changed but the clock
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + DAY_MS);
    const morning = await syncDiary(p, await deltaRequest(device, p.userId));
    expect(morning.full).toBe(false);
    const kinds = new Map<string, number>();
    for (const c of [...delta.children, ...morning.children]) for (const s of c.screens) kinds.set(screenKind(s.key) ?? "?", (kinds.get(screenKind(s.key) ?? "?") ?? 0) + 1);

    console.log(
      `[diary-sync-bytes] ${first.today}, two children: first sync ${figure(size.first)}; a day's delta ${figure(size.delta)}; ` +
        `the next morning ${figure(bytes(morning))}; the phone's body ${figure(size.body)}; screens resent: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`,
    );
  });
});
