/**
 * A driver adapter factory for running the schema engine against a real PostgreSQL.
 *
 * @prisma/adapter-pg 7.10 is made for the Prisma client, and the schema engine hits
 * three of its gaps (docs/decisions/002-own-migration-command.md):
 *  1. the engine reads the catalog, whose flag columns have Postgres' internal `"char"`
 *     type (oid 18), which the adapter refuses to map; we present them as text;
 *  2. its `executeScript` splits a script on every ";", which cuts apart function
 *     bodies and string literals; we send the script whole (PostgreSQL runs a
 *     multi-statement simple query as one implicit transaction, as Prisma's own
 *     engine does);
 *  3. its shadow-database helper lets the connection string override the shadow
 *     database's name and drops the database before closing the pool that uses it;
 *     ours closes first, then drops.
 * Only the migration code uses this; the app's Prisma client uses the plain adapter.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type FieldLike = { dataTypeID: number };

function charFieldsAsText(result: unknown): void {
  const results = Array.isArray(result) ? (result as unknown[]) : [result];
  for (const r of results) {
    const fields = (r as { fields?: unknown } | null)?.fields;
    if (!Array.isArray(fields)) continue;
    for (const f of fields as FieldLike[]) {
      if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID;
    }
  }
}

/** Wraps one pooled connection's `query` so every result reports "char" columns as text. */
function readCharAsText(client: pg.PoolClient): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  const patched = (...args: unknown[]): unknown => {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (err: unknown, res: unknown) => void;
      return original(...args.slice(0, -1), (err: unknown, res: unknown) => {
        charFieldsAsText(res);
        callback(err, res);
      });
    }
    const out = original(...args);
    if (out instanceof Promise) {
      return out.then((res: unknown) => {
        charFieldsAsText(res);
        return res;
      });
    }
    return out;
  };
  Object.defineProperty(client, "query", { value: patched, writable: true, configurable: true });
}

function migrationPool(config: pg.PoolConfig): pg.Pool {
  // One connection, as Prisma's native engine has: its advisory lock
  // (pg_advisory_lock, held for the whole run so two servers starting together do not
  // migrate twice) belongs to a session, and must be taken and released on the same one.
  const pool = new pg.Pool({ max: 1, ...config });
  pool.on("connect", readCharAsText);
  // An idle connection dropped by the server must not crash the process.
  pool.on("error", () => undefined);
  return pool;
}

async function adapterOn(pool: pg.Pool, release: () => Promise<void>): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg(pool).connect();
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  adapter.dispose = release;
  return adapter;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function createPgMigrationAdapterFactory(url: string): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
} {
  const pool = migrationPool({ connectionString: url });
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    // The pool belongs to the caller of this function, who closes it after the engine.
    connect: () => adapterOn(pool, async () => undefined),
    async connectToShadowDb() {
      const name = `zh_shadow_${crypto.randomUUID().replace(/-/g, "")}`;
      await pool.query(`CREATE DATABASE ${quoteIdent(name)}`);
      // The url's own database name must not win over the shadow's, so set both.
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const shadow = migrationPool({ connectionString: shadowUrl.toString(), database: name });
      return adapterOn(shadow, async () => {
        await shadow.end();
        await pool.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
      });
    },
  };
  return { factory, close: () => pool.end() };
}
