/**
 * What a teacher has left unfilled in their journals (issue 4, item 10): the teacher's
 * journals are the cohort × subject pairs they teach this school year (curriculum or
 * timetable), and in them
 * - lessons that took place (held, or of a past day and neither cancelled nor moved) with
 *   no topic;
 * - such lessons where nobody got a mark or an attendance record: "посещаемость не
 *   отмечена" (a lesson everyone attended and nobody was marked at looks the same, and
 *   the page says so);
 * - period finals due: a period of the year ending within a week, or ended and not
 *   closed, where students of the journal have no confirmed final mark.
 * Each group is counted in full and lists at most MISSING_LIMIT items. A handful of grouped
 * queries, never one per lesson or per student.
 */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { addDays, dateToDay, dayToDate, schoolToday } from "@/lib/time";
import type { Prisma } from "@/generated/prisma/client";

export const MISSING_LIMIT = 20;
/** A period ending this many days ahead already asks for its final marks. */
export const FINALS_AHEAD_DAYS = 7;

export type MissingLesson = {
  lessonId: string;
  date: string;
  lessonNumber: number;
  cohortId: string;
  cohortName: string;
  subjectId: string;
  subjectName: string;
};
export type MissingFinals = {
  periodId: string;
  periodName: string;
  endDate: string;
  ended: boolean;
  cohortId: string;
  cohortName: string;
  subjectId: string;
  subjectName: string;
  /** students without a confirmed final mark, of `total` in the cohort during the period */
  missing: number;
  total: number;
};
export type MissingGroup<T> = { total: number; items: T[] };
export type MissingWork = {
  topics: MissingGroup<MissingLesson>;
  attendance: MissingGroup<MissingLesson>;
  finals: MissingGroup<MissingFinals>;
};

type Journal = { cohortId: string; cohortName: string; grade: number; subjectId: string; subjectName: string; scale: string };

/** The cohort × subject pairs the teacher teaches in the year containing `today`. */
async function journalsOf(schoolId: string, staffId: string, today: Date): Promise<Journal[]> {
  const inYear = { year: { startDate: { lte: today }, endDate: { gte: today } } };
  const current = { OR: [{ validTo: null }, { validTo: { gte: today } }] };
  const select = { cohort: { select: { id: true, name: true, grade: true } }, subject: { select: { id: true, name: true } } } as const;
  const [items, slots] = await Promise.all([
    db.curriculumItem.findMany({ where: { schoolId, ...current, cohort: inYear, teachers: { some: { staffId } } }, select: { ...select, scale: true } }),
    db.timetableSlot.findMany({ where: { schoolId, ...current, cohort: inYear, teacherId: staffId }, select }),
  ]);
  const out = new Map<string, Journal>();
  const add = (r: (typeof slots)[number], scale: string) => {
    const key = `${r.cohort.id}|${r.subject.id}`;
    if (!out.has(key)) out.set(key, { cohortId: r.cohort.id, cohortName: r.cohort.name, grade: r.cohort.grade, subjectId: r.subject.id, subjectName: r.subject.name, scale });
  };
  for (const r of items) add(r, r.scale);
  // a pair only in the timetable is on the school's usual five-point scale
  for (const r of slots) add(r, "FIVE_POINT");
  return [...out.values()].sort((a, b) => a.cohortName.localeCompare(b.cohortName, "ru", { numeric: true }) || a.subjectName.localeCompare(b.subjectName, "ru"));
}

const EMPTY: MissingWork = { topics: { total: 0, items: [] }, attendance: { total: 0, items: [] }, finals: { total: 0, items: [] } };

