/**
 * What every page of a school reads and almost never changes, kept in the server
 * process's memory: the bells, the holidays, the grading rules, the work types and their
 * weights. Under the morning load these were read again by every family's week and marks
 * page and every teacher's grid and saved mark (docs/benchmarks.md, «Third round»).
 *
 * Freshness does not rest on a timer. Triggers raise the school's `sharedVersion` in the
 * same transaction as any change of those tables (prisma/migrations/…_school_shared_version),
 * and each request loads the version with its user (lib/auth/load-principal.ts, in the
 * same statement). A value is kept under the version that was current when its request
 * began, and served only to a request that began under that very version. So a change is
 * seen by the first request that starts after it commits, in every process, on both
 * engines; a request that began before it may still see the old value, as it would have
 * had it read a moment earlier.
 *
 * Values are shared by every request of the school: callers must not change them. Outside
 * production they are frozen, so that a test catches a caller that does.
 */
import "server-only";

import { env } from "@/lib/env";

type Entry = { version: number; values: Map<string, Promise<unknown>> };

const schools = new Map<string, Entry>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    if (value instanceof Map) {
      for (const [k, v] of value) {
        deepFreeze(k);
        deepFreeze(v);
      }
      // a Map's entries are not properties: freezing it does not stop set(); make it fail
      const refuse = (): never => {
        throw new TypeError("a shared value of the school must not be changed");
      };
      Object.assign(value, { set: refuse, delete: refuse, clear: refuse });
    } else {
      for (const v of Object.values(value)) deepFreeze(v);
    }
    Object.freeze(value);
  }
  return value;
}

/**
 * The value of `key` for the school: from memory when read under `version` already,
 * else read (once, however many requests ask at the same time). Without a version (a
 * principal built by hand, a background job) it is simply read.
 */
export function sharedOfSchool<T>(schoolId: string, version: number | undefined, key: string, read: () => Promise<T>): Promise<T> {
  if (version === undefined) return read();
  let entry = schools.get(schoolId);
  if (!entry || entry.version < version) {
    entry = { version, values: new Map() };
    schools.set(schoolId, entry);
  } else if (entry.version > version) {
    // a request that began before the latest change: read, keep nothing
    return read();
  }
  const known = entry.values.get(key) as Promise<T> | undefined;
  if (known) return known;
  const values = entry.values;
  const fresh = read().then((v) => (env.NODE_ENV === "production" ? v : deepFreeze(v)));
  values.set(key, fresh);
  // a failed read is not kept: the next request tries again
  fresh.catch(() => {
    if (values.get(key) === fresh) values.delete(key);
  });
  return fresh;
}

/** For tests: forget everything kept. */
export function forgetShared(): void {
  schools.clear();
}
