/** The family's home page: for each child, today's lessons and the latest marks. */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { studentsVisibleTo } from "@/lib/auth/scope";
import { assertId } from "@/lib/people/students";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";

export type StudentDay = {
  day: string;
  lessons: { lessonNumber: number; subjectName: string; status: string; topic: string | null }[];
  recentMarks: { date: string; subjectName: string; kind: string; value: number | null; text: string | null; workType: string }[];
};

export async function getStudentDay(p: Principal, studentId: string, day?: string): Promise<StudentDay> {
  assertCan(p, "diary.read");
  assertId(studentId);
  const d = day ?? schoolToday(p.timeZone);
  const date = dayToDate(d);
  const student = await db.student.findFirst({
    where: { AND: [studentsVisibleTo(p), { id: studentId }] },
    select: {
      id: true,
      memberships: {
        where: { startDate: { lte: date }, OR: [{ endDate: null }, { endDate: { gte: date } }] },
        select: { cohortId: true },
      },
    },
  });
  if (!student) throw new AppError("NOT_FOUND");
  const cohortIds = student.memberships.map((m) => m.cohortId);
  const [lessons, marks] = await Promise.all([
    db.lesson.findMany({
      where: { schoolId: p.schoolId, cohortId: { in: cohortIds }, date },
      orderBy: { lessonNumber: "asc" },
      select: { lessonNumber: true, status: true, topic: true, subject: { select: { name: true } } },
    }),
    db.mark.findMany({
      where: { schoolId: p.schoolId, studentId, removedAt: null },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      take: 10,
      select: {
        date: true, kind: true, value: true, text: true,
        lesson: { select: { subject: { select: { name: true } } } },
        workType: { select: { name: true } },
      },
    }),
  ]);
  return {
    day: d,
    lessons: lessons.map((l) => ({ lessonNumber: l.lessonNumber, status: l.status, topic: l.topic, subjectName: l.subject.name })),
    recentMarks: marks.map((m) => ({
      date: dateToDay(m.date), kind: m.kind, value: m.value, text: m.text, subjectName: m.lesson.subject.name, workType: m.workType.name,
    })),
  };
}
