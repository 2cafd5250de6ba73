/**
 * The consent gate (R1): the one question every sender asks before anything about a
 * child leaves the school electronically (cabinet, e-mail, SMS, push).
 *
 * The current state of a guardian × child pair is their LAST consent event (append-only
 * history, ordered by time, then by id — ids are time-ordered uuid v7). Only a last event
 * GRANTED lets something through; REFUSED, WITHDRAWN or no event at all say no. A decision
 * given on any version of the consent text stays valid until the guardian changes it: a
 * new text version does not ask again by itself.
 *
 * The guardian must also still be the child's legal representative (an open
 * guardianship). No "server-only" here: the delivery outbox calls it inside its own
 * transaction, and scripts and tests may call it with any client.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";

export type ConsentClient = Pick<Db, "consentEvent" | "guardianship"> | Pick<Prisma.TransactionClient, "consentEvent" | "guardianship">;

/** Guardian id → their last decision about one child (events in any order). */
export function lastDecisions<E extends { guardianId: string; at: Date; id: string }>(events: readonly E[]): Map<string, E> {
  const last = new Map<string, E>();
  for (const e of events) {
    const seen = last.get(e.guardianId);
    if (!seen || isLater(e, seen)) last.set(e.guardianId, e);
  }
  return last;
}

/** Is a later than b in the append-only order (time, then the time-ordered id)? */
export function isLater(a: { at: Date; id: string }, b: { at: Date; id: string }): boolean {
  const d = a.at.getTime() - b.at.getTime();
  return d !== 0 ? d > 0 : a.id > b.id;
}

/** Guardians of the student (open guardianship) whose last decision about them is GRANTED. */
export async function consentedGuardianIds(c: ConsentClient, schoolId: string, studentId: string): Promise<string[]> {
  // one after the other: inside a transaction the client has a single connection
  const links = await c.guardianship.findMany({ where: { schoolId, studentId, endDate: null }, select: { guardianId: true } });
  if (links.length === 0) return [];
  const events = await c.consentEvent.findMany({
    where: { schoolId, studentId, guardianId: { in: links.map((l) => l.guardianId) } },
    select: { id: true, guardianId: true, decision: true, at: true },
  });
  const last = lastDecisions(events);
  return links
    .map((l) => l.guardianId)
    .filter((g) => last.get(g)?.decision === "GRANTED")
    .sort();
}

/** May something about this child go to this guardian electronically now? */
export async function mayDeliver(c: ConsentClient, schoolId: string, guardianId: string, studentId: string): Promise<boolean> {
  const link = await c.guardianship.findFirst({ where: { schoolId, guardianId, studentId, endDate: null }, select: { id: true } });
  if (!link) return false;
  const last = await c.consentEvent.findFirst({
    where: { schoolId, guardianId, studentId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { decision: true },
  });
  return last?.decision === "GRANTED";
}
