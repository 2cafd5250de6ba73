/**
 * The delivery engine against real local peers started here (issue 6, "Done when"): an
 * SMTP server, an SMPP 3.4 SMS centre and an HTTPS web-push service that decrypts what it
 * gets. Retries and failure, expired push subscriptions, the consent gate, and a worker
 * killed mid-batch and replaced: every message arrives exactly once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import webpush from "web-push";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { startSmtpPeer, type SmtpPeer } from "../support/peers/smtp-peer";
import { startSmppPeer, type SmppPeer } from "../support/peers/smpp-peer";
import { startPushPeer, type PushPeer } from "../support/peers/push-peer";
import { addContact, decide } from "../support/peers/delivery-fixtures";
import { enqueueAboutStudent, enqueueDirect, type MessageText } from "../../lib/delivery/outbox";
import { createDeliveryWorker, type WorkerOptions } from "../../lib/delivery/worker";
import { createEmailSender } from "../../lib/delivery/channels/email";
import { createSmsSender } from "../../lib/delivery/channels/sms";
import { createPushSender } from "../../lib/delivery/channels/push";

let t: TestDb;
let f: TwoSchools;
let smtp: SmtpPeer;
let smpp: SmppPeer;
let push: PushPeer;
const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:admin@school.test" };
// 12:00 in Khanty-Mansiysk (UTC+5), a weekday: outside quiet hours
const NOON = new Date("2026-03-03T07:00:00Z");

const text = (n: string | number): MessageText => ({
  subject: `Новая оценка по математике (${n})`,
  body: `Иванов Пётр получил «5» за работу на уроке (${n}).`,
  sms: `Иванов П.: «5» по математике (${n})`,
  url: "/diary",
});

function worker(o: Partial<WorkerOptions> = {}) {
  return createDeliveryWorker({
    db: t.db,
    senders: {
      EMAIL: createEmailSender({ url: smtp.url, from: "Школа А <school@a.test>", appUrl: "https://journal.test" }),
      SMS: createSmsSender({ url: smpp.url, source: "SchoolA" }),
      PUSH: createPushSender({ vapid, agent: push.agent, appUrl: "https://journal.test" }),
    },
    ...o,
  });
}

async function enqueue(eventKey: string, n: string | number = eventKey, studentId = f.A.s1) {
  return t.db.$transaction((tx) => enqueueAboutStudent(tx, { schoolId: f.A.id, studentId, kind: "MARK", eventKey, text: text(n), now: NOON }));
}

async function drain(w: ReturnType<typeof worker>) {
  for (let i = 0; i < 50; i++) if ((await w.runOnce()).claimed === 0) return;
}

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db, { consent: false });
  [smtp, smpp, push] = await Promise.all([startSmtpPeer(), startSmppPeer(), startPushPeer()]);
  await decide(t.db, f.A.id, f.A.g1, f.A.s1, "GRANTED");
  await addContact(t.db, f.A.id, f.A.g1, "EMAIL", "Svetlana.Ivanova@mail.test");
});
afterAll(async () => {
  await Promise.all([smtp.close(), smpp.close(), push.close()]);
  await t.close();
});
beforeEach(async () => {
  await t.db.deliveryAttempt.deleteMany({});
  await t.db.outboxMessage.deleteMany({});
  smtp.letters.length = 0;
  smtp.count = 0;
  smpp.submits.length = 0;
  smpp.messages.length = 0;
  push.received.length = 0;
});

describe("e-mail through a real SMTP server", () => {
  it("for a family on the daily digest, an exam result goes at once as its own letter; a mark waits for the digest", async () => {
    await t.db.deliveryPreference.create({ data: { schoolId: f.A.id, guardianId: f.A.g1, frequency: "DAILY", kinds: [] } });
    try {
      await t.db.$transaction((tx) => enqueueAboutStudent(tx, { schoolId: f.A.id, studentId: f.A.s1, kind: "MARK", eventKey: "mark:d1", text: text("d1"), now: NOON }));
      const exam: MessageText = { subject: "Результат ОГЭ: Иванов П., Математика — «5»", body: "Иванов Пётр: ОГЭ по математике — «5» (23 из 31).", sms: "Иванов П.: ОГЭ, математика «5»", url: "/diary/results" };
      await t.db.$transaction((tx) => enqueueAboutStudent(tx, { schoolId: f.A.id, studentId: f.A.s1, kind: "EXAM_RESULT", eventKey: "exam:d1", text: exam, now: NOON }));
      const w = worker({ clock: () => NOON });
      await drain(w);
      await w.stop();
      expect(smtp.letters.map((l) => l.subject)).toEqual(["Результат ОГЭ: Иванов П., Математика — «5»"]);
      const rows = await t.db.outboxMessage.findMany({ where: { eventKey: { in: ["mark:d1", "exam:d1"] } }, orderBy: { eventKey: "asc" } });
      expect(rows.map((r) => [r.eventKey, r.status])).toEqual([["exam:d1", "SENT"], ["mark:d1", "PENDING"]]);
    } finally {
      await t.db.deliveryPreference.deleteMany({ where: { schoolId: f.A.id, guardianId: f.A.g1 } });
    }
  });

  it("a letter arrives with its Cyrillic subject and body, once, and the attempt is recorded", async () => {
    expect(await enqueue("mark:e1")).toBe(1);
    expect(await enqueue("mark:e1")).toBe(0); // the same event again: nothing new
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    await w.stop();
    expect(smtp.letters).toEqual([
      expect.objectContaining({
        to: "svetlana.ivanova@mail.test",
        subject: "Новая оценка по математике (mark:e1)",
        text: "Иванов Пётр получил «5» за работу на уроке (mark:e1).\n\nПодробнее: https://journal.test/diary",
      }),
    ]);
    const row = await t.db.outboxMessage.findFirstOrThrow({ where: { eventKey: "mark:e1" }, include: { deliveryAttempts: true } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null, guardianId: f.A.g1 });
    expect(row.deliveryAttempts.map((a) => [a.ok, a.response?.slice(0, 3)])).toEqual([[true, "250"]]);
  });

  it("a server answering errors is tried again after 1, 5, 30 min, 2 h and 6 h, then the message is FAILED", async () => {
    await enqueue("mark:e2");
    smtp.failNext(100);
    let now = Date.now();
    const w = worker({ clock: () => new Date(now) });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      expect((await w.runOnce()).claimed).toBe(1);
      const row = await t.db.outboxMessage.findFirstOrThrow({ where: { eventKey: "mark:e2" } });
      if (row.status === "PENDING") waits.push(Math.round((row.notBefore.getTime() - now) / 60_000));
      // not due before its time
      expect((await w.runOnce()).claimed).toBe(0);
      now = row.notBefore.getTime() + 1000;
    }
    await w.stop();
    smtp.failNext(0);
    expect(waits).toEqual([1, 5, 30, 120, 360]);
    const row = await t.db.outboxMessage.findFirstOrThrow({ where: { eventKey: "mark:e2" }, include: { deliveryAttempts: true } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 6 });
    expect(row.lastError).toContain("451");
    expect(row.deliveryAttempts).toHaveLength(6);
    expect(row.deliveryAttempts.every((a) => !a.ok)).toBe(true);
    expect(smtp.letters).toHaveLength(0);
  });

  it("a server that is down: the attempt is recorded and the message waits for the next try", async () => {
    await enqueue("mark:e3");
    const down = await startSmtpPeer();
    await down.close();
    const w = createDeliveryWorker({ db: t.db, senders: { EMAIL: createEmailSender({ url: down.url, from: "school@a.test" }) } });
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    await w.stop();
    const row = await t.db.outboxMessage.findFirstOrThrow({ where: { eventKey: "mark:e3" }, include: { deliveryAttempts: true } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    expect(row.deliveryAttempts).toHaveLength(1);
  });
});

describe("SMS through a real SMPP 3.4 connection", () => {
  beforeAll(async () => {
    await addContact(t.db, f.A.id, f.A.g1, "SMS", "8 (912) 345-67-89");
    await t.db.deliveryPreference.create({ data: { schoolId: f.A.id, guardianId: f.A.g1, email: false, sms: true, push: false } });
  });
  afterAll(async () => {
    await t.db.deliveryPreference.deleteMany({ where: { guardianId: f.A.g1 } });
  });

  it("submit_sm arrives with the number and the UCS-2 text; a long text arrives in joined parts", async () => {
    await enqueue("mark:s1", 1);
    const long = "Завтра 5А: вместо математики (2-й урок) — русский язык, кабинет 12. Возьмите учебник и тетрадь для контрольных работ.";
    await t.db.$transaction((tx) => enqueueAboutStudent(tx, {
      schoolId: f.A.id, studentId: f.A.s1, kind: "SUBSTITUTION", eventKey: "sub:s2", now: NOON, text: { subject: "Замена", body: long, sms: long },
    }));
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    await w.stop();
    expect(smpp.messages).toEqual(expect.arrayContaining([
      { destination: "79123456789", text: "Иванов П.: «5» по математике (1)" },
      { destination: "79123456789", text: long },
    ]));
    expect(smpp.messages).toHaveLength(2);
    const single = smpp.submits.find((s) => s.udh === null);
    expect(single).toMatchObject({ dataCoding: 8, source: "SchoolA", sourceTon: 5, esmClass: 0 });
    const parts = smpp.submits.filter((s) => s.udh !== null);
    expect(parts).toHaveLength(2);
    expect(parts.every((p) => p.esmClass === 0x40 && p.dataCoding === 8 && p.text.length <= 67)).toBe(true);
    const rows = await t.db.outboxMessage.findMany({ where: { channel: "SMS" } });
    expect(rows.every((r) => r.status === "SENT" && r.address === "8 (912) 345-67-89")).toBe(true);
  });

  it("a gateway error is retried; a gateway that dropped the session is bound again", async () => {
    await enqueue("mark:s3", 3);
    smpp.failNext(1);
    let now = Date.now();
    const w = worker({ clock: () => new Date(now) });
    expect(await w.runOnce()).toMatchObject({ retried: 1 });
    smpp.dropSessions();
    await new Promise((r) => setTimeout(r, 100));
    now += 61_000;
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
    await w.stop();
    expect(smpp.messages).toEqual([{ destination: "79123456789", text: "Иванов П.: «5» по математике (3)" }]);
    const attempts = await t.db.deliveryAttempt.findMany({ orderBy: { at: "asc" } });
    expect(attempts.map((a) => a.ok)).toEqual([false, true]);
    expect(attempts[0]?.error).toMatch(/SMS-шлюз не принял сообщение/);
  });

  it("with no gateway configured the message is FAILED with a clear reason, and the worker goes on", async () => {
    await enqueue("mark:s4", 4);
    const w = createDeliveryWorker({ db: t.db, senders: { EMAIL: createEmailSender({ url: smtp.url, from: "school@a.test" }), SMS: createSmsSender({ url: "", source: "" }) } });
    // no SMPP_URL in the tests' environment
    expect(await w.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    await w.stop();
    expect(await t.db.outboxMessage.findFirstOrThrow({ where: { eventKey: "mark:s4" } })).toMatchObject({ status: "FAILED", lastError: "SMS-шлюз не настроен" });
  });
});

describe("web push to a real HTTPS endpoint", () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await t.db.user.findUniqueOrThrow({ where: { login: "a.g1" } })).id;
    await t.db.deliveryPreference.create({ data: { schoolId: f.A.id, guardianId: f.A.g1, email: false, sms: false, push: true } });
  });
  afterAll(async () => {
    await t.db.deliveryPreference.deleteMany({ where: { guardianId: f.A.g1 } });
    await t.db.pushSubscription.deleteMany({});
  });

  it("the endpoint decrypts {title, body, url}, signed with VAPID; an expired subscription (410) is removed", async () => {
    const live = push.subscribe();
    const expired = push.subscribe();
    push.answer(expired.endpoint, 410);
    const subLive = await t.db.pushSubscription.create({ data: { schoolId: f.A.id, userId, ...live } });
    const subGone = await t.db.pushSubscription.create({ data: { schoolId: f.A.id, userId, ...expired } });
    expect(await enqueue("mark:p1", 1)).toBe(2);
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ claimed: 2, sent: 1, failed: 1 });
    await w.stop();
    expect(push.received).toEqual([{
      path: new URL(live.endpoint).pathname, ttl: "86400", vapid: true,
      payload: { title: "Новая оценка по математике (1)", body: "Иванов П.: «5» по математике (1)", url: "https://journal.test/diary" },
    }]);
    expect((await t.db.pushSubscription.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: subGone.id } } })).removedAt).not.toBeNull();
    expect((await t.db.pushSubscription.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: subLive.id } } })).removedAt).toBeNull();
    // the removed one gets nothing next time
    expect(await enqueue("mark:p2", 2)).toBe(1);
  });
});

describe("consent decides", () => {
  it("nothing is written for a guardian without consent", async () => {
    await addContact(t.db, f.A.id, f.A.g2, "EMAIL", "irina@mail.test");
    expect(await enqueue("mark:c1", 1, f.A.s2)).toBe(0);
    await decide(t.db, f.A.id, f.A.g2, f.A.s2, "REFUSED");
    expect(await enqueue("mark:c2", 2, f.A.s2)).toBe(0);
    expect(await t.db.outboxMessage.count()).toBe(0);
  });

  it("consent withdrawn between writing and sending: SKIPPED, not sent; granted again: sent", async () => {
    expect(await enqueue("mark:c3", 3)).toBe(1);
    await decide(t.db, f.A.id, f.A.g1, f.A.s1, "WITHDRAWN");
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ claimed: 1, skipped: 1, sent: 0 });
    expect(await enqueue("mark:c4", 4)).toBe(0);
    await decide(t.db, f.A.id, f.A.g1, f.A.s1, "GRANTED");
    expect(await enqueue("mark:c5", 5)).toBe(1);
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
    await w.stop();
    const skipped = await t.db.outboxMessage.findFirstOrThrow({ where: { eventKey: "mark:c3" } });
    expect(skipped.status).toBe("SKIPPED");
    expect(skipped.lastError).toMatch(/согласия/);
    expect(smtp.letters.map((l) => l.subject)).toEqual(["Новая оценка по математике (5)"]);
  });

  it("a contact-confirmation code goes without consent", async () => {
    await t.db.$transaction((tx) => enqueueDirect(tx, {
      schoolId: f.A.id, channel: "EMAIL", address: "new@mail.test", kind: "CONTACT_CODE", eventKey: "code:1",
      text: { subject: "Код подтверждения", body: "Ваш код: 123456", sms: "Код: 123456" },
    }));
    const w = worker();
    await w.runOnce();
    await w.stop();
    expect(smtp.letters).toEqual([expect.objectContaining({ to: "new@mail.test", subject: "Код подтверждения", text: "Ваш код: 123456" })]);
  });
});

describe("a worker killed mid-batch", () => {
  it("200 messages: the first worker dies part-way, a second one finishes; each arrives exactly once", async () => {
    for (let i = 0; i < 200; i += 50) {
      await t.db.$transaction(async (tx) => {
        for (let k = i; k < i + 50; k++) await enqueueAboutStudent(tx, { schoolId: f.A.id, studentId: f.A.s1, kind: "MARK", eventKey: `bulk:${k}`, text: text(`№${k}`), now: NOON });
      });
    }
    const first = worker({ batchSize: 40, concurrency: 4 });
    first.start(10);
    while (smtp.count < 60) await new Promise((r) => setTimeout(r, 5));
    await first.kill();
    const arrivedBefore = smtp.count;
    expect(arrivedBefore).toBeLessThan(200);
    const stuck = await t.db.outboxMessage.count({ where: { status: "SENDING" } });
    // a new worker, after the dead one's lease has run out
    const second = worker({ batchSize: 40, clock: () => new Date(Date.now() + 3 * 60_000) });
    await drain(second);
    await second.stop();
    const subjects = smtp.letters.map((l) => l.subject).sort();
    const expected = Array.from({ length: 200 }, (_, k) => `Новая оценка по математике (№${k})`).sort();
    expect(subjects).toEqual(expected);
    expect(await t.db.outboxMessage.groupBy({ by: ["status"], _count: true })).toEqual([{ status: "SENT", _count: 200 }]);
    expect(await t.db.deliveryAttempt.count({ where: { ok: true } })).toBe(200);
    expect(stuck + arrivedBefore).toBeGreaterThan(0);
  });
});
