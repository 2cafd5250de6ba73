/**
 * Lessons from the timetable for a date range, applied to the database: what the
 * timetable yields (minus each grade's holidays, within each cohort's school year) is
 * reconciled with the lessons already there (lib/timetable/plan.ts) and the difference
 * written in one transaction. Lessons that carry work are never removed or moved; the ones
 * that no longer match the timetable are reported. Running it twice changes nothing.
 *
 * No authorisation and no "server-only" here: the benchmark calls it with its own client.
 * lib/timetable/lessons.ts wraps it for the administrator.
 */
import type { Db } from "../db";
import { shortName } from "../people/names";
import { dateToDay, dayToDate } from "../time";
import { generateLessons, reconcileLessons, type ExistingLesson, type HolidayPlan, type PlannedLesson, type SlotPlan } from "./plan";

export type KeptLesson = { id: string; date: string; lessonNumber: number; cohort: string; subject: string; teacher: string; status: ExistingLesson["status"] };

export type GenerationReport = { created: number; updated: number; removed: number; unchanged: number; keptWithWork: KeptLesson[] };

const CHUNK = 2000;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function generateLessonsForSchool(
  db: Db,
  schoolId: string,
  range: { from: string; to: string },
  options: { cohortIds?: readonly string[] } = {},
): Promise<GenerationReport> {
  const from = dayToDate(range.from);
  const to = dayToDate(range.to);
  const cohortFilter = options.cohortIds ? { cohortId: { in: [...options.cohortIds] } } : {};
  const [cohorts, slots, holidays] = await Promise.all([
    db.cohort.findMany({
      where: { schoolId, ...(options.cohortIds ? { id: { in: [...options.cohortIds] } } : {}) },
      select: { id: true, name: true, grade: true, year: { select: { startDate: true, endDate: true } } },
    }),
    db.timetableSlot.findMany({
      where: { schoolId, ...cohortFilter, validFrom: { lte: to }, OR: [{ validTo: null }, { validTo: { gte: from } }] },
      select: { id: true, cohortId: true, subjectId: true, teacherId: true, room: true, weekday: true, lessonNumber: true, validFrom: true, validTo: true },
    }),
    db.holiday.findMany({
      where: { schoolId, startDate: { lte: to }, endDate: { gte: from } },
      select: { startDate: true, endDate: true, gradeFrom: true, gradeTo: true },
    }),
  ]);
  const gradeOf = new Map(cohorts.map((c) => [c.id, c.grade]));
  const yearOf = new Map(cohorts.map((c) => [c.id, { from: dateToDay(c.year.startDate), to: dateToDay(c.year.endDate) }]));
  const slotPlans: SlotPlan[] = slots.map((s) => ({
    ...s, validFrom: dateToDay(s.validFrom), validTo: s.validTo ? dateToDay(s.validTo) : null,
  }));
  const holidayPlans: HolidayPlan[] = holidays.map((h) => ({ startDate: dateToDay(h.startDate), endDate: dateToDay(h.endDate), gradeFrom: h.gradeFrom, gradeTo: h.gradeTo }));
  // a lesson belongs to its cohort's school year: an open-ended slot yields nothing after it
  const planned: PlannedLesson[] = generateLessons(slotPlans, holidayPlans, gradeOf, range).filter((l) => {
    const y = yearOf.get(l.cohortId);
    return y !== undefined && y.from <= l.date && l.date <= y.to;
  });

  // One cohort at a time: Prisma loads the relations and counts below with one bound
  // parameter per lesson, and a whole school's year of lessons exceeds PostgreSQL's limit.
  const rows = [];
  for (const cohort of cohorts) {
    rows.push(
      ...(await db.lesson.findMany({
        where: { schoolId, cohortId: cohort.id, date: { gte: from, lte: to } },
        select: {
          id: true, cohortId: true, subjectId: true, teacherId: true, room: true, date: true, lessonNumber: true, status: true, topic: true,
          timetableSlotId: true,
          timetableSlot: { select: { subjectId: true } },
          _count: { select: { marks: true, attendance: true, homework: true, substitutions: true } },
        },
      })),
    );
  }
  const existing: ExistingLesson[] = rows.map((r) => {
    const substituted = r._count.substitutions > 0;
    return {
      id: r.id, cohortId: r.cohortId, teacherId: r.teacherId, room: r.room, date: dateToDay(r.date), lessonNumber: r.lessonNumber, status: r.status,
      // a substitution may have changed the subject: the lesson still stands in its slot's place
      subjectId: substituted && r.timetableSlot ? r.timetableSlot.subjectId : r.subjectId,
      // a substitution is the administrator's work too: such a lesson is neither rewritten nor removed
      hasWork: r._count.marks + r._count.attendance + r._count.homework > 0 || Boolean(r.topic?.trim()) || substituted,
      fromTimetable: r.timetableSlotId !== null,
    };
  });
  const plan = reconcileLessons(planned, existing);

  await db.$transaction(
    async (tx) => {
      for (const part of chunks(plan.create)) {
        await tx.lesson.createMany({
          data: part.map((l) => ({
            schoolId, cohortId: l.cohortId, subjectId: l.subjectId, teacherId: l.teacherId, room: l.room,
            timetableSlotId: l.slotId, date: dayToDate(l.date), lessonNumber: l.lessonNumber,
          })),
        });
      }
      // one statement per new (teacher, room): a timetable change touches many lessons alike
      const groups = new Map<string, { teacherId: string; room: string | null; ids: string[] }>();
      for (const u of plan.update) {
        const k = `${u.teacherId}|${u.room ?? ""}`;
        const g = groups.get(k) ?? { teacherId: u.teacherId, room: u.room, ids: [] };
        g.ids.push(u.id);
        groups.set(k, g);
      }
      for (const g of groups.values()) {
        for (const ids of chunks(g.ids)) {
          await tx.lesson.updateMany({ where: { schoolId, id: { in: ids }, status: "PLANNED" }, data: { teacherId: g.teacherId, room: g.room } });
        }
      }
      for (const ids of chunks(plan.remove)) await tx.lesson.deleteMany({ where: { schoolId, id: { in: ids }, status: "PLANNED" } });
    },
    { timeout: 5 * 60_000, maxWait: 60_000 },
  );

  const keptWithWork = await describeKept(db, schoolId, plan.keptWithWork);
  return {
    created: plan.create.length,
    updated: plan.update.length,
    removed: plan.remove.length,
    unchanged: planned.length - plan.create.length - plan.update.length,
    keptWithWork,
  };
}

async function describeKept(db: Db, schoolId: string, ids: readonly string[]): Promise<KeptLesson[]> {
  if (ids.length === 0) return [];
  const rows = await db.lesson.findMany({
    where: { schoolId, id: { in: [...ids] } },
    orderBy: [{ date: "asc" }, { lessonNumber: "asc" }],
    select: {
      id: true, date: true, lessonNumber: true, status: true,
      cohort: { select: { name: true } }, subject: { select: { name: true } },
      teacher: { select: { lastName: true, firstName: true, middleName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id, date: dateToDay(r.date), lessonNumber: r.lessonNumber, status: r.status, cohort: r.cohort.name, subject: r.subject.name,
    teacher: shortName(r.teacher),
  }));
}
