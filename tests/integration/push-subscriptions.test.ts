/**
 * The devices a family member receives web push on (issue 7, item 6), on a real
 * database: storing the browser's subscription, sending it again, listing one's own,
 * turning one off; another user's device and another school's are NOT_FOUND; staff are
 * refused. And the cross-site check of the route.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { refusal } from "../support/refusal";
import { listMyPushDevices, removePushSubscription, savePushSubscription } from "../../lib/push/subscriptions";
import { isSameOrigin } from "../../lib/push/origin";

let t: TestDb;
let f: TwoSchools;

const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Mobile Safari/537.36";
const IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";

const P256DH = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";
function subscription(name: string, keys: { p256dh?: string; auth?: string } = {}) {
  return {
    endpoint: `https://push.example.org/send/${name}`,
    expirationTime: null,
    keys: { p256dh: keys.p256dh ?? P256DH, auth: keys.auth ?? "tBHItJI5svbpez7KI4CCXg" },
  };
}

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.db.pushSubscription.deleteMany({});
});

describe("a guardian's devices", () => {
  it("the browser's subscription is stored for the user with its keys and user agent, and listed", async () => {
    const g1 = await f.as("a.g1");
    const { id } = await savePushSubscription(g1, subscription("phone"), ANDROID_CHROME);
    const row = await t.db.pushSubscription.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id } } });
    expect(row).toMatchObject({ userId: g1.userId, endpoint: "https://push.example.org/send/phone", p256dh: P256DH, auth: "tBHItJI5svbpez7KI4CCXg", userAgent: ANDROID_CHROME, removedAt: null });
    const devices = await listMyPushDevices(g1);
    expect(devices).toEqual([{ id, device: "Chrome, Android", endpoint: "https://push.example.org/send/phone", createdAt: row.createdAt, lastUsedAt: null }]);
  });

  it("sending the same subscription again keeps one row and takes the new keys", async () => {
    const g1 = await f.as("a.g1");
    const first = await savePushSubscription(g1, subscription("phone"), ANDROID_CHROME);
    const again = await savePushSubscription(g1, subscription("phone", { auth: "bmV3LWF1dGgtc2VjcmV0" }), ANDROID_CHROME);
    expect(again.id).toBe(first.id);
    expect(await t.db.pushSubscription.count({ where: { schoolId: f.A.id } })).toBe(1);
    expect((await t.db.pushSubscription.findFirstOrThrow({ where: { id: first.id } })).auth).toBe("bmV3LWF1dGgtc2VjcmV0");
  });

  it("a student stores their own device too; staff are refused", async () => {
    const s1 = await f.as("a.s1");
    await savePushSubscription(s1, subscription("student"), IPHONE_SAFARI);
    expect((await listMyPushDevices(s1)).map((d) => d.device)).toEqual(["Safari, iPhone"]);
    for (const login of ["a.math", "a.admin"]) {
      const staff = await f.as(login);
      expect((await refusal(savePushSubscription(staff, subscription(login), ANDROID_CHROME))).code).toBe("FORBIDDEN");
      expect((await refusal(listMyPushDevices(staff))).code).toBe("FORBIDDEN");
    }
    expect(await t.db.pushSubscription.count()).toBe(1);
  });

  it("a malformed subscription is refused and nothing is stored", async () => {
    const g1 = await f.as("a.g1");
    for (const bad of [
      { ...subscription("x"), endpoint: "http://push.example.org/send/x" },
      { ...subscription("x"), endpoint: "javascript:alert(1)" },
      { endpoint: "https://push.example.org/send/x" },
      subscription("x", { auth: "not base64!" }),
      "https://push.example.org/send/x",
    ]) {
      expect((await refusal(savePushSubscription(g1, bad, ANDROID_CHROME))).code).toBe("BAD_INPUT");
    }
    expect(await t.db.pushSubscription.count()).toBe(0);
  });
});

describe("only one's own", () => {
  it("lists only the user's own live devices, newest first", async () => {
    const g1 = await f.as("a.g1");
    const g2 = await f.as("a.g2");
    const older = await savePushSubscription(g1, subscription("g1-tablet"), IPHONE_SAFARI);
    await t.db.pushSubscription.update({ where: { schoolId_id: { schoolId: f.A.id, id: older.id } }, data: { createdAt: new Date(Date.now() - 86_400_000) } });
    const newer = await savePushSubscription(g1, subscription("g1-phone"), ANDROID_CHROME);
    await savePushSubscription(g2, subscription("g2-phone"), ANDROID_CHROME);
    expect((await listMyPushDevices(g1)).map((d) => d.id)).toEqual([newer.id, older.id]);
    expect((await listMyPushDevices(g2)).map((d) => d.endpoint)).toEqual(["https://push.example.org/send/g2-phone"]);
  });

  it("«Отключить» sets removedAt: the device leaves the list, the row stays; twice is NOT_FOUND", async () => {
    const g1 = await f.as("a.g1");
    const { id } = await savePushSubscription(g1, subscription("phone"), ANDROID_CHROME);
    await removePushSubscription(g1, { id });
    expect(await listMyPushDevices(g1)).toEqual([]);
    expect((await t.db.pushSubscription.findFirstOrThrow({ where: { id } })).removedAt).toBeInstanceOf(Date);
    expect((await refusal(removePushSubscription(g1, { id }))).code).toBe("NOT_FOUND");
    // enabling again on the same browser turns the same row back on
    expect((await savePushSubscription(g1, subscription("phone"), ANDROID_CHROME)).id).toBe(id);
    expect((await listMyPushDevices(g1)).map((d) => d.id)).toEqual([id]);
  });

  it("another user's device cannot be turned off: NOT_FOUND, and it stays on", async () => {
    const g1 = await f.as("a.g1");
    const { id } = await savePushSubscription(g1, subscription("phone"), ANDROID_CHROME);
    for (const login of ["a.g2", "a.s1", "b.g"]) {
      expect((await refusal(removePushSubscription(await f.as(login), { id }))).code).toBe("NOT_FOUND");
    }
    expect((await refusal(removePushSubscription(g1, { id: "not-an-id" }))).code).toBe("NOT_FOUND");
    expect((await refusal(removePushSubscription(g1, { id: "0197a0a0-0000-7000-8000-000000000000" }))).code).toBe("NOT_FOUND");
    expect((await listMyPushDevices(g1)).map((d) => d.id)).toEqual([id]);
  });

  it("school B: the same browser address is a separate device there, and neither school sees the other's", async () => {
    const g1 = await f.as("a.g1");
    const gB = await f.as("b.g");
    const a = await savePushSubscription(g1, subscription("shared"), ANDROID_CHROME);
    const b = await savePushSubscription(gB, subscription("shared"), ANDROID_CHROME);
    expect(b.id).not.toBe(a.id);
    expect((await t.db.pushSubscription.findFirstOrThrow({ where: { id: b.id } })).schoolId).toBe(f.B.id);
    expect((await listMyPushDevices(gB)).map((d) => d.id)).toEqual([b.id]);
    expect((await listMyPushDevices(g1)).map((d) => d.id)).toEqual([a.id]);
    expect((await refusal(removePushSubscription(gB, { id: a.id }))).code).toBe("NOT_FOUND");
  });

  it("a shared family phone: when the other guardian turns notifications on, the device becomes theirs", async () => {
    const g1 = await f.as("a.g1");
    const g2 = await f.as("a.g2");
    const first = await savePushSubscription(g1, subscription("family-phone"), ANDROID_CHROME);
    const second = await savePushSubscription(g2, subscription("family-phone"), ANDROID_CHROME);
    expect(second.id).toBe(first.id);
    expect(await listMyPushDevices(g1)).toEqual([]);
    expect((await listMyPushDevices(g2)).map((d) => d.id)).toEqual([first.id]);
  });
});

describe("the route's cross-site check", () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it("accepts the app's own address or the host the request came to", () => {
    expect(isSameOrigin(headers({ origin: "https://journal.school.ru", host: "10.0.0.5:3000" }), "https://journal.school.ru")).toBe(true);
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" }), "http://localhost:3000")).toBe(true);
  });
  it("refuses another site, a missing or opaque Origin", () => {
    expect(isSameOrigin(headers({ origin: "https://evil.example", host: "journal.school.ru" }), "https://journal.school.ru")).toBe(false);
    expect(isSameOrigin(headers({ host: "journal.school.ru" }), "https://journal.school.ru")).toBe(false);
    expect(isSameOrigin(headers({ origin: "null", host: "journal.school.ru" }), "https://journal.school.ru")).toBe(false);
    expect(isSameOrigin(headers({ origin: "https://journal.school.ru.evil.example", host: "journal.school.ru" }), "https://journal.school.ru")).toBe(false);
  });
});
