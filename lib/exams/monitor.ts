/**
 * The administrator's 24-hour screen (R6): every exam result received in the last 400 days
 * (so the new school year does not hide the spring's results), and every older one whose
 * family has still not been told, with the
 * time the school received it and the time it was published, and for each family whether
 * the message reached them within 24 hours, and if not, why. Problems first, the oldest
 * first; a filter shows the problems only.
 */
import "server-only";

import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { lastDecisions } from "@/lib/consent/gate";
import { db } from "@/lib/db/server";
import { DEFAULT_PREFERENCE, isConfirmedContact } from "@/lib/delivery/outbox";
import { examEventKey } from "@/lib/notify/producers";
import { fullName, shortName } from "@/lib/people/names";
import { dateToDay } from "@/lib/time";
import { familyInformed, isOpenProblem, type GuardianFacts, type Informed } from "@/lib/exams/informed";
import type { ExamResultFacts } from "@/lib/exams/scale";

/** How far back the screen shows every result; older ones only while their problem is open. */
export const MONITOR_DAYS = 400;

export type MonitorRow = ExamResultFacts & {
  id: string;
  version: number;
  receivedAt: Date;
  publishedAt: Date | null;
  informed: Informed;
};

export type Monitor = { since: Date; rows: MonitorRow[]; total: number; problems: number };

export async function examMonitor(p: Principal, o: { problemsOnly?: boolean; now?: Date } = {}): Promise<Monitor> {
  assertCan(p, "exams.manage");
  const now = o.now ?? new Date();
  const { schoolId } = p;
  const since = new Date(now.getTime() - MONITOR_DAYS * 24 * 3_600_000);
  // all of the school's results: an old one stays on the screen while its family is not told
  // (a school has a few hundred a year; those within the span are filtered after the verdict)
  const results = await db.examResult.findMany({
    where: { schoolId },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: {
      id: true, kind: true, examDate: true, primaryScore: true, maxScore: true, mark: true, version: true, receivedAt: true, publishedAt: true,
      subject: { select: { name: true } },
      student: {
        select: {
          id: true, lastName: true, firstName: true, middleName: true,
          memberships: { where: { endDate: null, cohort: { kind: "CLASS" } }, orderBy: { startDate: "desc" }, take: 1, select: { cohort: { select: { name: true } } } },
          guardianships: { where: { endDate: null }, select: { guardian: { select: { id: true, lastName: true, firstName: true, middleName: true } } } },
        },
      },
    },
  });
  const studentIds = [...new Set(results.map((r) => r.student.id))];
  const guardianIds = [...new Set(results.flatMap((r) => r.student.guardianships.map((g) => g.guardian.id)))];
  const consent = studentIds.length === 0 ? [] : await db.consentEvent.findMany({
    where: { schoolId, studentId: { in: studentIds } }, select: { id: true, guardianId: true, studentId: true, decision: true, at: true },
  });
  const prefs = guardianIds.length === 0 ? [] : await db.deliveryPreference.findMany({ where: { schoolId, guardianId: { in: guardianIds } } });
  const contacts = guardianIds.length === 0 ? [] : await db.contact.findMany({
    where: { schoolId, guardianId: { in: guardianIds }, removedAt: null }, select: { guardianId: true, channel: true, source: true, confirmedAt: true, removedAt: true },
  });
  const users = guardianIds.length === 0 ? [] : await db.user.findMany({ where: { schoolId, guardianId: { in: guardianIds }, disabledAt: null }, select: { id: true, guardianId: true } });
  const subscribed = users.length === 0 ? [] : await db.pushSubscription.findMany({
    where: { schoolId, userId: { in: users.map((u) => u.id) }, removedAt: null }, select: { userId: true },
  });
  const prints = studentIds.length === 0 ? [] : await db.extractPrint.findMany({
    where: { schoolId, studentId: { in: studentIds } }, select: { studentId: true, printedAt: true }, orderBy: { printedAt: "asc" },
  });
  const printsOf = new Map<string, Date[]>();
  for (const x of prints) printsOf.set(x.studentId, [...(printsOf.get(x.studentId) ?? []), x.printedAt]);
  const subscribedUsers = new Set(subscribed.map((x) => x.userId));
  const pushUsers = users.filter((u) => subscribedUsers.has(u.id));
  const messages = results.length === 0 ? [] : await db.outboxMessage.findMany({
    where: { schoolId, kind: "EXAM_RESULT", eventKey: { in: results.map(examEventKey) } },
    select: { eventKey: true, guardianId: true, status: true, sentAt: true, notBefore: true, lastError: true },
  });

  const consentOf = new Map<string, typeof consent>();
  for (const e of consent) consentOf.set(e.studentId, [...(consentOf.get(e.studentId) ?? []), e]);
  const decided = new Map([...consentOf].map(([s, events]) => [s, lastDecisions(events)]));
  const prefOf = new Map(prefs.map((x) => [x.guardianId, x]));
  const withPush = new Set(pushUsers.map((u) => u.guardianId));
  const messagesOf = new Map<string, typeof messages>();
  for (const m of messages) {
    const k = `${m.eventKey}|${m.guardianId ?? ""}`;
    messagesOf.set(k, [...(messagesOf.get(k) ?? []), m]);
  }

  const all: MonitorRow[] = results.map((r) => {
    const key = examEventKey(r);
    const guardians: GuardianFacts[] = r.student.guardianships.map(({ guardian: g }) => {
      const pref = prefOf.get(g.id) ?? DEFAULT_PREFERENCE;
      const mine = contacts.filter((c) => c.guardianId === g.id && isConfirmedContact(c));
      const reachable = (pref.email && mine.some((c) => c.channel === "EMAIL")) || (pref.sms && mine.some((c) => c.channel === "SMS")) || (pref.push && withPush.has(g.id));
      return {
        guardianId: g.id,
        name: fullName(g),
        consent: decided.get(r.student.id)?.get(g.id)?.decision === "GRANTED",
        paperOnly: pref.frequency === "PAPER_ONLY",
        examsOff: pref.kinds.length > 0 && !pref.kinds.includes("EXAM_RESULT"),
        reachable,
        messages: (messagesOf.get(`${key}|${g.id}`) ?? []).map((m) => ({ status: m.status, sentAt: m.sentAt, notBefore: m.notBefore, lastError: m.lastError })),
      };
    });
    return {
      id: r.id,
      student: shortName(r.student),
      className: r.student.memberships[0]?.cohort.name ?? null,
      exam: r.kind,
      subject: r.subject.name,
      examDate: dateToDay(r.examDate),
      score: r.primaryScore,
      maxScore: r.maxScore,
      mark: r.mark,
      version: r.version,
      receivedAt: r.receivedAt,
      publishedAt: r.publishedAt,
      // the first paper extract printed after the result came carries it to a family on paper
      informed: familyInformed({ receivedAt: r.receivedAt, publishedAt: r.publishedAt, guardians, paperPrintedAt: (printsOf.get(r.student.id) ?? []).find((at) => at.getTime() >= r.receivedAt.getTime()) ?? null }, now),
    };
  });
  const rows = all.filter((r) => r.receivedAt.getTime() >= since.getTime() || isOpenProblem(r.informed));
  // the problems first, the oldest first; then the rest, the newest first
  const problems = rows.filter((r) => r.informed.problem);
  const fine = rows.filter((r) => !r.informed.problem).reverse();
  return { since, rows: o.problemsOnly ? problems : [...problems, ...fine], total: rows.length, problems: problems.length };
}
