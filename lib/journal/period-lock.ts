/**
 * Closing and reopening a reporting period (issue 4, item 5): a closed period refuses
 * every change of marks; only an administrator reopens it, with a reason, and both are
 * kept in the audit history.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";

async function findPeriod(p: Principal, periodId: string) {
  assertId(periodId);
  const period = await db.period.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: periodId } }, select: { id: true, name: true, closedAt: true } });
  if (!period) throw new AppError("NOT_FOUND", "Период не найден.");
  return period;
}

export async function closePeriod(p: Principal, periodId: string): Promise<void> {
  assertCan(p, "period.reopen");
  const period = await findPeriod(p, periodId);
  if (period.closedAt) throw new AppError("CONFLICT", `${period.name} уже закрыта.`);
  await db.$transaction([
    db.period.update({ where: { schoolId_id: { schoolId: p.schoolId, id: period.id } }, data: { closedAt: new Date() } }),
    db.auditEvent.create({ data: { schoolId: p.schoolId, entity: "PERIOD", entityId: period.id, action: "CLOSE", actorUserId: p.userId, newValue: { closed: true } } }),
  ]);
}

export async function reopenPeriod(p: Principal, periodId: string, reason: string): Promise<void> {
  assertCan(p, "period.reopen");
  const why = reason.trim();
  if (why.length < 5) throw new AppError("BAD_INPUT", "Укажите причину, по которой период открывается снова.", { reason: ["Укажите причину, по которой период открывается снова."] });
  const period = await findPeriod(p, periodId);
  if (!period.closedAt) throw new AppError("CONFLICT", `${period.name} не закрыта.`);
  await db.$transaction([
    db.period.update({ where: { schoolId_id: { schoolId: p.schoolId, id: period.id } }, data: { closedAt: null } }),
    db.auditEvent.create({
      data: { schoolId: p.schoolId, entity: "PERIOD", entityId: period.id, action: "REOPEN", reason: why, actorUserId: p.userId, oldValue: { closedAt: period.closedAt.toISOString() } },
    }),
  ]);
}
