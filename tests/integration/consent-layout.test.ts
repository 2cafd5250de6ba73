/**
 * The family layout sends a guardian with a child not yet decided on to the consent page
 * first (R1). Which children those are comes with the signed-in user, in the statement
 * that loads them (lib/auth/load-principal.ts), and must agree with the consent registry.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { loadPrincipal } from "../../lib/auth/load-principal";
import type { Principal } from "../../lib/auth/principal";
import { recordPaperDecision } from "../../lib/consent/events";
import { needsConsentPage } from "../../lib/consent/family";

let t: TestDb;
let f: TwoSchools;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
});
afterAll(async () => {
  await t.close();
});

describe("the children a guardian has still to decide on", () => {
  it("the family layout's «decide first» comes with the signed-in user and agrees with the registry", async () => {
    // a new guardian of s2 with no decision yet
    const uncle = await t.db.guardian.create({ data: { schoolId: f.A.id, lastName: "Петров", firstName: "Олег" } });
    await t.db.guardianship.create({ data: { schoolId: f.A.id, guardianId: uncle.id, studentId: f.A.s2, relation: "TRUSTEE" } });
    const user = await t.db.user.create({ data: { schoolId: f.A.id, login: "a.uncle", kind: "GUARDIAN", guardianId: uncle.id } });
    const as = async () => {
      const p = await loadPrincipal(user.id, user.sessionVersion);
      if (!p) throw new Error("no principal");
      return p;
    };
    const fromRegistry = (p: Principal) => needsConsentPage({ ...p, undecidedChildIds: undefined });
    let p = await as();
    expect(p.undecidedChildIds).toEqual([f.A.s2]);
    expect(await needsConsentPage(p)).toBe(true);
    expect(await fromRegistry(p)).toBe(true);
    // a second child comes under the guardian: undecided too
    const link = await t.db.guardianship.create({ data: { schoolId: f.A.id, guardianId: uncle.id, studentId: f.A.s1, relation: "TRUSTEE" } });
    p = await as();
    expect([...(p.undecidedChildIds ?? [])].sort()).toEqual([f.A.s1, f.A.s2].sort());
    // decided on s2 (a refusal is a decision too); s1's guardianship ends: nothing left to decide
    await recordPaperDecision(await f.as("a.admin"), { guardianId: uncle.id, studentId: f.A.s2, decision: "REFUSED", documentNumber: "21", documentDate: f.today });
    p = await as();
    expect(p.undecidedChildIds).toEqual([f.A.s1]);
    await t.db.guardianship.update({ where: { schoolId_id: { schoolId: f.A.id, id: link.id } }, data: { endDate: new Date() } });
    p = await as();
    expect(p.undecidedChildIds).toEqual([]);
    expect(await needsConsentPage(p)).toBe(false);
    expect(await fromRegistry(p)).toBe(false);
    // only guardians carry it
    expect((await f.as("a.admin")).undecidedChildIds).toBeUndefined();
  });

});
