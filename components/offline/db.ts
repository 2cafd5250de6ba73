/**
 * The family's diary on the device (issue 7, item 2): one IndexedDB database per user,
 * `zhurnal-<userId>`, so that two guardians sharing a phone never share data, and
 * signing out can delete it whole.
 *
 * Tables:
 * - meta: one row, key "sync": whose store it is, the server's cursor for the next delta,
 *   the time of the last successful sync (device time), the children.
 * - screens: key [childId+screen], one piece of a diary screen exactly as the server
 *   built it (a week's header, a day, a period's marks page or its header, a subject's
 *   card, a subject's marks list, a section: lib/diary/sync-shape.ts), and its hash (the
 *   hashes the device sends back in `have`). The offline diary joins the pieces back
 *   into the pages' DTOs, with the school's today of the last sync (meta).
 * - marks: the year's marks as entities (id, childId, …), for «Новые оценки».
 *
 * applySync is the one way the store changes: a sync answer is applied in one
 * transaction, so the screens and the marks are always of the same sync.
 *
 * Version 2 (screens cut into pieces) empties a version 1 store: its whole screens are
 * of no use to the new pieces, so the next sync is a full one.
 */
import Dexie, { type Table } from "dexie";

import type { HaveBody, SyncAnswer, SyncMark, SyncRequest } from "@/lib/diary/sync";
import { joinMarksPage, joinSection, joinWeek, marksPeriods, type SectionKey, type Sections, type WeekKey } from "@/lib/diary/sync-shape";
import type { DiaryWeek } from "@/lib/diary/week";
import type { DiaryMarksPage } from "@/lib/diary/marks";

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
  /** the school's today at that read: the screens leave it out, joining puts it back */
  today: string;
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
    const stores = {
      meta: "key",
      screens: "[childId+screen], childId",
      marks: "id, childId, [childId+date]",
    };
    this.version(1).stores(stores);
    this.version(2)
      .stores(stores)
      .upgrade(async (tx) => {
        await Promise.all([tx.table("meta").clear(), tx.table("screens").clear(), tx.table("marks").clear()]);
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
 * server no longer lists them (`keys`; null: the set is the one the device sent); marks
 * replaced (a full load) or merged (a delta: changed ones put, removed ones deleted).
 */
export async function applySync(db: OfflineDb, answer: SyncAnswer, now: Date): Promise<void> {
  const at = now.toISOString();
  const ids = answer.children.map((c) => c.id);
  await db.transaction("rw", db.meta, db.screens, db.marks, async () => {
    await db.screens.where("childId").noneOf(ids).delete();
    await db.marks.where("childId").noneOf(ids).delete();
    for (const c of answer.children) {
      if (c.keys !== null) {
        const keys = new Set(c.keys);
        const stale = (await db.screens.where("childId").equals(c.id).primaryKeys()).filter(([, screen]) => !keys.has(screen));
        await db.screens.bulkDelete(stale);
      }
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
      today: answer.today,
      children: answer.children.map((c) => ({ id: c.id, name: c.name, className: c.className })),
    });
  });
}

/** The body of the next sync: `since` and `have` for a delta; empty for the first sync. */
export async function deltaRequest(db: OfflineDb, userId: string): Promise<SyncRequest> {
  const meta = await db.meta.get("sync");
  if (!meta || meta.userId !== userId) return {};
  const have: HaveBody = {};
  await db.screens.each((r) => {
    (have[r.childId] ??= {})[r.screen] = r.hash;
  });
  return { since: meta.cursor, have };
}

export type StoredChild = ChildRow & {
  /** the school's today at the last sync */
  today: string;
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
        today: meta.today,
        screens: new Map(screens.filter((s) => s.childId === c.id).map((s) => [s.screen, s.data])),
        marks: marks.filter((m) => m.childId === c.id),
      })),
    };
  });
}

/** A week of the child joined back from its header and days; null when not stored. */
export function storedWeek(child: StoredChild, key: WeekKey): DiaryWeek | null {
  return joinWeek(child.screens, key, child.today);
}

/** The child's marks pages, one per period of the year, each joined back from its header and subjects. */
export function storedMarksPages(child: StoredChild): DiaryMarksPage[] {
  return marksPeriods(child.screens).map((id) => joinMarksPage(child.screens, id, child.today)).filter((p): p is DiaryMarksPage => p !== null);
}

/** A section as its page built it; null when not stored. */
export function storedSection<K extends SectionKey>(child: StoredChild, key: K): Sections[K] | null {
  return joinSection(child.screens, key, child.today);
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
