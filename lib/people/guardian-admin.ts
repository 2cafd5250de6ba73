/**
 * Parents and legal representatives: their cards, their links to children and the end
 * of a guardianship. Ending sets endDate; the scoping helpers then hide the child from
 * that guardian at once (lib/auth/scope.ts checks endDate).
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { fullName } from "@/lib/people/names";
import type { GuardianInput, LinkChildInput } from "@/lib/people/schemas";
import { dateToDay, dayToDate, formatDateTime, schoolToday } from "@/lib/time";

export type GuardianRow = { id: string; name: string; children: string[]; hasAccount: boolean };

export async function listGuardians(p: Principal, q?: string): Promise<GuardianRow[]> {
  assertCan(p, "school.manage");
  const words = (q ?? "").split(/\s+/).filter(Boolean).slice(0, 3);
  const rows = await db.guardian.findMany({
    where: {
      schoolId: p.schoolId,
      AND: words.map((w) => ({
        OR: [
          { lastName: { contains: w, mode: "insensitive" as const } },
          { firstName: { contains: w, mode: "insensitive" as const } },
          { middleName: { contains: w, mode: "insensitive" as const } },
        ],
      })),
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: 500,
    select: {
      id: true, lastName: true, firstName: true, middleName: true,
      user: { select: { id: true } },
      guardianships: { where: { endDate: null }, select: { student: { select: { lastName: true, firstName: true, middleName: true } } } },
    },
  });
  return rows.map((g) => ({ id: g.id, name: fullName(g), hasAccount: Boolean(g.user), children: g.guardianships.map((x) => fullName(x.student)) }));
}

export type ContactView = {
  id: string;
  channel: "EMAIL" | "SMS" | "PUSH";
  value: string;
  source: "WRITTEN_APPLICATION" | "SELF_SERVICE" | "ELECTRONIC_DOCUMENT";
  applicationNumber: string | null;
  applicationDate: string | null;
  enteredBy: string | null;
  createdAt: string;
  removedAt: string | null;
};

export type GuardianDetail = {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  address: string | null;
  name: string;
  login: string | null;
  pendingInvitationUntil: string | null;
  children: { guardianshipId: string; studentId: string; name: string; relation: string; startDate: string; endDate: string | null }[];
  contacts: ContactView[];
};

export async function getGuardianDetail(p: Principal, guardianId: string): Promise<GuardianDetail> {
  assertCan(p, "school.manage");
  assertId(guardianId);
  const now = new Date();
  const g = await db.guardian.findFirst({
    where: { schoolId: p.schoolId, id: guardianId },
    select: {
      id: true, lastName: true, firstName: true, middleName: true, address: true,
      user: { select: { login: true } },
      invitations: { where: { usedAt: null, expiresAt: { gt: now } }, orderBy: { expiresAt: "desc" }, take: 1, select: { expiresAt: true } },
      guardianships: {
        orderBy: [{ startDate: "asc" }],
        select: { id: true, relation: true, startDate: true, endDate: true, student: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
      },
      contacts: {
        orderBy: [{ createdAt: "desc" }],
        select: {
          id: true, channel: true, value: true, source: true, applicationNumber: true, applicationDate: true, createdAt: true, removedAt: true,
          enteredBy: { select: { lastName: true, firstName: true, middleName: true } },
        },
      },
    },
  });
  if (!g) throw new AppError("NOT_FOUND");
  const at = (d: Date) => formatDateTime(d, p.timeZone);
  return {
    id: g.id, lastName: g.lastName, firstName: g.firstName, middleName: g.middleName, address: g.address, name: fullName(g),
    login: g.user?.login ?? null,
    pendingInvitationUntil: g.invitations[0] ? at(g.invitations[0].expiresAt) : null,
    children: g.guardianships.map((x) => ({
      guardianshipId: x.id, studentId: x.student.id, name: fullName(x.student), relation: x.relation,
      startDate: dateToDay(x.startDate), endDate: x.endDate ? dateToDay(x.endDate) : null,
    })),
    contacts: g.contacts.map((c) => ({
      id: c.id, channel: c.channel, value: c.value, source: c.source, applicationNumber: c.applicationNumber,
      applicationDate: c.applicationDate ? dateToDay(c.applicationDate) : null,
      enteredBy: c.enteredBy ? fullName(c.enteredBy) : null,
      createdAt: at(c.createdAt), removedAt: c.removedAt ? at(c.removedAt) : null,
    })),
  };
}

export async function saveGuardian(p: Principal, input: GuardianInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  const data = { lastName: input.lastName, firstName: input.firstName, middleName: input.middleName, address: input.address };
  if (!input.id) {
    return db.guardian.create({ data: { schoolId: p.schoolId, ...data }, select: { id: true } });
  }
  const updated = await db.guardian.updateMany({ where: { schoolId: p.schoolId, id: input.id }, data });
  if (updated.count !== 1) throw new AppError("NOT_FOUND");
  return { id: input.id };
}

/**
 * Links a guardian to a child. The pair has one row: linking again after an end reopens
 * it from the new date with the relation given now.
 */
export async function linkGuardianToStudent(p: Principal, input: LinkChildInput): Promise<void> {
  assertCan(p, "school.manage");
  const start = dayToDate(input.linkStart ?? schoolToday(p.timeZone));
  await db.$transaction(async (tx) => {
    const [guardian, student] = await Promise.all([
      tx.guardian.count({ where: { schoolId: p.schoolId, id: input.guardianId } }),
      tx.student.count({ where: { schoolId: p.schoolId, id: input.studentId } }),
    ]);
    if (!guardian) throw new AppError("NOT_FOUND");
    if (!student) throw new AppError("BAD_INPUT", "Такого ученика нет. Выберите ребёнка из списка.", { studentId: ["Выберите ребёнка из списка."] });
    const existing = await tx.guardianship.findFirst({
      where: { schoolId: p.schoolId, guardianId: input.guardianId, studentId: input.studentId },
      select: { id: true, endDate: true },
    });
    if (existing && existing.endDate === null) {
      const message = "Этот ребёнок уже связан с этим родителем.";
      throw new AppError("CONFLICT", message, { studentId: [message] });
    }
    if (existing) {
      await tx.guardianship.update({
        where: { schoolId_id: { schoolId: p.schoolId, id: existing.id } },
        data: { relation: input.relation, startDate: start, endDate: null },
      });
    } else {
      await tx.guardianship.create({
        data: { schoolId: p.schoolId, guardianId: input.guardianId, studentId: input.studentId, relation: input.relation, startDate: start },
      });
    }
  });
}

/** From the end date on, the guardian no longer sees the child in the diary. */
export async function endGuardianship(p: Principal, input: { guardianId: string; guardianshipId: string; guardianshipEnd: string }): Promise<void> {
  assertCan(p, "school.manage");
  const g = await db.guardianship.findFirst({
    where: { schoolId: p.schoolId, id: input.guardianshipId, guardianId: input.guardianId },
    select: { id: true, startDate: true, endDate: true },
  });
  if (!g) throw new AppError("NOT_FOUND");
  if (g.endDate) throw new AppError("CONFLICT", "Эта связь уже завершена.");
  const end = dayToDate(input.guardianshipEnd);
  if (end < g.startDate) {
    const message = "Дата окончания не может быть раньше начала связи.";
    throw new AppError("BAD_INPUT", message, { guardianshipEnd: [message] });
  }
  await db.guardianship.update({ where: { schoolId_id: { schoolId: p.schoolId, id: g.id } }, data: { endDate: end } });
}
