/**
 * The change feed (issue 9, item 5): "what changed since T" for consumers that poll, and
 * the counts behind the webhook notices (lib/oneroster/webhooks.ts). It is the same
 * objects the REST API and the CSV package give — built by the rostering and gradebook
 * modules, so the caller's school, scopes and the consent rule apply unchanged — kept
 * when their dateLastModified is after T. A removed mark, a student who left, an ended
 * membership are there with status `tobedeleted`.
 *
 * `until` is 30 seconds before the answer was built, and the next poll asks from it:
 * a write whose transaction began before a poll and committed after it carries the
 * earlier time, and without the overlap it would be missed for ever. An object may
 * therefore come twice; consumers apply changes by sourcedId, so twice is harmless.
 */
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { SCOPE, type ApiCaller } from "./caller";
import { listCategories, listLineItems, listScoreScales, pageResults } from "./gradebook";
import { rosteringBaseUrl } from "./rostering/base";
import { Roster } from "./rostering/build";
import { RosterRows } from "./rostering/load";

export const CHANGE_OVERLAP_MS = 30_000;

type Dated = { sourcedId: string; status: string; dateLastModified: string };
export type ChangeSet = { since: string; until: string; changes: Record<string, Dated[]> };

const has = (caller: ApiCaller, ...scopes: string[]) => scopes.some((s) => caller.scopes.includes(s));

/** Every object the caller may see that changed after `since`, by collection. */
export async function changesSince(client: Db, caller: ApiCaller, since: Date, now: Date = new Date()): Promise<ChangeSet> {
  const until = new Date(now.getTime() - CHANGE_OVERLAP_MS);
  const after = (o: Dated) => Date.parse(o.dateLastModified) > since.getTime();
  const changes: Record<string, Dated[]> = {};
  const put = (name: string, list: readonly Dated[]) => {
    const changed = list.filter(after);
    if (changed.length > 0) changes[name] = changed;
  };
  if (has(caller, SCOPE.roster, SCOPE.rosterCore, SCOPE.rosterDemographics)) {
    const r = await new Roster(new RosterRows(caller, client), rosteringBaseUrl()).all();
    if (has(caller, SCOPE.roster, SCOPE.rosterCore)) {
      put("orgs", r.orgs);
      put("academicSessions", r.academicSessions);
      put("courses", r.courses);
      put("classes", r.classes);
      put("users", r.users);
      put("enrollments", r.enrollments);
    }
    if (has(caller, SCOPE.rosterDemographics)) put("demographics", r.demographics);
  }
  if (has(caller, SCOPE.gradebookRead, SCOPE.gradebookCore)) {
    const ctx = { db: client, caller, origin: env.APP_URL.replace(/\/+$/, "") };
    // the marks, by far the most rows, are chosen by the database: a result's
    // dateLastModified is its mark's updatedAt (indexed), so this is the same set the
    // in-memory filter below would keep, without building the school's year of results
    const changedMarks = { where: { updatedAt: { gt: since } }, order: "asc" as const, skip: 0, take: Number.MAX_SAFE_INTEGER };
    const [categories, lineItems, results, scales] = await Promise.all([
      listCategories(ctx),
      listLineItems(ctx),
      pageResults(ctx, { kind: "all" }, changedMarks).then((r) => r.items),
      listScoreScales(ctx),
    ]);
    put("categories", categories);
    put("lineItems", lineItems);
    put("results", results);
    put("scoreScales", scales);
  }
  return { since: since.toISOString(), until: until.toISOString(), changes };
}

/** How many objects of each collection changed in the window (the webhook notice). */
export async function countChanges(client: Db, caller: ApiCaller, since: Date, until: Date): Promise<Record<string, number>> {
  const set = await changesSince(client, caller, since, new Date(until.getTime() + CHANGE_OVERLAP_MS));
  return Object.fromEntries(Object.entries(set.changes).map(([name, list]) => [name, list.length]));
}
