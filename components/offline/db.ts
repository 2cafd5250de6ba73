/**
 * The family's diary on the device (issue 7, item 2): one IndexedDB database per user,
 * `zhurnal-<userId>`, so that two guardians sharing a phone never share data, and
 * signing out can delete it whole.
 *
 * Tables:
 * - meta: one row, key "sync": whose store it is, the server's cursor for the next delta,
 *   the time of the last successful sync (device time), the children.
 * - screens: key [childId+screen], the DTO a diary screen shows exactly as the server
 *   built it, and its hash (the hashes the device sends back in `have`).
 * - marks: the year's marks as entities (id, childId, …), for «Новые оценки».
 *
 * applySync is the one way the store changes: a sync answer is applied in one
 * transaction, so the screens and the marks are always of the same sync.
 */
import Dexie, { type Table } from "dexie";

import type { ScreenData, ScreenKind, SyncAnswer, SyncMark } from "@/lib/diary/sync";

export const DB_PREFIX = "zhurnal-";
/** localStorage: the user whose diary this device last synced (the offline page opens theirs) */
export const CURRENT_USER_KEY = "zhurnal.offline.user";
/** localStorage: every user who synced here (to wipe where indexedDB.databases() is missing) */
export const KNOWN_USERS_KEY = "zhurnal.offline.users";
/** localStorage: the time of the last successful sync, ISO */
export const SYNCED_AT_KEY = "zhurnal.offline.syncedAt";
export const STORAGE_KEYS = [CURRENT_USER_KEY, KNOWN_USERS_KEY, SYNCED_AT_KEY] as const;

export type ChildRow = { id: string; name: string; className: string | null };

export type MetaRow = {
  key: "sync";
  userId: string;
  /** the `version` of the last answer: the next sync's `since` */
  cursor: string;
  /** when the last sync succeeded, ISO, device time */
  syncedAt: string;
  /** the server's time of that read, ISO */
  serverTime: string;
  children: ChildRow[];
};

export type ScreenRow = { childId: string; screen: string; hash: string; data: unknown };

export type MarkRow = SyncMark & {
  childId: string;
  /** when the device received this version of the mark, ISO */
  receivedAt: string;
  /** came in a delta (a new or corrected mark), not in the first load */
  fresh: boolean;
};

export class OfflineDb extends Dexie {
  meta!: Table<MetaRow, string>;
  screens!: Table<ScreenRow, [string, string]>;
  marks!: Table<MarkRow, string>;

  constructor(userId: string) {
    super(dbName(userId));
    this.version(1).stores({
      meta: "key",
      screens: "[childId+screen], childId",
      marks: "id, childId, [childId+date]",
    });
  }
}

export function dbName(userId: string): string {
  return `${DB_PREFIX}${userId}`;
}

export function openOfflineDb(userId: string): OfflineDb {
  return new OfflineDb(userId);
}

/**
 * Applies one answer of /api/diary/sync: children that are gone are dropped with all
 * their data; screens are replaced where the server sent them and dropped where the
 * server no longer lists them; marks replaced (a full load) or merged (a delta: changed
 * ones put, removed ones deleted).
 */
export async function applySync(db: OfflineDb, answer: SyncAnswer, now: Date): Promise<void> {
  const at = now.toISOString();
  const ids = answer.children.map((c) => c.id);
  await db.transaction("rw", db.meta, db.screens, db.marks, async () => {
    await db.screens.where("childId").noneOf(ids).delete();
    await db.marks.where("childId").noneOf(ids).delete();
    for (const c of answer.children) {
      const stale = (await db.screens.where("childId").equals(c.id).primaryKeys()).filter(([, screen]) => !(screen in c.hashes));
      await db.screens.bulkDelete(stale);
      await db.screens.bulkPut(c.screens.map((s) => ({ childId: c.id, screen: s.key, hash: s.hash, data: s.data })));
      if (c.fullMarks) await db.marks.where("childId").equals(c.id).delete();
      await db.marks.bulkPut(c.marks.map((m) => ({ ...m, childId: c.id, receivedAt: at, fresh: !c.fullMarks })));
      await db.marks.bulkDelete(c.removed);
    }
    await db.meta.put({
      key: "sync",
      userId: answer.userId,
      cursor: answer.version,
      syncedAt: at,
      serverTime: answer.serverTime,
      children: answer.children.map((c) => ({ id: c.id, name: c.name, className: c.className })),
    });
  });
}

