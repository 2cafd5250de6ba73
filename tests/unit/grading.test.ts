/**
 * lib/grading: table tests from DOMAIN.md's formulas and property tests of the
 * invariants users rely on.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { formatMean, formulaText, meanAtLeast, weightedAverage, type WeightedMark } from "../../lib/grading/average";
import { hundredths, parseCellInput, type MarkValue } from "../../lib/grading/marks";
import { markFromAverage, suggestPeriodMark, suggestYearMark } from "../../lib/grading/finals";
import { DEFAULT_POLICY, policyOn, validatePolicy, type GradingPolicy } from "../../lib/grading/policy";
import { cohortStatistics, formatFraction } from "../../lib/grading/statistics";
import { countWord, describeStep, fivesNeeded, forecastPeriod, twosAbsorbed } from "../../lib/grading/forecast";

const n = (value: 1 | 2 | 3 | 4 | 5, weight = 100): WeightedMark => ({ mark: { kind: "NUMERIC", value }, weight });
const special = (kind: "PASS" | "FAIL" | "NOT_ATTESTED" | "EXEMPT", weight = 100): WeightedMark => ({ mark: { kind }, weight });

describe("weighted average", () => {
  it("spells out DOMAIN's example: (5×2 + 4×1 + 3×1) / 4 = 4,25", () => {
    const a = weightedAverage([n(5, 200), n(4), n(3)]);
    expect(formulaText(a)).toBe("(5×2 + 4×1 + 3×1) / 4 = 4,25");
  });

  it("handles fractional weights exactly: (5×1,5 + 2×1) / 2,5 = 3,80", () => {
    const a = weightedAverage([n(5, 150), n(2, 100)]);
    expect(formulaText(a)).toBe("(5×1,5 + 2×1) / 2,5 = 3,80");
  });

  it("rounds only when shown, half up: 4.445 is 4,45 — no float drift", () => {
    // 3 marks of weight 1 and the rest chosen so the exact mean is 4.445: sum/weight = 889/200
    expect(formatMean({ sum: 889, weight: 200 })).toBe("4,45");
    expect(formatMean({ sum: 1, weight: 3 })).toBe("0,33");
    expect(formatMean({ sum: 2, weight: 3 })).toBe("0,67");
    expect(formatMean({ sum: 0, weight: 0 })).toBe("—");
  });

  it("never counts н/а, осв, зач, незач or text", () => {
    const a = weightedAverage([n(5), special("NOT_ATTESTED"), special("EXEMPT"), special("PASS"), special("FAIL"), { mark: { kind: "DESCRIPTIVE", text: "молодец" }, weight: 100 }]);
    expect(a.count).toBe(1);
    expect(formatMean(a)).toBe("5,00");
  });

  const marksArb = fc.array(
    fc.record({ value: fc.constantFrom<(1 | 2 | 3 | 4 | 5)[]>(1, 2, 3, 4, 5), weight: fc.constantFrom(50, 100, 150, 200, 300) }),
    { minLength: 1, maxLength: 40 },
  );

  it("does not depend on the order of marks (property)", () => {
    fc.assert(
      fc.property(marksArb, fc.integer(), (ms, seed) => {
        const a = weightedAverage(ms.map((m) => n(m.value, m.weight)));
        const shuffled = [...ms].sort((x, y) => ((x.value * 31 + x.weight + seed) % 7) - ((y.value * 31 + y.weight + seed) % 7));
        const b = weightedAverage(shuffled.map((m) => n(m.value, m.weight)));
        return a.sum === b.sum && a.weight === b.weight;
      }),
    );
  });

  it("adding a 5 never lowers the average; adding a 1 never raises it (property)", () => {
    fc.assert(
      fc.property(marksArb, fc.constantFrom(50, 100, 200), (ms, w) => {
        const before = weightedAverage(ms.map((m) => n(m.value, m.weight)));
        const withFive = weightedAverage([...ms.map((m) => n(m.value, m.weight)), n(5, w)]);
        const withTwo = weightedAverage([...ms.map((m) => n(m.value, m.weight)), n(1, w)]);
        // a/b ≤ c/d ⇔ a·d ≤ c·b for positive denominators
        return before.sum * withFive.weight <= withFive.sum * before.weight && withTwo.sum * before.weight <= before.sum * withTwo.weight;
      }),
    );
  });

  it("special values never change the average (property)", () => {
    fc.assert(
      fc.property(marksArb, fc.array(fc.constantFrom("PASS", "FAIL", "NOT_ATTESTED", "EXEMPT") as fc.Arbitrary<"PASS">), (ms, sp) => {
        const a = weightedAverage(ms.map((m) => n(m.value, m.weight)));
        const b = weightedAverage([...ms.map((m) => n(m.value, m.weight)), ...sp.map((k) => special(k))]);
        return a.sum === b.sum && a.weight === b.weight && a.count === b.count;
      }),
    );
  });
});

describe("suggested period mark", () => {
  const policy = (t3: number, t4: number, t5: number, minMarks = 3): GradingPolicy => ({ ...DEFAULT_POLICY, thresholds: { 3: t3, 4: t4, 5: t5 }, minMarks });

  it.each([
    // mean,   2.5/3.5/4.5, 2.6/3.6/4.6, 2.65/3.65/4.65
    [[5, 4], [5, 4, 4, 4], 4.25, 4, 4, 4],
    [[4, 5], [4, 5, 5, 4], 4.5, 5, 4, 4],
    [[3, 4], [3, 4, 4, 4, 4, 3, 4, 4, 4, 4], 3.8, 4, 4, 4],
    [[3, 4], [3, 4, 3, 4, 3, 4, 4, 4, 3, 4], 3.6, 4, 4, 3],
    [[2, 3], [2, 3, 3, 2], 2.5, 3, 2, 2],
  ] as const)("%j: marks %j, mean %s → %s / %s / %s by the three threshold sets", (_label, marks, mean, a, b, c) => {
    const ms = marks.map((v) => n(v));
    const avg = weightedAverage(ms);
    expect(avg.sum / avg.weight).toBeCloseTo(mean, 10);
    expect(suggestPeriodMark({ marks: ms, lessonsHeld: 10, lessonsMissed: 0 }, policy(250, 350, 450)).mark).toEqual({ kind: "NUMERIC", value: a });
    expect(suggestPeriodMark({ marks: ms, lessonsHeld: 10, lessonsMissed: 0 }, policy(260, 360, 460)).mark).toEqual({ kind: "NUMERIC", value: b });
    expect(suggestPeriodMark({ marks: ms, lessonsHeld: 10, lessonsMissed: 0 }, policy(265, 365, 465)).mark).toEqual({ kind: "NUMERIC", value: c });
  });

  it("suggests н/а with fewer marks than the school's minimum", () => {
    const s = suggestPeriodMark({ marks: [n(5), n(5)], lessonsHeld: 20, lessonsMissed: 0 }, DEFAULT_POLICY);
    expect(s.mark).toEqual({ kind: "NOT_ATTESTED" });
    expect(s.reason).toBe("TOO_FEW_MARKS");
  });

  it("suggests н/а when more than the allowed share of lessons was missed", () => {
    const s = suggestPeriodMark({ marks: [n(5), n(5), n(4), n(4)], lessonsHeld: 20, lessonsMissed: 11 }, DEFAULT_POLICY);
    expect(s.reason).toBe("TOO_MANY_ABSENCES");
    const exactlyHalf = suggestPeriodMark({ marks: [n(5), n(5), n(4), n(4)], lessonsHeld: 20, lessonsMissed: 10 }, DEFAULT_POLICY);
    expect(exactlyHalf.mark).toEqual({ kind: "NUMERIC", value: 5 });
  });

  it("an exempt student is осв, not н/а", () => {
    expect(suggestPeriodMark({ marks: [special("EXEMPT")], lessonsHeld: 20, lessonsMissed: 0 }, DEFAULT_POLICY).mark).toEqual({ kind: "EXEMPT" });
  });

  it("thresholds are monotone: a higher mean never gets a lower mark (property)", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), fc.integer({ min: 1, max: 10_000 }), (s1, s2, w) => {
        const lo = Math.min(s1, s2) % (500 * w + 1);
        const hi = Math.max(s1, s2) % (500 * w + 1);
        const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
        return markFromAverage({ sum: a, weight: w }, DEFAULT_POLICY) <= markFromAverage({ sum: b, weight: w }, DEFAULT_POLICY);
      }),
    );
  });

  it("exact threshold comparison: mean exactly 3.5 reaches «4» at 3.5 but not at 3.51", () => {
    expect(meanAtLeast({ sum: 700, weight: 200 }, 350)).toBe(true);
    expect(meanAtLeast({ sum: 700, weight: 200 }, 351)).toBe(false);
  });
});

describe("year mark", () => {
  it("is the mean of the period marks, a tie going to the student", () => {
    const q = (v: 2 | 3 | 4 | 5): MarkValue => ({ kind: "NUMERIC", value: v });
    expect(suggestYearMark([q(4), q(5), q(4), q(5)], DEFAULT_POLICY).mark).toEqual({ kind: "NUMERIC", value: 5 });
    expect(suggestYearMark([q(3), q(4), q(4), q(3)], DEFAULT_POLICY).mark).toEqual({ kind: "NUMERIC", value: 4 });
    expect(suggestYearMark([q(3), q(3), q(4), q(3)], DEFAULT_POLICY).mark).toEqual({ kind: "NUMERIC", value: 3 });
    expect(suggestYearMark([{ kind: "NOT_ATTESTED" }, q(4), q(4), q(5)], DEFAULT_POLICY).mark).toEqual({ kind: "NUMERIC", value: 4 });
    expect(suggestYearMark([{ kind: "NOT_ATTESTED" }, { kind: "NOT_ATTESTED" }], DEFAULT_POLICY).mark).toEqual({ kind: "NOT_ATTESTED" });
    expect(suggestYearMark([{ kind: "EXEMPT" }, { kind: "EXEMPT" }], DEFAULT_POLICY).mark).toEqual({ kind: "EXEMPT" });
  });
});

describe("policies", () => {
  it("the version in force on a day is the latest that started by then", () => {
    const a = { ...DEFAULT_POLICY, validFrom: "2025-09-01" };
    const b = { ...DEFAULT_POLICY, validFrom: "2026-09-01", minMarks: 5 };
    expect(policyOn([b, a], "2026-08-31")).toBe(a);
    expect(policyOn([a, b], "2026-09-01")).toBe(b);
    expect(policyOn([a, b], "2020-01-01")).toBeNull();
  });
  it("refuses thresholds that do not rise", () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual([]);
    expect(validatePolicy({ ...DEFAULT_POLICY, thresholds: { 3: 350, 4: 350, 5: 450 } })).toHaveLength(1);
  });
  it("reads decimal settings exactly", () => {
    expect(hundredths("1.50")).toBe(150);
    expect(hundredths("2.65")).toBe(265);
    expect(hundredths("2")).toBe(200);
    expect(hundredths(0.29)).toBe(29);
    expect(() => hundredths("abc")).toThrow();
  });
});

describe("cell input", () => {
  it.each([
    ["5", "FIVE_POINT", { type: "marks", marks: [{ kind: "NUMERIC", value: 5 }] }],
    ["4/5", "FIVE_POINT", { type: "marks", marks: [{ kind: "NUMERIC", value: 4 }, { kind: "NUMERIC", value: 5 }] }],
    ["н", "FIVE_POINT", { type: "attendance", code: "ABSENT" }],
    ["Б", "FIVE_POINT", { type: "attendance", code: "ILL" }],
    ["у", "PASS_FAIL", { type: "attendance", code: "EXCUSED" }],
    ["оп", "FIVE_POINT", { type: "attendance", code: "LATE" }],
    ["y", "FIVE_POINT", { type: "attendance", code: "ABSENT" }],
    ["н/а", "FIVE_POINT", { type: "marks", marks: [{ kind: "NOT_ATTESTED" }] }],
    ["осв", "FIVE_POINT", { type: "marks", marks: [{ kind: "EXEMPT" }] }],
    ["зач", "PASS_FAIL", { type: "marks", marks: [{ kind: "PASS" }] }],
    ["незач", "PASS_FAIL", { type: "marks", marks: [{ kind: "FAIL" }] }],
    ["Читает по слогам", "DESCRIPTIVE", { type: "marks", marks: [{ kind: "DESCRIPTIVE", text: "Читает по слогам" }] }],
    ["  ", "FIVE_POINT", { type: "clear" }],
  ] as const)("%s on %s", (input, scale, expected) => {
    expect(parseCellInput(input, scale)).toEqual(expected);
  });

  it.each([
    ["6", "FIVE_POINT"],
    ["4/5/3", "FIVE_POINT"],
    ["зач", "FIVE_POINT"],
    ["5", "PASS_FAIL"],
    ["5", "NONE"],
    ["x", "FIVE_POINT"],
  ] as const)("refuses %s on %s with a Russian message", (input, scale) => {
    const r = parseCellInput(input, scale);
    expect(r.type).toBe("invalid");
    if (r.type === "invalid") expect(r.message).toMatch(/[а-я]/);
  });
});

describe("statistics (R5)", () => {
  it("follows DOMAIN's formulas: exempt not counted, н/а counted", () => {
    const f = (v: 2 | 3 | 4 | 5): MarkValue => ({ kind: "NUMERIC", value: v });
    // 10 students: 2×5, 3×4, 3×3, 1×2, 1×н/а, plus 1 exempt not counted
    const finals: MarkValue[] = [f(5), f(5), f(4), f(4), f(4), f(3), f(3), f(3), f(2), { kind: "NOT_ATTESTED" }, { kind: "EXEMPT" }];
    const s = cohortStatistics(finals);
    expect(s.n).toBe(10);
    expect(formatFraction(s.successRate)).toBe("80,0"); // 8 of 10 without 2 and н/а
    expect(formatFraction(s.qualityRate)).toBe("50,0"); // 5 of 10 with only 4 and 5
    expect(formatFraction(s.mean, 2)).toBe("3,67"); // (10 + 12 + 9 + 2) / 9
    // СОУ = (2·100 + 3·64 + 3·36 + 1·16 + 1·7) / 10 = 52,3 %
    expect(formatFraction(s.sou)).toBe("52,3");
  });
  it("says — for an empty cohort", () => {
    expect(formatFraction(cohortStatistics([]).successRate)).toBe("—");
  });
  it("a pass/fail subject: «зач» and «незач» count in N and успеваемость only; качество, средний балл, СОУ are «—»", () => {
    const PASS: MarkValue = { kind: "PASS" };
    const FAIL: MarkValue = { kind: "FAIL" };
    const four = cohortStatistics([PASS, PASS, PASS, PASS]);
    expect([four.n, four.graded]).toEqual([4, 0]);
    expect([formatFraction(four.successRate), formatFraction(four.qualityRate), formatFraction(four.mean, 2), formatFraction(four.sou)]).toEqual(["100,0", "—", "—", "—"]);
    // 2 «зач», 1 «незач», 1 н/а of that subject: 2 of 4 succeed; still no five-point base
    const s = cohortStatistics([PASS, PASS, FAIL, { kind: "NOT_ATTESTED" }]);
    expect([s.n, s.graded, s.counts.pass, s.counts.fail, s.counts.notAttested]).toEqual([4, 0, 2, 1, 1]);
    expect([formatFraction(s.successRate), formatFraction(s.qualityRate), formatFraction(s.sou)]).toEqual(["50,0", "—", "—"]);
  });
  it("«зач» does not pull the качество and СОУ of five-point marks down", () => {
    const f = (v: 4 | 5): MarkValue => ({ kind: "NUMERIC", value: v });
    // all «5» and a pass/fail subject: СОУ 100 %, not 200 / 4 = 50 %
    const s = cohortStatistics([f(5), f(5), { kind: "PASS" }, { kind: "PASS" }]);
    expect([s.n, s.graded]).toEqual([4, 2]);
    expect([formatFraction(s.successRate), formatFraction(s.qualityRate), formatFraction(s.mean, 2), formatFraction(s.sou)]).toEqual(["100,0", "100,0", "5,00", "100,0"]);
    // 5, 4, н/а and a «незач»: 2 of 4 succeed; качество 2 of 3, mean 9 / 2, СОУ (100 + 64 + 7) / 3 = 57,0
    const m = cohortStatistics([f(5), f(4), { kind: "NOT_ATTESTED" }, { kind: "FAIL" }]);
    expect([formatFraction(m.successRate), formatFraction(m.qualityRate), formatFraction(m.mean, 2), formatFraction(m.sou)]).toEqual(["50,0", "66,7", "4,50", "57,0"]);
  });
});

describe("forecast (R4)", () => {
  it("counts the fives needed and the twos a mark can absorb, exactly", () => {
    // marks 4, 4, 4: mean 4; to reach 4.5 need k with (12+5k)/(3+k) ≥ 4.5 → k ≥ 3
    const a = weightedAverage([n(4), n(4), n(4)]);
    expect(fivesNeeded(a, 450)).toBe(3);
    // stay ≥ 3.5 with j twos: (12+2j)/(3+j) ≥ 3.5 → j ≤ 1
    expect(twosAbsorbed(a, 350)).toBe(1);
  });

  it("«to get 5: three more fives», «4 is safe with one two»", () => {
    const fc4 = forecastPeriod({ marks: [n(4), n(4), n(4)], lessonsHeld: 10, lessonsMissed: 0, lessonsLeft: 8 }, DEFAULT_POLICY);
    expect(fc4.projected).toBe(4);
    expect(fc4.steps.map(describeStep)).toEqual([
      "«4» надёжна: даже 1 двойка её не опустит.",
      "Для «5» нужно ещё 3 пятёрки.",
    ]);
    expect(fc4.risks).toEqual([]);
  });

  it("flags an unreachable target and a projected 2", () => {
    const f = forecastPeriod({ marks: [n(2), n(2), n(3)], lessonsHeld: 15, lessonsMissed: 0, lessonsLeft: 2 }, DEFAULT_POLICY);
    expect(f.projected).toBe(2);
    expect(f.risks).toContain("PROJECTED_TWO");
    const to3 = f.steps.find((s) => s.target === 3);
    expect(to3).toEqual({ target: 3, kind: "NEED_FIVES", fives: 1, reachable: true });
    const to5 = f.steps.find((s) => s.target === 5);
    expect(to5?.kind === "NEED_FIVES" && to5.reachable).toBe(false);
  });

  it("with no marks yet: nothing projected, the minimum number of marks is what it takes", () => {
    const f = forecastPeriod({ marks: [], lessonsHeld: 2, lessonsMissed: 0, lessonsLeft: 10 }, DEFAULT_POLICY);
    expect(f.projected).toBeNull();
    expect(f.confidence).toBe("LOW");
    expect(f.steps.map((s) => (s.kind === "NEED_FIVES" ? s.fives : -1))).toEqual([3, 3, 3]);
  });

  it("with only special values: no numeric projection, н/а risk near the end", () => {
    const f = forecastPeriod({ marks: [special("PASS"), special("NOT_ATTESTED")], lessonsHeld: 20, lessonsMissed: 0, lessonsLeft: 1 }, DEFAULT_POLICY);
    expect(f.projected).toBeNull();
    expect(f.risks).toContain("TOO_FEW_MARKS");
  });

  it("writes Russian plurals", () => {
    expect(countWord(1, "пятёрка", "пятёрки", "пятёрок")).toBe("1 пятёрка");
    expect(countWord(3, "пятёрка", "пятёрки", "пятёрок")).toBe("3 пятёрки");
    expect(countWord(11, "пятёрка", "пятёрки", "пятёрок")).toBe("11 пятёрок");
    expect(countWord(22, "пятёрка", "пятёрки", "пятёрок")).toBe("22 пятёрки");
  });
});
