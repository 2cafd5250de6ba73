/**
 * The forecast of the period mark (R4): where the student stands, how sure that is, and
 * what it takes to reach each higher mark or to keep the current one. Computed, never
 * stored. "What it takes" counts marks of the plainest work (weight 1): how many «5»
 * lift the mean over a threshold, how many «2» it can absorb.
 */
import type { Average } from "@/lib/grading/average";
import { markFromAverage, suggestPeriodMark, type PeriodFacts, type Suggestion } from "@/lib/grading/finals";
import type { GradingPolicy } from "@/lib/grading/policy";

export type Step =
  /** reachable with `fives` more «5» (of weight 1) */
  | { target: 3 | 4 | 5; kind: "NEED_FIVES"; fives: number; reachable: boolean }
  /** the current mark holds even with `twos` more «2» */
  | { target: 3 | 4 | 5; kind: "SAFE"; twos: number };

export type Risk = "PROJECTED_TWO" | "TOO_FEW_MARKS" | "TOO_MANY_ABSENCES";

export type Forecast = {
  suggestion: Suggestion;
  /** numeric mark the mean earns now, if any mark exists */
  projected: 2 | 3 | 4 | 5 | null;
  marksSoFar: number;
  lessonsLeft: number;
  /** "LOW" while few marks exist or much of the period is left */
  confidence: "LOW" | "MEDIUM" | "HIGH";
  steps: Step[];
  risks: Risk[];
};


/** Fewest k ≥ 0 with (sum + 5·k·UNIT) / (weight + k·UNIT) ≥ t/100, or null if never (t > 5). */
export function fivesNeeded(a: { sum: number; weight: number }, threshold: number): number | null {
  if (threshold > 500) return null;
  // 100·(sum + 500k) ≥ t·(weight + 100k)  ⇔  k·(50000 − 100t) ≥ t·weight − 100·sum
  const need = threshold * a.weight - 100 * a.sum;
  if (need <= 0) return 0;
  const per = 50_000 - 100 * threshold;
  if (per <= 0) return null;
  return Math.ceil(need / per);
}

/** Most j ≥ 0 with (sum + 2·j·UNIT) / (weight + j·UNIT) ≥ t/100 still; Infinity if t ≤ 2. */
export function twosAbsorbed(a: { sum: number; weight: number }, threshold: number): number {
  // 100·(sum + 200j) ≥ t·(weight + 100j)  ⇔  j·(100t − 20000) ≤ 100·sum − t·weight
  const room = 100 * a.sum - threshold * a.weight;
  if (room < 0) return -1;
  const per = 100 * threshold - 20_000;
  if (per <= 0) return Number.POSITIVE_INFINITY;
  return Math.floor(room / per);
}

export function forecastPeriod(facts: PeriodFacts & { lessonsLeft: number }, policy: GradingPolicy): Forecast {
  const suggestion = suggestPeriodMark(facts, policy);
  const a: Average = suggestion.average;
  const projected = a.count > 0 ? markFromAverage(a, policy) : null;
  const steps: Step[] = [];
  for (const target of [3, 4, 5] as const) {
    const t = policy.thresholds[target];
    if (projected !== null && target <= projected) {
      if (target === projected) steps.push({ target, kind: "SAFE", twos: twosAbsorbed(a, t) });
      continue;
    }
    const base = a.count > 0 ? a : { sum: 0, weight: 0 };
    const k = fivesNeeded(base, t);
    if (k === null) continue;
    // the minimum number of marks applies too: below it the period is н/а whatever the mean
    const fives = Math.max(k, policy.minMarks - a.count, a.count === 0 ? 1 : 0);
    steps.push({ target, kind: "NEED_FIVES", fives, reachable: fives <= facts.lessonsLeft });
  }
  const risks: Risk[] = [];
  if (projected === 2) risks.push("PROJECTED_TWO");
  // too few marks, and little time left to get them
  if (a.count < policy.minMarks && (a.count + facts.lessonsLeft < policy.minMarks || facts.lessonsLeft <= 3)) risks.push("TOO_FEW_MARKS");
  if (suggestion.reason === "TOO_MANY_ABSENCES") risks.push("TOO_MANY_ABSENCES");
  const confidence: Forecast["confidence"] =
    a.count < policy.minMarks ? "LOW" : facts.lessonsLeft > a.count ? "MEDIUM" : "HIGH";
  return { suggestion, projected, marksSoFar: a.count, lessonsLeft: facts.lessonsLeft, confidence, steps, risks };
}

/** "чтобы получить 5: ещё две пятёрки" / "4 уже надёжна" — the plain-language line. */
export function describeStep(step: Step): string {
  if (step.kind === "SAFE") {
    if (step.twos === Number.POSITIVE_INFINITY) return `«${step.target}» не опустится ниже.`;
    if (step.twos < 0) return `«${step.target}» пока под угрозой.`;
    return step.twos === 0
      ? `«${step.target}» держится, но следующая двойка её опустит.`
      : `«${step.target}» надёжна: даже ${countWord(step.twos, "двойка", "двойки", "двоек")} её не опустит.`;
  }
  if (step.fives === 0) return `Для «${step.target}» уже достаточно.`;
  const what = `для «${step.target}» нужно ещё ${countWord(step.fives, "пятёрка", "пятёрки", "пятёрок")}`;
  return step.reachable ? `${capitalise(what)}.` : `${capitalise(what)} — до конца периода столько уроков не осталось.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Russian plural: 1 пятёрка, 2 пятёрки, 5 пятёрок, 21 пятёрка. */
export function countWord(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word = mod10 === 1 && mod100 !== 11 ? one : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? few : many;
  return `${n} ${word}`;
}
