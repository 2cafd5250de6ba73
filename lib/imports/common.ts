/**
 * What the apply steps of every kind share: the transaction client, the outcome of one
 * row, the school's current year and new ids. No "server-only" marker here or in the
 * apply modules: the benchmark (bench/, run by tsx) calls them with its own client.
 */
import type { Prisma } from "@/generated/prisma/client";
import { dateToDay, dayToDate } from "@/lib/time";

export type Tx = Prisma.TransactionClient;

export type RowResult = "created" | "updated" | "unchanged";
export type ImportedRow = { line: number; label: string; result: RowResult };
export type ImportCounts = { created: number; updated: number; unchanged: number };

export function countResults(rows: readonly ImportedRow[]): ImportCounts {
  const c = { created: 0, updated: 0, unchanged: 0 };
  for (const r of rows) c[r.result] += 1;
  return c;
}

export type SchoolYear = { id: string; startDate: string; endDate: string };

/** The year a file is about: the one running today, or before September the next one set up. */
export async function currentYear(tx: Tx, schoolId: string, today: string): Promise<SchoolYear | null> {
  const on = dayToDate(today);
  const y =
    (await tx.academicYear.findFirst({ where: { schoolId, startDate: { lte: on }, endDate: { gte: on } }, select: { id: true, startDate: true, endDate: true } })) ??
    (await tx.academicYear.findFirst({ where: { schoolId, startDate: { gt: on } }, orderBy: { startDate: "asc" }, select: { id: true, startDate: true, endDate: true } }));
  return y ? { id: y.id, startDate: dateToDay(y.startDate), endDate: dateToDay(y.endDate) } : null;
}

/** A time-ordered uuid (version 7), like the database's own default, made here so rows can be inserted in batches. */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  const ms = Date.now();
  for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Inserts in slices: one statement per few thousand rows keeps under PostgreSQL's parameter limit. */
export async function insertAll<T>(rows: readonly T[], insert: (slice: T[]) => Promise<unknown>, size = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export function personLabel(p: { lastName: string; firstName: string; middleName?: string | null | undefined }, key?: string): string {
  const name = [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ");
  return key ? `${name} (${key})` : name;
}
