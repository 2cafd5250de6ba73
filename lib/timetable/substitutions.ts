/**
 * Changes to one day's lessons: a substitute teacher (замена), a move to another day or
 * lesson number (перенос), a cancellation (отмена). Each keeps its reason, which the
 * family's diary shows. A lesson with marks is never moved or cancelled: the marks would
 * lose the lesson they were given at.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { shortName } from "@/lib/people/names";
import { cohortCalendar, findCohort, toHolidayPlan } from "@/lib/curriculum/calendar";
import { isHoliday } from "@/lib/timetable/plan";
import { lessonOrdinal } from "@/lib/timetable/conflict-text";
import type { CancelInput, MoveInput, SubstituteInput } from "@/lib/timetable/schemas";
import { dateToDay, dayToDate, formatDay } from "@/lib/time";
import { notifyLessonChange } from "@/lib/notify/producers";

export type DayLesson = {
  id: string;
  lessonNumber: number;
  cohort: string;
  subject: string;
  teacher: string;
  room: string | null;
  status: "PLANNED" | "HELD" | "CANCELLED" | "MOVED";
  marks: number;
  /** the teacher the timetable had, when a substitute teaches */
  originalTeacher: string | null;
};

const LIVE = { status: { in: ["PLANNED", "HELD"] as ("PLANNED" | "HELD")[] } };

