/**
 * The guardian's side of consent: what their cabinet shows before anything else, and
 * which of their children the diary may show. A decision given on any version of the
 * consent text stays valid; a new version does not ask again (see gate.ts).
 */
import "server-only";

import { db } from "@/lib/db/server";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";
import { fullName } from "@/lib/people/names";
import { dateToDay } from "@/lib/time";
import { lastDecisions } from "@/lib/consent/gate";
import { ownGuardianId } from "@/lib/consent/access";
import type { ConsentEventView, ChildConsent } from "@/lib/consent/events";

async function ownChildrenStates(p: Principal, guardianId: string): Promise<ChildConsent[]> {
  const children = await db.student.findMany({
    where: { schoolId: p.schoolId, guardianships: { some: { schoolId: p.schoolId, guardianId, endDate: null } } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, lastName: true, firstName: true, middleName: true },
  });
  if (children.length === 0) return [];
  const events = await db.consentEvent.findMany({
    where: { schoolId: p.schoolId, guardianId, studentId: { in: children.map((c) => c.id) } },
    select: { id: true, studentId: true, decision: true, form: true, at: true },
  });
  // lastDecisions keys by guardian; here the guardian is one, so key by child
  const byChild = new Map<string, typeof events>();
  for (const e of events) byChild.set(e.studentId, [...(byChild.get(e.studentId) ?? []), e]);
  return children.map((c) => {
    const last = lastDecisions((byChild.get(c.id) ?? []).map((e) => ({ ...e, guardianId }))).get(guardianId);
    return { studentId: c.id, name: fullName(c), state: last?.decision ?? "NONE", since: last?.at ?? null, form: last?.form ?? null };
  });
}

export type MyConsent = { children: ChildConsent[]; history: ConsentEventView[] };

/** The signed-in guardian's children with their current state, and every decision they made. */
export async function myConsent(p: Principal): Promise<MyConsent> {
  const guardianId = ownGuardianId(p);
  const children = await ownChildrenStates(p, guardianId);
  const events = await db.consentEvent.findMany({
    where: { schoolId: p.schoolId, guardianId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: {
      id: true, studentId: true, decision: true, form: true, at: true, documentNumber: true, documentDate: true,
      text: { select: { version: true } }, student: { select: { lastName: true, firstName: true, middleName: true } },
    },
  });
  return {
    children,
    history: events.map((e) => ({
      id: e.id, studentId: e.studentId, studentName: fullName(e.student), decision: e.decision, form: e.form, at: e.at, textVersion: e.text.version,
      documentNumber: e.documentNumber, documentDate: e.documentDate ? dateToDay(e.documentDate) : null,
      // the guardian's own view: who on the staff typed it in, and the network details, stay with the school
      recordedBy: null, ip: null, userAgent: null, scanFileName: null,
    })),
  };
}

/** The guardian's children with no decision at all yet (on any version of the text). */
export async function pendingConsents(p: Principal): Promise<{ studentId: string; name: string }[]> {
  const guardianId = ownGuardianId(p);
  return (await ownChildrenStates(p, guardianId)).filter((c) => c.state === "NONE").map((c) => ({ studentId: c.studentId, name: c.name }));
}

/** Should the family layout send this user to /consent first? Only a guardian with a child not yet decided on. */
export async function needsConsentPage(p: Principal): Promise<boolean> {
  if (!hasRole(p, "GUARDIAN") || !p.guardianId) return false;
  // read with the session's user in the same statement (lib/auth/load-principal.ts)
  if (p.undecidedChildIds) return p.undecidedChildIds.length > 0;
  return (await pendingConsents(p)).length > 0;
}

/**
 * The children the guardian's diary may show: those with a current GRANTED from this
 * guardian. Nothing about the others appears in the cabinet.
 */
export async function childrenWithConsent(p: Principal): Promise<string[]> {
  const guardianId = ownGuardianId(p);
  return (await ownChildrenStates(p, guardianId)).filter((c) => c.state === "GRANTED").map((c) => c.studentId);
}
