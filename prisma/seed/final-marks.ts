/**
 * Period marks for the seeded journal, suggested by the app's own rules (lib/grading):
 * the generator keeps a tally per student, subject and term while it writes marks, and
 * asks lib/grading for the suggestion when the term has ended.
 */
import { suggestPeriodMark } from "../../lib/grading/finals";
import type { WeightedMark } from "../../lib/grading/average";
import type { MarkValue } from "../../lib/grading/marks";
import { hundredths } from "../../lib/grading/marks";
import type { GradingPolicy } from "../../lib/grading/policy";
import { GRADING_POLICY, type GradingPolicyPlan } from "./plan";

export type MarkTally = {
  marks: WeightedMark[];
  /** held lessons of the subject while the student was in the cohort */
  lessons: number;
  /** of those, missed */
  missed: number;
};

export function emptyTally(): MarkTally {
  return { marks: [], lessons: 0, missed: 0 };
}

export function addMark(t: MarkTally, value: 2 | 3 | 4 | 5, weightHundredths: number): void {
  t.marks.push({ mark: { kind: "NUMERIC", value }, weight: weightHundredths });
}

export function addExempt(t: MarkTally): void {
  t.marks.push({ mark: { kind: "EXEMPT" }, weight: 100 });
}

/** The seeded school's policy in lib/grading's terms (hundredths). */
export function gradingPolicy(p: GradingPolicyPlan, validFrom: string): GradingPolicy {
  return {
    validFrom,
    thresholds: { 3: hundredths(p.threshold3), 4: hundredths(p.threshold4), 5: hundredths(p.threshold5) },
    minMarks: p.minMarks,
    maxAbsenceShare: hundredths(p.maxAbsenceShare),
  };
}

export function suggestFinal(t: MarkTally, policy: GradingPolicy = gradingPolicy(GRADING_POLICY, "2000-01-01")): MarkValue {
  return suggestPeriodMark({ marks: t.marks, lessonsHeld: t.lessons, lessonsMissed: t.missed }, policy).mark;
}
