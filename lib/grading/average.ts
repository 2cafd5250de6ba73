/**
 * The weighted average of a student's marks, computed exactly: Σ(value × weight) and
 * Σ weight are integers (weights in hundredths), the mean is their ratio, and it is
 * rounded only when shown. The formula is kept so that a parent can see why.
 */
import { isNumeric, type MarkValue } from "@/lib/grading/marks";

export type WeightedMark = { mark: MarkValue; weight: number /* hundredths */ };

export type Average = {
  /** Σ value × weight, in hundredths */
  sum: number;
  /** Σ weight, in hundredths */
  weight: number;
  /** how many numeric marks */
  count: number;
  terms: { value: number; weight: number }[];
};

export function weightedAverage(marks: readonly WeightedMark[]): Average {
  let sum = 0;
  let weight = 0;
  const terms: { value: number; weight: number }[] = [];
  for (const { mark, weight: w } of marks) {
    if (!isNumeric(mark) || w <= 0) continue;
    sum += mark.value * w;
    weight += w;
    terms.push({ value: mark.value, weight: w });
  }
  return { sum, weight, count: terms.length, terms };
}

/** The mean as a number, for charts only; decisions use the exact comparisons below. */
export function meanOf(a: Average): number | null {
  return a.weight > 0 ? a.sum / a.weight : null;
}

/** mean ≥ threshold (in hundredths), exactly: sum/weight ≥ t/100 ⇔ 100·sum ≥ t·weight. */
export function meanAtLeast(a: { sum: number; weight: number }, thresholdHundredths: number): boolean {
  return a.weight > 0 && 100 * a.sum >= thresholdHundredths * a.weight;
}

/**
 * The mean rounded half-up to `decimals` places, as text with a decimal comma
 * ("4,25"), from integers only.
 */
export function formatMean(a: { sum: number; weight: number }, decimals = 2, comma = ","): string {
  if (a.weight <= 0) return "—";
  const scale = 10 ** decimals;
  // round(sum/weight × scale) half-up, in integers
  const scaled = Math.floor((2 * a.sum * scale + a.weight) / (2 * a.weight));
  const whole = Math.floor(scaled / scale);
  const frac = String(scaled % scale).padStart(decimals, "0");
  return decimals > 0 ? `${whole}${comma}${frac}` : String(whole);
}

/** A weight in hundredths as the journal writes it: 200 → «2», 150 → «1,5», 125 → «1,25». */
export function formatWeight(w: number): string {
  return w % 100 === 0 ? String(w / 100) : (w / 100).toFixed(2).replace(/0$/, "").replace(".", ",");
}

/** "(5×2 + 4×1 + 3×1) / 4 = 4,25": the average spelled out, marks grouped in order. */
export function formulaText(a: Average): string {
  if (a.count === 0) return "нет отметок";
  const products = a.terms.map((t) => `${t.value}×${formatWeight(t.weight)}`).join(" + ");
  return `(${products}) / ${formatWeight(a.weight)} = ${formatMean(a)}`;
}
