/**
 * Was the family told of an exam result within 24 hours of its receipt (R6)? Pure: the
 * result's times, each guardian's consent, choices and messages, and the instant now go
 * in; the verdict and the reasons come out. The screen (lib/exams/monitor.ts) loads them.
 *
 * A family is informed when at least one of the child's legal representatives got the
 * message (the outbox row was sent) by the deadline. Otherwise the row is a problem, with
 * the reason of each guardian: no current consent (the family is on the paper list), the
 * paper-only choice, exam messages turned off, no confirmed contact, a failed delivery,
 * a message still waiting (quiet hours) past the deadline, or the result not yet
 * published. A message still waiting that will go before the deadline is in time.
 *
 * A family on paper (no consent, or the paper-only choice) is informed on paper when a
 * paper extract of the child was printed after the result was received; until then it
 * needs one. A result published more than 24 hours after its receipt is late whatever
 * happened next.
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
  | { state: "PAPER"; at: Date; late: boolean }
  | { state: "NO_CONSENT" }
  | { state: "PAPER_ONLY" }
  | { state: "EXAMS_OFF" }
  | { state: "NO_CONTACT" }
  | { state: "NO_MESSAGE" };

export type FamilyVerdict =
  | "INFORMED"
  | "INFORMED_ON_PAPER"
  | "WAITING"
  | "LATE"
  | "PUBLISHED_LATE"
  | "NOT_INFORMED"
  | "NOT_PUBLISHED"
  | "NO_GUARDIAN";

export type Informed = {
  verdict: FamilyVerdict;
  problem: boolean;
  deadline: Date;
  /** the deadline has passed without the family informed */
  overdue: boolean;
  guardians: (GuardianState & { guardianId: string; name: string })[];
};

/**
 * `paperAt`: the first time a paper extract of the child was printed after the result was
 * received (null: none since); it informs a guardian on paper.
 */
export function guardianState(g: GuardianFacts, deadline: Date, now: Date, paperAt: Date | null = null): GuardianState {
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
  if (!g.consent || g.paperOnly) {
    if (paperAt) return { state: "PAPER", at: paperAt, late: paperAt.getTime() > deadline.getTime() };
    return g.consent ? { state: "PAPER_ONLY" } : { state: "NO_CONSENT" };
  }
  if (g.examsOff) return { state: "EXAMS_OFF" };
  if (!g.reachable) return { state: "NO_CONTACT" };
  return { state: "NO_MESSAGE" };
}

export function familyInformed(
  r: { receivedAt: Date; publishedAt: Date | null; guardians: readonly GuardianFacts[]; paperPrintedAt?: Date | null },
  now: Date,
): Informed {
  const deadline = new Date(r.receivedAt.getTime() + INFORM_WITHIN_MS);
  const pastDeadline = now.getTime() > deadline.getTime();
  const paperAt = r.paperPrintedAt && r.paperPrintedAt.getTime() >= r.receivedAt.getTime() ? r.paperPrintedAt : null;
  const guardians = r.guardians.map((g) => ({ guardianId: g.guardianId, name: g.name, ...guardianState(g, deadline, now, paperAt) }));
  const of = (verdict: FamilyVerdict, problem: boolean, overdue: boolean): Informed => ({ verdict, problem, deadline, overdue, guardians });
  if (!r.publishedAt) return of("NOT_PUBLISHED", true, pastDeadline);
  if (r.publishedAt.getTime() > deadline.getTime()) return of("PUBLISHED_LATE", true, true);
  if (guardians.length === 0) return of("NO_GUARDIAN", true, pastDeadline);
  if (guardians.some((g) => g.state === "SENT")) return of("INFORMED", false, false);
  if (guardians.some((g) => g.state === "PAPER" && !g.late)) return of("INFORMED_ON_PAPER", false, false);
  if (guardians.some((g) => g.state === "SENT_LATE" || g.state === "PAPER")) return of("LATE", true, true);
  if (guardians.some((g) => g.state === "WAITING" && !g.late)) return of("WAITING", false, false);
  return of("NOT_INFORMED", true, pastDeadline);
}

/**
 * A problem nobody has resolved yet: the family still has not heard of the result by any
 * way (a late message or a late publication is a past fact, not an open problem). The
 * screen keeps such results however old they are.
 */
export function isOpenProblem(i: Pick<Informed, "verdict">): boolean {
  return i.verdict === "NOT_INFORMED" || i.verdict === "NOT_PUBLISHED" || i.verdict === "NO_GUARDIAN";
}
