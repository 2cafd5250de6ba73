/**
 * The diary's test schedule (R2.2): the planned tests (AssessmentEvent) of every cohort
 * the child is in — class, groups, stream, individual plan — from the start of the
 * current period until its end or six weeks ahead, whichever is later.
 */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { activeOn, loadChild } from "@/lib/diary/pick-child";
import { addDays, dateToDay, dayToDate } from "@/lib/time";

export type DiaryTest = { id: string; date: string; subjectName: string; workType: string; title: string; cohortName: string; cohortKind: "CLASS" | "GROUP" | "STREAM" | "INDIVIDUAL" };

export type DiaryTests = {
  today: string;
  period: { name: string; startDate: string; endDate: string } | null;
  from: string;
  to: string;
  events: DiaryTest[];
};

const WEEKS_AHEAD = 6;

export async function getDiaryTests(p: Principal, studentId: string): Promise<DiaryTests> {
  const child = await loadChild(p, studentId);
  const today = child.today;
  const todayDate = dayToDate(today);
  const periods = child.yearId
    ? await db.period.findMany({
        where: {
          schoolId: p.schoolId, yearId: child.yearId, kind: { not: "YEAR" }, startDate: { lte: todayDate }, endDate: { gte: todayDate },
          ...(child.grade !== null ? { gradeFrom: { lte: child.grade }, gradeTo: { gte: child.grade } } : {}),
        },
        orderBy: { startDate: "desc" },
        select: { name: true, startDate: true, endDate: true },
      })
    : [];
  const current = periods[0];
  const period = current ? { name: current.name, startDate: dateToDay(current.startDate), endDate: dateToDay(current.endDate) } : null;
  const from = period?.startDate ?? today;
  const ahead = addDays(today, WEEKS_AHEAD * 7);
  const to = period && period.endDate > ahead ? period.endDate : ahead;
  const cohortIds = [...new Set(child.memberships.map((m) => m.cohortId))];
  const rows = await db.assessmentEvent.findMany({
    where: { schoolId: p.schoolId, cohortId: { in: cohortIds }, date: { gte: dayToDate(from), lte: dayToDate(to) } },
    orderBy: [{ date: "asc" }, { subject: { name: "asc" } }],
    select: { id: true, date: true, title: true, cohortId: true, cohort: { select: { name: true, kind: true } }, subject: { select: { name: true } }, workType: { select: { name: true } } },
  });
  // a test counts for the child only on a day they were in that cohort
  const events = rows
    .map((r) => ({ ...r, day: dateToDay(r.date) }))
    .filter((r) => child.memberships.some((m) => m.cohortId === r.cohortId && activeOn(m, r.day)))
    .map((r) => ({ id: r.id, date: r.day, subjectName: r.subject.name, workType: r.workType.name, title: r.title, cohortName: r.cohort.name, cohortKind: r.cohort.kind }));
  return { today, period, from, to, events };
}
