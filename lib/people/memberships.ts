/**
 * Dated membership of students in cohorts. Nothing is deleted or moved: a membership
 * ends on a day and another starts, so marks and lessons made in a cohort stay with it.
 * Rules: one class per student per day; a group's members belong to its class on that
 * day; an individual plan has one student.
 */
import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { fullName, shortName } from "@/lib/people/names";
import { previousDay } from "@/lib/people/format";
import type { AddMembersInput } from "@/lib/people/cohort-schemas";
import { dateToDay, dayToDate, formatDayRu, schoolToday } from "@/lib/time";

type Tx = Prisma.TransactionClient;
type EndReason = "MOVED" | "PROMOTED" | "REPEATED" | "LEFT" | "GRADUATED";

/** Memberships that are in force on some day of [start, end] (end open when null). */
function overlapping(start: string, end: string | null): Prisma.CohortMembershipWhereInput {
  return {
    ...(end ? { startDate: { lte: dayToDate(end) } } : {}),
    OR: [{ endDate: null }, { endDate: { gte: dayToDate(start) } }],
  };
}

function onDay(day: string): Prisma.CohortMembershipWhereInput {
  return { startDate: { lte: dayToDate(day) }, OR: [{ endDate: null }, { endDate: { gte: dayToDate(day) } }] };
}

function refuse(field: string, message: string): never {
  throw new AppError("BAD_INPUT", message, { [field]: [message] });
}

/** Adds one membership after checking every rule; used inside a caller's transaction. */
export async function addMembership(
  tx: Tx,
  schoolId: string,
  m: { cohortId: string; studentId: string; startDate: string },
  field = "students",
): Promise<void> {
  const cohort = await tx.cohort.findFirst({
    where: { schoolId, id: m.cohortId },
    select: { id: true, kind: true, name: true, parentId: true, parent: { select: { name: true } }, year: { select: { startDate: true, endDate: true } } },
  });
  if (!cohort) throw new AppError("NOT_FOUND");
  const student = await tx.student.findFirst({ where: { schoolId, id: m.studentId }, select: { lastName: true, firstName: true, middleName: true, leftAt: true } });
  if (!student) refuse(field, "Такого ученика нет в школе.");
  const who = shortName(student);
  const yearStart = dateToDay(cohort.year.startDate), yearEnd = dateToDay(cohort.year.endDate);
  if (m.startDate < yearStart || m.startDate > yearEnd) {
    refuse(field, `Дата должна быть внутри учебного года: с ${formatDayRu(yearStart)} по ${formatDayRu(yearEnd)}.`);
  }
  if (student.leftAt && dateToDay(student.leftAt) <= m.startDate) refuse(field, `${who} выбыл(а) из школы ${formatDayRu(dateToDay(student.leftAt))}.`);

  const same = await tx.cohortMembership.findFirst({ where: { schoolId, cohortId: cohort.id, studentId: m.studentId, ...overlapping(m.startDate, null) }, select: { id: true } });
  if (same) refuse(field, `${who} уже в составе «${cohort.name}» на эту дату.`);

  if (cohort.kind === "CLASS") {
    const other = await tx.cohortMembership.findFirst({
      where: { schoolId, studentId: m.studentId, cohort: { kind: "CLASS" }, ...overlapping(m.startDate, null) },
      select: { startDate: true, cohort: { select: { name: true } } },
    });
    if (other) {
      refuse(field, `${who} уже учится в классе ${other.cohort.name} (с ${formatDayRu(dateToDay(other.startDate))}). Ученик не может быть в двух классах в один день: переведите его кнопкой «Перевести в другой класс».`);
    }
  }
  if (cohort.kind === "GROUP" && cohort.parentId) {
    const inClass = await tx.cohortMembership.count({ where: { schoolId, cohortId: cohort.parentId, studentId: m.studentId, ...onDay(m.startDate) } });
    if (!inClass) refuse(field, `${who} не учится в классе ${cohort.parent?.name ?? ""} на ${formatDayRu(m.startDate)}: в группу входят только ученики этого класса.`);
  }
  if (cohort.kind === "INDIVIDUAL") {
    const taken = await tx.cohortMembership.count({ where: { schoolId, cohortId: cohort.id, studentId: { not: m.studentId }, ...overlapping(m.startDate, null) } });
    if (taken) refuse(field, "В индивидуальном плане может быть только один ученик.");
  }
  await tx.cohortMembership.create({ data: { schoolId, cohortId: cohort.id, studentId: m.studentId, startDate: dayToDate(m.startDate) } });
}

/** Adds the chosen students from a day; if one of them breaks a rule, none is added. */
export async function addCohortMembers(p: Principal, input: AddMembersInput): Promise<{ added: number }> {
  assertCan(p, "school.manage");
  await db.$transaction(async (tx) => {
    for (const studentId of input.studentIds) await addMembership(tx, p.schoolId, { cohortId: input.cohortId, studentId, startDate: input.startDate });
  });
  return { added: input.studentIds.length };
}

/** Ends the groups of a class together with the class, so a group never outlives it. */
async function endGroupsOfClass(tx: Tx, schoolId: string, classId: string, studentId: string, lastDay: string, reason: EndReason): Promise<void> {
  await tx.cohortMembership.updateMany({
    where: { schoolId, studentId, cohort: { parentId: classId }, startDate: { lte: dayToDate(lastDay) }, OR: [{ endDate: null }, { endDate: { gt: dayToDate(lastDay) } }] },
    data: { endDate: dayToDate(lastDay), endReason: reason },
  });
}

