/**
 * Whose diary a page shows: the children the signed-in user may see (a guardian's own
 * children, a student themself) and the one asked for by `?child=`. Without the
 * parameter the first child is shown; a child that is not one's own answers NOT_FOUND,
 * the same as an id that does not exist, so a changed address reveals nothing.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { studentsVisibleTo } from "@/lib/auth/scope";
import { fullName } from "@/lib/people/names";
import { assertId, listMyStudents, type ChildSummary } from "@/lib/people/students";
import { addDays, dateToDay, dayToDate, schoolToday } from "@/lib/time";
import { memoised } from "@/lib/request-memo";

export async function pickChild(
  p: Principal,
  childParam: string | undefined,
): Promise<{ children: ChildSummary[]; current: ChildSummary | null }> {
  const children = await listMyStudents(p);
  if (childParam === undefined || childParam === "") return { children, current: children[0] ?? null };
  const current = children.find((c) => c.id === childParam);
  if (!current) throw new AppError("NOT_FOUND");
  return { children, current };
}

export type ChildMembership = {
  cohortId: string;
  cohortName: string;
  kind: "CLASS" | "GROUP" | "STREAM" | "INDIVIDUAL";
  grade: number;
  yearId: string;
  start: string;
  end: string | null;
};

/** What every diary section needs to know about the child: its cohorts and school year. */
export type ChildContext = {
  id: string;
  name: string;
  individualPlan: boolean;
  homeSchooling: boolean;
  today: string;
  /** memberships of the last year and a half, oldest first */
  memberships: ChildMembership[];
  /** the class the child is in today (or was in last), null when none */
  classCohort: ChildMembership | null;
  /** the school year the diary shows: the class's, or the one around today */
  yearId: string | null;
  grade: number | null;
};

export function activeOn(m: { start: string; end: string | null }, day: string): boolean {
  return m.start <= day && (m.end === null || m.end >= day);
}

/**
 * One child the principal may see, with its memberships; NOT_FOUND otherwise. Every
 * diary read model starts here, so the scope is checked in one place.
 */
export async function loadChild(p: Principal, studentId: string): Promise<ChildContext> {
  assertCan(p, "diary.read");
  assertId(studentId);
  // the sync's sections each start here: one read per child and sync (lib/request-memo.ts)
  return memoised(`diary-child:${p.userId}:${studentId}`, () => readChild(p, studentId));
}

async function readChild(p: Principal, studentId: string): Promise<ChildContext> {
  const today = schoolToday(p.timeZone);
  const s = await db.student.findFirst({
    where: { AND: [studentsVisibleTo(p), { id: studentId }] },
    select: {
      id: true, lastName: true, firstName: true, middleName: true, individualPlan: true, homeSchooling: true,
      memberships: {
        where: { schoolId: p.schoolId, OR: [{ endDate: null }, { endDate: { gte: dayToDate(addDays(today, -550)) } }] },
        orderBy: { startDate: "asc" },
        select: { startDate: true, endDate: true, cohort: { select: { id: true, name: true, kind: true, grade: true, yearId: true } } },
      },
    },
  });
  if (!s) throw new AppError("NOT_FOUND");
  const memberships: ChildMembership[] = s.memberships.map((m) => ({
    cohortId: m.cohort.id, cohortName: m.cohort.name, kind: m.cohort.kind, grade: m.cohort.grade, yearId: m.cohort.yearId,
    start: dateToDay(m.startDate), end: m.endDate ? dateToDay(m.endDate) : null,
  }));
  const classes = memberships.filter((m) => m.kind === "CLASS" && m.start <= today);
  const classCohort = classes.find((m) => activeOn(m, today)) ?? classes.at(-1) ?? null;
  let yearId = classCohort?.yearId ?? null;
  if (!yearId) {
    const year = await db.academicYear.findFirst({
      where: { schoolId: p.schoolId, startDate: { lte: dayToDate(today) }, endDate: { gte: dayToDate(today) } },
      select: { id: true },
    });
    yearId = year?.id ?? null;
  }
  return {
    id: s.id, name: fullName(s), individualPlan: s.individualPlan, homeSchooling: s.homeSchooling, today,
    memberships, classCohort, yearId, grade: classCohort?.grade ?? memberships.at(-1)?.grade ?? null,
  };
}
