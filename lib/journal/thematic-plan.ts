/**
 * The thematic plan (тематическое планирование) of a cohort × subject (issue 4, item 3):
 * the year's topics in order, each with its hours and lesson type. The teacher of the
 * subject there, or the administration, saves it from pasted text; the teacher then
 * fills the topics of the year's lessons from it, the i-th hour of the plan going to the
 * i-th lesson that takes place.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { hasRole } from "@/lib/auth/principal";
import { journalReadableBy, journalWritableBy } from "@/lib/auth/scope";
import { assertId } from "@/lib/people/students";
import { assertYearOpen } from "@/lib/school/year-guard";
import { parseThematicPlan, spreadPlan, type PlanLessonType } from "@/lib/journal/thematic-plan-parse";
import { dateToDay, dayToDate, formatDayRu, parseDay } from "@/lib/time";

export type PlanTopicView = { position: number; topic: string; hours: number; lessonType: PlanLessonType };

export type ThematicPlanView = {
  cohort: { id: string; name: string };
  subject: { id: string; name: string };
  year: { name: string; startDate: string; endDate: string };
  topics: PlanTopicView[];
  totalHours: number;
  /** lessons of the year that take place (held or planned) */
  lessonsInYear: number;
  /** why the plan cannot be changed by this user, or null */
  editRefusal: string | null;
  /** why this user cannot fill the lessons' topics, or null */
  fillRefusal: string | null;
};

type Journal = { cohortId: string; subjectId: string; name: string; subjectName: string; grade: number | null; yearId: string };

const notFound = () => new AppError("NOT_FOUND", "Журнал не найден.");

/** The cohort and subject, when the user may read their journal; NOT_FOUND otherwise. */
async function readableJournal(p: Principal, cohortId: string, subjectId: string): Promise<Journal> {
  assertCan(p, "journal.read");
  assertId(cohortId);
  assertId(subjectId);
  const [cohort, subject] = await Promise.all([
    db.cohort.findFirst({ where: journalReadableBy(p, cohortId, subjectId), select: { id: true, name: true, grade: true, yearId: true } }),
    db.subject.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: subjectId } }, select: { id: true, name: true } }),
  ]);
  if (!cohort || !subject) throw notFound();
  return { cohortId: cohort.id, subjectId: subject.id, name: cohort.name, subjectName: subject.name, grade: cohort.grade, yearId: cohort.yearId };
}

async function teaches(p: Principal, j: Journal): Promise<boolean> {
  return (await db.cohort.count({ where: journalWritableBy(p, j.cohortId, j.subjectId) })) > 0;
}

