/**
 * The conversion of a primary score to a mark by the year's scale, the scale's own
 * checks (0 ≤ «3» ≤ «4» ≤ «5» ≤ max) and the exam names the exam centre writes.
 */
import { describe, expect, it } from "vitest";

import { isValidScale, markFor, parseExamKind, scaleProblems } from "../../lib/exams/scale";

// ОГЭ по математике 2025: 0–7 «2», 8–14 «3», 15–21 «4», 22–31 «5»
const math = { maxScore: 31, min3: 8, min4: 15, min5: 22 };

describe("markFor", () => {
  it("gives the mark from each threshold up, and 2 below the one for 3", () => {
    expect([0, 7, 8, 14, 15, 21, 22, 31].map((s) => markFor(s, math))).toEqual([2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("refuses a score above the maximum, below zero or not whole", () => {
    expect(markFor(32, math)).toBeNull();
    expect(markFor(-1, math)).toBeNull();
    expect(markFor(8.5, math)).toBeNull();
  });

  it("equal thresholds skip a mark: a pass/fail vocational exam with 3 from 60 and 5 from 60", () => {
    const s = { maxScore: 100, min3: 60, min4: 60, min5: 60 };
    expect(markFor(59, s)).toBe(2);
    expect(markFor(60, s)).toBe(5);
  });

  it("a wrong scale converts nothing", () => {
    expect(markFor(10, { maxScore: 31, min3: 15, min4: 8, min5: 22 })).toBeNull();
  });
});

describe("scaleProblems", () => {
  it("a right scale has none", () => {
    expect(scaleProblems(math)).toEqual({});
    expect(isValidScale({ maxScore: 1, min3: 0, min4: 0, min5: 0 })).toBe(true);
  });

  it("names the field that breaks the order, in Russian", () => {
    expect(scaleProblems({ maxScore: 31, min3: 15, min4: 8, min5: 22 })).toEqual({ min4: "Балл для «4» не может быть меньше балла для «3»." });
    expect(scaleProblems({ maxScore: 31, min3: 8, min4: 25, min5: 22 })).toEqual({ min5: "Балл для «5» не может быть меньше балла для «4»." });
    expect(scaleProblems({ maxScore: 20, min3: 8, min4: 15, min5: 22 })).toEqual({ min5: "Балл для «5» не может быть больше максимального (20)." });
  });

  it("a maximum of zero or a negative or fractional threshold is refused", () => {
    expect(Object.keys(scaleProblems({ maxScore: 0, min3: 0, min4: 0, min5: 0 }))).toEqual(["maxScore"]);
    expect(Object.keys(scaleProblems({ maxScore: 31, min3: -1, min4: 2.5, min5: 22 }))).toEqual(["min3", "min4"]);
  });
});

describe("parseExamKind", () => {
  it("reads the names the exam centre and a secretary write", () => {
    expect(["ОГЭ", "огэ", " ОГЭ-9 ", "ГВЭ", "гвэ", "ПО", "по", "Квалификационный экзамен"].map(parseExamKind)).toEqual([
      "OGE", "OGE", "OGE", "GVE", "GVE", "VOCATIONAL", "VOCATIONAL", "VOCATIONAL",
    ]);
  });

  it("anything else is unknown", () => {
    expect(parseExamKind("ЕГЭ")).toBeNull();
    expect(parseExamKind("")).toBeNull();
  });
});
