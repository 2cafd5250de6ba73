/**
 * One student's marks for a date range: the inner query behind the diary's marks page and
 * the student's extract. No authorisation here: a domain function that checks who may see
 * the student wraps it (and carries `import "server-only"`); the benchmark calls it as is.
 *
 * Served by the index Mark(schoolId, studentId, subjectId, date): the school and student
 * fix its prefix, the date range is checked inside the index. Removed marks are left out.
 * Dates are "YYYY-MM-DD" calendar days both ways (lib/time.ts).
 */
import type { Db } from "../db";

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
    /**
     * exact decimal as text ("1.50"): the work type's weight in force on the mark's date
     * (the latest WorkTypeWeight version from that day or before, else WorkType.weight);
     * averages are computed exactly by lib/grading
     */
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

type Row = {
  id: string;
  date: string;
  lessonId: string;
  lessonNumber: number;
  subjectId: string;
  subjectName: string;
  part: number;
  kind: StudentMarkDto["kind"];
  value: number | null;
  text: string | null;
  comment: string | null;
  workCode: string;
  workName: string;
  workWeight: string;
};

/**
 * One statement, one round trip: Prisma's `include` would send four (marks, then work
 * types, lessons and subjects by id lists). Every join is on the composite key, so it
 * stays inside the school. The weight of each mark is the version in force on the mark's
 * date, found by the unique index WorkTypeWeight(schoolId, workTypeId, validFrom).
 */
export async function loadStudentMarks(db: Pick<Db, "$queryRaw">, q: StudentMarksQuery): Promise<StudentMarkDto[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT m.id, to_char(m.date, 'YYYY-MM-DD') AS date, m."lessonId", l."lessonNumber", m."subjectId",
           s.name AS "subjectName", m.part, m.kind::text AS kind, m.value, m.text, m.comment,
           w.code AS "workCode", w.name AS "workName", COALESCE(v.weight, w.weight)::text AS "workWeight"
      FROM "Mark" m
      JOIN "Lesson" l ON l."schoolId" = m."schoolId" AND l.id = m."lessonId"
      JOIN "Subject" s ON s."schoolId" = m."schoolId" AND s.id = m."subjectId"
      JOIN "WorkType" w ON w."schoolId" = m."schoolId" AND w.id = m."workTypeId"
      LEFT JOIN LATERAL (
        SELECT ww.weight FROM "WorkTypeWeight" ww
         WHERE ww."schoolId" = m."schoolId" AND ww."workTypeId" = m."workTypeId" AND ww."validFrom" <= m.date
         ORDER BY ww."validFrom" DESC LIMIT 1
      ) v ON true
     WHERE m."schoolId" = ${q.schoolId}::uuid AND m."studentId" = ${q.studentId}::uuid
       AND m.date >= ${q.from}::date AND m.date <= ${q.to}::date AND m."removedAt" IS NULL
     ORDER BY m.date, l."lessonNumber", s.name, m.part`;
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    lessonId: r.lessonId,
    lessonNumber: r.lessonNumber,
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    part: r.part,
    kind: r.kind,
    value: r.value,
    text: r.text,
    comment: r.comment,
    workType: { code: r.workCode, name: r.workName, weight: r.workWeight },
  }));
}
