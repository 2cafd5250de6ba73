/**
 * The administrator's delivery screen (issue 6, item 7): what was sent to whom, masked,
 * counted and filtered; "Повторить" puts a failed message back; only administrators, only
 * their own school; and the outbox honours each guardian's preferences.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { refusal } from "../support/refusal";
import { addContact, decide } from "../support/peers/delivery-fixtures";
import { listDeliveries, retryDelivery } from "../../lib/delivery/admin";
import { enqueueAboutStudent } from "../../lib/delivery/outbox";

let t: TestDb;
let f: TwoSchools;
const NOON = new Date("2026-03-03T07:00:00Z");
const text = { subject: "Оценка", body: "«5» по математике", sms: "«5» по математике" };
const enqueue = (eventKey: string, kind: "MARK" | "HOMEWORK" = "MARK", now = NOON) =>
  t.db.$transaction((tx) => enqueueAboutStudent(tx, { schoolId: f.A.id, studentId: f.A.s1, kind, eventKey, text, now }));

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  await decide(t.db, f.A.id, f.A.g1, f.A.s1, "GRANTED");
  await addContact(t.db, f.A.id, f.A.g1, "EMAIL", "ivanova@mail.ru");
  await addContact(t.db, f.A.id, f.A.g1, "SMS", "+7 912 345-12-34");
  await addContact(t.db, f.A.id, f.A.g1, "EMAIL", "unconfirmed@mail.ru", false);
});
afterAll(async () => {
  await t.close();
});

describe("the outbox follows the guardian's choices", () => {
  it("defaults: e-mail to confirmed contacts only, no SMS", async () => {
    expect(await enqueue("p:1")).toBe(1);
    expect((await t.db.outboxMessage.findMany({ where: { eventKey: "p:1" } })).map((r) => r.address)).toEqual(["ivanova@mail.ru"]);
  });

  it("kinds, SMS at night after quiet hours, daily digest at 18:00, paper only", async () => {
    const pref = await t.db.deliveryPreference.create({ data: { schoolId: f.A.id, guardianId: f.A.g1, sms: true, kinds: ["HOMEWORK"] } });
    expect(await enqueue("p:2", "MARK")).toBe(0);
    // 23:00 local: e-mail at once, SMS at 08:00 local
    expect(await enqueue("p:3", "HOMEWORK", new Date("2026-03-03T18:00:00Z"))).toBe(2);
    const rows = await t.db.outboxMessage.findMany({ where: { eventKey: "p:3" }, orderBy: { channel: "asc" } });
    expect(rows.map((r) => [r.channel, r.notBefore.toISOString()])).toEqual([
      ["EMAIL", "2026-03-03T18:00:00.000Z"], ["SMS", "2026-03-04T03:00:00.000Z"],
    ]);
    await t.db.deliveryPreference.update({ where: { schoolId_id: { schoolId: f.A.id, id: pref.id } }, data: { kinds: [], sms: false, frequency: "DAILY" } });
    expect(await enqueue("p:4")).toBe(1);
    expect((await t.db.outboxMessage.findFirstOrThrow({ where: { eventKey: "p:4" } })).notBefore.toISOString()).toBe("2026-03-03T13:00:00.000Z");
    await t.db.deliveryPreference.update({ where: { schoolId_id: { schoolId: f.A.id, id: pref.id } }, data: { frequency: "PAPER_ONLY" } });
    expect(await enqueue("p:5")).toBe(0);
    await t.db.deliveryPreference.delete({ where: { schoolId_id: { schoolId: f.A.id, id: pref.id } } });
  });
});

describe("the administrator's screen", () => {
  it("lists with guardian name and masked address, counts by status, filters", async () => {
    const admin = await f.as("a.admin");
    const all = await listDeliveries(admin, {});
    expect(all.total).toBe(4);
    expect(all.counts).toMatchObject({ PENDING: 4, SENT: 0, FAILED: 0 });
    const sms = await listDeliveries(admin, { channel: "SMS" });
    expect(sms.rows.map((r) => [r.recipient, r.address, r.kind])).toEqual([["Иванова Светлана", "+7 9** ***-12-34", "HOMEWORK"]]);
    expect(all.rows.every((r) => !r.address.includes("ivanova"))).toBe(true);
    expect(all.rows.find((r) => r.channel === "EMAIL")?.address).toBe("i***@mail.ru");
    // the deputy is an administrator too
    expect((await listDeliveries(await f.as("a.deputy"), { status: "FAILED" })).rows).toEqual([]);
  });

  it("«Повторить» puts a FAILED message back in the queue; anything else is refused", async () => {
    const admin = await f.as("a.admin");
    const row = await t.db.outboxMessage.findFirstOrThrow({ where: { eventKey: "p:1" } });
    expect((await refusal(retryDelivery(admin, row.id))).code).toBe("CONFLICT");
    await t.db.outboxMessage.update({ where: { schoolId_id: { schoolId: f.A.id, id: row.id } }, data: { status: "FAILED", attempts: 6, lastError: "451" } });
    await retryDelivery(admin, row.id);
    expect(await t.db.outboxMessage.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: row.id } } })).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("teachers and families are refused; another school's message is not found", async () => {
    for (const login of ["a.math", "a.g1", "a.s1"]) expect((await refusal(listDeliveries(await f.as(login), {}))).code).toBe("FORBIDDEN");
    const row = await t.db.outboxMessage.findFirstOrThrow({ where: { eventKey: "p:1" } });
    expect((await refusal(retryDelivery(await f.as("b.admin"), row.id))).code).toBe("NOT_FOUND");
    expect((await listDeliveries(await f.as("b.admin"), {})).total).toBe(0);
  });
});