export async function listMissingWork(p: Principal, day?: string): Promise<MissingWork> {
  assertCan(p, "journal.read");
  if (!p.staffId) return EMPTY;
  const schoolId = p.schoolId;
  const todayDay = day ?? schoolToday(p.timeZone);
  const today = dayToDate(todayDay);
  const journals = await journalsOf(schoolId, p.staffId, today);
  if (journals.length === 0) return EMPTY;

  // lessons that took place: held (today too), or of a past day and not cancelled or moved
  const took: Prisma.LessonWhereInput = {
    schoolId,
    OR: journals.map((j) => ({ cohortId: j.cohortId, subjectId: j.subjectId })),
    AND: [{ OR: [{ status: "HELD", date: { lte: today } }, { status: "PLANNED", date: { lt: today } }] }],
  };
  const noTopic: Prisma.LessonWhereInput = { ...took, AND: [...(took.AND as Prisma.LessonWhereInput[]), { OR: [{ topic: null }, { topic: "" }] }] };
  const unmarked: Prisma.LessonWhereInput = { ...took, attendance: { none: { removedAt: null } }, marks: { none: { removedAt: null } } };
  const select = { id: true, date: true, lessonNumber: true, cohortId: true, subjectId: true } as const;
  const order = [{ date: "desc" as const }, { lessonNumber: "asc" as const }];

  const periodsDue = db.period.findMany({
    where: {
      schoolId, closedAt: null, year: { startDate: { lte: today }, endDate: { gte: today } },
      endDate: { lte: dayToDate(addDays(todayDay, FINALS_AHEAD_DAYS)) },
    },
    orderBy: [{ endDate: "asc" }, { startDate: "asc" }],
    select: { id: true, name: true, kind: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true },
  });
  const [topicRows, topicCount, unmarkedRows, unmarkedCount, periods] = await Promise.all([
    db.lesson.findMany({ where: noTopic, orderBy: order, take: MISSING_LIMIT, select }),
    db.lesson.count({ where: noTopic }),
    db.lesson.findMany({ where: unmarked, orderBy: order, take: MISSING_LIMIT, select }),
    db.lesson.count({ where: unmarked }),
    periodsDue,
  ]);

  const journalOf = new Map(journals.map((j) => [`${j.cohortId}|${j.subjectId}`, j]));
  const lessonItem = (l: (typeof topicRows)[number]): MissingLesson => {
    const j = journalOf.get(`${l.cohortId}|${l.subjectId}`);
    return {
      lessonId: l.id, date: dateToDay(l.date), lessonNumber: l.lessonNumber,
      cohortId: l.cohortId, cohortName: j?.cohortName ?? "", subjectId: l.subjectId, subjectName: j?.subjectName ?? "",
    };
  };

  // finals: every due period × journal of a grade it applies to, on a scale that has finals
  const pairs = periods.flatMap((x) =>
    journals.filter((j) => j.scale !== "NONE" && x.gradeFrom <= j.grade && j.grade <= x.gradeTo).map((j) => ({ period: x, journal: j })),
  );
  const finals: MissingFinals[] = [];
  if (pairs.length > 0) {
    const cohortIds = [...new Set(pairs.map((x) => x.journal.cohortId))];
    const from = new Date(Math.min(...pairs.map((x) => x.period.startDate.getTime())));
    const to = new Date(Math.max(...pairs.map((x) => x.period.endDate.getTime())));
    const members = await db.cohortMembership.findMany({
      where: { schoolId, cohortId: { in: cohortIds }, startDate: { lte: to }, OR: [{ endDate: null }, { endDate: { gte: from } }] },
      select: { cohortId: true, studentId: true, startDate: true, endDate: true },
    });
    const confirmed = await db.finalMark.findMany({
      where: {
        schoolId, removedAt: null, kind: { in: ["PERIOD", "YEAR"] },
        periodId: { in: [...new Set(pairs.map((x) => x.period.id))] },
        subjectId: { in: [...new Set(pairs.map((x) => x.journal.subjectId))] },
        studentId: { in: [...new Set(members.map((m) => m.studentId))] },
      },
      select: { studentId: true, subjectId: true, periodId: true, kind: true },
    });
    const done = new Set(confirmed.map((f) => `${f.periodId}|${f.subjectId}|${f.kind}|${f.studentId}`));
    for (const { period, journal } of pairs) {
      const students = new Set(
        members
          .filter((m) => m.cohortId === journal.cohortId && m.startDate <= period.endDate && (m.endDate === null || m.endDate >= period.startDate))
          .map((m) => m.studentId),
      );
      const kind = period.kind === "YEAR" ? "YEAR" : "PERIOD";
      const missing = [...students].filter((s) => !done.has(`${period.id}|${journal.subjectId}|${kind}|${s}`)).length;
      if (missing === 0) continue;
      finals.push({
        periodId: period.id, periodName: period.name, endDate: dateToDay(period.endDate), ended: dateToDay(period.endDate) < todayDay,
        cohortId: journal.cohortId, cohortName: journal.cohortName, subjectId: journal.subjectId, subjectName: journal.subjectName,
        missing, total: students.size,
      });
    }
  }

  return {
    topics: { total: topicCount, items: topicRows.map(lessonItem) },
    attendance: { total: unmarkedCount, items: unmarkedRows.map(lessonItem) },
    finals: { total: finals.length, items: finals.slice(0, MISSING_LIMIT) },
  };
}
