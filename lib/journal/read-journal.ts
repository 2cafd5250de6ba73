/**
 * The journal page of a cohort × subject for a date range: lessons and marks. Readable by
 * the teachers of that subject in that cohort, the class teacher and the administration.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { journalReadableBy } from "@/lib/auth/scope";
import { assertId } from "@/lib/people/students";
import { dateToDay, dayToDate } from "@/lib/time";

export type JournalPage = {
  lessons: { id: string; date: string; lessonNumber: number; topic: string | null; status: string }[];
  marks: { lessonId: string; studentId: string; part: number; kind: string; value: number | null; text: string | null }[];
};

export async function readJournal(
  p: Principal,
  cohortId: string,
  subjectId: string,
  range: { from: string; to: string },
): Promise<JournalPage> {
  assertCan(p, "journal.read");
  assertId(cohortId);
  assertId(subjectId);
  const allowed = await db.cohort.count({ where: journalReadableBy(p, cohortId, subjectId) });
  if (!allowed) throw new AppError("NOT_FOUND");
  const date = { gte: dayToDate(range.from), lte: dayToDate(range.to) };
  const [lessons, marks] = await Promise.all([
    db.lesson.findMany({
      where: { schoolId: p.schoolId, cohortId, subjectId, date },
      orderBy: [{ date: "asc" }, { lessonNumber: "asc" }],
      select: { id: true, date: true, lessonNumber: true, topic: true, status: true },
    }),
    db.mark.findMany({
      where: { schoolId: p.schoolId, cohortId, subjectId, date, removedAt: null },
      select: { lessonId: true, studentId: true, part: true, kind: true, value: true, text: true },
    }),
  ]);
  return {
    lessons: lessons.map((l) => ({ ...l, date: dateToDay(l.date) })),
    marks,
  };
}
