/** The change feed on the app's database, for the route (routes reach data through lib only). */
import "server-only";

import { db } from "@/lib/db/server";
import type { ApiCaller } from "./caller";
import { changesSince, type ChangeSet } from "./changes";

export function feedChanges(caller: ApiCaller, since: Date): Promise<ChangeSet> {
  return changesSince(db, caller, since);
}
