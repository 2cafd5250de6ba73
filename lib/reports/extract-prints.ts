/**
 * The print log of paper extracts (R2.3): every extract printed is a row — which student,
 * of which class, for which period or days, large print or not, who printed it and when;
 * the extracts of one class PDF share a batch id. Written in the request that makes the
 * PDF, after the PDF is made (a failed rendering records nothing); never changed.
 */
import "server-only";
import { randomUUID } from "node:crypto";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { fullName, shortName } from "@/lib/people/names";
import { dateToDay, dayToDate, formatDayRu } from "@/lib/time";
import type { ExtractData } from "@/lib/reports/extract-data";

export async function recordExtractPrints(p: Principal, extracts: readonly ExtractData[], o: { largePrint: boolean; batch: boolean }): Promise<{ batchId: string | null }> {
  assertCan(p, "reports.read");
  const batchId = o.batch ? randomUUID() : null;
  await db.extractPrint.createMany({
    data: extracts.map((e) => ({
      schoolId: p.schoolId,
      studentId: e.student.id,
      cohortId: e.cohort?.id ?? null,
      periodId: e.span.periodId,
      fromDate: dayToDate(e.span.from),
      toDate: dayToDate(e.span.to),
      largePrint: o.largePrint,
      batchId,
      printedById: p.userId,
    })),
  });
  return { batchId };
}

export type PrintLogEntry = {
  key: string;
  printedAt: Date;
  printedBy: string;
  cohort: string | null;
  /** «2 четверть» or «01.11.2026 – 15.11.2026» */
  span: string;
  largePrint: boolean;
  /** one name for a single extract; every name for a class batch */
  students: string[];
  batch: boolean;
};

/** The newest prints, a class batch as one entry; `more` when older ones are not shown. */
export async function listExtractPrints(p: Principal, limit = 30): Promise<{ entries: PrintLogEntry[]; more: boolean }> {
  assertCan(p, "reports.read");
  if (!p.roles.includes("ADMIN")) throw new AppError("NOT_FOUND");
  // a batch is at most a class: a few hundred rows hold the newest `limit` entries and more
  const rows = await db.extractPrint.findMany({
    where: { schoolId: p.schoolId },
    orderBy: [{ printedAt: "desc" }, { id: "desc" }],
    take: limit * 40,
    select: {
      id: true, batchId: true, cohortId: true, periodId: true, fromDate: true, toDate: true, largePrint: true, printedById: true, printedAt: true,
      student: { select: { lastName: true, firstName: true, middleName: true } },
    },
  });
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = r.batchId ?? r.id;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const shown = [...groups.entries()].slice(0, limit);
  const first = shown.map(([, g]) => g[0]).filter((r): r is NonNullable<typeof r> => r !== undefined);
  const [cohorts, periods, users] = await Promise.all([
    db.cohort.findMany({ where: { schoolId: p.schoolId, id: { in: [...new Set(first.flatMap((r) => (r.cohortId ? [r.cohortId] : [])))] } }, select: { id: true, name: true } }),
    db.period.findMany({ where: { schoolId: p.schoolId, id: { in: [...new Set(first.flatMap((r) => (r.periodId ? [r.periodId] : [])))] } }, select: { id: true, name: true, year: { select: { name: true } } } }),
    db.user.findMany({
      where: { schoolId: p.schoolId, id: { in: [...new Set(first.map((r) => r.printedById))] } },
      select: { id: true, login: true, staff: { select: { lastName: true, firstName: true, middleName: true } } },
    }),
  ]);
  const cohortName = new Map(cohorts.map((c) => [c.id, c.name]));
  const periodName = new Map(periods.map((x) => [x.id, `${x.name}, ${x.year.name}`]));
  const userName = new Map(users.map((u) => [u.id, u.staff ? shortName(u.staff) : u.login]));
  const entries = shown.flatMap(([key, g]) => {
    const r = g[0];
    if (!r) return [];
    const from = formatDayRu(dateToDay(r.fromDate));
    const to = formatDayRu(dateToDay(r.toDate));
    return [{
      key,
      printedAt: r.printedAt,
      printedBy: userName.get(r.printedById) ?? "—",
      cohort: r.cohortId ? (cohortName.get(r.cohortId) ?? null) : null,
      span: r.periodId ? (periodName.get(r.periodId) ?? `${from} – ${to}`) : `${from} – ${to}`,
      largePrint: r.largePrint,
      students: g.map((x) => fullName(x.student)).sort((a, b) => a.localeCompare(b, "ru")),
      batch: r.batchId !== null,
    }];
  });
  return { entries, more: groups.size > limit || rows.length === limit * 40 };
}
