/**
 * The app's one Prisma client.
 *
 * Created on first use, not on import: `next build` and the scripts import modules that
 * import this one, and opening the embedded database as a side effect of an import
 * would put a second process on a data directory the running server owns.
 *
 * No `import "server-only"` here, because scripts and tests import this file; code
 * under app/ and lib/<domain>/ imports lib/db/server.ts, which adds it.
 */
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

import { PrismaClient } from "../generated/prisma/client";
import { closePglite, createAdapterFactory } from "./db/adapter";

/**
 * A client with the app's settings on any adapter. The app has exactly one (getDb);
 * tests make one per fresh database (tests/support/test-db.ts).
 */
export function createPrismaClient(adapter: SqlDriverAdapterFactory) {
  return new PrismaClient({
    adapter,
    // A password hash must never reach a page, a log line or an API answer by accident;
    // the one place that checks passwords asks for it with `omit: { passwordHash: false }`.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

// Next's dev server re-evaluates modules on every edit; without this each edit would
// add a client (and, on PostgreSQL, a connection pool). Kept in production as well:
// Next may load this module in more than one bundle of the same server process.
const globalForDb = globalThis as typeof globalThis & { __zhurnalDb?: Db };

export function getDb(): Db {
  globalForDb.__zhurnalDb ??= createPrismaClient(createAdapterFactory());
  return globalForDb.__zhurnalDb;
}

/**
 * The client, opened on the first query. Methods are bound to the real client so
 * `db.$transaction(...)` and passing `db.user.findMany` around both work.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb();
    const value: unknown = Reflect.get(client, prop, client);
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

/** For scripts and tests: closes the client and the embedded database, if opened. */
export async function disconnectDb(): Promise<void> {
  const client = globalForDb.__zhurnalDb;
  globalForDb.__zhurnalDb = undefined;
  if (client) await client.$disconnect();
  await closePglite();
}

/**
 * Points the app's client at another database: integration tests run the domain
 * functions unchanged against a fresh test database.
 */
export function useDb(client: Db): void {
  globalForDb.__zhurnalDb = client;
}
