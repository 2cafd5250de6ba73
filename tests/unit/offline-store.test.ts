/**
 * The family's diary on the device (issue 7, items 2, 3, 5), on fake-indexeddb: a first
 * sync fills the store; a delta with a corrected and a removed mark leaves the device
 * equal to the server, keeping the screens it was not sent; a child or screen the server
 * no longer lists goes, and an answer that lists no keys (the device's set is the
 * server's) drops nothing; each user has a store of their own, and signing out wipes
 * them all; a store of the first version is emptied on opening. A property test: any
 * sequence of server changes (marks, screens changed, added and gone) and syncs ends with
 * the device equal to the server.
 */
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";

import Dexie from "dexie";

import type { HaveBody, SyncAnswer, SyncChild, SyncMark } from "../../lib/diary/sync";
import {
  CURRENT_USER_KEY,
  KNOWN_USERS_KEY,
  applySync,
  dbName,
  deltaRequest,
  openOfflineDb,
  readStored,
  rememberUser,
  wipeOfflineData,
  type OfflineDb,
} from "../../components/offline/db";
import { syncNow } from "../../components/offline/sync";

const U1 = "0193a000-0000-7000-8000-000000000001";
const U2 = "0193a000-0000-7000-8000-000000000002";
const C1 = "0193c000-0000-7000-8000-000000000001";
const C2 = "0193c000-0000-7000-8000-000000000002";

function mark(id: string, studentId: string, value: number, date = "2026-12-01"): SyncMark {
  return {
    id, studentId, subjectId: "subj", subjectName: "Математика", date, lessonId: `l-${id}`, part: 1, kind: "NUMERIC", value, text: null,
    symbol: String(value), workType: "Работа на уроке", weight: "1", comment: null, updatedAt: "2026-12-01T05:00:00.000Z",
  };
}

function child(id: string, screens: Record<string, unknown>, o: Partial<SyncChild> = {}): SyncChild {
  return {
    id, name: `Ребёнок ${id.slice(-1)}`, className: "5А", keys: Object.keys(screens),
    screens: Object.entries(screens).map(([key, data]) => ({ key, hash: hashOf(data), data })),
    fullMarks: true, marks: [], removed: [], ...o,
  };
}

/** a stand-in for the server's hash: 22 characters that change with the content */
function hashOf(data: unknown): string {
  let h = 0;
  for (const ch of JSON.stringify(data)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h.toString(36).padStart(22, "0").slice(-22);
}

function answer(userId: string, children: SyncChild[], full: boolean, version = "2026-12-05T03:14:50.000Z"): SyncAnswer {
  return { version, serverTime: "2026-12-05T03:15:00.000Z", today: "2026-12-05", full, userId, children };
}

/** localStorage as the browser has it (Node has none) */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const open: OfflineDb[] = [];
function db(userId: string): OfflineDb {
  const d = openOfflineDb(userId);
  open.push(d);
  return d;
}

beforeEach(() => {
  vi.stubGlobal("localStorage", memoryStorage());
});
afterEach(async () => {
  for (const d of open.splice(0)) d.close();
  await wipeOfflineData();
  vi.unstubAllGlobals();
});

async function names(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("zhurnal-")).sort();
}

