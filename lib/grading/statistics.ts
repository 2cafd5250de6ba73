/**
 * Statistics of final marks for a cohort, subject and period (DOMAIN.md, R5). Students
 * exempt (осв) are not counted; н/а is counted. Percentages are exact fractions until
 * shown.
 *
 * DOMAIN's качество, средний балл and СОУ are about five-point marks: a «зач» / «незач»
 * (a pass/fail subject) counts in N for the успеваемость («незач» is a failure like «2»,
 * «зач» a success) but not in the base of качество and СОУ, nor in the средний балл. A
 * н/а belongs to the five-point base, unless the set has no five-point mark but has
 * pass/fail marks: then it is a pass/fail subject's н/а, and качество, средний балл and
 * СОУ have no base at all («—», not 0).
 */
import type { MarkValue } from "@/lib/grading/marks";

export type Fraction = { num: number; den: number };

export type CohortStatistics = {
  /** students counted (N): five-point, pass/fail and н/а; the base of the успеваемость */
  n: number;
  /** the five-point base: numeric marks and н/а (not «зач» / «незач»); of качество and СОУ */
  graded: number;
  counts: { 5: number; 4: number; 3: number; 2: number; notAttested: number; pass: number; fail: number };
  /** абсолютная успеваемость: no «2», no н/а, no незач */
  successRate: Fraction;
  /** качество знаний: only «4» and «5», over the five-point base */
  qualityRate: Fraction;
  /** средний балл of the numeric marks */
  mean: Fraction;
  /** СОУ, степень обученности, in %, over the five-point base */
  sou: Fraction;
};

export function cohortStatistics(finals: readonly MarkValue[]): CohortStatistics {
  const counts = { 5: 0, 4: 0, 3: 0, 2: 0, notAttested: 0, pass: 0, fail: 0 };
  let n = 0;
  let ones = 0;
  for (const m of finals) {
    if (m.kind === "EXEMPT" || m.kind === "DESCRIPTIVE") continue;
    n += 1;
    if (m.kind === "NUMERIC") {
      if (m.value === 1) ones += 1;
      else counts[m.value] += 1;
    } else if (m.kind === "NOT_ATTESTED") counts.notAttested += 1;
    else if (m.kind === "PASS") counts.pass += 1;
    else counts.fail += 1;
  }
  const numericCount = counts[5] + counts[4] + counts[3] + counts[2] + ones;
  const failing = counts[2] + ones + counts.notAttested + counts.fail;
  const passFailOnly = numericCount === 0 && counts.pass + counts.fail > 0;
  const graded = passFailOnly ? 0 : numericCount + counts.notAttested;
  return {
    n,
    graded,
    counts,
    successRate: { num: (n - failing) * 100, den: n },
    qualityRate: { num: (counts[5] + counts[4]) * 100, den: graded },
    mean: { num: 5 * counts[5] + 4 * counts[4] + 3 * counts[3] + 2 * counts[2] + ones, den: numericCount },
    // «1» counts with «2» in СОУ (16 %): both mean the material is not learnt
    sou: { num: 100 * counts[5] + 64 * counts[4] + 36 * counts[3] + 16 * (counts[2] + ones) + (graded > 0 ? 7 * counts.notAttested : 0), den: graded },
  };
}

/** "87,5" (one decimal by default), half-up from integers; "—" for an empty set. */
export function formatFraction(f: Fraction, decimals = 1): string {
  if (f.den === 0) return "—";
  const scale = 10 ** decimals;
  const scaled = Math.floor((2 * f.num * scale + f.den) / (2 * f.den));
  const whole = Math.floor(scaled / scale);
  return decimals > 0 ? `${whole},${String(scaled % scale).padStart(decimals, "0")}` : String(whole);
}
