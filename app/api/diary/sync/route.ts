/**
 * The family's diary for the device (issue 7): GET, the signed-in guardian or student,
 * JSON. Without parameters: everything (the first sync). With `?since=<version>&have=
 * <childId>/<screen>:<hash>,…`: only what changed since that version — see
 * lib/diary/sync.ts for the protocol. Never cached anywhere: it is children's data.
 */
import { getPrincipal } from "@/lib/auth/session";
import { AppError, GENERIC_ERROR_MESSAGE, httpStatusOf } from "@/lib/errors";
import { syncDiary } from "@/lib/diary/sync";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export async function GET(request: Request) {
  try {
    const p = await getPrincipal();
    if (!p) throw new AppError("UNAUTHENTICATED");
    const url = new URL(request.url);
    const answer = await syncDiary(p, { since: url.searchParams.get("since"), have: url.searchParams.get("have") });
    return Response.json(answer, { headers: HEADERS });
  } catch (error) {
    if (!(error instanceof AppError)) console.error("Синхронизация дневника:", error);
    const message = error instanceof AppError ? error.message : GENERIC_ERROR_MESSAGE;
    return Response.json({ error: message, code: error instanceof AppError ? error.code : "ERROR" }, { status: httpStatusOf(error), headers: HEADERS });
  }
}
