/**
 * The suggested period marks of a whole school for one period, every class and subject
 * at once: the computation behind region-wide statistics and the regular forecast to
 * families, where opening each journal in turn (lib/journal/finals.ts) would take an
 * hour. The database sums (Σ value × weight with each mark weighed by its work type's
 * weight on the mark's date, Σ weight, counts, lessons held and missed) and
 * lib/grading/finals.ts (suggestFromTotals) decides, so the figures are exact and the same as the
 * journal's: an integration test compares the two on the demo school.
 *
 * No authorisation here: a caller that checks who may see the results wraps it; the
 * benchmark calls it as is. Four statements per school and period, whatever its size.
 */
import type { Db } from "@/lib/db";
import { policyFromRow, DEFAULT_POLICY, type GradingPolicy } from "@/lib/grading/policy";
import { suggestFromTotals, type PeriodTotals, type Suggestion } from "@/lib/grading/finals";

export type BatchSuggestion = Omit<Suggestion, "average"> & {
  studentId: string;
  cohortId: string;
  subjectId: string;
  totals: PeriodTotals;
};

export type SchoolPeriodFinals = {
  periodId: string;
  policy: GradingPolicy;
  /** one per student × subject of the student's classes, groups and streams in the period */
  suggestions: BatchSuggestion[];
};

type Queryable = Pick<Db, "$queryRaw">;

type PeriodRow = { start: string; end: string; yearId: string; gradeFrom: number; gradeTo: number };
type PolicyRow = { validFrom: string; threshold3: string; threshold4: string; threshold5: string; minMarks: number; maxAbsenceShare: string };
type MemberRow = { studentId: string; cohortId: string; s: string; e: string };
type HeldRow = { cohortId: string; subjectId: string; s: string; e: string; held: number };
type MarkRow = { studentId: string; cohortId: string; subjectId: string; sum: string; weight: string; count: number; exempt: boolean };
type MissedRow = { studentId: string; cohortId: string; subjectId: string; missed: number };

const key = (...parts: string[]): string => parts.join(":");

