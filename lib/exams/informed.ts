/**
 * Was the family told of an exam result within 24 hours of its receipt (R6)? Pure: the
 * result's times, each guardian's consent, choices and messages, and the instant now go
 * in; the verdict and the reasons come out. The screen (lib/exams/monitor.ts) loads them.
 *
 * A family is informed when at least one of the child's legal representatives got the
 * message (the outbox row was sent) by the deadline. Otherwise the row is a problem, with
 * the reason of each guardian: no current consent (the family is on the paper list), the
 * paper-only choice, exam messages turned off, no confirmed contact, a failed delivery,
 * a message still waiting (quiet hours or a digest) past the deadline, or the result not
 * yet published. A message still waiting that will go before the deadline is in time.
 */
import type { OutboxStatus } from "@/generated/prisma/enums";

export const INFORM_WITHIN_MS = 24 * 60 * 60 * 1000;

export type GuardianFacts = {
  guardianId: string;
  name: string;
  /** the last consent decision about the child is GRANTED */
  consent: boolean;
  paperOnly: boolean;
  /** the guardian chose kinds of messages and exam results are not among them */
  examsOff: boolean;
  /** a confirmed contact or push subscription on a channel the guardian chose */
  reachable: boolean;
  messages: { status: OutboxStatus; sentAt: Date | null; notBefore: Date; lastError: string | null }[];
};

export type GuardianState =
  | { state: "SENT"; at: Date }
  | { state: "SENT_LATE"; at: Date }
  | { state: "WAITING"; until: Date; late: boolean }
  | { state: "FAILED"; error: string | null }
  | { state: "NO_CONSENT" }
  | { state: "PAPER_ONLY" }
  | { state: "EXAMS_OFF" }
  | { state: "NO_CONTACT" }
  | { state: "NO_MESSAGE" };

export type FamilyVerdict = "INFORMED" | "WAITING" | "LATE" | "NOT_INFORMED" | "NOT_PUBLISHED" | "NO_GUARDIAN";

export type Informed = {
  verdict: FamilyVerdict;
  problem: boolean;
  deadline: Date;
  /** the deadline has passed without the family informed */
  overdue: boolean;
  guardians: (GuardianState & { guardianId: string; name: string })[];
};

export function guardianState(g: GuardianFacts, deadline: Date, now: Date): GuardianState {
  const sent = g.messages.filter((m) => m.status === "SENT" && m.sentAt).map((m) => m.sentAt as Date).sort((a, b) => a.getTime() - b.getTime())[0];
  if (sent) return sent.getTime() <= deadline.getTime() ? { state: "SENT", at: sent } : { state: "SENT_LATE", at: sent };
  const waiting = g.messages.filter((m) => m.status === "PENDING" || m.status === "SENDING").map((m) => m.notBefore).sort((a, b) => a.getTime() - b.getTime())[0];
  if (waiting) {
    const until = waiting.getTime() > now.getTime() ? waiting : now;
    return { state: "WAITING", until, late: until.getTime() > deadline.getTime() };
  }
  if (g.messages.length > 0) {
    const failed = g.messages.find((m) => m.status === "FAILED") ?? g.messages[0];
    return { state: "FAILED", error: failed?.lastError ?? null };
  }
  if (!g.consent) return { state: "NO_CONSENT" };
  if (g.paperOnly) return { state: "PAPER_ONLY" };
  if (g.examsOff) return { state: "EXAMS_OFF" };
  if (!g.reachable) return { state: "NO_CONTACT" };
  return { state: "NO_MESSAGE" };
}

export function familyInformed(r: { receivedAt: Date; publishedAt: Date | null; guardians: readonly GuardianFacts[] }, now: Date): Informed {
  const deadline = new Date(r.receivedAt.getTime() + INFORM_WITHIN_MS);
  const pastDeadline = now.getTime() > deadline.getTime();
  const guardians = r.guardians.map((g) => ({ guardianId: g.guardianId, name: g.name, ...guardianState(g, deadline, now) }));
  const of = (verdict: FamilyVerdict, problem: boolean, overdue: boolean): Informed => ({ verdict, problem, deadline, overdue, guardians });
  if (!r.publishedAt) return of("NOT_PUBLISHED", true, pastDeadline);
  if (guardians.length === 0) return of("NO_GUARDIAN", true, pastDeadline);
  if (guardians.some((g) => g.state === "SENT")) return of("INFORMED", false, false);
  if (guardians.some((g) => g.state === "SENT_LATE")) return of("LATE", true, true);
  if (guardians.some((g) => g.state === "WAITING" && !g.late)) return of("WAITING", false, false);
  return of("NOT_INFORMED", true, pastDeadline);
}