/** The query of the next delta: `since` and `have`; empty for the first sync. */
export async function deltaQuery(db: OfflineDb, userId: string): Promise<URLSearchParams> {
  const q = new URLSearchParams();
  const meta = await db.meta.get("sync");
  if (!meta || meta.userId !== userId) return q;
  const rows = await db.screens.toArray();
  q.set("since", meta.cursor);
  q.set("have", rows.map((r) => `${r.childId}/${r.screen}:${r.hash}`).join(","));
  return q;
}

export type StoredChild = ChildRow & {
  screens: Map<string, unknown>;
  marks: MarkRow[];
};

export type StoredDiary = { meta: MetaRow; children: StoredChild[] };

/** Everything stored, for the offline diary; null when nothing has been synced yet. */
export async function readStored(db: OfflineDb): Promise<StoredDiary | null> {
  return db.transaction("r", db.meta, db.screens, db.marks, async () => {
    const meta = await db.meta.get("sync");
    if (!meta) return null;
    const [screens, marks] = await Promise.all([db.screens.toArray(), db.marks.orderBy("[childId+date]").toArray()]);
    return {
      meta,
      children: meta.children.map((c) => ({
        ...c,
        screens: new Map(screens.filter((s) => s.childId === c.id).map((s) => [s.screen, s.data])),
        marks: marks.filter((m) => m.childId === c.id),
      })),
    };
  });
}

/** A screen's data with its type, by kind (the stored DTO is the server's, as is). */
export function screenData<K extends ScreenKind>(child: StoredChild, _kind: K, key: string): ScreenData[K] | null {
  const data = child.screens.get(key);
  return data === undefined ? null : (data as ScreenData[K]);
}

/** The keys of a child's marks screens (one per period of the year). */
export function marksKeys(child: StoredChild): string[] {
  return [...child.screens.keys()].filter((k) => k.startsWith("marks-"));
}

/** The names of every offline-diary database on this device. */
async function storedNames(): Promise<string[]> {
  const names = new Set<string>();
  if (typeof indexedDB !== "undefined" && typeof indexedDB.databases === "function") {
    for (const d of await indexedDB.databases()) if (d.name?.startsWith(DB_PREFIX)) names.add(d.name);
  }
  for (const id of knownUsers()) names.add(dbName(id));
  return [...names];
}

function knownUsers(): string[] {
  if (typeof localStorage === "undefined") return [];
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KNOWN_USERS_KEY) ?? "[]");
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** Remembers that this user's diary is the one on the device now. */
export function rememberUser(userId: string): void {
  if (typeof localStorage === "undefined") return;
  localStorage.setItem(CURRENT_USER_KEY, userId);
  localStorage.setItem(KNOWN_USERS_KEY, JSON.stringify([userId]));
}

export function currentUser(): string | null {
  return typeof localStorage === "undefined" ? null : localStorage.getItem(CURRENT_USER_KEY);
}

/**
 * Deletes the offline diary of every user but `keep` (another user signed in on this
 * device), or of everyone (signing out: then the localStorage keys go too).
 */
export async function wipeOfflineData(keep?: string): Promise<void> {
  const names = (await storedNames()).filter((n) => keep === undefined || n !== dbName(keep));
  await Promise.all(names.map((n) => Dexie.delete(n)));
  if (keep === undefined && typeof localStorage !== "undefined") for (const k of STORAGE_KEYS) localStorage.removeItem(k);
}
