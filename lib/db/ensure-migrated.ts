/**
 * Brings the database up to date when the server starts (called from instrumentation.ts).
 *
 * On PGlite this is the only safe moment: the server process owns the data directory
 * from then on, and `npm run db:migrate` from another process must not touch it. It goes
 * through the same PGlite instance as the Prisma client (lib/db/adapter.ts getPglite).
 * On PostgreSQL it makes a fresh deployment work without a separate step; Prisma's
 * migration engine takes an advisory lock, so two servers starting at once are safe.
 */
import { applyMigrations } from "./migrate";

const globalForMigrate = globalThis as typeof globalThis & {
  __zhurnalMigrated?: Promise<string[]>;
};

/** Applies pending migrations once per process; returns the names applied by that run. */
export function ensureMigrated(): Promise<string[]> {
  globalForMigrate.__zhurnalMigrated ??= applyMigrations().then(
    (r) => r.applied,
    (e: unknown) => {
      // A later call (the next request, a dev reload) should try again, not replay the error.
      globalForMigrate.__zhurnalMigrated = undefined;
      throw e;
    },
  );
  return globalForMigrate.__zhurnalMigrated;
}
