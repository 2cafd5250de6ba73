/**
 * Exam and final (итоговая) marks in lib/grading: where an exam applies, the final from
 * the year and exam marks (the order on certificates: the mean, rounded the mathematical
 * way, x.5 up), and the year mark's note about missing period marks.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { examFor, finalMarkApplies, type ExamFacts } from "../../lib/grading/exam";
import { missingPeriodsText, suggestFinalMark, suggestYearMark } from "../../lib/grading/finals";
import type { MarkValue } from "../../lib/grading/marks";
import { DEFAULT_POLICY } from "../../lib/grading/policy";

const n = (value: 1 | 2 | 3 | 4 | 5): MarkValue => ({ kind: "NUMERIC", value });

describe("the final mark", () => {
  it.each([
    [4, 5, 5], // 4.5 rounds up
    [5, 4, 5],
    [3, 4, 4], // 3.5 rounds up
    [4, 3, 4],
    [3, 5, 4],
    [2, 3, 3],
    [2, 5, 4], // 3.5
    [5, 2, 4],
    [3, 3, 3],
    [5, 5, 5],
  ] as const)("year %i and exam %i give %i", (year, exam, final) => {
    expect(suggestFinalMark(n(year), n(exam))).toEqual({ mark: n(final), reason: "YEAR_AND_EXAM" });
  });

  it("is the year mark when there was no exam", () => {
    expect(suggestFinalMark(n(4), null)).toEqual({ mark: n(4), reason: "YEAR_ONLY" });
    expect(suggestFinalMark(n(2), null)).toEqual({ mark: n(2), reason: "YEAR_ONLY" });
    expect(suggestFinalMark({ kind: "PASS" }, n(5))).toEqual({ mark: { kind: "PASS" }, reason: "YEAR_ONLY" });
  });

  it("keeps н/а and осв of the year, whatever the exam", () => {
    expect(suggestFinalMark({ kind: "NOT_ATTESTED" }, n(5))).toEqual({ mark: { kind: "NOT_ATTESTED" }, reason: "NOT_ATTESTED" });
    expect(suggestFinalMark({ kind: "NOT_ATTESTED" }, null).mark).toEqual({ kind: "NOT_ATTESTED" });
    expect(suggestFinalMark({ kind: "EXEMPT" }, n(3))).toEqual({ mark: { kind: "EXEMPT" }, reason: "EXEMPT" });
  });

  it("suggests nothing before the year mark is set", () => {
    expect(suggestFinalMark(null, n(5))).toEqual({ mark: null, reason: "NO_YEAR_MARK" });
    expect(suggestFinalMark(null, null).mark).toBeNull();
  });

  const mark = fc.constantFrom<(2 | 3 | 4 | 5)[]>(2, 3, 4, 5);

  it("lies between the year and the exam mark, never further than half a point from their mean", () => {
    fc.assert(
      fc.property(mark, mark, (y, e) => {
        const s = suggestFinalMark(n(y), n(e)).mark;
        if (s?.kind !== "NUMERIC") return false;
        return s.value >= Math.min(y, e) && s.value <= Math.max(y, e) && Math.abs(2 * s.value - (y + e)) <= 1;
      }),
    );
  });

  it("equals the year mark when the exam agrees with it, and does not depend on which is which", () => {
    fc.assert(fc.property(mark, (y) => suggestFinalMark(n(y), n(y)).mark?.kind === "NUMERIC" && (suggestFinalMark(n(y), n(y)).mark as { value: number }).value === y));
    fc.assert(fc.property(mark, mark, (y, e) => JSON.stringify(suggestFinalMark(n(y), n(e)).mark) === JSON.stringify(suggestFinalMark(n(e), n(y)).mark)));
  });

  it("never falls when the exam mark rises", () => {
    fc.assert(
      fc.property(mark, mark, mark, (y, a, b) => {
        const lo = suggestFinalMark(n(y), n(Math.min(a, b) as 2 | 3 | 4 | 5)).mark;
        const hi = suggestFinalMark(n(y), n(Math.max(a, b) as 2 | 3 | 4 | 5)).mark;
        return lo?.kind === "NUMERIC" && hi?.kind === "NUMERIC" && lo.value <= hi.value;
      }),
    );
  });
});

describe("where an exam applies", () => {
  const facts = (grade: number, subjectKind: ExamFacts["subjectKind"], program: ExamFacts["program"]): ExamFacts => ({ grade, subjectKind, program });
  const ooo = { level: "OOO", variant: "NONE" } as const;
  const zpr = { level: "OOO", variant: "AOOP" } as const;
  const soo = { level: "SOO", variant: "NONE" } as const;
  const uo1 = { level: "OOO", variant: "FAOOP_UO_1" } as const;
  const uo2 = { level: "OOO", variant: "FAOOP_UO_2" } as const;
  const sew = { level: "VOCATIONAL", variant: "NONE" } as const;

  it("the state exam: grade 9 on ООО (adapted too), grade 11 on СОО, subjects only", () => {
    expect(examFor(facts(9, "SUBJECT", ooo))).toBe("STATE");
    expect(examFor(facts(9, "SUBJECT", zpr))).toBe("STATE");
    expect(examFor(facts(11, "SUBJECT", soo))).toBe("STATE");
    expect(examFor(facts(8, "SUBJECT", ooo))).toBeNull();
    expect(examFor(facts(10, "SUBJECT", soo))).toBeNull();
    expect(examFor(facts(11, "SUBJECT", ooo))).toBeNull();
    expect(examFor(facts(9, "CORRECTION", ooo))).toBeNull();
    expect(examFor(facts(9, "COURSE", ooo))).toBeNull();
  });

  it("not for ФАООП УО, whose grade 9 ends with the trade exam instead", () => {
    expect(examFor(facts(9, "SUBJECT", uo1))).toBeNull();
    expect(examFor(facts(9, "SUBJECT", uo2))).toBeNull();
    expect(examFor(facts(9, "VOCATIONAL", uo1))).toBe("QUALIFICATION");
    expect(examFor(facts(8, "VOCATIONAL", uo1))).toBeNull();
  });

  it("the qualification exam: a vocational subject of a vocational training program, in any grade", () => {
    expect(examFor(facts(8, "VOCATIONAL", sew))).toBe("QUALIFICATION");
    expect(examFor(facts(10, "VOCATIONAL", sew))).toBe("QUALIFICATION");
    expect(examFor(facts(9, "VOCATIONAL", ooo))).toBeNull();
  });

  it("by the grade alone when the program is not known", () => {
    expect(examFor(facts(9, "SUBJECT", null))).toBe("STATE");
    expect(examFor(facts(11, "SUBJECT", null))).toBe("STATE");
    expect(examFor(facts(5, "SUBJECT", null))).toBeNull();
  });

  it("the final mark: wherever an exam may be, and in the subjects of grades 9 and 11", () => {
    expect(finalMarkApplies(facts(9, "SUBJECT", uo1))).toBe(true);
    expect(finalMarkApplies(facts(8, "VOCATIONAL", sew))).toBe(true);
    expect(finalMarkApplies(facts(9, "CORRECTION", zpr))).toBe(false);
    expect(finalMarkApplies(facts(5, "SUBJECT", ooo))).toBe(false);
    expect(finalMarkApplies(facts(8, "SUBJECT", sew))).toBe(false);
  });
});

describe("the year mark", () => {
  it("is the mean of the confirmed period marks, a tie going to the student", () => {
    expect(suggestYearMark([n(4), n(5)], DEFAULT_POLICY)).toMatchObject({ mark: n(5), reason: "PERIODS_MEAN" });
    expect(suggestYearMark([n(3), n(4), n(4), n(4)], DEFAULT_POLICY).mark).toEqual(n(4));
  });

  it("names the periods with no mark", () => {
    expect(missingPeriodsText([])).toBeNull();
    expect(missingPeriodsText(["2 четверть"])).toBe("нет отметки за 2 четверть");
    expect(missingPeriodsText(["3 четверть", "4 четверть"])).toBe("нет отметок за 3 четверть, 4 четверть");
  });
});