describe("the store", () => {
  it("a first sync stores every screen and mark; a delta corrects one mark, removes another, and keeps the screens not sent", async () => {
    const d = db(U1);
    const first = answer(U1, [
      child(C1, { week: { days: ["пн"] }, "marks-p1": { avg: "4,50" }, homework: { n: 1 } }, { marks: [mark("m1", C1, 4), mark("m2", C1, 5), mark("m3", C1, 3)] }),
    ], true);
    await applySync(d, first, new Date("2026-12-05T03:15:00Z"));

    let stored = await readStored(d);
    expect(stored?.meta).toMatchObject({ userId: U1, cursor: "2026-12-05T03:14:50.000Z", syncedAt: "2026-12-05T03:15:00.000Z" });
    expect([...(stored?.children[0]?.screens.keys() ?? [])].sort()).toEqual(["homework", "marks-p1", "week"]);
    expect(stored?.children[0]?.marks.map((m) => [m.id, m.value, m.fresh])).toEqual([["m1", 4, false], ["m2", 5, false], ["m3", 3, false]]);

    expect(stored?.children[0]?.today).toBe("2026-12-05");

    const q = await deltaRequest(d, U1);
    expect(q.since).toBe("2026-12-05T03:14:50.000Z");
    expect(q.have).toEqual({ [C1]: { homework: hashOf({ n: 1 }), "marks-p1": hashOf({ avg: "4,50" }), week: hashOf({ days: ["пн"] }) } });

    // the teacher corrected m1 (4 → 2) and removed m3; the marks screen changed, the others did not;
    // the set of screens is the device's, so the answer lists no keys
    const c = child(C1, { week: { days: ["пн"] }, "marks-p1": { avg: "3,50" }, homework: { n: 1 } }, { fullMarks: false, marks: [mark("m1", C1, 2)], removed: ["m3"] });
    const delta = answer(U1, [{ ...c, keys: null, screens: c.screens.filter((s) => s.key === "marks-p1") }], false, "2026-12-05T09:00:00.000Z");
    await applySync(d, delta, new Date("2026-12-05T09:00:10Z"));

    stored = await readStored(d);
    const one = stored?.children[0];
    expect(one?.marks.map((m) => [m.id, m.value, m.fresh])).toEqual([["m1", 2, true], ["m2", 5, false]]);
    expect(one?.screens.get("marks-p1")).toEqual({ avg: "3,50" });
    expect(one?.screens.get("week")).toEqual({ days: ["пн"] });
    expect(one?.screens.get("homework")).toEqual({ n: 1 });
    expect(stored?.meta.cursor).toBe("2026-12-05T09:00:00.000Z");
  });

  it("drops a screen the server no longer lists and a child that is gone (consent withdrawn), with its marks", async () => {
    const d = db(U1);
    await applySync(d, answer(U1, [
      child(C1, { week: 1, "marks-old": 2 }, { marks: [mark("a", C1, 5)] }),
      child(C2, { week: 3 }, { marks: [mark("b", C2, 4)] }),
    ], true), new Date());
    await applySync(d, answer(U1, [{ ...child(C1, { week: 1 }), screens: [], fullMarks: false }], false), new Date());
    const stored = await readStored(d);
    expect(stored?.children.map((c) => c.id)).toEqual([C1]);
    expect([...(stored?.children[0]?.screens.keys() ?? [])]).toEqual(["week"]);
    expect(await d.marks.toArray()).toHaveLength(1);
    expect(await d.screens.where("childId").equals(C2).count()).toBe(0);
  });

  it("a child new to the device gets all its marks even in a delta, replacing what was there", async () => {
    const d = db(U1);
    await applySync(d, answer(U1, [child(C1, { week: 1 }, { marks: [mark("a", C1, 5)] })], true), new Date());
    await applySync(d, answer(U1, [child(C1, { week: 1 }, { fullMarks: false, marks: [] }), child(C2, { week: 2 }, { marks: [mark("b", C2, 4), mark("c", C2, 3)] })], false), new Date());
    expect((await d.marks.orderBy("id").toArray()).map((m) => [m.id, m.childId])).toEqual([["a", C1], ["b", C2], ["c", C2]]);
  });

  it("asks for a full sync when the store is empty or another user's", async () => {
    const d = db(U1);
    expect(await deltaRequest(d, U1)).toEqual({});
    await applySync(d, answer(U1, [child(C1, { week: 1 })], true), new Date());
    expect(await deltaRequest(d, U2)).toEqual({});
  });

  it("a store of the first version (whole screens) is emptied when opened, so the next sync is a full one", async () => {
    const userId = "0193a000-0000-7000-8000-0000000000ff";
    const old = new Dexie(dbName(userId));
    old.version(1).stores({ meta: "key", screens: "[childId+screen], childId", marks: "id, childId, [childId+date]" });
    await old.table("meta").put({ key: "sync", userId, cursor: "2026-12-01T00:00:00.000Z", syncedAt: "x", serverTime: "x", children: [{ id: C1, name: "Старый", className: null }] });
    await old.table("screens").put({ childId: C1, screen: "marks-p1", hash: "h", data: { subjects: [{ subjectName: "Математика" }] } });
    await old.table("marks").put({ ...mark("m1", C1, 5), childId: C1, receivedAt: "x", fresh: false });
    old.close();

    const d = db(userId);
    expect(await readStored(d)).toBeNull();
    expect([await d.screens.count(), await d.marks.count()]).toEqual([0, 0]);
    expect(await deltaRequest(d, userId)).toEqual({});
  });
});

