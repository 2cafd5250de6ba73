/**
 * The administrator's webhook settings for a OneRoster client, on a real database: only
 * an administrator of the client's own school may set, remove or look at them; a bad
 * address is refused in Russian and nothing is stored; the signing secret is given once
 * and is the one the notices are really signed with; removing the address stops the
 * notices still waiting; and the notice log shows the school's own notices, newest
 * first, with where each stands.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { refusal } from "../support/refusal";
import type { Principal } from "../../lib/auth/principal";
import { SCOPE } from "../../lib/oneroster/caller";
import {
  clearWebhook,
  createApiClient,
  DELIVERY_LOG_SIZE,
  listApiClients,
  listWebhookDeliveries,
  revokeApiClient,
  setWebhook,
  setWebhookSchema,
  WEBHOOK_CLEARED_ERROR,
} from "../../lib/oneroster/clients";
import { createWebhookRunner, verifyWebhook, WEBHOOK_BACKOFF_MS } from "../../lib/oneroster/webhooks";

let t: TestDb;
let f: TwoSchools;
let admin: Principal;
let teacher: Principal;
let adminB: Principal;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  admin = await f.as("a.admin");
  teacher = await f.as("a.math");
  adminB = await f.as("b.admin");
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
const connect = (who: Principal = admin) => createApiClient(who, { name: `Дневник ${++n}`, kind: "DIARY_SERVICE", scopes: [SCOPE.roster, SCOPE.gradebookRead] });
const stored = (id: string) => t.db.apiClient.findFirstOrThrow({ where: { id }, select: { webhookUrl: true, webhookSecret: true } });
const HOOK = "https://diary.example.ru/oneroster-hook";

/** A notice row as the sender leaves it, for the log. */
async function notice(schoolId: string, apiClientId: string, minutesAgo: number, o: { attempts?: number; delivered?: boolean; lastError?: string; retryInMinutes?: number } = {}) {
  const now = Date.now();
  const at = new Date(now - minutesAgo * 60_000);
  return t.db.webhookDelivery.create({
    data: {
      schoolId, apiClientId,
      since: new Date(at.getTime() - 60_000), until: at, createdAt: at,
      body: { event: "oneroster.changes" },
      attempts: o.attempts ?? 0,
      deliveredAt: o.delivered ? at : null,
      lastError: o.lastError ?? null,
      nextAttemptAt: new Date(now + (o.retryInMinutes ?? 0) * 60_000),
    },
  });
}

describe("who may change the webhook", () => {
  it("a teacher may not set, remove or look; another school's administrator does not find the client", async () => {
    const c = await connect();
    await setWebhook(admin, c.apiClientId, HOOK);
    const before = await stored(c.apiClientId);
    for (const call of [setWebhook(teacher, c.apiClientId, "https://evil.example.ru/hook"), clearWebhook(teacher, c.apiClientId), listWebhookDeliveries(teacher, c.apiClientId)]) {
      expect((await refusal(call)).code).toBe("FORBIDDEN");
    }
    for (const call of [setWebhook(adminB, c.apiClientId, "https://evil.example.ru/hook"), clearWebhook(adminB, c.apiClientId), listWebhookDeliveries(adminB, c.apiClientId)]) {
      expect((await refusal(call)).code).toBe("NOT_FOUND");
    }
    expect(await stored(c.apiClientId)).toEqual(before);
  });

  it("a disconnected client gets no new address, but an old one can still be removed", async () => {
    const c = await connect();
    await setWebhook(admin, c.apiClientId, HOOK);
    await revokeApiClient(admin, { apiClientId: c.apiClientId });
    const e = await refusal(setWebhook(admin, c.apiClientId, "https://other.example.ru/hook"));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/отключён/);
    expect((await stored(c.apiClientId)).webhookUrl).toBe(HOOK);
    await clearWebhook(admin, c.apiClientId);
    expect(await stored(c.apiClientId)).toEqual({ webhookUrl: null, webhookSecret: null });
  });
});

