/**
 * The school's grading rules, dated: the version in force on a day applies
 * (DOMAIN.md: a rule that varies between schools is a setting, never a constant).
 */
import { hundredths } from "@/lib/grading/marks";

export type GradingPolicy = {
  /** "YYYY-MM-DD" from which this version applies */
  validFrom: string;
  /** means (in hundredths) from which 3, 4 and 5 are suggested, e.g. 250 / 350 / 450 */
  thresholds: { 3: number; 4: number; 5: number };
  /** fewer numeric marks than this in a period → н/а is suggested */
  minMarks: number;
  /** share of missed lessons (in hundredths) above which н/а is suggested; 50 = 50 % */
  maxAbsenceShare: number;
};

/** The common rules: 2.5 / 3.5 / 4.5, at least 3 marks, at most half the lessons missed. */
export const DEFAULT_POLICY: GradingPolicy = {
  validFrom: "2000-01-01",
  thresholds: { 3: 250, 4: 350, 5: 450 },
  minMarks: 3,
  maxAbsenceShare: 50,
};

type DecimalLike = string | number | { toString(): string };

/** A stored policy row (decimals as the database gives them) as the rules lib/grading uses. */
export function policyFromRow(r: {
  validFrom: string; threshold3: DecimalLike; threshold4: DecimalLike; threshold5: DecimalLike; minMarks: number; maxAbsenceShare: DecimalLike;
}): GradingPolicy {
  return {
    validFrom: r.validFrom,
    thresholds: { 3: hundredths(r.threshold3), 4: hundredths(r.threshold4), 5: hundredths(r.threshold5) },
    minMarks: r.minMarks,
    // stored as a share (0.50), used as percent
    maxAbsenceShare: hundredths(r.maxAbsenceShare),
  };
}

/** The version in force on `day`: the latest one that started on or before it. */
export function policyOn(policies: readonly GradingPolicy[], day: string): GradingPolicy | null {
  let best: GradingPolicy | null = null;
  for (const p of policies) if (p.validFrom <= day && (!best || p.validFrom > best.validFrom)) best = p;
  return best;
}

/** A policy is usable when its thresholds rise strictly and stay within the scale. */
export function validatePolicy(p: GradingPolicy): string[] {
  const errors: string[] = [];
  const { 3: t3, 4: t4, 5: t5 } = p.thresholds;
  if (!(200 < t3 && t3 < t4 && t4 < t5 && t5 <= 500)) errors.push("Пороги должны расти: 2 < порог «3» < порог «4» < порог «5» ≤ 5.");
  if (!Number.isInteger(p.minMarks) || p.minMarks < 0) errors.push("Минимум отметок — целое число не меньше 0.");
  if (p.maxAbsenceShare < 0 || p.maxAbsenceShare > 100) errors.push("Доля пропусков — от 0 до 100 %.");
  return errors;
}
