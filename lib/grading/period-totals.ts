/**
 * The suggested period mark from totals instead of the list of marks: Σ(value × weight),
 * Σ weight and the count of numeric marks, whether any «осв» was given, and the lessons
 * held and missed. The region-wide computation (lib/journal/finals-batch-query.ts) sums
 * in the database and decides here; a property test holds it equal to suggestPeriodMark
 * on the same marks. Pure: no database.
 */
import type { MarkValue } from "@/lib/grading/marks";
import type { GradingPolicy } from "@/lib/grading/policy";
import { markFromAverage, type Suggestion } from "@/lib/grading/finals";

export type PeriodTotals = {
  /** Σ value × weight over numeric marks with a positive weight, weights in hundredths */
  sum: number;
  /** Σ weight over the same marks, in hundredths */
  weight: number;
  /** how many such marks */
  count: number;
  /** some mark of the period is «осв» */
  exempt: boolean;
  lessonsHeld: number;
  /** of those, missed (any attendance code but «оп») */
  lessonsMissed: number;
};

export type TotalsSuggestion = { mark: MarkValue; reason: Suggestion["reason"] };

export function suggestFromTotals(t: PeriodTotals, policy: GradingPolicy): TotalsSuggestion {
  if (t.count === 0 && t.exempt) return { mark: { kind: "EXEMPT" }, reason: "EXEMPT" };
  if (t.lessonsHeld > 0 && 100 * t.lessonsMissed > policy.maxAbsenceShare * t.lessonsHeld) {
    return { mark: { kind: "NOT_ATTESTED" }, reason: "TOO_MANY_ABSENCES" };
  }
  if (t.count === 0) return { mark: { kind: "NOT_ATTESTED" }, reason: "NO_MARKS" };
  if (t.count < policy.minMarks) return { mark: { kind: "NOT_ATTESTED" }, reason: "TOO_FEW_MARKS" };
  return { mark: { kind: "NUMERIC", value: markFromAverage(t, policy) }, reason: "MEAN" };
}
