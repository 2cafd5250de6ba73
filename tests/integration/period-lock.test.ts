/**
 * Closing and reopening periods (issue 4, item 5) on a real database: only the
 * administrator of the school, reopening only with a reason in words, both kept in the
 * audit history with who and when, shown on the administrator's list of periods.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { closePeriod, listPeriodLocks, reopenPeriod } from "../../lib/journal/period-lock";
import { addDays, dayToDate } from "../../lib/time";
import { outcome, refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let q2: string;
let q3: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const period = (name: string, number: number, from: string, to: string) =>
    t.db.period.create({ data: { schoolId: f.A.id, yearId: f.A.yearId, kind: "QUARTER", number, name, startDate: dayToDate(from), endDate: dayToDate(to), gradeFrom: 1, gradeTo: 9 } });
  q2 = (await period("2 четверть", 2, addDays(f.today, -10), addDays(f.today, 10))).id;
  q3 = (await period("3 четверть", 3, addDays(f.today, 20), addDays(f.today, 60))).id;
});
afterAll(async () => {
  await t.close();
});

const REASON = "Исправление ошибки в отметке по заявлению родителя";

describe("closing and reopening", () => {
  it("only the school's administrator closes or reopens", async () => {
    for (const login of ["a.math", "a.g1", "a.s1"]) expect(await outcome(closePeriod(await f.as(login), q3))).toBe("FORBIDDEN");
    expect(await outcome(closePeriod(await f.as("b.admin"), q3))).toBe("NOT_FOUND");
    expect(await outcome(closePeriod(await f.as("a.admin"), "nonsense"))).toBe("NOT_FOUND");
    expect((await t.db.period.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: q3 } } })).closedAt).toBeNull();
  });

  it("refuses a reopening without a reason in words, and keeps the period closed", async () => {
    const admin = await f.as("a.admin");
    await closePeriod(admin, q3);
    for (const reason of ["", "   ", "ошибка", "ок ок"]) {
      const e = await refusal(reopenPeriod(admin, q3, reason));
      expect(e.code).toBe("BAD_INPUT");
      expect(e.fieldErrors?.reason?.[0]).toMatch(/почему период открывается снова/);
    }
    expect((await refusal(reopenPeriod(admin, q3, "x".repeat(501) + " слово"))).code).toBe("BAD_INPUT");
    expect((await t.db.period.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: q3 } } })).closedAt).not.toBeNull();
    expect(await outcome(reopenPeriod(await f.as("a.math"), q3, REASON))).toBe("FORBIDDEN");
  });

  it("keeps both in the audit history, with who, when and why, and refuses doing either twice", async () => {
    const admin = await f.as("a.admin");
    const e = await refusal(closePeriod(admin, q3));
    expect([e.code, e.message]).toEqual(["CONFLICT", "Период «3 четверть» уже закрыт."]);
    expect(await reopenPeriod(admin, q3, `  ${REASON}  `)).toEqual({ name: "3 четверть" });
    expect((await refusal(reopenPeriod(admin, q3, REASON))).code).toBe("CONFLICT");
    const trail = await t.db.auditEvent.findMany({ where: { schoolId: f.A.id, entity: "PERIOD", entityId: q3 }, orderBy: { at: "asc" } });
    const user = await t.db.user.findUniqueOrThrow({ where: { login: "a.admin" } });
    expect(trail.map((a) => [a.action, a.reason, a.actorUserId])).toEqual([["CLOSE", null, user.id], ["REOPEN", REASON, user.id]]);
  });

  it("shows the year's periods with their state and history on the administrator's list", async () => {
    const admin = await f.as("a.admin");
    await closePeriod(admin, q2);
    const list = await listPeriodLocks(admin);
    expect(list.year).toMatchObject({ id: f.A.yearId, closed: false });
    expect(list.periods.map((x) => [x.name, x.timing, x.closedAt !== null])).toEqual([
      ["2 четверть", "CURRENT", true],
      ["3 четверть", "FUTURE", false],
      ["Год", "CURRENT", false],
    ]);
    const [second, third] = list.periods;
    expect(second?.closedBy).toBe("Директорова А. И.");
    expect(third?.closedBy).toBeNull();
    expect(third?.history.map((h) => [h.action, h.actor, h.reason])).toEqual([["CLOSE", "Директорова А. И.", null], ["REOPEN", "Директорова А. И.", REASON]]);
    expect(await outcome(listPeriodLocks(await f.as("a.math")))).toBe("FORBIDDEN");
    // another school's list has nothing of this one
    const b = await listPeriodLocks(await f.as("b.admin"));
    expect(b.periods.map((x) => x.name)).toEqual(["Год"]);
    expect(b.periods[0]?.history).toEqual([]);
  });

  it("neither closes nor reopens a period of a closed year", async () => {
    const admin = await f.as("a.admin");
    await t.db.academicYear.update({ where: { schoolId_id: { schoolId: f.A.id, id: f.A.yearId } }, data: { closedAt: new Date() } });
    try {
      expect(await outcome(closePeriod(admin, q3))).toBe("PERIOD_CLOSED");
      expect(await outcome(reopenPeriod(admin, q2, REASON))).toBe("PERIOD_CLOSED");
    } finally {
      await t.db.academicYear.update({ where: { schoolId_id: { schoolId: f.A.id, id: f.A.yearId } }, data: { closedAt: null } });
    }
  });
});
