/**
 * The weekly timetable: slots of a cohort or of a teacher, adding a slot (refused with
 * a message naming what to change when it puts a teacher, a room or a cohort in two places
 * at once) and taking a slot off the timetable from a day.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { shortName } from "@/lib/people/names";
import { cohortCalendar, currentYearId, findCohort } from "@/lib/curriculum/calendar";
import { findConflicts, type SlotPlan } from "@/lib/timetable/plan";
import { CONFLICT_FIELD, describeConflict, type OtherSlot } from "@/lib/timetable/conflict-text";
import type { EndSlotInput, SlotInput } from "@/lib/timetable/schemas";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";

export type SlotRow = {
  id: string;
  weekday: number;
  lessonNumber: number;
  cohortId: string;
  cohort: string;
  subject: string;
  teacher: string;
  room: string | null;
  validFrom: string;
  validTo: string | null;
};

const SLOT_SELECT = {
  id: true, cohortId: true, subjectId: true, teacherId: true, room: true, weekday: true, lessonNumber: true, validFrom: true, validTo: true,
  cohort: { select: { name: true, parentId: true } },
  subject: { select: { name: true } },
  teacher: { select: { lastName: true, firstName: true, middleName: true } },
} as const;

/** Slots in force today or later, of one cohort or one teacher. */
export async function listTimetable(p: Principal, by: { cohortId?: string | undefined; teacherId?: string | undefined }): Promise<SlotRow[]> {
  assertCan(p, "school.manage");
  if (!by.cohortId && !by.teacherId) return [];
  if (by.cohortId) assertId(by.cohortId);
  if (by.teacherId) assertId(by.teacherId);
  const today = dayToDate(schoolToday(p.timeZone));
  const yearId = await currentYearId(p.schoolId, p.timeZone);
  if (!by.cohortId && !yearId) return [];
  const rows = await db.timetableSlot.findMany({
    where: {
      schoolId: p.schoolId,
      // a teacher's timetable is this year's: last year's open-ended slots are history
      ...(by.cohortId ? { cohortId: by.cohortId } : { teacherId: by.teacherId, cohort: { yearId: yearId ?? undefined } }),
      OR: [{ validTo: null }, { validTo: { gte: today } }],
    },
    orderBy: [{ weekday: "asc" }, { lessonNumber: "asc" }, { validFrom: "asc" }],
    select: SLOT_SELECT,
  });
  return rows.map((r) => ({
    id: r.id, weekday: r.weekday, lessonNumber: r.lessonNumber, cohortId: r.cohortId, cohort: r.cohort.name, subject: r.subject.name,
    teacher: shortName(r.teacher), room: r.room, validFrom: dateToDay(r.validFrom), validTo: r.validTo ? dateToDay(r.validTo) : null,
  }));
}

