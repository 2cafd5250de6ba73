/**
 * Closing and reopening a reporting period (issue 4, item 5): a closed period refuses
 * every change of marks; only an administrator closes or reopens it, reopening needs a
 * reason in words, and both are kept in the audit history (AuditEvent, entity PERIOD).
 * A period of a closed academic year is neither closed nor reopened: the year is read-only.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { shortName } from "@/lib/people/names";
import { assertYearOpen } from "@/lib/school/year-guard";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";

/** Fewest characters and words a reason for reopening must have. */
export const REOPEN_REASON_MIN = 10;
export const REOPEN_REASON_MAX = 500;
const REASON_MESSAGE = "Напишите, почему период открывается снова: хотя бы несколько слов, например «Исправление ошибки в отметке по заявлению родителя».";

async function findPeriod(p: Principal, periodId: string) {
  assertId(periodId);
  const period = await db.period.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: periodId } },
    select: { id: true, name: true, closedAt: true, yearId: true },
  });
  if (!period) throw new AppError("NOT_FOUND", "Период не найден.");
  await assertYearOpen(p, period.yearId);
  return period;
}

/** The reason as it will be kept, or a refusal that says what is wrong with it. */
export function checkReopenReason(reason: string): string {
  const why = reason.trim().replace(/\s+/g, " ");
  const words = why.split(" ").filter((w) => /\p{L}/u.test(w)).length;
  if (why.length < REOPEN_REASON_MIN || words < 2) throw new AppError("BAD_INPUT", REASON_MESSAGE, { reason: [REASON_MESSAGE] });
  if (why.length > REOPEN_REASON_MAX) {
    const msg = `Причина: не больше ${REOPEN_REASON_MAX} знаков.`;
    throw new AppError("BAD_INPUT", msg, { reason: [msg] });
  }
  return why;
}

export async function closePeriod(p: Principal, periodId: string): Promise<{ name: string }> {
  assertCan(p, "period.reopen");
  const period = await findPeriod(p, periodId);
  const closedAt = new Date();
  await db.$transaction(async (tx) => {
    // only an open period is closed: two administrators closing at once close it once
    const done = await tx.period.updateMany({ where: { schoolId: p.schoolId, id: period.id, closedAt: null }, data: { closedAt } });
    if (done.count === 0) throw new AppError("CONFLICT", `Период «${period.name}» уже закрыт.`);
    await tx.auditEvent.create({
      data: { schoolId: p.schoolId, entity: "PERIOD", entityId: period.id, action: "CLOSE", actorUserId: p.userId, newValue: { closedAt: closedAt.toISOString() } },
    });
  });
  return { name: period.name };
}

export async function reopenPeriod(p: Principal, periodId: string, reason: string): Promise<{ name: string }> {
  assertCan(p, "period.reopen");
  const why = checkReopenReason(reason);
  const period = await findPeriod(p, periodId);
  await db.$transaction(async (tx) => {
    const done = await tx.period.updateMany({ where: { schoolId: p.schoolId, id: period.id, closedAt: { not: null } }, data: { closedAt: null } });
    if (done.count === 0) throw new AppError("CONFLICT", `Период «${period.name}» не закрыт: открывать его не нужно.`);
    await tx.auditEvent.create({
      data: {
        schoolId: p.schoolId, entity: "PERIOD", entityId: period.id, action: "REOPEN", reason: why, actorUserId: p.userId,
        oldValue: period.closedAt ? { closedAt: period.closedAt.toISOString() } : undefined,
      },
    });
  });
  return { name: period.name };
}

export type PeriodLockEvent = { action: "CLOSE" | "REOPEN"; at: Date; actor: string; reason: string | null };

export type PeriodLockRow = {
  id: string;
  name: string;
  kind: "QUARTER" | "TRIMESTER" | "SEMESTER" | "YEAR";
  startDate: string;
  endDate: string;
  gradeFrom: number;
  gradeTo: number;
  /** where today is against the period's dates */
  timing: "FUTURE" | "CURRENT" | "ENDED";
  closedAt: Date | null;
  /** the audit's last close, when the current closing was recorded there */
  closedBy: string | null;
  /** closes and reopens, oldest first */
  history: PeriodLockEvent[];
};

export type PeriodLocks = {
  year: { id: string; name: string; closed: boolean } | null;
  periods: PeriodLockRow[];
};

/**
 * The periods of the current academic year (the one containing today, else the last one
 * begun, else the first) with their state and the audit of closes and reopens.
 */
export async function listPeriodLocks(p: Principal): Promise<PeriodLocks> {
  assertCan(p, "period.reopen");
  const today = schoolToday(p.timeZone);
  const on = dayToDate(today);
  const year =
    (await db.academicYear.findFirst({ where: { schoolId: p.schoolId, startDate: { lte: on }, endDate: { gte: on } }, select: { id: true, name: true, closedAt: true } }))
    ?? (await db.academicYear.findFirst({ where: { schoolId: p.schoolId, startDate: { lte: on } }, orderBy: { startDate: "desc" }, select: { id: true, name: true, closedAt: true } }))
    ?? (await db.academicYear.findFirst({ where: { schoolId: p.schoolId }, orderBy: { startDate: "asc" }, select: { id: true, name: true, closedAt: true } }));
  if (!year) return { year: null, periods: [] };
  const rows = await db.period.findMany({
    where: { schoolId: p.schoolId, yearId: year.id },
    orderBy: [{ startDate: "asc" }, { gradeFrom: "asc" }, { endDate: "asc" }],
    select: { id: true, name: true, kind: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true, closedAt: true },
  });
  const events = await db.auditEvent.findMany({
    where: { schoolId: p.schoolId, entity: "PERIOD", entityId: { in: rows.map((r) => r.id) }, action: { in: ["CLOSE", "REOPEN"] } },
    orderBy: { at: "asc" },
    select: { entityId: true, action: true, at: true, reason: true, actorUserId: true },
  });
  const users = await db.user.findMany({
    where: { schoolId: p.schoolId, id: { in: [...new Set(events.map((e) => e.actorUserId))] } },
    select: { id: true, login: true, staff: { select: { lastName: true, firstName: true, middleName: true } } },
  });
  const actorOf = new Map(users.map((u) => [u.id, u.staff ? shortName(u.staff) : u.login]));
  const ordered = [...rows.filter((r) => r.kind !== "YEAR"), ...rows.filter((r) => r.kind === "YEAR")];
  return {
    year: { id: year.id, name: year.name, closed: year.closedAt !== null },
    periods: ordered.map((r) => {
      const startDate = dateToDay(r.startDate);
      const endDate = dateToDay(r.endDate);
      const history: PeriodLockEvent[] = events
        .filter((e) => e.entityId === r.id)
        .map((e) => ({ action: e.action === "CLOSE" ? "CLOSE" : "REOPEN", at: e.at, actor: actorOf.get(e.actorUserId) ?? "—", reason: e.reason }));
      const lastClose = [...history].reverse().find((e) => e.action === "CLOSE");
      const lastEvent = history.at(-1);
      return {
        id: r.id, name: r.name, kind: r.kind, startDate, endDate, gradeFrom: r.gradeFrom, gradeTo: r.gradeTo,
        timing: today < startDate ? "FUTURE" : today > endDate ? "ENDED" : "CURRENT",
        closedAt: r.closedAt,
        closedBy: r.closedAt && lastEvent?.action === "CLOSE" ? (lastClose?.actor ?? null) : null,
        history,
      };
    }),
  };
}
