/**
 * The body of POST /api/diary/sync (issue 7): `{since?, have?}` as JSON, gzipped by the
 * phone when its browser can (Content-Type: application/gzip; plain application/json
 * otherwise). The device's `have` lists every screen it holds with its hash — about ten
 * kilobytes for a family of two, three after gzip — and it goes up on every sync, so it
 * is worth the squeeze. An opaque gzip body rather than Content-Encoding: no proxy or
 * framework on the way has an opinion about it.
 */
import { gunzipSync } from "node:zlib";

import { AppError } from "@/lib/errors";
import type { HaveBody, SyncRequest } from "@/lib/diary/sync";

export const GZIP_TYPE = "application/gzip";
/** a family's `have` is some tens of kilobytes as JSON; anything much bigger is not the diary's */
export const MAX_BODY = 1_000_000;

const BAD = "Запрос синхронизации записан неверно.";

/**
 * The request in a body: BAD_INPUT when it is not JSON (or gzipped JSON) of an object, or
 * too big; inside it, anything unreadable counts as absent (a full sync, or the screens
 * sent again), as lib/diary/sync.ts reads `since` and `have`.
 */
export function readSyncBody(bytes: Uint8Array, contentType: string | null): SyncRequest {
  if (bytes.byteLength > MAX_BODY) throw new AppError("BAD_INPUT", "Запрос синхронизации слишком велик.");
  let text: string;
  if ((contentType ?? "").split(";")[0]?.trim().toLowerCase() === GZIP_TYPE) {
    try {
      text = gunzipSync(bytes, { maxOutputLength: MAX_BODY }).toString("utf8");
    } catch {
      throw new AppError("BAD_INPUT", BAD);
    }
  } else {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  }
  let body: unknown;
  try {
    body = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new AppError("BAD_INPUT", BAD);
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("BAD_INPUT", BAD);
  const { since, have } = body as { since?: unknown; have?: unknown };
  return {
    since: typeof since === "string" ? since : null,
    have: have && typeof have === "object" && !Array.isArray(have) ? (have as HaveBody) : null,
  };
}