/** Subjects a cohort may have in its timetable: its own curriculum (a group also its class's). */
export async function listCohortSubjects(p: Principal, cohortId: string): Promise<{ id: string; name: string }[]> {
  assertCan(p, "school.manage");
  const cohort = await findCohort(p.schoolId, cohortId);
  const cohorts = cohort.parentId ? [cohort.id, cohort.parentId] : [cohort.id];
  const rows = await db.subject.findMany({
    where: { schoolId: p.schoolId, curriculumItems: { some: { cohortId: { in: cohorts } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return rows;
}

function toPlan(r: { id: string; cohortId: string; subjectId: string; teacherId: string; room: string | null; weekday: number; lessonNumber: number; validFrom: Date; validTo: Date | null }): SlotPlan {
  return {
    id: r.id, cohortId: r.cohortId, subjectId: r.subjectId, teacherId: r.teacherId, room: r.room, weekday: r.weekday, lessonNumber: r.lessonNumber,
    validFrom: dateToDay(r.validFrom), validTo: r.validTo ? dateToDay(r.validTo) : null,
  };
}

const NEW = "new-slot";

export async function addTimetableSlot(p: Principal, input: SlotInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  const cohort = await findCohort(p.schoolId, input.cohortId);
  const cal = await cohortCalendar(p.schoolId, cohort);
  if (input.validFrom > cal.year.to || (input.validTo !== undefined && input.validTo < cal.year.from)) {
    throw new AppError("BAD_INPUT", `Даты урока вне учебного года класса ${cohort.name} (${cal.year.from} — ${cal.year.to}).`, {
      validFrom: [`Выберите день с ${cal.year.from} по ${cal.year.to}.`],
    });
  }
  const from = dayToDate(input.validFrom);
  const to = input.validTo ? dayToDate(input.validTo) : null;
  const planCohorts = cohort.parentId ? [cohort.id, cohort.parentId] : [cohort.id];
  const [subject, teacher] = await Promise.all([
    db.subject.findFirst({
      where: {
        schoolId: p.schoolId, id: input.subjectId,
        curriculumItems: { some: { cohortId: { in: planCohorts }, OR: [{ validTo: null }, { validTo: { gte: from } }], ...(to ? { validFrom: { lte: to } } : {}) } },
      },
      select: { id: true },
    }),
    db.staff.findFirst({ where: { schoolId: p.schoolId, id: input.teacherId, leftAt: null }, select: { id: true } }),
  ]);
  if (!subject) {
    throw new AppError("BAD_INPUT", `Этого предмета нет в учебном плане ${cohort.name} на эти даты. Сначала добавьте его в учебный план.`, {
      subjectId: ["Выберите предмет из учебного плана класса."],
    });
  }
  if (!teacher) throw new AppError("BAD_INPUT", "Учитель не найден.", { teacherId: ["Выберите учителя из списка."] });

  return db.$transaction(async (tx) => {
    const same = await tx.timetableSlot.findMany({
      where: {
        schoolId: p.schoolId, weekday: input.weekday, lessonNumber: input.lessonNumber,
        // slots of another school year never meet this one's, even when left open-ended
        cohort: { yearId: cohort.yearId },
        OR: [{ validTo: null }, { validTo: { gte: from } }],
        ...(to ? { validFrom: { lte: to } } : {}),
      },
      select: SLOT_SELECT,
    });
    const candidate: SlotPlan = {
      id: NEW, cohortId: cohort.id, subjectId: subject.id, teacherId: teacher.id, room: input.room ?? null,
      weekday: input.weekday, lessonNumber: input.lessonNumber, validFrom: input.validFrom, validTo: input.validTo ?? null,
    };
    const parentOf = new Map<string, string>();
    if (cohort.parentId) parentOf.set(cohort.id, cohort.parentId);
    for (const s of same) if (s.cohort.parentId) parentOf.set(s.cohortId, s.cohort.parentId);
    const byId = new Map(same.map((s) => [s.id, s]));
    const conflicts = findConflicts([candidate, ...same.map(toPlan)], () => false, parentOf).filter((c) => c.slotIds.includes(NEW));
    if (conflicts.length > 0) {
      const fieldErrors: Record<string, string[]> = {};
      const messages: string[] = [];
      for (const c of conflicts) {
        const otherId = c.slotIds[0] === NEW ? c.slotIds[1] : c.slotIds[0];
        const o = byId.get(otherId);
        if (!o) continue;
        const other: OtherSlot = { cohort: o.cohort.name, subject: o.subject.name, teacher: shortName(o.teacher), room: o.room };
        const text = describeConflict(c, other);
        messages.push(text);
        (fieldErrors[CONFLICT_FIELD[c.kind]] ??= []).push(text);
      }
      throw new AppError("BAD_INPUT", `Урок не сохранён: накладка в расписании. ${messages.join(" ")}`, fieldErrors);
    }
    return tx.timetableSlot.create({
      data: {
        schoolId: p.schoolId, cohortId: cohort.id, subjectId: subject.id, teacherId: teacher.id, room: input.room ?? null,
        weekday: input.weekday, lessonNumber: input.lessonNumber, validFrom: from, validTo: to,
      },
      select: { id: true },
    });
  });
}

function dayBefore(day: string): string {
  const d = dayToDate(day);
  d.setUTCDate(d.getUTCDate() - 1);
  return dateToDay(d);
}

/**
 * Takes a slot off the timetable from `from`: it ends the day before. A slot that never
 * yielded a lesson and would end before it starts is deleted outright. Lessons already in
 * the journal stay until the lessons are created again for the period.
 */
export async function endTimetableSlot(p: Principal, input: EndSlotInput): Promise<{ removed: boolean }> {
  assertCan(p, "school.manage");
  const slot = await db.timetableSlot.findFirst({
    where: { schoolId: p.schoolId, id: input.slotId },
    select: { id: true, validFrom: true, validTo: true, _count: { select: { lessons: true } } },
  });
  if (!slot) throw new AppError("NOT_FOUND", "Урок расписания не найден.");
  const validFrom = dateToDay(slot.validFrom);
  const validTo = slot.validTo ? dateToDay(slot.validTo) : null;
  if (validTo !== null && input.from > validTo) {
    throw new AppError("BAD_INPUT", `Этот урок и так действует только по ${validTo}.`, { from: [`Выберите день не позже ${validTo}.`] });
  }
  const where = { schoolId_id: { schoolId: p.schoolId, id: slot.id } };
  if (input.from <= validFrom && slot._count.lessons === 0) {
    await db.timetableSlot.delete({ where });
    return { removed: true };
  }
  // a slot with lessons keeps its row (the lessons point to it); an empty span hides it
  const end = input.from <= validFrom ? dayBefore(validFrom) : dayBefore(input.from);
  await db.timetableSlot.update({ where, data: { validTo: dayToDate(end) } });
  return { removed: false };
}
