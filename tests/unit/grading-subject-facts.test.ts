/**
 * The per-subject computation the family's diary and the paper extract share
 * (lib/grading/subject-facts.ts), on a small hand-made term: which subjects appear and on
 * which scale, which lessons count, what a miss is, the weighted average and the forecast.
 */
import { describe, expect, it } from "vitest";

import { formatMean, formulaText } from "../../lib/grading/average";
import { DEFAULT_POLICY } from "../../lib/grading/policy";
import { forecastApplies, KIND_ORDER, periodUnderWay, subjectFacts, type FactsMark, type SubjectFactsInput } from "../../lib/grading/subject-facts";

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

let next = 0;
function mark(subjectId: string, kind: string, value: number | null, weight = "1.00"): FactsMark & { id: string } {
  next += 1;
  return { id: `m${next}`, subjectId, subjectName: subjectId === "math" ? "Математика" : subjectId, kind, value, text: null, workType: { weight } };
}

// The student is in class 5а all term and in the group «5а-1» (a group of the class) from 1 November.
const stays = [
  { cohortId: "5a", start: "2025-09-01", end: null },
  { cohortId: "5a-1", start: "2025-11-01", end: null },
];
const items: SubjectFactsInput<FactsMark>["items"] = [
  { cohortId: "5a", subjectId: "math", scale: "FIVE_POINT", subject: { name: "Математика" } },
  { cohortId: "5a", subjectId: "pe", scale: "PASS_FAIL", subject: { name: "Физкультура" } },
  // the group's own item: «Труд» is on the five-point scale in the class, descriptive in the group
  { cohortId: "class-of-group", subjectId: "craft", scale: "FIVE_POINT", subject: { name: "Труд" } },
  { cohortId: "5a-1", subjectId: "craft", scale: "DESCRIPTIVE", subject: { name: "Труд" } },
  // no marks on this scale, and none given: the subject is left out
  { cohortId: "5a", subjectId: "hour", scale: "NONE", subject: { name: "Классный час" } },
];
const lessons: SubjectFactsInput<FactsMark>["lessons"] = [
  { id: "l1", cohortId: "5a", subjectId: "math", date: day("2025-11-03"), status: "HELD" },
  { id: "l2", cohortId: "5a", subjectId: "math", date: day("2025-11-05"), status: "HELD" },
  { id: "l3", cohortId: "5a", subjectId: "math", date: day("2025-11-07"), status: "HELD" },
  { id: "l4", cohortId: "5a", subjectId: "math", date: day("2025-11-10"), status: "HELD" },
  { id: "l5", cohortId: "5a", subjectId: "math", date: day("2025-12-15"), status: "PLANNED" },
  { id: "l6", cohortId: "5a", subjectId: "math", date: day("2025-12-17"), status: "PLANNED" },
  // the group's lesson before the student joined it does not count
  { id: "g1", cohortId: "5a-1", subjectId: "craft", date: day("2025-10-20"), status: "HELD" },
  { id: "g2", cohortId: "5a-1", subjectId: "craft", date: day("2025-11-20"), status: "HELD" },
  { id: "p1", cohortId: "5a", subjectId: "pe", date: day("2025-11-04"), status: "HELD" },
];
const marks = [
  mark("math", "NUMERIC", 5, "2.00"), // a test: weight 2
  mark("math", "NUMERIC", 4),
  mark("math", "NUMERIC", 3),
  mark("math", "NOT_ATTESTED", null), // never enters the average
  mark("pe", "PASS", null),
];
const base: SubjectFactsInput<FactsMark & { id: string }> = {
  stays,
  items,
  marks,
  lessons,
  // l2 missed (ill), l3 late («оп» is not a miss), g1 before the group: not counted either way
  absences: [{ lessonId: "l2", code: "ILL" }, { lessonId: "l3", code: "LATE" }, { lessonId: "g1", code: "ABSENT" }],
  period: { kind: "QUARTER", endDate: "2025-12-26" },
  today: "2025-12-01",
  policy: DEFAULT_POLICY,
};

