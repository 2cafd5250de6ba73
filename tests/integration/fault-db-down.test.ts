/**
 * The database down for a while (issue 10, item 2), shortened to seconds: the app reaches
 * PostgreSQL through a TCP proxy (tests/faults/tcp-proxy.ts) that is cut — listener
 * closed, open connections destroyed — and later restored on the same port. Meanwhile:
 *
 * - a journal write fails with the clear Russian AppError a teacher reads (no stack, no
 *   SQL, no "Prisma"), and the first write after the proxy is back succeeds on the same
 *   client: the pool makes new connections, nothing is restarted;
 * - the delivery worker's loop keeps running through the outage (its rounds fail and are
 *   reported to onError) and sends the waiting messages once the database is back.
 *
 * PostgreSQL only. On PGlite the database runs inside the server process: there is no
 * connection between them to lose, and "the database is down" means the server is down
 * (tests/integration/fault-kill.test.ts).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, testEngine, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { startTcpProxy, type TcpProxy } from "../faults/tcp-proxy";
import { createPrismaClient, type Db } from "../../lib/db";
import { AppError, toAppError } from "../../lib/errors";
import { saveGridCell } from "../../lib/journal/grid";
import { enqueueDirect } from "../../lib/delivery/outbox";
import { createDeliveryWorker, type DeliveryWorker } from "../../lib/delivery/worker";
import type { ChannelSender, Outgoing } from "../../lib/delivery/channels/types";

/** How long the database stays away: "a minute", shortened. */
const OUTAGE_MS = 6_000;

let t: TestDb;
let f: TwoSchools;
let proxy: TcpProxy;
let app: Db;
let worker: DeliveryWorker | undefined;
let lessonId: string;

const sent: Outgoing[] = [];
const roundErrors: unknown[] = [];
/** A mail channel that takes everything: the outage under test is the database's, not the peer's. */
const fakeMail: ChannelSender = {
  send: (m) => {
    sent.push(m);
    return Promise.resolve({ ok: true, response: "250 OK" });
  },
  close: () => Promise.resolve(),
};

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

async function enqueueLetters(tag: string, n: number): Promise<void> {
  await t.db.$transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      await enqueueDirect(tx, {
        schoolId: f.A.id, channel: "EMAIL", address: `parent${i}@mail.test`, kind: "CONTACT_CODE", eventKey: `${tag}-${i}`,
        text: { subject: "Код подтверждения", body: `Код: ${tag}-${i}`, sms: `Код ${tag}-${i}` },
      });
    }
  });
}

describe.skipIf(testEngine() !== "postgresql")("the database down for a while (PostgreSQL; PGlite runs inside the server process)", () => {
  beforeAll(async () => {
    t = await createTestDb();
    bindAppDb(t.db);
    f = await buildTwoSchools(t.db);
    lessonId = (await t.db.lesson.findFirstOrThrow({ where: { schoolId: f.A.id, cohortId: f.A.c5, subjectId: f.A.math }, select: { id: true } })).id;
    const url = new URL(t.url ?? "");
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    // the app's client as lib/db/adapter.ts makes it for DATABASE_URL, through the proxy
    app = createPrismaClient(new PrismaPg({ connectionString: url.toString() }));
    bindAppDb(app);
  });
  afterAll(async () => {
    await worker?.kill();
    await app?.$disconnect();
    await proxy?.close();
    await t?.close();
  });

  it("refuses a journal write with a clear Russian message, writes again once it is back, and the worker delivers what waited", async () => {
    const math = await f.as("a.math");
    expect((await saveGridCell(math, { lessonId, studentId: f.A.s2, input: "4" })).text).toBe("4");

    worker = createDeliveryWorker({ db: app, senders: { EMAIL: fakeMail }, onError: (e) => roundErrors.push(e), batchSize: 10 });
    worker.start(200);
    await enqueueLetters("before", 2);
    expect(await until(() => sent.length === 2, 10_000)).toBe(true);
    // …and recorded as sent (a cut between the peer's answer and that commit would leave
    // the letter SENDING, to be sent again after its lease: lib/delivery/worker.ts)
    for (let i = 0; i < 100 && (await t.db.outboxMessage.count({ where: { schoolId: f.A.id, status: "SENT" } })) < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }

    await proxy.cut();
    const cutAt = Date.now();
    // letters written while the app cannot reach the database (by a server that still can)
    await enqueueLetters("during", 3);
    const failure = await saveGridCell(math, { lessonId, studentId: f.A.s2, input: "5" }).then(() => null, (e: unknown) => e);
    const shown = toAppError(failure);
    expect(shown).toBeInstanceOf(AppError);
    expect(shown?.code).toBe("DB_UNAVAILABLE");
    expect(shown?.status).toBe(503);
    expect(shown?.message).toBe("База данных сейчас недоступна, изменение не сохранено. Попробуйте ещё раз через минуту.");
    expect(shown?.message).not.toMatch(/prisma|select|insert|postgres|127\.0\.0\.1|\bat\s/i);
    // the worker's rounds fail while the database is away, and its loop goes on
    expect(await until(() => roundErrors.length >= 2, OUTAGE_MS)).toBe(true);
    const errorsDuringOutage = roundErrors.length;
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - cutAt))));
    expect(sent.length).toBe(2);
    expect(roundErrors.length).toBeGreaterThan(errorsDuringOutage);

    await proxy.restore();
    const backAt = Date.now();
    // the same client, the same pool: the next write goes through
    expect((await saveGridCell(math, { lessonId, studentId: f.A.s2, input: "5" })).text).toBe("5");
    const marks = await t.db.mark.findMany({ where: { schoolId: f.A.id, lessonId, studentId: f.A.s2, removedAt: null }, select: { value: true } });
    expect(marks.map((m) => m.value)).toEqual([5]);
    expect(await until(() => sent.length === 5, 10_000)).toBe(true);
    expect(sent.map((m) => m.body).slice(2).sort()).toEqual(["Код: during-0", "Код: during-1", "Код: during-2"]);
    const letters = await t.db.outboxMessage.groupBy({ by: ["status"], where: { schoolId: f.A.id, kind: "CONTACT_CODE" }, _count: true });
    expect(letters).toEqual([{ status: "SENT", _count: 5 }]);
    console.log(`[faults] db-down postgresql: ${OUTAGE_MS} ms without the database; the write during it: ${shown?.code} «${shown?.message}»; worker rounds failed: ${roundErrors.length}, its loop went on; after the proxy came back: the write went through at once, the 3 waiting letters were sent in ${Date.now() - backAt} ms; connections made through the proxy: ${proxy.connections()}`);
  }, 60_000);
});
