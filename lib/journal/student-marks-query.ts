/**
 * One student's marks for a date range: the inner query behind the diary's marks page and
 * the student's extract. No authorisation here: a domain function that checks who may see
 * the student wraps it (and carries `import "server-only"`); the benchmark calls it as is.
 *
 * Served by the index Mark(schoolId, studentId, subjectId, date): the school and student
 * fix its prefix, the date range is checked inside the index. Removed marks are left out.
 */
import type { Db } from "../db";
import { dateToDay, dayToDate } from "../time";

export type StudentMarkDto = {
  id: string;
  /** "YYYY-MM-DD", the lesson's day */
  date: string;
  lessonId: string;
  lessonNumber: number;
  subjectId: string;
  subjectName: string;
  /** 1, or 2 for the second half of a double mark («4/5») */
  part: number;
  kind: "NUMERIC" | "PASS" | "FAIL" | "NOT_ATTESTED" | "EXEMPT" | "DESCRIPTIVE";
  value: number | null;
  text: string | null;
  comment: string | null;
  workType: {
    code: string;
    name: string;
    /** exact decimal as text ("1.50"): averages are computed exactly by lib/grading */
    weight: string;
  };
};

export type StudentMarksQuery = {
  schoolId: string;
  studentId: string;
  /** first day, "YYYY-MM-DD", included */
  from: string;
  /** last day, "YYYY-MM-DD", included */
  to: string;
};

export async function loadStudentMarks(db: Pick<Db, "mark">, q: StudentMarksQuery): Promise<StudentMarkDto[]> {
  const rows = await db.mark.findMany({
    where: {
      schoolId: q.schoolId,
      studentId: q.studentId,
      date: { gte: dayToDate(q.from), lte: dayToDate(q.to) },
      removedAt: null,
    },
    orderBy: [{ date: "asc" }, { subjectId: "asc" }, { lessonId: "asc" }, { part: "asc" }],
    select: {
      id: true,
      date: true,
      lessonId: true,
      subjectId: true,
      part: true,
      kind: true,
      value: true,
      text: true,
      comment: true,
      workType: { select: { code: true, name: true, weight: true } },
      lesson: { select: { lessonNumber: true, subject: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    date: dateToDay(r.date),
    lessonId: r.lessonId,
    lessonNumber: r.lesson.lessonNumber,
    subjectId: r.subjectId,
    subjectName: r.lesson.subject.name,
    part: r.part,
    kind: r.kind,
    value: r.value,
    text: r.text,
    comment: r.comment,
    workType: { code: r.workType.code, name: r.workType.name, weight: r.workType.weight.toFixed(2) },
  }));
}