/** The refusal to change the plan: the teacher of the subject there or an administrator, in an open year. */
async function editRefusal(p: Principal, j: Journal): Promise<AppError | null> {
  if (!hasRole(p, "ADMIN") && !(hasRole(p, "TEACHER") && (await teaches(p, j)))) {
    return new AppError("FORBIDDEN", "План меняет учитель, который ведёт этот предмет в классе, или администратор.");
  }
  try {
    await assertYearOpen(p, j.yearId);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  return null;
}

/** The refusal to fill the lessons' topics: only the teacher of the subject there writes the journal. */
async function fillRefusal(p: Principal, j: Journal): Promise<AppError | null> {
  if (!hasRole(p, "TEACHER") || !(await teaches(p, j))) {
    return new AppError("FORBIDDEN", "Темы уроков записывает учитель, который ведёт этот предмет в классе.");
  }
  try {
    await assertYearOpen(p, j.yearId);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  return null;
}

const TAKES_PLACE = { in: ["HELD", "PLANNED"] as ("HELD" | "PLANNED")[] };

export async function getThematicPlan(p: Principal, cohortId: string, subjectId: string): Promise<ThematicPlanView> {
  const j = await readableJournal(p, cohortId, subjectId);
  const year = await db.academicYear.findUniqueOrThrow({
    where: { schoolId_id: { schoolId: p.schoolId, id: j.yearId } },
    select: { name: true, startDate: true, endDate: true },
  });
  const [topics, lessonsInYear, edit, fill] = await Promise.all([
    db.thematicTopic.findMany({
      where: { schoolId: p.schoolId, cohortId: j.cohortId, subjectId: j.subjectId },
      orderBy: { position: "asc" },
      select: { position: true, topic: true, hours: true, lessonType: true },
    }),
    db.lesson.count({
      where: { schoolId: p.schoolId, cohortId: j.cohortId, subjectId: j.subjectId, status: TAKES_PLACE, date: { gte: year.startDate, lte: year.endDate } },
    }),
    editRefusal(p, j),
    fillRefusal(p, j),
  ]);
  return {
    cohort: { id: j.cohortId, name: j.name },
    subject: { id: j.subjectId, name: j.subjectName },
    year: { name: year.name, startDate: dateToDay(year.startDate), endDate: dateToDay(year.endDate) },
    topics,
    totalHours: topics.reduce((s, t) => s + t.hours, 0),
    lessonsInYear,
    editRefusal: edit?.message ?? null,
    fillRefusal: fill?.message ?? null,
  };
}

/** Replaces the plan with the one in the text, in one transaction; refuses a text with errors, naming the lines. */
export async function saveThematicPlan(p: Principal, cohortId: string, subjectId: string, text: string): Promise<{ topics: number; hours: number }> {
  const j = await readableJournal(p, cohortId, subjectId);
  const refusal = await editRefusal(p, j);
  if (refusal) throw refusal;
  const parsed = parseThematicPlan(text);
  if (parsed.errors.length > 0) {
    const shown = parsed.errors.slice(0, 5).map((e) => e.message);
    if (parsed.errors.length > 5) shown.push(`И ещё ошибок: ${parsed.errors.length - 5}.`);
    throw new AppError("BAD_INPUT", "План не сохранён: исправьте строки с ошибками.", { plan: shown });
  }
  if (parsed.topics.length === 0) {
    throw new AppError("BAD_INPUT", "План не сохранён: в нём нет ни одной темы.", { plan: ["Вставьте план: по одной теме в строке."] });
  }
  const scope = { schoolId: p.schoolId, cohortId: j.cohortId, subjectId: j.subjectId };
  await db.$transaction([
    db.thematicTopic.deleteMany({ where: scope }),
    db.thematicTopic.createMany({
      data: parsed.topics.map((t, i) => ({ ...scope, position: i + 1, topic: t.topic, hours: t.hours, lessonType: t.lessonType })),
    }),
  ]);
  return { topics: parsed.topics.length, hours: parsed.totalHours };
}

export type FillOptions = {
  /** lessons that already have a topic get the plan's one too */
  overwrite: boolean;
  /** "YYYY-MM-DD" or «05.12.2026»: the plan's first hour goes to the first lesson on or after it; default the year's first day */
  from?: string | undefined;
};

export type FillResult = {
  /** lessons whose topic (and type) was written */
  filled: number;
  /** lessons left as they were because they already had a topic */
  keptTopic: number;
  /** lessons of closed periods, left as they were */
  closed: number;
  /** topics of the plan that did not get all their hours: the year has fewer lessons */
  notFitted: number;
};

/**
 * Writes the plan's topics into the lessons of the year, in date order from `from`:
 * held and planned lessons only (cancelled and moved-away ones take no hour), a topic of
 * N hours taking N lessons. A lesson of a closed period takes its hour but is not
 * changed; so is one with a topic unless `overwrite`.
 */
export async function fillTopicsFromPlan(p: Principal, cohortId: string, subjectId: string, o: FillOptions): Promise<FillResult> {
  assertCan(p, "journal.write");
  const j = await readableJournal(p, cohortId, subjectId);
  const refusal = await fillRefusal(p, j);
  if (refusal) throw refusal;
  const year = await assertYearOpen(p, j.yearId);
  let from = year.startDate;
  if (o.from?.trim()) {
    const day = parseDay(o.from);
    if (!day) throw new AppError("BAD_INPUT", "Проверьте поля, отмеченные красным.", { from: ["Начиная с: такой даты нет. Напишите её как 01.09.2026."] });
    if (day < year.startDate || day > year.endDate) {
      const message = `Начиная с: дата должна быть в учебном году ${year.name} (${formatDayRu(year.startDate)} — ${formatDayRu(year.endDate)}).`;
      throw new AppError("BAD_INPUT", "Проверьте поля, отмеченные красным.", { from: [message] });
    }
    from = day;
  }
  const topics = await db.thematicTopic.findMany({
    where: { schoolId: p.schoolId, cohortId: j.cohortId, subjectId: j.subjectId },
    orderBy: { position: "asc" },
    select: { topic: true, hours: true, lessonType: true },
  });
  if (topics.length === 0) throw new AppError("CONFLICT", "Плана ещё нет: сначала вставьте и сохраните его.");
  const [lessons, closedPeriods] = await Promise.all([
    db.lesson.findMany({
      where: { schoolId: p.schoolId, cohortId: j.cohortId, subjectId: j.subjectId, status: TAKES_PLACE, date: { gte: dayToDate(from), lte: dayToDate(year.endDate) } },
      orderBy: [{ date: "asc" }, { lessonNumber: "asc" }],
      select: { id: true, date: true, topic: true, lessonType: true },
    }),
    db.period.findMany({
      where: {
        schoolId: p.schoolId, yearId: j.yearId, kind: { not: "YEAR" }, closedAt: { not: null },
        ...(j.grade === null ? {} : { gradeFrom: { lte: j.grade }, gradeTo: { gte: j.grade } }),
      },
      select: { startDate: true, endDate: true },
    }),
  ]);
  const isClosed = (d: Date) => closedPeriods.some((q) => q.startDate <= d && q.endDate >= d);
  const { topicOfLesson, notFitted } = spreadPlan(topics, lessons.length);
  const result: FillResult = { filled: 0, keptTopic: 0, closed: 0, notFitted };
  const writes: { id: string; topic: string; lessonType: PlanLessonType }[] = [];
  topicOfLesson.forEach((ti, li) => {
    const lesson = lessons[li];
    const t = topics[ti];
    if (!lesson || !t) return;
    if (isClosed(lesson.date)) result.closed++;
    else if (lesson.topic && !o.overwrite) result.keptTopic++;
    else {
      result.filled++;
      if (lesson.topic !== t.topic || lesson.lessonType !== t.lessonType) writes.push({ id: lesson.id, topic: t.topic, lessonType: t.lessonType });
    }
  });
  if (writes.length > 0) {
    await db.$transaction(
      writes.map((w) => db.lesson.update({ where: { schoolId_id: { schoolId: p.schoolId, id: w.id } }, data: { topic: w.topic, lessonType: w.lessonType } })),
    );
  }
  return result;
}

