/**
 * The server overloaded (issue 10; found by `npm run load` at 40–60 requests/s arriving):
 * when no database connection is free in time for a change, Prisma gives up on the
 * transaction (P2028). Nothing is committed, so the teacher must read that the server is
 * overloaded and the journal grid must keep the entry and send it again (`retry`), not
 * «Что-то пошло не так» with the mark dropped.
 *
 * The same Prisma error is made here for real, on the test database: a transaction that
 * finds every connection of the pool taken by others and gives up after its maxWait.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { toAppError } from "../../lib/errors";
import { publicAction } from "../../lib/action";

// lib/action.ts reads the session through next-auth, which needs Next's server; the action
// here is a public one and never asks for it
vi.mock("@/lib/auth/session", () => ({ getPrincipal: async () => null, requirePrincipal: async () => Promise.reject(new Error("no session in this test")) }));

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A subject written in a transaction that finds every connection taken: twelve others hold
 * theirs (more than the pool has: 10 on PostgreSQL, 1 on PGlite) while it waits 20 ms.
 */
async function crowdedWrite(name: string): Promise<unknown> {
  const holders = Array.from({ length: 12 }, () => t.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1`;
    await sleep(150);
  }, { maxWait: 10_000, timeout: 10_000 }));
  await sleep(50);
  let error: unknown = null;
  try {
    await t.db.$transaction((tx) => tx.subject.create({ data: { schoolId: f.A.id, name, shortName: name.slice(0, 3) } }), { maxWait: 20 });
  } catch (e) {
    error = e;
  }
  await Promise.all(holders);
  if (!error) throw new Error("the transaction should have found no free connection");
  return error;
}

/** A transaction that runs past its own time limit: a slow job, not an overloaded server. */
async function lateWrite(name: string): Promise<unknown> {
  try {
    await t.db.$transaction(async (tx) => {
      await sleep(150);
      await tx.subject.create({ data: { schoolId: f.A.id, name, shortName: name.slice(0, 3) } });
    }, { timeout: 20 });
  } catch (e) {
    return e;
  }
  throw new Error("the transaction should have run out of time");
}

describe("a change the overloaded server could not make in time", () => {
  it("is «Сервер сейчас перегружен», 503, and nothing is written", async () => {
    const error = await crowdedWrite("Астрономия-поздно");
    const known = toAppError(error);
    expect(known?.code).toBe("BUSY");
    expect(known?.status).toBe(503);
    expect(known?.message).toBe("Сервер сейчас перегружен, изменение не сохранено. Попробуйте ещё раз через минуту.");
    expect(await t.db.subject.count({ where: { schoolId: f.A.id, name: "Астрономия-поздно" } })).toBe(0);
  });

  it("is answered by an action with retry, so the grid keeps the entry and sends it again", async () => {
    const action = publicAction(z.object({ name: z.string() }), async ({ name }) => {
      throw await crowdedWrite(name);
    });
    const form = new FormData();
    form.set("name", "Черчение-поздно");
    const result = await action({ ok: false, message: "", fieldErrors: {}, values: {} }, form);
    expect(result).toMatchObject({ ok: false, retry: true });
    expect(result && !result.ok ? result.message : "").toMatch(/^Сервер сейчас перегружен/);
    expect(JSON.stringify(result)).not.toMatch(/Prisma|P2028|Transaction/);
    expect(await t.db.subject.count({ where: { schoolId: f.A.id, name: "Черчение-поздно" } })).toBe(0);
  });

  it("is not said of a transaction that ran past its own time limit: that stays an error to look into", async () => {
    const error = await lateWrite("Геология-поздно");
    expect(error).toMatchObject({ code: "P2028" });
    expect(toAppError(error)).toBeNull();
  });
});
