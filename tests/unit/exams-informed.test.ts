/**
 * Was the family told of an exam result within 24 hours of receipt, and if not, why: one
 * guardian reached in time is enough; otherwise each guardian's reason is named.
 */
import { describe, expect, it } from "vitest";

import { familyInformed, type GuardianFacts } from "../../lib/exams/informed";

const received = new Date("2026-06-01T05:00:00Z");
const h = (n: number) => new Date(received.getTime() + n * 3_600_000);
const base: GuardianFacts = { guardianId: "g1", name: "Иванова Светлана", consent: true, paperOnly: false, examsOff: false, reachable: true, messages: [] };
const msg = (status: "PENDING" | "SENDING" | "SENT" | "FAILED" | "SKIPPED", o: { sentAt?: Date; notBefore?: Date; lastError?: string } = {}) => ({
  status, sentAt: o.sentAt ?? null, notBefore: o.notBefore ?? received, lastError: o.lastError ?? null,
});

describe("familyInformed", () => {
  it("a message sent within 24 hours informs the family, even if the other guardian has no consent", () => {
    const r = familyInformed({ receivedAt: received, publishedAt: received, guardians: [{ ...base, messages: [msg("SENT", { sentAt: h(1) })] }, { ...base, guardianId: "g2", consent: false }] }, h(30));
    expect(r.verdict).toBe("INFORMED");
    expect(r.problem).toBe(false);
    expect(r.guardians.map((g) => g.state)).toEqual(["SENT", "NO_CONSENT"]);
  });

  it("a message still waiting for the end of quiet hours is in time before the deadline, a problem after it", () => {
    const waiting = { ...base, messages: [msg("PENDING", { notBefore: h(10) })] };
    const soon = familyInformed({ receivedAt: received, publishedAt: received, guardians: [waiting] }, h(2));
    expect(soon).toMatchObject({ verdict: "WAITING", problem: false });
    const digest = familyInformed({ receivedAt: received, publishedAt: received, guardians: [{ ...base, messages: [msg("PENDING", { notBefore: h(30) })] }] }, h(2));
    expect(digest).toMatchObject({ verdict: "NOT_INFORMED", problem: true, overdue: false });
    expect(digest.guardians[0]).toMatchObject({ state: "WAITING", late: true });
    const stuck = familyInformed({ receivedAt: received, publishedAt: received, guardians: [waiting] }, h(25));
    expect(stuck).toMatchObject({ verdict: "NOT_INFORMED", problem: true, overdue: true });
  });

  it("names why: no consent, paper only, exam messages off, no contact, a failed delivery", () => {
    const r = familyInformed({
      receivedAt: received, publishedAt: received,
      guardians: [
        { ...base, guardianId: "a", consent: false },
        { ...base, guardianId: "b", paperOnly: true },
        { ...base, guardianId: "c", examsOff: true },
        { ...base, guardianId: "d", reachable: false },
        { ...base, guardianId: "e", messages: [msg("FAILED", { lastError: "абонент недоступен" })] },
      ],
    }, h(3));
    expect(r).toMatchObject({ verdict: "NOT_INFORMED", problem: true, overdue: false });
    expect(r.guardians.map((g) => g.state)).toEqual(["NO_CONSENT", "PAPER_ONLY", "EXAMS_OFF", "NO_CONTACT", "FAILED"]);
    expect(r.guardians[4]).toMatchObject({ error: "абонент недоступен" });
  });

  it("a message sent after 24 hours is late; an unpublished result and a child without guardians are problems", () => {
    expect(familyInformed({ receivedAt: received, publishedAt: received, guardians: [{ ...base, messages: [msg("SENT", { sentAt: h(26) })] }] }, h(27)))
      .toMatchObject({ verdict: "LATE", problem: true, overdue: true });
    expect(familyInformed({ receivedAt: received, publishedAt: null, guardians: [base] }, h(1))).toMatchObject({ verdict: "NOT_PUBLISHED", problem: true });
    expect(familyInformed({ receivedAt: received, publishedAt: received, guardians: [] }, h(1))).toMatchObject({ verdict: "NO_GUARDIAN", problem: true });
  });
});
