/**
 * One lesson as a teacher sees it (issue 4, item 3): its topic, type, materials and
 * whether it was held, with the homework (and its files) given at it and the
 * recommendations for its students. Only a
 * teacher of the subject in the cohort changes it, and not in a closed period or year;
 * cancelling and moving a lesson belong to the administrator's substitutions screen.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { journalReadableBy, journalWritableBy } from "@/lib/auth/scope";
import { hasRole } from "@/lib/auth/principal";
import { fullName, shortName } from "@/lib/people/names";
import { assertId } from "@/lib/people/students";
import { assertDayOpen } from "@/lib/school/year-guard";
import { dateToDay } from "@/lib/time";
import { MAX_MATERIALS, materialLines, type MaterialPart } from "@/lib/journal/lesson-schemas";
import type { LessonType } from "@/generated/prisma/client";

export type LessonHomeworkFile = { id: string; fileName: string; size: number };
export type LessonHomework = {
  id: string; text: string; dueDate: string; studentName: string | null; author: string; removable: boolean; files: LessonHomeworkFile[];
};
export type LessonRecommendation = { id: string; date: string; studentName: string; subjectName: string | null; author: string; text: string };
export type LessonView = {
  id: string;
  date: string;
  lessonNumber: number;
  cohort: { id: string; name: string };
  subject: { id: string; name: string };
  topic: string | null;
  lessonType: LessonType;
  /** links and textbook pages, one per line, as the teacher wrote them */
  materials: string | null;
  /** the same, each http(s) address made a link */
  materialLines: MaterialPart[][];
  status: "PLANNED" | "HELD" | "CANCELLED" | "MOVED";
  statusReason: string | null;
  /** why the lesson cannot be changed here, or null when the user may change it */
  locked: string | null;
  students: { id: string; name: string }[];
  homework: LessonHomework[];
  recommendations: LessonRecommendation[];
};

type LessonRow = { id: string; date: Date; cohortId: string; subjectId: string; status: string; cohort: { grade: number | null } };

export async function findLesson(p: Principal, lessonId: string) {
  assertId(lessonId);
  const lesson = await db.lesson.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: lessonId } },
    select: {
      id: true, date: true, lessonNumber: true, cohortId: true, subjectId: true, topic: true, lessonType: true, status: true, statusReason: true, materials: true,
      cohort: { select: { name: true, grade: true } }, subject: { select: { name: true } },
    },
  });
  if (!lesson) throw new AppError("NOT_FOUND", "Урок не найден.");
  return lesson;
}

