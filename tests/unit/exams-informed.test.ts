/**
 * Was the family told of an exam result within 24 hours of receipt, and if not, why: one
 * guardian reached in time is enough; otherwise each guardian's reason is named.
 */
import { describe, expect, it } from "vitest";

import { familyInformed, isOpenProblem, type GuardianFacts } from "../../lib/exams/informed";

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

  it("a result published more than 24 hours after the school received it is late, even if the message went at once", () => {
    const r = familyInformed({ receivedAt: received, publishedAt: h(30), guardians: [{ ...base, messages: [msg("SENT", { sentAt: h(30) })] }] }, h(31));
    expect(r).toMatchObject({ verdict: "PUBLISHED_LATE", problem: true, overdue: true });
    // published within the day: in time
    expect(familyInformed({ receivedAt: received, publishedAt: h(23), guardians: [{ ...base, messages: [msg("SENT", { sentAt: h(23) })] }] }, h(31)))
      .toMatchObject({ verdict: "INFORMED", problem: false });
  });

  it("a family on paper is informed by an extract printed after the receipt; before that it needs one", () => {
    const paper = [{ ...base, consent: false }, { ...base, guardianId: "g2", paperOnly: true }];
    const none = familyInformed({ receivedAt: received, publishedAt: received, guardians: paper, paperPrintedAt: null }, h(2));
    expect(none).toMatchObject({ verdict: "NOT_INFORMED", problem: true });
    expect(none.guardians.map((g) => g.state)).toEqual(["NO_CONSENT", "PAPER_ONLY"]);
    // an extract printed before the result came does not carry it
    const before = familyInformed({ receivedAt: received, publishedAt: received, guardians: paper, paperPrintedAt: h(-5) }, h(2));
    expect(before.verdict).toBe("NOT_INFORMED");
    const printed = familyInformed({ receivedAt: received, publishedAt: received, guardians: paper, paperPrintedAt: h(3) }, h(4));
    expect(printed).toMatchObject({ verdict: "INFORMED_ON_PAPER", problem: false });
    expect(printed.guardians.map((g) => g.state)).toEqual(["PAPER", "PAPER"]);
    // a guardian with e-mail is not counted as informed by the extract
    const mixed = familyInformed({ receivedAt: received, publishedAt: received, guardians: [{ ...base, reachable: false }], paperPrintedAt: h(3) }, h(4));
    expect(mixed.guardians.map((g) => g.state)).toEqual(["NO_CONTACT"]);
    expect(familyInformed({ receivedAt: received, publishedAt: received, guardians: paper, paperPrintedAt: h(30) }, h(31)))
      .toMatchObject({ verdict: "LATE", problem: true });
  });

  it("only a family still not informed is an open problem", () => {
    expect(["NOT_INFORMED", "NOT_PUBLISHED", "NO_GUARDIAN", "LATE", "PUBLISHED_LATE", "INFORMED", "INFORMED_ON_PAPER", "WAITING"].map((verdict) => isOpenProblem({ verdict: verdict as never })))
      .toEqual([true, true, true, false, false, false, false, false]);
  });
});