describe("users on one device", () => {
  it("each user has a database of their own; another user's sign-in deletes the first one's; signing out deletes all", async () => {
    const d1 = db(U1);
    const d2 = db(U2);
    await applySync(d1, answer(U1, [child(C1, { week: "первый" }, { marks: [mark("a", C1, 5)] })], true), new Date());
    await applySync(d2, answer(U2, [child(C2, { week: "второй" })], true), new Date());
    expect((await readStored(d1))?.children.map((c) => c.id)).toEqual([C1]);
    expect((await readStored(d2))?.children.map((c) => c.id)).toEqual([C2]);
    expect(await d2.marks.count()).toBe(0);
    expect(await names()).toEqual([`zhurnal-${U1}`, `zhurnal-${U2}`]);

    d1.close();
    rememberUser(U2);
    await wipeOfflineData(U2);
    expect(await names()).toEqual([`zhurnal-${U2}`]);
    expect(localStorage.getItem(CURRENT_USER_KEY)).toBe(U2);

    d2.close();
    await wipeOfflineData();
    expect(await names()).toEqual([]);
    expect(localStorage.getItem(CURRENT_USER_KEY)).toBeNull();
    expect(localStorage.getItem(KNOWN_USERS_KEY)).toBeNull();
  });
});

/**
 * The server, modelled: marks with a logical clock (updatedAt, removed), screens with
 * content that come and go; an answer built the way lib/diary/sync.ts builds it — marks
 * changed after `since` (a cursor one tick behind the read, the overlap), the screens
 * whose hash the device does not have, `keys` only when the set of screens is not the
 * device's, a full load for a child the device holds nothing of.
 */
type ServerMark = { id: string; child: string; value: number; updatedAt: number; removed: boolean };
type Server = { clock: number; marks: Map<string, ServerMark>; screens: Map<string, Map<string, number>> };

type Op =
  | { op: "add"; child: 0 | 1; value: number }
  | { op: "correct"; pick: number; value: number }
  | { op: "remove"; pick: number }
  | { op: "screen"; child: 0 | 1; screen: number; content: number }
  | { op: "drop"; child: 0 | 1; screen: number }
  | { op: "sync" };

const CHILDREN = [C1, C2] as const;
/** the pool of screens: a week's pieces, a cut marks page's, a whole one's, a section */
const SCREENS = ["week", "day-2026-12-07", "day-2026-12-08", "marks-p1", "marks-p1-s1", "marks-p1-s1-list", "marks-p1-s2", "marks-p2", "homework"] as const;
const START = ["week", "day-2026-12-07", "marks-p1", "marks-p1-s1", "marks-p1-s1-list", "homework"] as const;

function serve(s: Server, req: { since?: string | null; have?: HaveBody | string | null }): SyncAnswer {
  const sinceTick = req.since == null ? null : Number(req.since);
  const known = new Map<string, Map<string, string>>();
  if (sinceTick !== null && req.have && typeof req.have === "object") {
    for (const [c, map] of Object.entries(req.have)) known.set(c, new Map(Object.entries(map)));
  }
  const children = CHILDREN.map((id): SyncChild => {
    const screens = s.screens.get(id) ?? new Map<string, number>();
    const mine = known.get(id);
    const fullMarks = sinceTick === null || !mine || mine.size === 0;
    const marks = [...s.marks.values()].filter((m) => m.child === id && (fullMarks ? !m.removed : m.updatedAt > (sinceTick ?? 0)));
    const sameSet = mine !== undefined && mine.size === screens.size && [...screens.keys()].every((k) => mine.has(k));
    return {
      id, name: id, className: null,
      keys: sinceTick !== null && sameSet ? null : [...screens.keys()],
      screens: [...screens].filter(([k, v]) => mine?.get(k) !== hashOf(v)).map(([key, v]) => ({ key, hash: hashOf(v), data: v })),
      fullMarks,
      marks: marks.filter((m) => !m.removed).map((m) => mark(m.id, id, m.value)),
      removed: marks.filter((m) => m.removed).map((m) => m.id),
    };
  });
  return answer(U1, children, sinceTick === null, String(Math.max(0, s.clock - 1)));
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant("add" as const), child: fc.constantFrom(0 as const, 1 as const), value: fc.integer({ min: 2, max: 5 }) }),
  fc.record({ op: fc.constant("correct" as const), pick: fc.nat(), value: fc.integer({ min: 2, max: 5 }) }),
  fc.record({ op: fc.constant("remove" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("screen" as const), child: fc.constantFrom(0 as const, 1 as const), screen: fc.nat({ max: SCREENS.length - 1 }), content: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant("drop" as const), child: fc.constantFrom(0 as const, 1 as const), screen: fc.nat({ max: SCREENS.length - 1 }) }),
  fc.constant({ op: "sync" as const }),
);

