/**
 * Homework given at a lesson (issue 4, item 3): for the whole cohort or for one student
 * of it, due on a day not before the lesson. Files are not attached yet.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { journalReadableBy, journalWritableBy } from "@/lib/auth/scope";
import { assertId } from "@/lib/people/students";
import { findLesson, lessonWriteRefusal } from "@/lib/journal/lesson";
import { dateToDay, dayToDate, formatDayRu, parseDay } from "@/lib/time";

export type HomeworkInput = { lessonId: string; text: string; dueDate: string; studentId?: string | undefined };

function bad(field: string, message: string): AppError {
  return new AppError("BAD_INPUT", message, { [field]: [message] });
}

export async function addHomework(p: Principal, h: HomeworkInput): Promise<{ id: string }> {
  assertCan(p, "journal.write");
  const staffId = p.staffId;
  if (!staffId) throw new AppError("FORBIDDEN");
  const lesson = await findLesson(p, h.lessonId);
  if (!(await db.cohort.count({ where: journalReadableBy(p, lesson.cohortId, lesson.subjectId) }))) throw new AppError("NOT_FOUND", "Урок не найден.");
  const refusal = await lessonWriteRefusal(p, lesson);
  if (refusal) throw refusal;
  const text = h.text.trim();
  if (!text) throw bad("text", "Напишите, что задано на дом.");
  if (text.length > 2000) throw bad("text", "Домашнее задание слишком длинное: не больше 2000 знаков.");
  const due = parseDay(h.dueDate);
  if (!due) throw bad("dueDate", "Срок выполнения: такой даты нет. Напишите её как 05.12.2026.");
  const lessonDay = dateToDay(lesson.date);
  if (due < lessonDay) throw bad("dueDate", `Срок выполнения не может быть раньше дня урока (${formatDayRu(lessonDay)}).`);
  let studentId: string | null = null;
  if (h.studentId) {
    const wrong = "Этот ученик не учился в классе в день урока: выберите ученика из списка.";
    try {
      assertId(h.studentId);
    } catch {
      throw bad("studentId", wrong);
    }
    const member = await db.cohortMembership.count({
      where: { schoolId: p.schoolId, cohortId: lesson.cohortId, studentId: h.studentId, startDate: { lte: lesson.date }, OR: [{ endDate: null }, { endDate: { gte: lesson.date } }] },
    });
    if (!member) throw bad("studentId", wrong);
    studentId = h.studentId;
  }
  const created = await db.homework.create({
    data: { schoolId: p.schoolId, lessonId: lesson.id, cohortId: lesson.cohortId, subjectId: lesson.subjectId, studentId, text, dueDate: dayToDate(due), authorId: staffId },
    select: { id: true },
  });
  return created;
}

/** Removes homework: its author or a teacher of the subject there, while the period is open. */
export async function removeHomework(p: Principal, homeworkId: string): Promise<void> {
  assertCan(p, "journal.write");
  assertId(homeworkId);
  const hw = await db.homework.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: homeworkId } },
    select: { id: true, lessonId: true, cohortId: true, subjectId: true, authorId: true },
  });
  if (!hw) throw new AppError("NOT_FOUND", "Задание не найдено.");
  const isAuthor = hw.authorId === p.staffId;
  const teaches = (await db.cohort.count({ where: journalWritableBy(p, hw.cohortId, hw.subjectId) })) > 0;
  if (!isAuthor && !teaches) {
    if (!(await db.cohort.count({ where: journalReadableBy(p, hw.cohortId, hw.subjectId) }))) throw new AppError("NOT_FOUND", "Задание не найдено.");
    throw new AppError("FORBIDDEN", "Удалить задание может его автор или учитель этого предмета.");
  }
  if (hw.lessonId) {
    const lesson = await findLesson(p, hw.lessonId);
    const refusal = await lessonWriteRefusal(p, lesson);
    // the author who no longer teaches there is let through; a closed period is not
    if (refusal && refusal.code !== "FORBIDDEN") throw refusal;
  }
  await db.homework.delete({ where: { schoolId_id: { schoolId: p.schoolId, id: hw.id } } });
}

/** How many homework items were given at each of these lessons (the journal's lesson list). */
export async function countHomeworkByLesson(p: Principal, lessonIds: string[]): Promise<Record<string, number>> {
  assertCan(p, "journal.read");
  if (lessonIds.length === 0) return {};
  const rows = await db.homework.groupBy({
    by: ["lessonId"],
    where: { schoolId: p.schoolId, lessonId: { in: lessonIds } },
    _count: { _all: true },
  });
  const out: Record<string, number> = {};
  for (const r of rows) if (r.lessonId) out[r.lessonId] = r._count._all;
  return out;
}
