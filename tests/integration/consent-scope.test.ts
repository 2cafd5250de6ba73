/**
 * R1 in every read: a guardian sees a child in the cabinet only while their last consent
 * decision about that child is GRANTED. Before a decision, after a refusal and after a
 * withdrawal the child is not there (the diary answers NOT_FOUND, the list of children
 * leaves them out), while the consent page itself still offers the decision.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { outcome } from "../support/refusal";
import { giveElectronicDecision, withdrawConsent } from "../../lib/consent/events";
import { needsConsentPage } from "../../lib/consent/family";
import { listMyStudents } from "../../lib/people/students";
import { readDiaryWeek } from "../../lib/diary/week";

let t: TestDb;
let f: TwoSchools;
const net = { ip: "10.0.0.9", userAgent: "Mozilla/5.0 (тест)" };

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db, { consent: false });
});
afterAll(async () => {
  await t.close();
});

describe("what a guardian sees follows their consent", () => {
  it("no decision: no child in the cabinet, the diary is not found, the consent page is due", async () => {
    const g2 = await f.as("a.g2");
    expect(await listMyStudents(g2)).toEqual([]);
    expect(await outcome(readDiaryWeek(g2, f.A.s2, f.today))).toBe("NOT_FOUND");
    expect(await needsConsentPage(g2)).toBe(true);
  });

  it("granted: the child is there; refused or withdrawn: gone again at the next request", async () => {
    await giveElectronicDecision(await f.as("a.g2"), { studentId: f.A.s2, decision: "GRANTED", ...net });
    const granted = await f.as("a.g2");
    expect((await listMyStudents(granted)).map((c) => c.id)).toEqual([f.A.s2]);
    expect(await outcome(readDiaryWeek(granted, f.A.s2, f.today))).toBe("OK");
    expect(await needsConsentPage(granted)).toBe(false);

    await withdrawConsent(granted, { studentId: f.A.s2, ...net });
    const withdrawn = await f.as("a.g2");
    expect(await listMyStudents(withdrawn)).toEqual([]);
    expect(await outcome(readDiaryWeek(withdrawn, f.A.s2, f.today))).toBe("NOT_FOUND");
  });

  it("one guardian's consent does not open the child to another guardian", async () => {
    // a.g1 has two children and no decision: neither is visible
    const g1 = await f.as("a.g1");
    expect(await listMyStudents(g1)).toEqual([]);
    await giveElectronicDecision(g1, { studentId: f.A.s1, decision: "GRANTED", ...net });
    await giveElectronicDecision(g1, { studentId: f.A.s3, decision: "REFUSED", ...net });
    const after = await f.as("a.g1");
    expect((await listMyStudents(after)).map((c) => c.id)).toEqual([f.A.s1]);
    expect(await outcome(readDiaryWeek(after, f.A.s3, f.today))).toBe("NOT_FOUND");
  });
});