describe("subjectFacts", () => {
  const facts = subjectFacts(base);
  const bySubject = new Map(facts.map((f) => [f.subjectId, f]));

  it("lists the curriculum's subjects by name, the group's own item deciding the scale, and leaves out a subject without marks on no scale", () => {
    expect(facts.map((f) => [f.name, f.scale])).toEqual([
      ["Математика", "FIVE_POINT"],
      ["Труд", "DESCRIPTIVE"],
      ["Физкультура", "PASS_FAIL"],
    ]);
  });

  it("weighs the marks: (5×2 + 4×1 + 3×1) / 4 = 4,25, н/а left out", () => {
    const math = bySubject.get("math");
    const average = math?.suggestion?.average;
    expect(average && formulaText(average)).toBe("(5×2 + 4×1 + 3×1) / 4 = 4,25");
    expect(math?.marks.map((m) => m.id)).toEqual(marks.slice(0, 4).map((m) => m.id));
    expect(math?.suggestion?.mark).toEqual({ kind: "NUMERIC", value: 4 });
    expect(math?.suggestion?.reason).toBe("MEAN");
  });

  it("counts held, missed (not «оп») and remaining lessons while the student was in the cohort", () => {
    expect(bySubject.get("math")).toMatchObject({ lessonsHeld: 4, lessonsMissed: 1, lessonsLeft: 2 });
    expect(bySubject.get("craft")).toMatchObject({ lessonsHeld: 1, lessonsMissed: 0, lessonsLeft: 0 });
  });

  it("gives a pass/fail subject no average and no forecast", () => {
    const pe = bySubject.get("pe");
    expect(pe?.marks).toHaveLength(1);
    expect(pe?.suggestion).toBeNull();
    expect(pe?.forecast).toBeNull();
  });

  it("forecasts a five-point subject of a term under way", () => {
    const f = bySubject.get("math")?.forecast;
    expect(f?.forecast).toMatchObject({ projected: 4, marksSoFar: 3, lessonsLeft: 2 });
    expect(f?.text.headline).toContain("4");
  });

  it("gives no forecast for the year, a period that has ended, or a range of days", () => {
    for (const period of [{ kind: "YEAR" as const, endDate: "2026-05-31" }, { kind: "QUARTER" as const, endDate: "2025-11-30" }, null]) {
      expect(subjectFacts({ ...base, period }).every((f) => f.forecast === null)).toBe(true);
    }
  });

  it("shows a subject with a mark but no curriculum item on the five-point scale", () => {
    const extra = mark("art", "NUMERIC", 5);
    const art = subjectFacts({ ...base, marks: [...marks, extra] }).find((f) => f.subjectId === "art");
    expect(art).toMatchObject({ name: "art", scale: "FIVE_POINT", lessonsHeld: 0 });
    expect(art?.suggestion && formatMean(art.suggestion.average)).toBe("5,00");
  });
});

describe("reporting periods", () => {
  const periods = [
    { id: "q1", kind: "QUARTER" as const, startDate: "2025-09-01", endDate: "2025-10-26" },
    { id: "q2", kind: "QUARTER" as const, startDate: "2025-11-05", endDate: "2025-12-28" },
    { id: "y", kind: "YEAR" as const, startDate: "2025-09-01", endDate: "2026-05-31" },
  ];

  it("opens the term under way, else the last begun, else the first; the year only without terms", () => {
    expect(periodUnderWay(periods, "2025-11-10")?.id).toBe("q2");
    expect(periodUnderWay(periods, "2025-11-01")?.id).toBe("q1"); // the holidays: the last begun
    expect(periodUnderWay(periods, "2025-08-20")?.id).toBe("q1");
    expect(periodUnderWay(periods.filter((x) => x.kind === "YEAR"), "2025-10-01")?.id).toBe("y");
    expect(periodUnderWay([], "2025-10-01")).toBeUndefined();
  });

  it("orders terms before the year", () => {
    expect([...periods].reverse().sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]).at(-1)?.id).toBe("y");
  });

  it("forecasts only a term not yet over", () => {
    expect(forecastApplies({ kind: "QUARTER", endDate: "2025-12-28" }, "2025-12-28")).toBe(true);
    expect(forecastApplies({ kind: "QUARTER", endDate: "2025-12-28" }, "2025-12-29")).toBe(false);
    expect(forecastApplies({ kind: "YEAR", endDate: "2026-05-31" }, "2025-12-01")).toBe(false);
    expect(forecastApplies(null, "2025-12-01")).toBe(false);
  });
});