/** The reason a write on this lesson is refused (closed period or year), or null. */
async function closedReason(p: Principal, lesson: LessonRow): Promise<string | null> {
  try {
    await assertDayOpen(p, dateToDay(lesson.date));
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  const grade = lesson.cohort.grade;
  const closed = await db.period.findFirst({
    where: {
      schoolId: p.schoolId, kind: { not: "YEAR" }, closedAt: { not: null }, startDate: { lte: lesson.date }, endDate: { gte: lesson.date },
      ...(grade === null ? {} : { gradeFrom: { lte: grade }, gradeTo: { gte: grade } }),
    },
    select: { name: true },
  });
  return closed ? `${closed.name} закрыта для изменений. Открыть её может администратор.` : null;
}

/**
 * The refusal for a write on this lesson, or null: the teacher must teach the subject
 * there and the period and year must be open. Shared by the topic, homework and
 * recommendation writes so they refuse the same way.
 */
export async function lessonWriteRefusal(p: Principal, lesson: LessonRow): Promise<AppError | null> {
  const writable = await db.cohort.count({ where: journalWritableBy(p, lesson.cohortId, lesson.subjectId) });
  if (!writable) return new AppError("FORBIDDEN", "Вы не ведёте этот предмет в этом классе: урок можно только смотреть.");
  const closed = await closedReason(p, lesson);
  return closed ? new AppError("PERIOD_CLOSED", closed) : null;
}

/** Students in the lesson's cohort on the lesson's day, by name. */
export async function lessonStudents(p: Principal, lesson: { cohortId: string; date: Date }) {
  const rows = await db.cohortMembership.findMany({
    where: { schoolId: p.schoolId, cohortId: lesson.cohortId, startDate: { lte: lesson.date }, OR: [{ endDate: null }, { endDate: { gte: lesson.date } }] },
    select: { student: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
  });
  return rows
    .map((r) => ({ id: r.student.id, name: fullName(r.student) }))
    .sort((a, b) => a.name.localeCompare(b.name, "ru"));
}

export async function getLesson(p: Principal, lessonId: string): Promise<LessonView> {
  assertCan(p, "journal.read");
  const lesson = await findLesson(p, lessonId);
  if (!(await db.cohort.count({ where: journalReadableBy(p, lesson.cohortId, lesson.subjectId) }))) throw new AppError("NOT_FOUND", "Урок не найден.");
  const refusal = hasRole(p, "TEACHER") ? await lessonWriteRefusal(p, lesson) : new AppError("FORBIDDEN", "Урок меняет учитель, который его ведёт.");
  const students = await lessonStudents(p, lesson);
  const [homework, recommendations] = await Promise.all([
    db.homework.findMany({
      where: { schoolId: p.schoolId, lessonId: lesson.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, text: true, dueDate: true, authorId: true,
        student: { select: { lastName: true, firstName: true, middleName: true } },
        author: { select: { lastName: true, firstName: true, middleName: true } },
        files: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fileName: true, size: true } },
      },
    }),
    db.recommendation.findMany({
      where: { schoolId: p.schoolId, studentId: { in: students.map((s) => s.id) } },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      take: 50,
      select: {
        id: true, date: true, text: true,
        student: { select: { lastName: true, firstName: true, middleName: true } },
        subject: { select: { name: true } },
        author: { select: { lastName: true, firstName: true, middleName: true } },
      },
    }),
  ]);
  const canWrite = refusal === null;
  return {
    id: lesson.id,
    date: dateToDay(lesson.date),
    lessonNumber: lesson.lessonNumber,
    cohort: { id: lesson.cohortId, name: lesson.cohort.name },
    subject: { id: lesson.subjectId, name: lesson.subject.name },
    topic: lesson.topic,
    lessonType: lesson.lessonType,
    materials: lesson.materials,
    materialLines: materialLines(lesson.materials),
    status: lesson.status,
    statusReason: lesson.statusReason,
    locked: refusal?.message ?? null,
    students,
    homework: homework.map((h) => ({
      id: h.id, text: h.text, dueDate: dateToDay(h.dueDate), studentName: h.student ? fullName(h.student) : null, author: shortName(h.author),
      removable: canWrite, files: h.files,
    })),
    recommendations: recommendations.map((r) => ({
      id: r.id, date: dateToDay(r.date), studentName: fullName(r.student), subjectName: r.subject?.name ?? null, author: shortName(r.author), text: r.text,
    })),
  };
}

/** `materials` left out keeps the lesson's materials as they are. */
export type LessonUpdate = { lessonId: string; topic: string; lessonType: LessonType; status: "HELD" | "PLANNED"; materials?: string | undefined };

export async function updateLesson(p: Principal, u: LessonUpdate): Promise<void> {
  assertCan(p, "journal.write");
  const lesson = await findLesson(p, u.lessonId);
  if (!(await db.cohort.count({ where: journalReadableBy(p, lesson.cohortId, lesson.subjectId) }))) throw new AppError("NOT_FOUND", "Урок не найден.");
  const refusal = await lessonWriteRefusal(p, lesson);
  if (refusal) throw refusal;
  if (lesson.status === "CANCELLED" || lesson.status === "MOVED") {
    throw new AppError("CONFLICT", "Урок отменён или перенесён. Вернуть его может администратор в разделе «Замены».");
  }
  const topic = u.topic.trim();
  if (topic.length > 500) throw new AppError("BAD_INPUT", "Тема урока слишком длинная: не больше 500 знаков.", { topic: ["Тема урока слишком длинная: не больше 500 знаков."] });
  const materials = u.materials === undefined ? undefined : u.materials.replace(/\r\n?/g, "\n").trim();
  if (materials !== undefined && materials.length > MAX_MATERIALS) {
    const message = `Материалы: не больше ${MAX_MATERIALS} знаков.`;
    throw new AppError("BAD_INPUT", message, { materials: [message] });
  }
  await db.lesson.update({
    where: { schoolId_id: { schoolId: p.schoolId, id: lesson.id } },
    data: { topic: topic || null, lessonType: u.lessonType, status: u.status, ...(materials === undefined ? {} : { materials: materials || null }) },
  });
}