describe("setting the address", () => {
  it("refuses an address that is not https, not a link, or carries a password, in Russian, and stores nothing", async () => {
    const c = await connect();
    const cases: [string, RegExp][] = [
      ["http://diary.example.ru/hook", /https:\/\//],
      ["дневник.рф", /не похож на ссылку/],
      ["https://user:pass@diary.example.ru/hook", /логин и пароль/],
      ["   ", /Введите адрес/],
    ];
    for (const [url, message] of cases) {
      const e = await refusal(setWebhook(admin, c.apiClientId, url));
      expect(e.code, url).toBe("BAD_INPUT");
      expect(e.message, url).toMatch(message);
      expect(e.fieldErrors?.["url"]?.[0], url).toMatch(message);
    }
    expect(await stored(c.apiClientId)).toEqual({ webhookUrl: null, webhookSecret: null });
    // a set address stays as it was when a bad one is tried
    const issued = await setWebhook(admin, c.apiClientId, HOOK);
    await refusal(setWebhook(admin, c.apiClientId, "ftp://diary.example.ru/hook"));
    expect(await stored(c.apiClientId)).toEqual({ webhookUrl: HOOK, webhookSecret: issued.secret });
  });

  it("the form's fields are checked the same way", () => {
    const id = "0190a7f0-0000-7000-8000-000000000001";
    expect(setWebhookSchema.safeParse({ apiClientId: id, url: ` ${HOOK} ` }).data).toEqual({ apiClientId: id, url: HOOK });
    const bad = setWebhookSchema.safeParse({ apiClientId: id, url: "http://diary.example.ru/hook" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["url"]);
  });

  it("gives the secret once: stored for signing, never in the list; a new save gives a new secret", async () => {
    const c = await connect();
    const issued = await setWebhook(admin, c.apiClientId, ` ${HOOK} `);
    expect(issued).toMatchObject({ apiClientId: c.apiClientId, name: c.name, url: HOOK });
    expect(issued.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await stored(c.apiClientId)).toEqual({ webhookUrl: HOOK, webhookSecret: issued.secret });

    const listed = (await listApiClients(admin)).find((x) => x.id === c.apiClientId);
    expect(listed).toMatchObject({ webhookUrl: HOOK, lastDelivery: null });
    expect(JSON.stringify(listed)).not.toContain(issued.secret);
    const log = await listWebhookDeliveries(admin, c.apiClientId);
    expect(log.client).toMatchObject({ webhookUrl: HOOK, revoked: false });
    expect(JSON.stringify(log)).not.toContain(issued.secret);

    const again = await setWebhook(admin, c.apiClientId, HOOK);
    expect(again.secret).not.toBe(issued.secret);
    expect((await stored(c.apiClientId)).webhookSecret).toBe(again.secret);
  });

  it("the secret shown is the one the notices are signed with", async () => {
    const c = await connect();
    const issued = await setWebhook(admin, c.apiClientId, "http://localhost:9/hook");
    // the client was connected just now: let the runner's clock be two minutes on, so a notice is due
    const now = new Date(Date.now() + 2 * 60_000);
    const sent: { url: string; headers: Record<string, string>; body: string }[] = [];
    const runner = createWebhookRunner({
      db: t.db,
      appUrl: "http://localhost:3000",
      clock: () => now,
      // this client's users changed; the others' nothing, so only its notice is sent
      countChanges: async (caller): Promise<Record<string, number>> => (caller.apiClientId === c.apiClientId ? { users: 2 } : {}),
      fetchImpl: async (url, init) => {
        // the sender passes the address as a string and the body as JSON text
        sent.push({ url: url as string, headers: init?.headers as Record<string, string>, body: init?.body as string });
        return new Response(null, { status: 204 });
      },
    });
    await runner.runOnce();
    const mine = sent.filter((s) => s.url === "http://localhost:9/hook");
    expect(mine).toHaveLength(1);
    const [s] = mine;
    if (!s) throw new Error("no notice");
    expect(verifyWebhook(issued.secret, Number(s.headers["X-Zhurnal-Timestamp"]), s.body, s.headers["X-Zhurnal-Signature"] ?? "", Math.floor(now.getTime() / 1000))).toBe(true);
    const [row] = (await listWebhookDeliveries(admin, c.apiClientId)).deliveries;
    expect(row).toMatchObject({ state: "delivered", attempts: 1, lastError: null });
  });
});

describe("removing the address", () => {
  it("forgets the address and secret, and closes the notices still waiting; delivered ones stay as they were", async () => {
    const c = await connect();
    await setWebhook(admin, c.apiClientId, HOOK);
    const delivered = await notice(f.A.id, c.apiClientId, 30, { attempts: 1, delivered: true });
    const retrying = await notice(f.A.id, c.apiClientId, 20, { attempts: 2, lastError: "Ответ 500", retryInMinutes: 5 });
    const waiting = await notice(f.A.id, c.apiClientId, 10);
    expect(await clearWebhook(admin, c.apiClientId)).toEqual({ name: c.name });
    expect(await stored(c.apiClientId)).toEqual({ webhookUrl: null, webhookSecret: null });

    const byId = new Map((await listWebhookDeliveries(admin, c.apiClientId)).deliveries.map((d) => [d.id, d]));
    expect(byId.get(delivered.id)).toMatchObject({ state: "delivered", lastError: null });
    expect(byId.get(retrying.id)).toMatchObject({ state: "failed", lastError: WEBHOOK_CLEARED_ERROR });
    expect(byId.get(waiting.id)).toMatchObject({ state: "failed", lastError: WEBHOOK_CLEARED_ERROR });
    expect((await listApiClients(admin)).find((x) => x.id === c.apiClientId)).toMatchObject({ webhookUrl: null });
    // removing twice is harmless
    await clearWebhook(admin, c.apiClientId);
  });
});

describe("the notice log", () => {
  it("shows only this client's notices of this school, newest first, at most the last 50, with where each stands", async () => {
    const c = await connect();
    const other = await connect();
    const b = await connect(adminB);
    await setWebhook(admin, c.apiClientId, HOOK);
    for (let i = 0; i < DELIVERY_LOG_SIZE; i++) await notice(f.A.id, c.apiClientId, 1000 + i, { attempts: 1, delivered: true });
    const gaveUp = await notice(f.A.id, c.apiClientId, 30, { attempts: WEBHOOK_BACKOFF_MS.length + 1, lastError: "Нет ответа: timeout" });
    const retrying = await notice(f.A.id, c.apiClientId, 20, { attempts: 2, lastError: "Ответ 503", retryInMinutes: 5 });
    const waiting = await notice(f.A.id, c.apiClientId, 10);
    await notice(f.A.id, other.apiClientId, 5);
    await notice(f.B.id, b.apiClientId, 5);

    const log = await listWebhookDeliveries(admin, c.apiClientId);
    expect(log.deliveries).toHaveLength(DELIVERY_LOG_SIZE);
    expect(log.deliveries.slice(0, 3).map((d) => [d.id, d.state])).toEqual([
      [waiting.id, "pending"],
      [retrying.id, "retrying"],
      [gaveUp.id, "failed"],
    ]);
    expect(log.deliveries[1]).toMatchObject({ attempts: 2, lastError: "Ответ 503", deliveredAt: null });
    expect(log.deliveries[1]?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(log.deliveries[3]?.state).toBe("delivered");
    const created = log.deliveries.map((d) => d.createdAt.getTime());
    expect(created).toEqual([...created].sort((x, y) => y - x));
    // the oldest delivered notices fall off the end
    expect(log.deliveries.filter((d) => d.state === "delivered")).toHaveLength(DELIVERY_LOG_SIZE - 3);

    // the list of clients shows each client's newest notice
    const listed = await listApiClients(admin);
    expect(listed.find((x) => x.id === c.apiClientId)?.lastDelivery).toMatchObject({ id: waiting.id, state: "pending" });
    expect(listed.find((x) => x.id === other.apiClientId)?.lastDelivery?.state).toBe("pending");
    expect(listed.map((x) => x.id)).not.toContain(b.apiClientId);
    expect((await listWebhookDeliveries(adminB, b.apiClientId)).deliveries).toHaveLength(1);
  });
});