export async function suggestSchoolPeriodFinals(db: Queryable, schoolId: string, periodId: string): Promise<SchoolPeriodFinals> {
  const [period] = await db.$queryRaw<PeriodRow[]>`
    SELECT to_char("startDate", 'YYYY-MM-DD') AS start, to_char("endDate", 'YYYY-MM-DD') AS "end", "yearId", "gradeFrom", "gradeTo"
      FROM "Period" WHERE "schoolId" = ${schoolId}::uuid AND id = ${periodId}::uuid`;
  if (!period) throw new Error(`No period ${periodId} in school ${schoolId}`);
  const [policyRow] = await db.$queryRaw<PolicyRow[]>`
    SELECT to_char("validFrom", 'YYYY-MM-DD') AS "validFrom", "threshold3"::text, "threshold4"::text, "threshold5"::text,
           "minMarks", "maxAbsenceShare"::text
      FROM "GradingPolicy" WHERE "schoolId" = ${schoolId}::uuid AND "validFrom" <= ${period.end}::date
     ORDER BY "validFrom" DESC LIMIT 1`;
  const policy = policyRow ? policyFromRow(policyRow) : DEFAULT_POLICY;

  // the cohorts the period applies to: of its year, of its grades
  const membersOf = (start: string, end: string) => db.$queryRaw<MemberRow[]>`
    SELECT cm."studentId", cm."cohortId",
           to_char(greatest(cm."startDate", ${start}::date), 'YYYY-MM-DD') AS s,
           to_char(least(coalesce(cm."endDate", ${end}::date), ${end}::date), 'YYYY-MM-DD') AS e
      FROM "CohortMembership" cm
      JOIN "Cohort" c ON c."schoolId" = cm."schoolId" AND c.id = cm."cohortId"
     WHERE cm."schoolId" = ${schoolId}::uuid AND c."yearId" = ${period.yearId}::uuid
       AND c.grade BETWEEN ${period.gradeFrom} AND ${period.gradeTo}
       AND cm."startDate" <= ${end}::date AND (cm."endDate" IS NULL OR cm."endDate" >= ${start}::date)`;

  const [members, held, marks, missed] = await Promise.all([
    membersOf(period.start, period.end),
    // the cohort's lessons per subject (a subject with lessons is a journal), and those held,
    // within each distinct stay in a cohort (nearly always one per cohort)
    db.$queryRaw<HeldRow[]>`
      WITH stays AS (
        SELECT DISTINCT cm."cohortId", greatest(cm."startDate", ${period.start}::date) AS s,
               least(coalesce(cm."endDate", ${period.end}::date), ${period.end}::date) AS e
          FROM "CohortMembership" cm
          JOIN "Cohort" c ON c."schoolId" = cm."schoolId" AND c.id = cm."cohortId"
         WHERE cm."schoolId" = ${schoolId}::uuid AND c."yearId" = ${period.yearId}::uuid
           AND c.grade BETWEEN ${period.gradeFrom} AND ${period.gradeTo}
           AND cm."startDate" <= ${period.end}::date AND (cm."endDate" IS NULL OR cm."endDate" >= ${period.start}::date)
      )
      SELECT st."cohortId", l."subjectId", to_char(st.s, 'YYYY-MM-DD') AS s, to_char(st.e, 'YYYY-MM-DD') AS e,
             (count(l.id) FILTER (WHERE l.status = 'HELD'))::int AS held
        FROM stays st
        JOIN "Lesson" l ON l."schoolId" = ${schoolId}::uuid AND l."cohortId" = st."cohortId"
         AND l.date BETWEEN ${period.start}::date AND ${period.end}::date
       GROUP BY st."cohortId", l."subjectId", st.s, st.e`,
    // each work type's weight as date ranges (from the beginning, then each dated
    // version up to the next), joined by range: no per-mark subquery
    db.$queryRaw<MarkRow[]>`
      WITH versions AS (
        SELECT w.id AS "workTypeId", round(w.weight * 100)::int AS w, '-infinity'::date AS "from",
               coalesce(min(v."validFrom"), 'infinity'::date) AS "to"
          FROM "WorkType" w
          LEFT JOIN "WorkTypeWeight" v ON v."schoolId" = w."schoolId" AND v."workTypeId" = w.id
         WHERE w."schoolId" = ${schoolId}::uuid
         GROUP BY w.id, w.weight
        UNION ALL
        SELECT v."workTypeId", round(v.weight * 100)::int, v."validFrom",
               coalesce(lead(v."validFrom") OVER (PARTITION BY v."workTypeId" ORDER BY v."validFrom"), 'infinity'::date)
          FROM "WorkTypeWeight" v
         WHERE v."schoolId" = ${schoolId}::uuid
      ),
      cohorts AS (
        SELECT id FROM "Cohort"
         WHERE "schoolId" = ${schoolId}::uuid AND "yearId" = ${period.yearId}::uuid AND grade BETWEEN ${period.gradeFrom} AND ${period.gradeTo}
      )
      SELECT m."studentId", m."cohortId", m."subjectId",
             coalesce(sum(m.value * wt.w) FILTER (WHERE m.kind = 'NUMERIC' AND m.value BETWEEN 1 AND 5 AND wt.w > 0), 0)::text AS sum,
             coalesce(sum(wt.w) FILTER (WHERE m.kind = 'NUMERIC' AND m.value BETWEEN 1 AND 5 AND wt.w > 0), 0)::text AS weight,
             (count(*) FILTER (WHERE m.kind = 'NUMERIC' AND m.value BETWEEN 1 AND 5 AND wt.w > 0))::int AS count,
             bool_or(m.kind = 'EXEMPT') AS exempt
        FROM "Mark" m
        JOIN versions wt ON wt."workTypeId" = m."workTypeId" AND m.date >= wt."from" AND m.date < wt."to"
       WHERE m."schoolId" = ${schoolId}::uuid AND m."removedAt" IS NULL
         AND m.date BETWEEN ${period.start}::date AND ${period.end}::date
         AND m."cohortId" IN (SELECT id FROM cohorts)
       GROUP BY m."studentId", m."cohortId", m."subjectId"`,
    // held lessons missed (any code but «оп») while the student was in the cohort
    db.$queryRaw<MissedRow[]>`
      SELECT a."studentId", l."cohortId", l."subjectId", count(DISTINCT a."lessonId")::int AS missed
        FROM "Attendance" a
        JOIN "Lesson" l ON l."schoolId" = a."schoolId" AND l.id = a."lessonId"
        JOIN "Cohort" c ON c."schoolId" = l."schoolId" AND c.id = l."cohortId"
       WHERE a."schoolId" = ${schoolId}::uuid AND a."removedAt" IS NULL AND a.code <> 'LATE'
         AND a.date BETWEEN ${period.start}::date AND ${period.end}::date AND l.status = 'HELD'
         AND c."yearId" = ${period.yearId}::uuid AND c.grade BETWEEN ${period.gradeFrom} AND ${period.gradeTo}
         AND EXISTS (
           SELECT 1 FROM "CohortMembership" cm
            WHERE cm."schoolId" = a."schoolId" AND cm."cohortId" = l."cohortId" AND cm."studentId" = a."studentId"
              AND cm."startDate" <= l.date AND (cm."endDate" IS NULL OR cm."endDate" >= l.date))
       GROUP BY a."studentId", l."cohortId", l."subjectId"`,
  ]);
  return { periodId, policy, suggestions: combine(members, held, marks, missed, policy) };
}

