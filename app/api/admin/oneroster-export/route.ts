/**
 * The administrator's OneRoster 1.2 CSV export of the school: GET, the signed-in
 * administrator's session; `?since=<ISO date-time>` for a delta. The answer is the zip
 * as a download (lib/oneroster/csv/export.ts).
 */
import { getPrincipal } from "@/lib/auth/session";
import { AppError, GENERIC_ERROR_MESSAGE, httpStatusOf, toAppError } from "@/lib/errors";
import { adminOneRosterExport } from "@/lib/oneroster/csv/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const p = await getPrincipal();
    if (!p) throw new AppError("UNAUTHENTICATED");
    const sinceParam = new URL(request.url).searchParams.get("since");
    const since = sinceParam ? new Date(sinceParam) : undefined;
    if (since && Number.isNaN(since.getTime())) throw new AppError("BAD_INPUT", "Дата «с какого момента» не распознана: пишите так: 2026-09-01T00:00:00Z.");
    const file = await adminOneRosterExport(p, since);
    return new Response(file.body.slice().buffer, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (!toAppError(error)) console.error("Ошибка выгрузки OneRoster:", error);
    const message = toAppError(error)?.message ?? GENERIC_ERROR_MESSAGE;
    return new Response(message, { status: httpStatusOf(error), headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
