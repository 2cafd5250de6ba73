/**
 * The change feed for consumers that poll: GET `?since=<ISO 8601 date-time>` with the
 * bearer token → `{ since, until, changes: { users: [...], results: [...], … } }`, only
 * the collections the token's scopes open, only what the client may see. Ask next time
 * from the answer's `until` (see lib/oneroster/changes.ts for why it lags 30 seconds).
 */
import { authenticate, logCall, requireScope } from "@/lib/oneroster/auth";
import { SCOPE, type ApiCaller } from "@/lib/oneroster/caller";
import { feedChanges } from "@/lib/oneroster/changes-feed";
import { OneRosterError, errorResponse } from "@/lib/oneroster/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const started = Date.now();
  let caller: ApiCaller | null = null;
  let response: Response;
  let records: number | null = null;
  try {
    caller = await authenticate(request);
    requireScope(caller, [SCOPE.roster, SCOPE.rosterCore, SCOPE.rosterDemographics, SCOPE.gradebookRead, SCOPE.gradebookCore]);
    const raw = new URL(request.url).searchParams.get("since");
    if (!raw) throw new OneRosterError("invalid_selection_field", "'since' is required: an ISO 8601 date-time, e.g. 2026-09-01T00:00:00Z (use the 'until' of the previous answer).");
    const since = new Date(raw);
    if (Number.isNaN(since.getTime())) throw new OneRosterError("invalid_selection_field", "'since' must be an ISO 8601 date-time, e.g. 2026-09-01T00:00:00Z.");
    const set = await feedChanges(caller, since);
    records = Object.values(set.changes).reduce((n, list) => n + list.length, 0);
    response = Response.json(set, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof OneRosterError)) console.error("OneRoster change feed failed:", error);
    response = errorResponse(error);
  }
  if (caller) await logCall(caller, request, response.status, Date.now() - started, records);
  return response;
}