/** Every member of a cohort gets a suggestion in every subject the cohort has in the period. */
function combine(members: MemberRow[], heldRows: HeldRow[], marks: MarkRow[], missed: MissedRow[], policy: GradingPolicy): BatchSuggestion[] {
  // a subject is a journal of the cohort when it has lessons in the period or marks
  const subjectsOf = new Map<string, Set<string>>();
  const addSubject = (cohortId: string, subjectId: string) => {
    const set = subjectsOf.get(cohortId) ?? new Set<string>();
    set.add(subjectId);
    subjectsOf.set(cohortId, set);
  };
  const heldBy = new Map<string, number>();
  for (const h of heldRows) {
    addSubject(h.cohortId, h.subjectId);
    heldBy.set(key(h.cohortId, h.subjectId, h.s, h.e), h.held);
  }
  const marksBy = new Map<string, MarkRow>();
  for (const m of marks) {
    addSubject(m.cohortId, m.subjectId);
    marksBy.set(key(m.studentId, m.cohortId, m.subjectId), m);
  }
  const missedBy = new Map(missed.map((m) => [key(m.studentId, m.cohortId, m.subjectId), m.missed]));
  // a student may have left and come back: their stays in one cohort add up
  const stays = new Map<string, { studentId: string; cohortId: string; spans: [string, string][] }>();
  for (const m of members) {
    const k = key(m.studentId, m.cohortId);
    const stay = stays.get(k) ?? { studentId: m.studentId, cohortId: m.cohortId, spans: [] };
    stay.spans.push([m.s, m.e]);
    stays.set(k, stay);
  }
  const out: BatchSuggestion[] = [];
  for (const { studentId, cohortId, spans } of stays.values()) {
    for (const subjectId of subjectsOf.get(cohortId) ?? []) {
      const m = marksBy.get(key(studentId, cohortId, subjectId));
      const totals: PeriodTotals = {
        sum: m ? Number(m.sum) : 0,
        weight: m ? Number(m.weight) : 0,
        count: m?.count ?? 0,
        exempt: m?.exempt ?? false,
        lessonsHeld: spans.reduce((n, [s, e]) => n + (heldBy.get(key(cohortId, subjectId, s, e)) ?? 0), 0),
        lessonsMissed: missedBy.get(key(studentId, cohortId, subjectId)) ?? 0,
      };
      out.push({ studentId, cohortId, subjectId, totals, ...suggestFromTotals(totals, policy) });
    }
  }
  return out;
}
