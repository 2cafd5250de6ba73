/**
 * The sync engine of the offline diary (issue 7, item 3): asks /api/diary/sync for what
 * changed since the device's cursor (a POST: the device's screen hashes are too many for
 * an address; gzipped where the browser can, lib/diary/sync-body.ts) and applies it to
 * the user's store. One sync at a
 * time: a trigger during a sync waits for it instead of sending a second request.
 *
 * Privacy: before anything, the other users' stores on this device are deleted (another
 * guardian signed in on a shared phone); an answer «not signed in» (the session ended)
 * deletes everything.
 */
import type { SyncAnswer, SyncRequest } from "@/lib/diary/sync";
import { SYNCED_AT_KEY, applySync, currentUser, deltaRequest, openOfflineDb, rememberUser, wipeOfflineData } from "@/components/offline/db";

export const SYNC_URL = "/api/diary/sync";

export type SyncOutcome =
  | { ok: true; syncedAt: string; full: boolean }
  | { ok: false; reason: "offline" | "signed-out" | "refused" | "error" };

let running: Promise<SyncOutcome> | null = null;

/** below this the body goes as it is: gzip would hardly save a packet */
const GZIP_FROM = 1024;

/** The request's body: JSON, gzipped (application/gzip) when it is worth it and the browser can. */
export async function encodeSyncBody(req: SyncRequest): Promise<{ body: BodyInit; contentType: string }> {
  const json = JSON.stringify(req);
  if (json.length < GZIP_FROM || typeof CompressionStream === "undefined") return { body: json, contentType: "application/json" };
  const gzipped = new Blob([json]).stream().pipeThrough(new CompressionStream("gzip"));
  return { body: await new Response(gzipped).blob(), contentType: "application/gzip" };
}

/** Syncs the user's store; never throws. */
export function syncNow(userId: string, fetcher: typeof fetch = fetch): Promise<SyncOutcome> {
  running ??= run(userId, fetcher).finally(() => {
    running = null;
  });
  return running;
}

async function run(userId: string, fetcher: typeof fetch): Promise<SyncOutcome> {
  try {
    await wipeOfflineData(userId);
    rememberUser(userId);
    const db = openOfflineDb(userId);
    try {
      const { body, contentType } = await encodeSyncBody(await deltaRequest(db, userId));
      let res: Response;
      try {
        res = await fetcher(SYNC_URL, {
          method: "POST",
          credentials: "same-origin",
          cache: "no-store",
          headers: { Accept: "application/json", "Content-Type": contentType },
          body,
        });
      } catch {
        return { ok: false, reason: "offline" };
      }
      if (res.status === 401) {
        db.close();
        await wipeOfflineData();
        return { ok: false, reason: "signed-out" };
      }
      if (res.status === 403) return { ok: false, reason: "refused" };
      if (!res.ok) return { ok: false, reason: "error" };
      const answer = (await res.json()) as SyncAnswer;
      if (answer.userId !== userId) return { ok: false, reason: "error" };
      // signed out while the answer was on its way (the login page wiped the device): the
      // answer must not bring the family's data back
      if (currentUser() !== userId) return { ok: false, reason: "signed-out" };
      const now = new Date();
      await applySync(db, answer, now);
      if (typeof localStorage !== "undefined") localStorage.setItem(SYNCED_AT_KEY, now.toISOString());
      return { ok: true, syncedAt: now.toISOString(), full: answer.full };
    } finally {
      db.close();
    }
  } catch {
    return { ok: false, reason: "error" };
  }
}
