/**
 * The OneRoster 1.2 rostering data of one caller's school: what the rostering service's
 * routes answer (lib/oneroster/rostering-routes.ts) and what a bulk CSV export writes.
 * Everything is limited to the caller's school and, for a diary service, to the children
 * with a current consent (see rostering/load.ts).
 */
import type { Db } from "@/lib/db";
import { db } from "@/lib/db/server";
import type { ApiCaller } from "./caller";
import { Roster } from "./rostering/build";
import { RosterRows } from "./rostering/load";
import { rosteringBaseUrl } from "./rostering/base";

export { ROSTERING_BASE, rosteringBaseUrl } from "./rostering/base";
import type { RosterCollections } from "./rostering/types";

export type * from "./rostering/types";
export { Roster, gradeCode, homeroomCourseId } from "./rostering/build";

/** A per-request view of the caller's roster: each collection is read and built at most once. */
export function openRoster(caller: ApiCaller, client: Db = db): Roster {
  return new Roster(new RosterRows(caller, client), rosteringBaseUrl());
}

/** Every rostering collection the caller may see, by the CSV binding's file names. */
export function rosterCollections(caller: ApiCaller, client: Db = db): Promise<RosterCollections> {
  return openRoster(caller, client).all();
}
