/**
 * The change feed and its webhooks (issue 9, item 5) on the seeded demo school: after a
 * mark is changed, another removed and a student renamed, "what changed since T" holds
 * exactly those (the removed mark as tobedeleted), only in the collections the scopes
 * open, never a child a diary service may not see; the route answers it with the demo
 * client's token and refuses a missing `since` in the imsx format. A client with a
 * webhook gets one signed notice per window with the counts (no child's data), a
 * failing receiver is retried after a minute, and nothing is sent when nothing changed.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { seedDemoSchool, type SeedSummary } from "../../prisma/seed/demo-school";
import { SCOPE, type ApiCaller } from "../../lib/oneroster/caller";
import { CHANGE_OVERLAP_MS, changesSince, countChanges } from "../../lib/oneroster/changes";
import { createWebhookRunner, newWebhookSecret, verifyWebhook } from "../../lib/oneroster/webhooks";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from "../../lib/oneroster/demo-client";
import { POST as token } from "../../app/ims/oneroster/v1p2/token/route";
import { GET as changesRoute } from "../../app/ims/oneroster/v1p2/changes/route";

const READ = [SCOPE.rosterCore, SCOPE.roster, SCOPE.rosterDemographics, SCOPE.gradebookRead];
const MINUTE = 60_000;

let t: TestDb;
let summary: SeedSummary;
let tool: ApiCaller;
let t0: Date;
let changedMark: { id: string; studentId: string };
let removedMark: { id: string };
let renamed: { id: string };

type Received = { headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
let answerWith = 200;
let server: Server;
let hookUrl: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  summary = await seedDemoSchool(t.db, { today: new Date() });
  tool = { schoolId: summary.schoolId, apiClientId: randomUUID(), name: "Библиотека", kind: "SCHOOL_TOOL", scopes: READ };
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answerWith).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

  // after the seed: one mark changed, one removed, one student renamed
  await new Promise((r) => setTimeout(r, 20));
  t0 = new Date();
  await new Promise((r) => setTimeout(r, 20));
  const marks = await t.db.mark.findMany({ where: { schoolId: summary.schoolId, removedAt: null, kind: "NUMERIC" }, take: 2, orderBy: { id: "asc" }, select: { id: true, studentId: true, value: true } });
  const [a, b] = marks;
  if (!a || !b) throw new Error("the demo school has marks");
  await t.db.mark.update({ where: { schoolId_id: { schoolId: summary.schoolId, id: a.id } }, data: { value: a.value === 5 ? 4 : 5, version: { increment: 1 } } });
  await t.db.mark.update({ where: { schoolId_id: { schoolId: summary.schoolId, id: b.id } }, data: { removedAt: new Date() } });
  changedMark = a;
  removedMark = b;
  const student = await t.db.student.findFirstOrThrow({ where: { schoolId: summary.schoolId, leftAt: null }, orderBy: { id: "desc" }, select: { id: true, lastName: true } });
  await t.db.student.update({ where: { schoolId_id: { schoolId: summary.schoolId, id: student.id } }, data: { lastName: `${student.lastName}-Новая` } });
  renamed = student;
});
afterAll(async () => {
  server?.close();
  await t?.close();
});

describe("what changed since T", () => {
  it("holds the changed and the removed mark and the renamed student, and nothing of what did not change", async () => {
    const set = await changesSince(t.db, tool, t0);
    const results = (set.changes["results"] ?? []) as { sourcedId: string; status: string }[];
    expect(results.map((r) => r.sourcedId).sort()).toEqual([changedMark.id, removedMark.id].sort());
    expect(results.find((r) => r.sourcedId === removedMark.id)?.status).toBe("tobedeleted");
    expect(results.find((r) => r.sourcedId === changedMark.id)?.status).toBe("active");
    const users = (set.changes["users"] ?? []) as { sourcedId: string }[];
    expect(users.map((u) => u.sourcedId)).toEqual([renamed.id]);
    for (const untouched of ["orgs", "academicSessions", "courses", "classes", "categories", "lineItems", "scoreScales"]) expect(set.changes[untouched]).toBeUndefined();
    // the window's end lags, so the next poll overlaps and catches late commits
    expect(Date.parse(set.until)).toBeLessThanOrEqual(Date.now() - CHANGE_OVERLAP_MS + 1000);
  });

  it("asked from before the seed, holds the whole school; asked from now, nothing", async () => {
    const all = await changesSince(t.db, tool, new Date(0));
    expect(all.changes["users"]?.length).toBeGreaterThan(100);
    expect(all.changes["results"]?.length).toBeGreaterThan(1000);
    expect((await changesSince(t.db, tool, new Date())).changes).toEqual({});
  });

  it("gives only the collections the scopes open", async () => {
    const core = await changesSince(t.db, { ...tool, scopes: [SCOPE.rosterCore] }, t0);
    expect(Object.keys(core.changes)).toEqual(["users"]);
    const gradebook = await changesSince(t.db, { ...tool, scopes: [SCOPE.gradebookRead] }, t0);
    expect(Object.keys(gradebook.changes)).toEqual(["results"]);
  });

  it("never gives a diary service the marks of a child without consent", async () => {
    const diary: ApiCaller = { ...tool, kind: "DIARY_SERVICE" };
    const before = await changesSince(t.db, diary, t0);
    expect((before.changes["results"] ?? []).map((r) => (r as { sourcedId: string }).sourcedId)).toContain(changedMark.id);
    // every guardian of that child withdraws
    const text = await t.db.consentText.findFirstOrThrow({ where: { schoolId: summary.schoolId }, select: { id: true } });
    const links = await t.db.guardianship.findMany({ where: { schoolId: summary.schoolId, studentId: changedMark.studentId, endDate: null }, select: { guardianId: true } });
    expect(links.length).toBeGreaterThan(0);
    await t.db.consentEvent.createMany({
      data: links.map((l) => ({ schoolId: summary.schoolId, guardianId: l.guardianId, studentId: changedMark.studentId, textId: text.id, decision: "WITHDRAWN" as const, form: "ELECTRONIC" as const })),
    });
    const after = await changesSince(t.db, diary, t0);
    expect((after.changes["results"] ?? []).map((r) => (r as { sourcedId: string }).sourcedId)).not.toContain(changedMark.id);
    expect((after.changes["users"] ?? []).map((u) => (u as { sourcedId: string }).sourcedId)).not.toContain(changedMark.studentId);
  });
});

describe("the change feed's address", () => {
  async function demoToken(): Promise<string> {
    const res = await token(new Request("http://localhost:3000/ims/oneroster/v1p2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${DEMO_CLIENT_ID}:${DEMO_CLIENT_SECRET}`).toString("base64")}` },
      body: "grant_type=client_credentials",
    }));
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }

  it("answers the demo client with the changes, and refuses a missing or bad `since` in the imsx format", async () => {
    const bearer = { authorization: `Bearer ${await demoToken()}` };
    const ok = await changesRoute(new Request(`http://localhost:3000/ims/oneroster/v1p2/changes?since=${encodeURIComponent(t0.toISOString())}`, { headers: bearer }));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { changes: Record<string, { sourcedId: string }[]> };
    expect(body.changes["users"]?.map((u) => u.sourcedId)).toContain(renamed.id);
    for (const q of ["", "?since=yesterday"]) {
      const bad = await changesRoute(new Request(`http://localhost:3000/ims/oneroster/v1p2/changes${q}`, { headers: bearer }));
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ imsx_codeMajor: "failure", imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldValue: "invalid_selection_field" }] } });
    }
    const anonymous = await changesRoute(new Request(`http://localhost:3000/ims/oneroster/v1p2/changes?since=${t0.toISOString()}`));
    expect(anonymous.status).toBe(401);
  });
});

describe("webhooks", () => {
  it("send one signed notice per window with the counts only, retry a failing receiver, and stay quiet when nothing changed", async () => {
    const secret = newWebhookSecret();
    const created = t0; // the client was there before the changes
    const client = await t.db.apiClient.create({
      data: { schoolId: summary.schoolId, clientId: `hook-${randomUUID()}`, secretHash: "x", name: "Региональный дневник", kind: "SCHOOL_TOOL", scopes: READ, webhookUrl: hookUrl, webhookSecret: secret, createdAt: new Date(created.getTime() - 1) },
    });
    let now = new Date(Date.now() + 2 * MINUTE);
    const runner = createWebhookRunner({ db: t.db, appUrl: "http://localhost:3000", clock: () => now, countChanges: (c, s, u) => countChanges(t.db, c, s, u) });

    const first = await runner.runOnce();
    expect(first).toMatchObject({ planned: 1, delivered: 1, retried: 0 });
    expect(received).toHaveLength(1);
    const [notice] = received;
    if (!notice) throw new Error("a notice");
    const ts = Number(notice.headers["x-zhurnal-timestamp"]);
    expect(verifyWebhook(secret, ts, notice.body, String(notice.headers["x-zhurnal-signature"]), Math.floor(now.getTime() / 1000))).toBe(true);
    expect(verifyWebhook("another secret", ts, notice.body, String(notice.headers["x-zhurnal-signature"]), Math.floor(now.getTime() / 1000))).toBe(false);
    const body = JSON.parse(notice.body) as { event: string; changes: Record<string, number>; feed: string };
    expect(body.event).toBe("oneroster.changes");
    expect(body.changes["results"]).toBe(2);
    expect(body.changes["users"]).toBe(1);
    expect(body.feed).toContain("/ims/oneroster/v1p2/changes?since=");
    // counts, links and times only: no name, no mark
    expect(notice.body).not.toContain("Новая");

    // nothing new: no notice
    now = new Date(now.getTime() + 2 * MINUTE);
    expect(await runner.runOnce()).toMatchObject({ planned: 0, delivered: 0 });
    expect(received).toHaveLength(1);

    // a change, and the receiver is down: retried after a minute, then delivered
    await t.db.mark.update({ where: { schoolId_id: { schoolId: summary.schoolId, id: changedMark.id } }, data: { comment: "исправлено", updatedAt: new Date(now.getTime() - 1000) } });
    answerWith = 500;
    now = new Date(now.getTime() + 2 * MINUTE);
    expect(await runner.runOnce()).toMatchObject({ planned: 1, delivered: 0, retried: 1 });
    const waiting = await t.db.webhookDelivery.findFirstOrThrow({ where: { schoolId: summary.schoolId, apiClientId: client.id, deliveredAt: null } });
    expect(waiting).toMatchObject({ attempts: 1, lastError: "Ответ 500" });
    expect(waiting.nextAttemptAt.getTime()).toBe(now.getTime() + MINUTE);
    answerWith = 200;
    now = new Date(now.getTime() + 30_000);
    expect(await runner.runOnce()).toMatchObject({ planned: 0, delivered: 0 });
    now = new Date(now.getTime() + 31_000);
    expect(await runner.runOnce()).toMatchObject({ delivered: 1 });
    expect(received).toHaveLength(3);
    const again = JSON.parse(received[2]?.body ?? "{}") as { id: string; changes: Record<string, number> };
    expect(again.id).toBe(waiting.id);
  });
});
