/** The choices the people and cohort forms offer, each limited to the admin's school. */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { fullName } from "@/lib/people/names";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";

export type Option = { value: string; label: string };

export async function listProgramOptions(p: Principal): Promise<Option[]> {
  assertCan(p, "school.manage");
  const rows = await db.program.findMany({ where: { schoolId: p.schoolId }, orderBy: [{ level: "asc" }, { name: "asc" }], select: { id: true, name: true } });
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

export type YearOption = Option & { current: boolean; startDate: string; endDate: string };

export async function listYearOptions(p: Principal): Promise<YearOption[]> {
  assertCan(p, "school.manage");
  const today = schoolToday(p.timeZone);
  const rows = await db.academicYear.findMany({ where: { schoolId: p.schoolId }, orderBy: { startDate: "desc" }, select: { id: true, name: true, startDate: true, endDate: true } });
  return rows.map((r) => {
    const startDate = dateToDay(r.startDate), endDate = dateToDay(r.endDate);
    return { value: r.id, label: r.name, startDate, endDate, current: startDate <= today && today <= endDate };
  });
}

/** The classes of the year that is running today (or of the given year). */
export async function listClassOptions(p: Principal, yearId?: string): Promise<Option[]> {
  assertCan(p, "school.manage");
  const today = dayToDate(schoolToday(p.timeZone));
  const rows = await db.cohort.findMany({
    where: { schoolId: p.schoolId, kind: "CLASS", ...(yearId ? { yearId } : { year: { startDate: { lte: today }, endDate: { gte: today } } }) },
    orderBy: [{ grade: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

export async function listTeacherOptions(p: Principal): Promise<Option[]> {
  assertCan(p, "school.manage");
  const rows = await db.staff.findMany({
    where: { schoolId: p.schoolId, leftAt: null, roles: { has: "TEACHER" } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, lastName: true, firstName: true, middleName: true },
  });
  return rows.map((r) => ({ value: r.id, label: fullName(r) }));
}

/** Students still at school, labelled with their class so namesakes can be told apart. */
export async function listStudentOptions(p: Principal): Promise<Option[]> {
  assertCan(p, "school.manage");
  const today = dayToDate(schoolToday(p.timeZone));
  const rows = await db.student.findMany({
    where: { schoolId: p.schoolId, leftAt: null },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { middleName: "asc" }],
    select: {
      id: true, lastName: true, firstName: true, middleName: true,
      memberships: {
        where: { cohort: { kind: "CLASS" }, startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] },
        select: { cohort: { select: { name: true } } },
        take: 1,
      },
    },
  });
  return rows.map((r) => ({ value: r.id, label: `${fullName(r)} — ${r.memberships[0]?.cohort.name ?? "без класса"}` }));
}
