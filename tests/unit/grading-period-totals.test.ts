/**
 * The region-wide computation sums marks in the database the way totalsOf below does
 * (numeric marks with a positive weight) and decides from the totals (suggestFromTotals);
 * the journal decides from the list of marks (suggestPeriodMark). They must agree on
 * every input, or a family would see one mark in the diary and another in the statistics.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { suggestFromTotals, suggestPeriodMark } from "@/lib/grading/finals";
import type { WeightedMark } from "@/lib/grading/average";
import type { MarkValue } from "@/lib/grading/marks";
import { DEFAULT_POLICY, type GradingPolicy } from "@/lib/grading/policy";

const markArb: fc.Arbitrary<MarkValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<(1 | 2 | 3 | 4 | 5)[]>(1, 2, 3, 4, 5).map((value): MarkValue => ({ kind: "NUMERIC", value })) },
  { weight: 1, arbitrary: fc.constantFrom<MarkValue[]>({ kind: "EXEMPT" }, { kind: "PASS" }, { kind: "FAIL" }, { kind: "NOT_ATTESTED" }) },
);
const marksArb = fc.array(fc.record({ mark: markArb, weight: fc.constantFrom(0, 50, 100, 150, 200, 300) }), { maxLength: 30 });
const policyArb: fc.Arbitrary<GradingPolicy> = fc
  .record({ t3: fc.integer({ min: 201, max: 300 }), step: fc.integer({ min: 50, max: 100 }), minMarks: fc.integer({ min: 0, max: 6 }), share: fc.integer({ min: 10, max: 100 }) })
  .map(({ t3, step, minMarks, share }) => ({ validFrom: "2026-09-01", thresholds: { 3: t3, 4: t3 + step, 5: t3 + 2 * step }, minMarks, maxAbsenceShare: share }));

/** What the SQL of lib/journal/finals-batch-query.ts sums, written out independently. */
function totalsOf(marks: readonly WeightedMark[], lessonsHeld: number, lessonsMissed: number) {
  let sum = 0;
  let weight = 0;
  let count = 0;
  for (const { mark, weight: w } of marks) {
    if (mark.kind !== "NUMERIC" || w <= 0) continue;
    sum += mark.value * w;
    weight += w;
    count++;
  }
  return { sum, weight, count, exempt: marks.some((m) => m.mark.kind === "EXEMPT"), lessonsHeld, lessonsMissed };
}

describe("suggested period mark from totals", () => {
  it("agrees with the suggestion from the list of marks (property)", () => {
    fc.assert(
      fc.property(marksArb, policyArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (marks, policy, held, missedRaw) => {
        const missed = Math.min(missedRaw, held);
        const fromList = suggestPeriodMark({ marks, lessonsHeld: held, lessonsMissed: missed }, policy);
        const fromTotals = suggestFromTotals(totalsOf(marks, held, missed), policy);
        expect(fromTotals).toEqual({ mark: fromList.mark, reason: fromList.reason });
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the examples of DOMAIN.md", () => {
    const t = (sum: number, weight: number, count: number) => ({ sum, weight, count, exempt: false, lessonsHeld: 20, lessonsMissed: 2 });
    // (5×2 + 4×1 + 3×1) / 4 = 4.25 → 4 at 4.5
    expect(suggestFromTotals(t(1700, 400, 3), DEFAULT_POLICY).mark).toEqual({ kind: "NUMERIC", value: 4 });
    // 4.5 exactly reaches the threshold
    expect(suggestFromTotals(t(900, 200, 3), DEFAULT_POLICY).mark).toEqual({ kind: "NUMERIC", value: 5 });
    // two marks under a minimum of three → н/а
    expect(suggestFromTotals(t(1000, 200, 2), DEFAULT_POLICY)).toEqual({ mark: { kind: "NOT_ATTESTED" }, reason: "TOO_FEW_MARKS" });
    // 11 of 20 missed is over half → н/а, whatever the marks
    expect(suggestFromTotals({ ...t(1500, 300, 3), lessonsMissed: 11 }, DEFAULT_POLICY).reason).toBe("TOO_MANY_ABSENCES");
    // exempt with no numeric mark → осв
    expect(suggestFromTotals({ ...t(0, 0, 0), exempt: true }, DEFAULT_POLICY).mark).toEqual({ kind: "EXEMPT" });
  });
});
