/**
 * Reads shared within one piece of work that is not a React render (React's `cache` does
 * this for pages): the offline diary's sync builds a dozen screens of one child, and each
 * section would read the child and its cohorts again (the school's grading rules come from
 * the process's memory, lib/school/shared.ts). Inside
 * `withRequestMemo`, `memoised(key, read)` reads once per key and hands every caller the
 * same promise; outside it, it just reads. The memo lives as long as the work (an
 * AsyncLocalStorage scope), so nothing is ever served from an earlier request.
 *
 * Callers must not change what they get: it is shared.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

export function withRequestMemo<T>(work: () => Promise<T>): Promise<T> {
  return scope.run(new Map(), work);
}

export function memoised<T>(key: string, read: () => Promise<T>): Promise<T> {
  const memo = scope.getStore();
  if (!memo) return read();
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const fresh = read();
  memo.set(key, fresh);
  return fresh;
}
