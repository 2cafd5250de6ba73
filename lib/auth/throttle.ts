/**
 * Brute-force protection for sign-in. Per account: each failure slows the next answer
 * down, and after MAX_FAILURES the account is locked for LOCK_MINUTES (kept in the
 * database, so a restart does not unlock it). Per address: a cap on failures across all
 * logins, so one machine cannot walk through the class list (kept in memory: it is a
 * speed bump, the per-account lock is the wall; with several server processes each keeps
 * its share of the cap, lib/security/process-share.ts).
 */
import { processShare } from "@/lib/security/process-share";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const DELAY_STEP_MS = 300;
const DELAY_MAX_MS = 2_000;
const IP_WINDOW_MS = 15 * 60_000;
const IP_MAX_FAILURES = 50;

export function delayAfterFailures(failures: number): number {
  return Math.min(Math.max(failures, 0) * DELAY_STEP_MS, DELAY_MAX_MS);
}

export function lockUntilAfter(failures: number, now: Date): Date | null {
  return failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
}

const ipFailures = new Map<string, number[]>();

export function recordIpFailure(ip: string, now = Date.now()): void {
  const recent = (ipFailures.get(ip) ?? []).filter((t) => now - t < IP_WINDOW_MS);
  recent.push(now);
  ipFailures.set(ip, recent);
  // keep memory bounded under a spray of addresses
  if (ipFailures.size > 10_000) {
    const oldest = ipFailures.keys().next().value;
    if (oldest !== undefined) ipFailures.delete(oldest);
  }
}

export function ipFailureCount(ip: string, now = Date.now()): number {
  return (ipFailures.get(ip) ?? []).filter((t) => now - t < IP_WINDOW_MS).length;
}

export function isIpBlocked(ip: string, now = Date.now()): boolean {
  return ipFailureCount(ip, now) >= processShare(IP_MAX_FAILURES);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
