/**
 * This process's share of a limit that is counted in memory. `npm start` on PostgreSQL runs
 * one server process per core (scripts/serve.mjs) and the connections are dealt to them in
 * turn, so a cap on failures counted in each process's memory would let N times as many
 * through. Each process keeps its share, rounded up: together at most the cap plus one per
 * process (a client on one kept-alive connection meets one process and is stopped at its
 * share, sooner). Used for the caps that only an attacker reaches (failed sign-ins and
 * codes per address, failed API client authentications); see
 * docs/decisions/011-server-processes-and-the-morning-load.md.
 */
import { env } from "@/lib/env";

export function processShare(limit: number, processes: number = env.WORKER_COUNT): number {
  return Math.max(1, Math.ceil(limit / Math.max(1, processes)));
}
