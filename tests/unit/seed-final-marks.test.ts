import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addExempt, addMark, emptyTally, gradingPolicy, suggestFinal } from "../../prisma/seed/final-marks";
import { GRADING_POLICY } from "../../prisma/seed/plan";

type Mark = readonly [2 | 3 | 4 | 5, number];

function tally(marks: readonly Mark[], lessons = 10, missed = 0) {
  const t = emptyTally();
  for (const [v, w] of marks) addMark(t, v, w);
  t.lessons = lessons;
  t.missed = missed;
  return t;
}

describe("seeded period marks (through lib/grading)", () => {
  it("reads the seeded school's policy exactly", () => {
    expect(gradingPolicy(GRADING_POLICY, "2026-09-01")).toEqual({
      validFrom: "2026-09-01", thresholds: { 3: 250, 4: 350, 5: 450 }, minMarks: 3, maxAbsenceShare: 50,
    });
  });

  it("rounds at the thresholds, a mean of exactly 4.5 giving 5", () => {
    expect(suggestFinal(tally([[4, 100], [5, 100]]))).toEqual({ kind: "NOT_ATTESTED" });
    expect(suggestFinal(tally([[4, 100], [5, 100], [4, 100], [5, 100]]))).toEqual({ kind: "NUMERIC", value: 5 });
    expect(suggestFinal(tally([[4, 100], [4, 100], [5, 100]]))).toEqual({ kind: "NUMERIC", value: 4 });
    // a test weighs 2: (3·2 + 4 + 4) / 4 = 3.5
    expect(suggestFinal(tally([[3, 200], [4, 100], [4, 100]]))).toEqual({ kind: "NUMERIC", value: 4 });
  });

  it("suggests н/а when too many lessons were missed, осв when exempt", () => {
    expect(suggestFinal(tally([[5, 100], [5, 100], [5, 100]], 10, 5)).kind).toBe("NUMERIC");
    expect(suggestFinal(tally([[5, 100], [5, 100], [5, 100]], 10, 6)).kind).toBe("NOT_ATTESTED");
    const t = tally([]);
    addExempt(t);
    expect(suggestFinal(t)).toEqual({ kind: "EXEMPT" });
  });

  it("agrees with the mean computed as a fraction", () => {
    const mark = fc.tuple(fc.constantFrom<2 | 3 | 4 | 5>(2, 3, 4, 5), fc.constantFrom(100, 150, 200));
    fc.assert(
      fc.property(fc.array(mark, { minLength: 3, maxLength: 30 }), (marks) => {
        const num = marks.reduce((a, [v, w]) => a + v * w, 0);
        const den = marks.reduce((a, [, w]) => a + w, 0);
        const expected = num * 2 >= 9 * den ? 5 : num * 2 >= 7 * den ? 4 : num * 2 >= 5 * den ? 3 : 2;
        expect(suggestFinal(tally(marks))).toEqual({ kind: "NUMERIC", value: expected });
      }),
    );
  });
});