export async function endCohortMembership(
  p: Principal,
  input: { cohortId: string; membershipId: string; membershipEnd: string; endReason: EndReason },
): Promise<void> {
  assertCan(p, "school.manage");
  await db.$transaction(async (tx) => {
    const m = await tx.cohortMembership.findFirst({
      where: { schoolId: p.schoolId, id: input.membershipId, cohortId: input.cohortId },
      select: { id: true, studentId: true, startDate: true, endDate: true, cohort: { select: { kind: true } } },
    });
    if (!m) throw new AppError("NOT_FOUND");
    if (m.endDate && dateToDay(m.endDate) <= input.membershipEnd) refuse("membershipId", "Это членство уже завершено.");
    if (input.membershipEnd < dateToDay(m.startDate)) {
      refuse("membershipEnd", `Последний день не может быть раньше первого (${formatDayRu(dateToDay(m.startDate))}).`);
    }
    await tx.cohortMembership.update({
      where: { schoolId_id: { schoolId: p.schoolId, id: m.id } },
      data: { endDate: dayToDate(input.membershipEnd), endReason: input.endReason },
    });
    if (m.cohort.kind === "CLASS") await endGroupsOfClass(tx, p.schoolId, input.cohortId, m.studentId, input.membershipEnd, input.endReason);
  });
}

/**
 * Moves a student to another class from a day: the old class ends the day before (reason
 * MOVED) with its groups, the new one starts on the day. Marks, attendance and lessons
 * already made keep their cohort: nothing else is touched.
 */
export async function moveStudentToClass(
  p: Principal,
  input: { cohortId: string; moveStudentId: string; toCohortId: string; moveDate: string },
): Promise<void> {
  assertCan(p, "school.manage");
  const lastDay = previousDay(input.moveDate);
  await db.$transaction(async (tx) => {
    const from = await tx.cohortMembership.findFirst({
      where: { schoolId: p.schoolId, cohortId: input.cohortId, studentId: input.moveStudentId, cohort: { kind: "CLASS" }, ...onDay(input.moveDate) },
      select: { id: true, startDate: true, cohortId: true },
    });
    if (!from) refuse("moveStudentId", `Ученик не числится в этом классе на ${formatDayRu(input.moveDate)}.`);
    if (input.toCohortId === input.cohortId) refuse("toCohortId", "Выберите другой класс.");
    const to = await tx.cohort.findFirst({ where: { schoolId: p.schoolId, id: input.toCohortId, kind: "CLASS" }, select: { id: true } });
    if (!to) refuse("toCohortId", "Выберите класс из списка.");
    if (dateToDay(from.startDate) > lastDay) {
      refuse("moveDate", `Ученик пришёл в класс ${formatDayRu(dateToDay(from.startDate))}: перевести можно не раньше следующего дня.`);
    }
    await tx.cohortMembership.update({
      where: { schoolId_id: { schoolId: p.schoolId, id: from.id } },
      data: { endDate: dayToDate(lastDay), endReason: "MOVED" },
    });
    await endGroupsOfClass(tx, p.schoolId, from.cohortId, input.moveStudentId, lastDay, "MOVED");
    await addMembership(tx, p.schoolId, { cohortId: to.id, studentId: input.moveStudentId, startDate: input.moveDate }, "toCohortId");
  });
}

export type Candidate = { id: string; label: string };

/** Students the administrator may add to a cohort today, by the cohort's kind. */
export async function listMembershipCandidates(p: Principal, cohortId: string): Promise<Candidate[]> {
  assertCan(p, "school.manage");
  const today = schoolToday(p.timeZone);
  const cohort = await db.cohort.findFirst({ where: { schoolId: p.schoolId, id: cohortId }, select: { id: true, kind: true, parentId: true } });
  if (!cohort) throw new AppError("NOT_FOUND");
  const notHere: Prisma.StudentWhereInput = { memberships: { none: { cohortId, ...overlapping(today, null) } } };
  let where: Prisma.StudentWhereInput;
  if (cohort.kind === "CLASS") where = { memberships: { none: { cohort: { kind: "CLASS" }, ...overlapping(today, null) } } };
  else if (cohort.kind === "GROUP") where = { AND: [notHere, { memberships: { some: { cohortId: cohort.parentId ?? "", ...onDay(today) } } }] };
  else if (cohort.kind === "INDIVIDUAL") {
    const taken = await db.cohortMembership.count({ where: { schoolId: p.schoolId, cohortId, ...overlapping(today, null) } });
    if (taken) return [];
    where = {};
  } else where = notHere;
  const rows = await db.student.findMany({
    where: { schoolId: p.schoolId, leftAt: null, ...where },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { middleName: "asc" }],
    take: 400,
    select: {
      id: true, lastName: true, firstName: true, middleName: true,
      memberships: { where: { cohort: { kind: "CLASS" }, ...onDay(today) }, orderBy: { startDate: "desc" }, select: { cohort: { select: { name: true } } }, take: 1 },
    },
  });
  return rows.map((s) => ({ id: s.id, label: `${fullName(s)} — ${s.memberships[0]?.cohort.name ?? "без класса"}` }));
}

/** Classes of the same year a student of this class may move to. */
export async function listMoveTargets(p: Principal, cohortId: string): Promise<{ value: string; label: string }[]> {
  assertCan(p, "school.manage");
  const c = await db.cohort.findFirst({ where: { schoolId: p.schoolId, id: cohortId }, select: { yearId: true } });
  if (!c) throw new AppError("NOT_FOUND");
  const rows = await db.cohort.findMany({
    where: { schoolId: p.schoolId, yearId: c.yearId, kind: "CLASS", id: { not: cohortId } },
    orderBy: [{ grade: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
  return rows.map((r) => ({ value: r.id, label: r.name }));
}
