/**
 * Suggested final marks (DOMAIN.md): a period mark from the weighted mean by the
 * school's thresholds, with н/а for too few marks or too many absences; a year mark from
 * the period marks. The teacher confirms or overrides; this module only suggests.
 */
import { meanAtLeast, weightedAverage, type Average, type WeightedMark } from "@/lib/grading/average";
import type { MarkValue } from "@/lib/grading/marks";
import type { GradingPolicy } from "@/lib/grading/policy";

export type Suggestion = {
  mark: MarkValue;
  reason: "MEAN" | "PERIODS_MEAN" | "TOO_FEW_MARKS" | "TOO_MANY_ABSENCES" | "EXEMPT" | "NO_MARKS";
  average: Average;
};

/** The numeric mark a mean earns: the highest whose threshold it reaches, else 2. */
export function markFromAverage(a: { sum: number; weight: number }, policy: GradingPolicy): 2 | 3 | 4 | 5 {
  if (meanAtLeast(a, policy.thresholds[5])) return 5;
  if (meanAtLeast(a, policy.thresholds[4])) return 4;
  if (meanAtLeast(a, policy.thresholds[3])) return 3;
  return 2;
}

export type PeriodFacts = {
  marks: readonly WeightedMark[];
  /** lessons of the subject held in the period while the student was in the cohort */
  lessonsHeld: number;
  /** of those, missed (any attendance code but «оп») */
  lessonsMissed: number;
};

export function suggestPeriodMark(facts: PeriodFacts, policy: GradingPolicy): Suggestion {
  const average = weightedAverage(facts.marks);
  const exempt = facts.marks.some((m) => m.mark.kind === "EXEMPT");
  return { ...suggestFromTotals({ ...average, exempt, lessonsHeld: facts.lessonsHeld, lessonsMissed: facts.lessonsMissed }, policy), average };
}

/**
 * The same decision from totals instead of the list of marks, for the region-wide
 * computation that sums in the database (lib/journal/finals-batch-query.ts).
 */
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

export function suggestFromTotals(t: PeriodTotals, policy: GradingPolicy): Omit<Suggestion, "average"> {
  // a student exempt for the period (осв with no numeric mark) is exempt, not н/а
  if (t.count === 0 && t.exempt) return { mark: { kind: "EXEMPT" }, reason: "EXEMPT" };
  if (t.lessonsHeld > 0 && 100 * t.lessonsMissed > policy.maxAbsenceShare * t.lessonsHeld) {
    return { mark: { kind: "NOT_ATTESTED" }, reason: "TOO_MANY_ABSENCES" };
  }
  if (t.count === 0) return { mark: { kind: "NOT_ATTESTED" }, reason: "NO_MARKS" };
  if (t.count < policy.minMarks) return { mark: { kind: "NOT_ATTESTED" }, reason: "TOO_FEW_MARKS" };
  return { mark: { kind: "NUMERIC", value: markFromAverage(t, policy) }, reason: "MEAN" };
}

/**
 * The year mark from the confirmed period marks: their plain mean, rounded by the same
 * thresholds (at 2.5 / 3.5 / 4.5 a tie goes to the student). Periods with н/а or осв do
 * not count; with no numeric period mark the year is н/а (or осв if every period was осв).
 * A period with no confirmed mark is not guessed: the caller says which are missing
 * (`missingPeriodsText`).
 */
export function suggestYearMark(periodMarks: readonly MarkValue[], policy: GradingPolicy): Suggestion {
  const marks = periodMarks.map((mark) => ({ mark, weight: 100 }));
  const average = weightedAverage(marks);
  if (average.count === 0) {
    const allExempt = periodMarks.length > 0 && periodMarks.every((m) => m.kind === "EXEMPT");
    return allExempt ? { mark: { kind: "EXEMPT" }, reason: "EXEMPT", average } : { mark: { kind: "NOT_ATTESTED" }, reason: "NO_MARKS", average };
  }
  return { mark: { kind: "NUMERIC", value: markFromAverage(average, policy) }, reason: "PERIODS_MEAN", average };
}

/** "нет отметки за 2 четверть", "нет отметок за 1 четверть, 3 четверть"; null when none is missing. */
export function missingPeriodsText(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  return names.length === 1 ? `нет отметки за ${names[0]}` : `нет отметок за ${names.join(", ")}`;
}

export type FinalSuggestion = {
  /** null when there is no year mark to suggest from */
  mark: MarkValue | null;
  reason: "NO_YEAR_MARK" | "YEAR_AND_EXAM" | "YEAR_ONLY" | "NOT_ATTESTED" | "EXEMPT";
};

/**
 * The final (итоговая) mark from the confirmed year mark and the exam mark (Порядок
 * заполнения аттестатов: the arithmetic mean of the year and exam marks, rounded by the
 * mathematical rule, x.5 up): (4 + 5) / 2 = 4.5 → 5; (3 + 4) / 2 = 3.5 → 4. With no exam
 * mark (the student did not sit one) the final is the year mark; a year н/а stays н/а,
 * осв stays осв, and a зач / незач or a text year mark is carried over unchanged. With
 * no year mark yet there is nothing to suggest.
 */
export function suggestFinalMark(year: MarkValue | null, exam: MarkValue | null): FinalSuggestion {
  if (!year) return { mark: null, reason: "NO_YEAR_MARK" };
  if (year.kind === "NOT_ATTESTED") return { mark: year, reason: "NOT_ATTESTED" };
  if (year.kind === "EXEMPT") return { mark: year, reason: "EXEMPT" };
  if (year.kind !== "NUMERIC" || exam?.kind !== "NUMERIC") return { mark: year, reason: "YEAR_ONLY" };
  // round((y + e) / 2) half up, in integers
  const value = Math.floor((year.value + exam.value + 1) / 2) as 1 | 2 | 3 | 4 | 5;
  return { mark: { kind: "NUMERIC", value }, reason: "YEAR_AND_EXAM" };
}

export const FINAL_REASON: Record<FinalSuggestion["reason"], string> = {
  NO_YEAR_MARK: "сначала выставьте годовую отметку",
  YEAR_AND_EXAM: "среднее годовой и экзаменационной, округлено по правилам математики",
  YEAR_ONLY: "экзамена не было: равна годовой",
  NOT_ATTESTED: "годовая «н/а»",
  EXEMPT: "освобождён",
};

export const SUGGESTION_REASON: Record<Suggestion["reason"], string> = {
  MEAN: "по средневзвешенному баллу",
  PERIODS_MEAN: "по отметкам за периоды",
  TOO_FEW_MARKS: "мало отметок для аттестации",
  TOO_MANY_ABSENCES: "пропущено больше допустимой доли уроков",
  EXEMPT: "освобождён",
  NO_MARKS: "нет отметок",
};
