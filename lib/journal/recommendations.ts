/**
 * Teachers' recommendations to a student and the family (R2.2): short advice written by
 * a teacher who teaches the student, dated the day it was written in the school's zone.
 * Families read them in the diary.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { studentsVisibleTo } from "@/lib/auth/scope";
import { shortName } from "@/lib/people/names";
import { assertId } from "@/lib/people/students";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";
import { notifyRecommendation } from "@/lib/notify/producers";

export type RecommendationInput = { studentId: string; subjectId?: string | undefined; text: string };
export type Recommendation = { id: string; date: string; subjectName: string | null; author: string; text: string };

function bad(field: string, message: string): AppError {
  return new AppError("BAD_INPUT", message, { [field]: [message] });
}

export async function addRecommendation(p: Principal, r: RecommendationInput): Promise<{ id: string }> {
  assertCan(p, "journal.write");
  const staffId = p.staffId;
  if (!staffId || !hasRole(p, "TEACHER")) throw new AppError("FORBIDDEN", "Рекомендации пишет учитель ученика.");
  const notTaught = "Вы не учите этого ученика: выберите ученика из списка.";
  try {
    assertId(r.studentId);
  } catch {
    throw bad("studentId", notTaught);
  }
  // a teacher-only view: an admin-teacher (deputy) still writes only to their own students
  const teacherView: Principal = { ...p, roles: ["TEACHER"] };
  const visible = await db.student.count({ where: { AND: [{ id: r.studentId }, studentsVisibleTo(teacherView)] } });
  if (!visible) throw bad("studentId", notTaught);
  let subjectId: string | null = null;
  if (r.subjectId) {
    assertId(r.subjectId);
    const subject = await db.subject.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: r.subjectId } }, select: { id: true } });
    if (!subject) throw bad("subjectId", "Такого предмета нет.");
    subjectId = subject.id;
  }
  const text = r.text.trim();
  if (!text) throw bad("text", "Напишите рекомендацию.");
  if (text.length > 2000) throw bad("text", "Рекомендация слишком длинная: не больше 2000 знаков.");
  return db.$transaction(async (tx) => {
    const created = await tx.recommendation.create({
      data: { schoolId: p.schoolId, studentId: r.studentId, subjectId, authorId: staffId, date: dayToDate(schoolToday(p.timeZone)), text },
      select: { id: true },
    });
    await notifyRecommendation(tx, { schoolId: p.schoolId, recommendationId: created.id });
    return created;
  });
}

/** A student's recommendations, newest first, for whoever may see the student. */
export async function listRecommendationsForStudent(p: Principal, studentId: string): Promise<Recommendation[]> {
  assertId(studentId);
  const visible = await db.student.count({ where: { AND: [{ id: studentId }, studentsVisibleTo(p)] } });
  if (!visible) throw new AppError("NOT_FOUND", "Ученик не найден.");
  const rows = await db.recommendation.findMany({
    where: { schoolId: p.schoolId, studentId },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: { id: true, date: true, text: true, subject: { select: { name: true } }, author: { select: { lastName: true, firstName: true, middleName: true } } },
  });
  return rows.map((r) => ({ id: r.id, date: dateToDay(r.date), subjectName: r.subject?.name ?? null, author: shortName(r.author), text: r.text }));
}