describe("delta merge, as a property", () => {
  it("any sequence of changes and syncs ends with the device equal to the server", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 30 }), async (ops) => {
        const d = openOfflineDb(`0193b000-0000-7000-8000-${String(run++).padStart(12, "0")}`);
        const s: Server = { clock: 1, marks: new Map(), screens: new Map(CHILDREN.map((c) => [c, new Map(START.map((k) => [k, 0]))])) };
        let n = 0;
        const sync = async () => {
          await applySync(d, serve(s, await deltaRequest(d, U1)), new Date());
          s.clock += 1; // the next change comes after this read
        };
        try {
          for (const o of [...ops, { op: "sync" as const }]) {
            const list = [...s.marks.values()];
            if (o.op === "add") {
              const id = `m${String(n++).padStart(3, "0")}`;
              s.marks.set(id, { id, child: CHILDREN[o.child], value: o.value, updatedAt: s.clock, removed: false });
            }
            else if (o.op === "correct" && list.length) Object.assign(list[o.pick % list.length] ?? {}, { value: o.value, removed: false, updatedAt: s.clock });
            else if (o.op === "remove" && list.length) Object.assign(list[o.pick % list.length] ?? {}, { removed: true, updatedAt: s.clock });
            else if (o.op === "screen") s.screens.get(CHILDREN[o.child])?.set(SCREENS[o.screen] ?? "week", o.content);
            else if (o.op === "drop") s.screens.get(CHILDREN[o.child])?.delete(SCREENS[o.screen] ?? "week");
            else if (o.op === "sync") await sync();
          }
          const device = await d.marks.orderBy("id").toArray();
          const live = [...s.marks.entries()].filter(([, m]) => !m.removed).sort(([a], [b]) => a.localeCompare(b));
          expect(device.map((m) => [m.id, m.childId, m.value])).toEqual(live.map(([, m]) => [m.id, m.child, m.value]));
          const stored = await readStored(d);
          for (const c of CHILDREN) {
            const screens = stored?.children.find((x) => x.id === c)?.screens;
            expect(Object.fromEntries(screens ?? [])).toEqual(Object.fromEntries(s.screens.get(c) ?? []));
          }
        } finally {
          d.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe("syncing and signing out", () => {
  const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });

  it("a sync stores the answer; an answer «not signed in» wipes the device", async () => {
    const first = answer(U1, [child(C1, { week: { days: ["пн"] } }, { marks: [mark("m1", C1, 5)] })], true);
    expect(await syncNow(U1, () => Promise.resolve(ok(first)))).toMatchObject({ ok: true, full: true });
    expect(await names()).toEqual([`zhurnal-${U1}`]);
    expect(await syncNow(U1, () => Promise.resolve(new Response("", { status: 401 })))).toEqual({ ok: false, reason: "signed-out" });
    expect(await names()).toEqual([]);
    expect(localStorage.getItem(CURRENT_USER_KEY)).toBeNull();
  });

  it("an answer that arrives after the user signed out (the login page wiped the device) does not bring the data back", async () => {
    const first = answer(U1, [child(C1, { week: { days: ["пн"] } }, { marks: [mark("m1", C1, 5)] })], true);
    const outcome = await syncNow(U1, async () => {
      // the user signs out while the request is on its way
      await wipeOfflineData();
      return ok(first);
    });
    expect(outcome).toEqual({ ok: false, reason: "signed-out" });
    const left = await names();
    for (const n of left) {
      const d = db(n.slice("zhurnal-".length));
      expect(await d.screens.count()).toBe(0);
      expect(await d.marks.count()).toBe(0);
    }
    expect(localStorage.getItem(CURRENT_USER_KEY)).toBeNull();
  });
});
