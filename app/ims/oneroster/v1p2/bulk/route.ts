/**
 * The OneRoster 1.2 CSV package for API clients: GET with the bearer token, bulk, or a
 * delta with `?since=<ISO 8601 date-time>`. What is in it follows the token's scopes as
 * on the REST API (demographics and the gradebook files only with their scopes); every
 * call is logged like the API's.
 */
import { authenticate, logCall, requireScope } from "@/lib/oneroster/auth";
import { SCOPE, type ApiCaller } from "@/lib/oneroster/caller";
import { exportOneRosterCsv } from "@/lib/oneroster/csv/export";
import { OneRosterError, errorResponse } from "@/lib/oneroster/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const started = Date.now();
  let caller: ApiCaller | null = null;
  let response: Response;
  try {
    caller = await authenticate(request);
    requireScope(caller, [SCOPE.roster, SCOPE.rosterCore]);
    const sinceParam = new URL(request.url).searchParams.get("since");
    const since = sinceParam ? new Date(sinceParam) : undefined;
    if (since && Number.isNaN(since.getTime())) throw new OneRosterError("invaliddata", "'since' must be an ISO 8601 date-time, e.g. 2026-09-01T00:00:00Z.");
    const zip = await exportOneRosterCsv(caller, { since });
    response = new Response(zip.slice().buffer, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="oneroster-${caller.schoolId}${since ? "-delta" : ""}.zip"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof OneRosterError)) console.error("OneRoster bulk export failed:", error);
    response = errorResponse(error);
  }
  if (caller) await logCall(caller, request, response.status, Date.now() - started, null);
  return response;
}
