/**
 * The family's diary for the device (issue 7), the signed-in guardian or student, JSON.
 * POST {since?, have?} (JSON, or gzipped JSON as application/gzip: lib/diary/sync-body.ts):
 * without `since` everything (the first sync); with `since` and `have` ({childId:
 * {screen: hash}}) only what changed since that version — see lib/diary/sync.ts for the
 * protocol. The device's `have` lists every screen it holds, too many for an address,
 * hence a body; POST comes only from a page of this site (Origin check). GET answers the
 * same with `?since=…&have=<childId>/<screen>:<hash>,…`. Never cached anywhere: it is
 * children's data.
 */
import { getPrincipal } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError, GENERIC_ERROR_MESSAGE, httpStatusOf, toAppError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/push/origin";
import { syncDiary, type SyncRequest } from "@/lib/diary/sync";
import { MAX_BODY, readSyncBody } from "@/lib/diary/sync-body";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

async function answer(read: () => Promise<SyncRequest>): Promise<Response> {
  try {
    const req = await read();
    const p = await getPrincipal();
    if (!p) throw new AppError("UNAUTHENTICATED");
    return Response.json(await syncDiary(p, req), { headers: HEADERS });
  } catch (error) {
    if (!toAppError(error)) console.error("Синхронизация дневника:", error);
    const message = toAppError(error)?.message ?? GENERIC_ERROR_MESSAGE;
    return Response.json({ error: message, code: toAppError(error)?.code ?? "ERROR" }, { status: httpStatusOf(error), headers: HEADERS });
  }
}

export function GET(request: Request) {
  return answer(async () => {
    const url = new URL(request.url);
    return { since: url.searchParams.get("since"), have: url.searchParams.get("have") };
  });
}

export function POST(request: Request) {
  return answer(async () => {
    if (!isSameOrigin(request.headers, env.APP_URL)) throw new AppError("FORBIDDEN", "Запрос пришёл не со страницы дневника.");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) throw new AppError("BAD_INPUT", "Запрос синхронизации слишком велик.");
    return readSyncBody(new Uint8Array(await request.arrayBuffer()), request.headers.get("content-type"));
  });
}