export async function listDayLessons(p: Principal, day: string): Promise<DayLesson[]> {
  assertCan(p, "school.manage");
  const rows = await db.lesson.findMany({
    where: { schoolId: p.schoolId, date: dayToDate(day) },
    select: {
      id: true, lessonNumber: true, room: true, status: true,
      cohort: { select: { name: true } }, subject: { select: { name: true } },
      teacher: { select: { lastName: true, firstName: true, middleName: true } },
      substitutions: { orderBy: { createdAt: "asc" }, take: 1, select: { originalTeacher: { select: { lastName: true, firstName: true, middleName: true } } } },
      _count: { select: { marks: true } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id, lessonNumber: r.lessonNumber, cohort: r.cohort.name, subject: r.subject.name, teacher: shortName(r.teacher), room: r.room,
      status: r.status, marks: r._count.marks,
      originalTeacher: r.substitutions[0] ? shortName(r.substitutions[0].originalTeacher) : null,
    }))
    .sort((a, b) => a.cohort.localeCompare(b.cohort, "ru", { numeric: true }) || a.lessonNumber - b.lessonNumber);
}

async function findLesson(schoolId: string, lessonId: string) {
  assertId(lessonId);
  const l = await db.lesson.findFirst({
    where: { schoolId, id: lessonId },
    select: {
      id: true, cohortId: true, subjectId: true, teacherId: true, room: true, date: true, lessonNumber: true, status: true, lessonType: true, workTypeId: true,
      cohort: { select: { name: true } },
      substitutions: { orderBy: { createdAt: "asc" }, take: 1, select: { originalTeacherId: true } },
      _count: { select: { marks: true, attendance: true } },
    },
  });
  if (!l) throw new AppError("NOT_FOUND", "Урок не найден.");
  return l;
}

export async function substituteTeacher(p: Principal, input: SubstituteInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  const lesson = await findLesson(p.schoolId, input.lessonId);
  if (lesson.status === "CANCELLED" || lesson.status === "MOVED") {
    throw new AppError("BAD_INPUT", "Урок отменён или перенесён: замену для него назначить нельзя.");
  }
  const [teacher, subject] = await Promise.all([
    db.staff.findFirst({ where: { schoolId: p.schoolId, id: input.teacherId, leftAt: null }, select: { id: true, lastName: true, firstName: true, middleName: true } }),
    input.subjectId ? db.subject.findFirst({ where: { schoolId: p.schoolId, id: input.subjectId }, select: { id: true } }) : Promise.resolve(null),
  ]);
  if (!teacher) throw new AppError("BAD_INPUT", "Учитель не найден.", { teacherId: ["Выберите учителя из списка."] });
  if (input.subjectId && !subject) throw new AppError("BAD_INPUT", "Предмет не найден.", { subjectId: ["Выберите предмет из списка."] });
  if (subject && subject.id !== lesson.subjectId && lesson._count.marks > 0) {
    throw new AppError("BAD_INPUT", "На уроке уже поставлены отметки по его предмету: предмет изменить нельзя. Оставьте прежний предмет.", {
      subjectId: ["Оставьте прежний предмет: на уроке уже есть отметки."],
    });
  }
  if (teacher.id === lesson.teacherId) {
    throw new AppError("BAD_INPUT", "Этот учитель и так ведёт урок. Выберите другого учителя.", { teacherId: ["Выберите другого учителя."] });
  }
  const busy = await db.lesson.findFirst({
    where: { schoolId: p.schoolId, teacherId: teacher.id, date: lesson.date, lessonNumber: lesson.lessonNumber, ...LIVE, id: { not: lesson.id } },
    select: { cohort: { select: { name: true } }, subject: { select: { name: true } } },
  });
  if (busy) {
    const msg = `Учитель ${shortName(teacher)} в это время (${lessonOrdinal(lesson.lessonNumber)}) ведёт урок в ${busy.cohort.name} (${busy.subject.name}). Выберите другого учителя.`;
    throw new AppError("BAD_INPUT", msg, { teacherId: [msg] });
  }
  // the teacher of the timetable stays the original, however many times the lesson is re-assigned
  const originalTeacherId = lesson.substitutions[0]?.originalTeacherId ?? lesson.teacherId;
  return db.$transaction(async (tx) => {
    const s = await tx.substitution.create({
      data: {
        schoolId: p.schoolId, lessonId: lesson.id, originalTeacherId, teacherId: teacher.id,
        subjectId: subject?.id ?? null, room: input.room ?? null, reason: input.reason,
      },
      select: { id: true },
    });
    await notifyLessonChange(tx, { schoolId: p.schoolId, change: "SUBSTITUTION", substitutionId: s.id });
    await tx.lesson.update({
      where: { schoolId_id: { schoolId: p.schoolId, id: lesson.id } },
      data: { teacherId: teacher.id, ...(subject ? { subjectId: subject.id } : {}), ...(input.room ? { room: input.room } : {}) },
    });
    return s;
  });
}

function refuseWithMarks(l: { _count: { marks: number; attendance: number } }, what: string): void {
  if (l._count.marks > 0) {
    throw new AppError("BAD_INPUT", `У урока уже есть отметки (${l._count.marks}): ${what} его нельзя. Отметки должны остаться на том уроке, где их поставили.`);
  }
  if (l._count.attendance > 0) {
    throw new AppError("BAD_INPUT", `На уроке уже отмечены пропуски: ${what} его нельзя.`);
  }
}

export async function moveLesson(p: Principal, input: MoveInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  const lesson = await findLesson(p.schoolId, input.lessonId);
  if (lesson.status !== "PLANNED") throw new AppError("BAD_INPUT", "Перенести можно только запланированный урок (не проведённый, не отменённый и не перенесённый).");
  refuseWithMarks(lesson, "перенести");
  if (dateToDay(lesson.date) === input.date && lesson.lessonNumber === input.lessonNumber) {
    throw new AppError("BAD_INPUT", "Урок уже стоит в это время. Выберите другой день или номер урока.", { date: ["Выберите другой день или номер урока."] });
  }
  const cohort = await findCohort(p.schoolId, lesson.cohortId);
  const year = (await cohortCalendar(p.schoolId, cohort)).year;
  if (input.date < year.from || input.date > year.to) {
    throw new AppError("BAD_INPUT", `Этот день вне учебного года ${cohort.name} (${year.from} — ${year.to}).`, { date: ["Выберите день учебного года."] });
  }
  const target = dayToDate(input.date);
  const holidays = await db.holiday.findMany({
    where: { schoolId: p.schoolId, startDate: { lte: target }, endDate: { gte: target } },
    select: { startDate: true, endDate: true, gradeFrom: true, gradeTo: true },
  });
  if (isHoliday(input.date, cohort.grade, holidays.map(toHolidayPlan))) {
    throw new AppError("BAD_INPUT", `${formatDay(input.date)} у ${cohort.name} каникулы или выходной. Выберите учебный день.`, { date: ["В этот день занятий нет."] });
  }
  const when = `${formatDay(input.date)}, ${lessonOrdinal(input.lessonNumber)}`;
  return db.$transaction(async (tx) => {
    const busyCohort = await tx.lesson.findFirst({
      where: { schoolId: p.schoolId, cohortId: lesson.cohortId, date: target, lessonNumber: input.lessonNumber, ...LIVE },
      select: { subject: { select: { name: true } } },
    });
    if (busyCohort) {
      const msg = `У ${cohort.name} уже есть урок ${when}: ${busyCohort.subject.name}. Выберите другое время.`;
      throw new AppError("BAD_INPUT", msg, { lessonNumber: [msg] });
    }
    const busyTeacher = await tx.lesson.findFirst({
      where: { schoolId: p.schoolId, teacherId: lesson.teacherId, date: target, lessonNumber: input.lessonNumber, ...LIVE },
      select: { cohort: { select: { name: true } } },
    });
    if (busyTeacher) {
      const msg = `Учитель в это время (${when}) ведёт урок в ${busyTeacher.cohort.name}. Выберите другое время.`;
      throw new AppError("BAD_INPUT", msg, { lessonNumber: [msg] });
    }
    const moved = await tx.lesson.create({
      data: {
        schoolId: p.schoolId, cohortId: lesson.cohortId, subjectId: lesson.subjectId, teacherId: lesson.teacherId, room: lesson.room,
        lessonType: lesson.lessonType, workTypeId: lesson.workTypeId, date: target, lessonNumber: input.lessonNumber,
      },
      select: { id: true },
    });
    await tx.lesson.update({
      where: { schoolId_id: { schoolId: p.schoolId, id: lesson.id } },
      data: { status: "MOVED", movedToId: moved.id, statusReason: input.reason },
    });
    // homework given for the lesson goes with it
    await tx.homework.updateMany({ where: { schoolId: p.schoolId, lessonId: lesson.id }, data: { lessonId: moved.id } });
    await notifyLessonChange(tx, { schoolId: p.schoolId, change: "MOVED", lessonId: lesson.id });
    return moved;
  });
}

export async function cancelLesson(p: Principal, input: CancelInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  const lesson = await findLesson(p.schoolId, input.lessonId);
  if (lesson.status === "CANCELLED") throw new AppError("BAD_INPUT", "Урок уже отменён.");
  if (lesson.status === "MOVED") throw new AppError("BAD_INPUT", "Урок перенесён: отмените урок в новый день, если нужно.");
  refuseWithMarks(lesson, "отменить");
  await db.$transaction(async (tx) => {
    await tx.lesson.update({
      where: { schoolId_id: { schoolId: p.schoolId, id: lesson.id } },
      data: { status: "CANCELLED", statusReason: input.reason },
    });
    await notifyLessonChange(tx, { schoolId: p.schoolId, change: "CANCELLED", lessonId: lesson.id });
  });
  return { id: lesson.id };
}

export type DayChange = {
  kind: "SUBSTITUTION" | "MOVED_AWAY" | "MOVED_HERE" | "CANCELLED";
  lessonId: string;
  cohort: string;
  lessonNumber: number;
  subject: string;
  /** what happened, in words */
  details: string;
  reason: string;
};

/** The day's substitutions, moves and cancellations with their reasons. */
export async function listDayChanges(p: Principal, day: string): Promise<DayChange[]> {
  assertCan(p, "school.manage");
  const date = dayToDate(day);
  const person = { select: { lastName: true, firstName: true, middleName: true } } as const;
  const base = { id: true, lessonNumber: true, date: true, cohort: { select: { name: true } }, subject: { select: { name: true } } } as const;
  const [subs, changed, arrived] = await Promise.all([
    db.substitution.findMany({
      where: { schoolId: p.schoolId, lesson: { date } },
      orderBy: { createdAt: "asc" },
      select: { reason: true, room: true, originalTeacher: person, teacher: person, subject: { select: { name: true } }, lesson: { select: base } },
    }),
    db.lesson.findMany({
      where: { schoolId: p.schoolId, date, status: { in: ["CANCELLED", "MOVED"] } },
      select: { ...base, status: true, statusReason: true, movedTo: { select: { date: true, lessonNumber: true } } },
    }),
    db.lesson.findMany({
      where: { schoolId: p.schoolId, date, movedFrom: { some: {} } },
      select: { ...base, movedFrom: { select: { date: true, lessonNumber: true, statusReason: true } } },
    }),
  ]);
  const out: DayChange[] = [];
  for (const s of subs) {
    const extra = [s.subject ? `предмет: ${s.subject.name}` : "", s.room ? `кабинет ${s.room}` : ""].filter(Boolean).join(", ");
    out.push({
      kind: "SUBSTITUTION", lessonId: s.lesson.id, cohort: s.lesson.cohort.name, lessonNumber: s.lesson.lessonNumber, subject: s.lesson.subject.name,
      details: `Замена: ${shortName(s.originalTeacher)} → ${shortName(s.teacher)}${extra ? ` (${extra})` : ""}`, reason: s.reason,
    });
  }
  for (const l of changed) {
    const details =
      l.status === "CANCELLED"
        ? "Урок отменён"
        : `Урок перенесён${l.movedTo ? ` на ${formatDay(dateToDay(l.movedTo.date))}, ${lessonOrdinal(l.movedTo.lessonNumber)}` : ""}`;
    out.push({
      kind: l.status === "CANCELLED" ? "CANCELLED" : "MOVED_AWAY", lessonId: l.id, cohort: l.cohort.name, lessonNumber: l.lessonNumber,
      subject: l.subject.name, details, reason: l.statusReason ?? "",
    });
  }
  for (const l of arrived) {
    const from = l.movedFrom[0];
    if (!from) continue;
    out.push({
      kind: "MOVED_HERE", lessonId: l.id, cohort: l.cohort.name, lessonNumber: l.lessonNumber, subject: l.subject.name,
      details: `Урок перенесён сюда с ${formatDay(dateToDay(from.date))}, ${lessonOrdinal(from.lessonNumber)}`, reason: from.statusReason ?? "",
    });
  }
  return out.sort((a, b) => a.cohort.localeCompare(b.cohort, "ru", { numeric: true }) || a.lessonNumber - b.lessonNumber);
}
