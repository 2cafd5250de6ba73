/**
 * Results statistics (DOMAIN.md «Statistics (R5)») over final marks. Pure.
 *
 * Two ways of counting, as Russian school reports do:
 * - for one subject (a cohort × subject, a subject across classes, a teacher's classes)
 *   every final mark is one student in that subject: N is the number of marks counted;
 * - for a class or the whole school (all subjects), успеваемость and качество знаний
 *   count STUDENTS (a student succeeds only with no «2», н/а or незач in any subject;
 *   is «on 4 and 5» only with every numeric mark a 4 or 5), while the средний балл,
 *   the СОУ and the counts of each mark are over all the marks.
 * Exempt (осв) and descriptive marks are never counted in N; н/а is. «зач» and «незач»
 * (pass/fail subjects) count in N and the успеваемость only: качество, средний балл and
 * СОУ are over five-point marks (lib/grading/statistics.ts), so for a class a student
 * with pass/fail marks only is not in the base of its качество.
 */
import { cohortStatistics, type Fraction } from "@/lib/grading/statistics";
import type { MarkValue } from "@/lib/grading/marks";

export type MarkCounts = { 5: number; 4: number; 3: number; 2: number; notAttested: number; exempt: number; pass: number; fail: number };

export type ResultsSummary = {
  /** N: students counted (exempt not counted, н/а counted) */
  n: number;
  /** marks counted (equals n for one subject) */
  marks: number;
  /** five-point marks and н/а among them: the base of the СОУ (and of качество for one subject) */
  graded: number;
  counts: MarkCounts;
  successRate: Fraction;
  qualityRate: Fraction;
  mean: Fraction;
  sou: Fraction;
};

function countsOf(marks: readonly MarkValue[]): { counts: MarkCounts; counted: number; stats: ReturnType<typeof cohortStatistics> } {
  const stats = cohortStatistics(marks);
  let exempt = 0;
  let ones = 0;
  for (const m of marks) {
    if (m.kind === "EXEMPT") exempt += 1;
    else if (m.kind === "NUMERIC" && m.value === 1) ones += 1;
  }
  // «1» is shown with «2»: both mean the material is not learnt (and СОУ weighs them alike)
  const c = stats.counts;
  return { counts: { 5: c[5], 4: c[4], 3: c[3], 2: c[2] + ones, notAttested: c.notAttested, exempt, pass: c.pass, fail: c.fail }, counted: stats.n, stats };
}

/** One subject: each mark is one student. */
export function subjectResults(marks: readonly MarkValue[]): ResultsSummary {
  const { counts, counted, stats } = countsOf(marks);
  return { n: counted, marks: counted, graded: stats.graded, counts, successRate: stats.successRate, qualityRate: stats.qualityRate, mean: stats.mean, sou: stats.sou };
}

/** Is a mark counted at all (not осв, not descriptive text)? */
function counts(m: MarkValue): boolean {
  return m.kind !== "EXEMPT" && m.kind !== "DESCRIPTIVE";
}

function failing(m: MarkValue): boolean {
  return m.kind === "NOT_ATTESTED" || m.kind === "FAIL" || (m.kind === "NUMERIC" && m.value <= 2);
}

/** A class or the school: students for успеваемость and качество, marks for the rest. */
export function studentResults(marksByStudent: Iterable<readonly MarkValue[]>): ResultsSummary {
  const all: MarkValue[] = [];
  let n = 0;
  let succeeding = 0;
  let quality = 0;
  let qualityBase = 0;
  for (const marks of marksByStudent) {
    all.push(...marks);
    const counted = marks.filter(counts);
    if (counted.length === 0) continue;
    n += 1;
    const fivePoint = counted.some((m) => m.kind === "NUMERIC" || m.kind === "NOT_ATTESTED");
    if (fivePoint) qualityBase += 1;
    if (counted.some(failing)) continue;
    succeeding += 1;
    const numeric = counted.filter((m) => m.kind === "NUMERIC");
    if (fivePoint && numeric.every((m) => m.kind === "NUMERIC" && m.value >= 4)) quality += 1;
  }
  const { counts: c, counted, stats } = countsOf(all);
  return {
    n, marks: counted, graded: stats.graded, counts: c,
    successRate: { num: succeeding * 100, den: n },
    qualityRate: { num: quality * 100, den: qualityBase },
    mean: stats.mean,
    sou: stats.sou,
  };
}
