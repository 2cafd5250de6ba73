/**
 * The statistics of R5 on hand-computed figures: results over final marks (DOMAIN.md
 * formulas, students for a class, marks for a subject), curriculum completion (planned
 * hours of a period against lessons held) and attendance by reason.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";

import type { MarkValue } from "../../lib/grading/marks";
import { formatFraction } from "../../lib/grading/statistics";
import { studentResults, subjectResults } from "../../lib/stats/results";
import { completionOf, plannedTenthsIn, sumCompletions } from "../../lib/stats/completion";
import { addToTally, emptyTally } from "../../lib/stats/attendance";
import { buildStatsReport } from "../../lib/stats/build";
import type { StatsFacts } from "../../lib/stats/facts";
import { parseShow, statsExportSchema } from "../../lib/stats/schemas";
import { reportTables, type StatsTr } from "../../lib/stats/tables";
import { createTranslator } from "next-intl";
import enStats from "../../lib/i18n/messages/en/stats.json";

const n = (value: 1 | 2 | 3 | 4 | 5): MarkValue => ({ kind: "NUMERIC", value });
const NA: MarkValue = { kind: "NOT_ATTESTED" };
const EX: MarkValue = { kind: "EXEMPT" };
const PASS: MarkValue = { kind: "PASS" };

describe("results of one subject (each final mark is one student)", () => {
  it("5, 5, 4, 3, 2, н/а and осв: N 6, успеваемость 66,7 %, качество 50 %, средний 3,8, СОУ 53,8 %", () => {
    const r = subjectResults([n(5), n(5), n(4), n(3), n(2), NA, EX]);
    expect(r.n).toBe(6); // осв not counted, н/а counted
    expect(r.counts).toEqual({ 5: 2, 4: 1, 3: 1, 2: 1, notAttested: 1, exempt: 1, pass: 0, fail: 0 });
    expect(formatFraction(r.successRate)).toBe("66,7"); // 4 of 6 without «2» and н/а
    expect(formatFraction(r.qualityRate)).toBe("50,0"); // 3 of 6 with 4 and 5
    expect(formatFraction(r.mean, 2)).toBe("3,80"); // 19 / 5
    // (2·100 + 64 + 36 + 16 + 7) / 6 = 323 / 6
    expect(formatFraction(r.sou)).toBe("53,8");
  });

  it("a «1» is shown and weighed with the «2»s", () => {
    const r = subjectResults([n(1), n(2), n(5)]);
    expect(r.counts[2]).toBe(2);
    expect(formatFraction(r.sou)).toBe("44,0"); // (100 + 16 + 16) / 3
  });

  it("only «зач» and «незач»: N 4 and успеваемость 75 %; качество, средний балл, СОУ «—»", () => {
    const r = subjectResults([PASS, PASS, PASS, { kind: "FAIL" }, EX]);
    expect(r.n).toBe(4);
    expect(r.counts).toMatchObject({ pass: 3, fail: 1, exempt: 1 });
    expect([formatFraction(r.successRate), formatFraction(r.qualityRate), formatFraction(r.mean, 2), formatFraction(r.sou)]).toEqual(["75,0", "—", "—", "—"]);
  });

  it("nobody counted: every rate is «—», not zero", () => {
    const r = subjectResults([EX, EX]);
    expect(r.n).toBe(0);
    expect(formatFraction(r.successRate)).toBe("—");
    expect(formatFraction(r.mean)).toBe("—");
  });
});

describe("results of a class (students for успеваемость and качество, marks for the rest)", () => {
  it("matches a hand count", () => {
    const r = studentResults([
      [n(5), n(4), n(5)], // succeeds, on 4 and 5
      [n(5), n(3)], // succeeds
      [n(4), n(2)], // fails
      [EX, EX], // exempt in everything: not counted
      [n(5), NA], // н/а: fails
    ]);
    expect(r.n).toBe(4);
    expect(formatFraction(r.successRate)).toBe("50,0"); // 2 of 4
    expect(formatFraction(r.qualityRate)).toBe("25,0"); // 1 of 4
    expect(r.marks).toBe(9); // 5 4 5 5 3 4 2 5 н/а
    expect(formatFraction(r.mean, 2)).toBe("4,13"); // 33 / 8 = 4,125
    // (4·100 + 2·64 + 36 + 16 + 7) / 9 = 587 / 9
    expect(formatFraction(r.sou)).toBe("65,2");
  });

  it("a student with only «зач» succeeds and is not in the base of качество", () => {
    const r = studentResults([[PASS, PASS]]);
    expect(formatFraction(r.successRate)).toBe("100,0");
    expect(formatFraction(r.qualityRate)).toBe("—");
    // with a student on «4»: качество 1 of 1 (the «зач»-only student is not in its base), not 1 of 2
    const two = studentResults([[PASS], [n(4)]]);
    expect([two.n, formatFraction(two.successRate), formatFraction(two.qualityRate)]).toEqual([2, "100,0", "100,0"]);
  });

  it("a class on «5» with a pass/fail subject: СОУ 100 %, not 50 %", () => {
    const FAIL: MarkValue = { kind: "FAIL" };
    // Ann 5 and зач, Boris 5 and зач, Vera 5 and незач
    const r = studentResults([[n(5), PASS], [n(5), PASS], [n(5), FAIL]]);
    expect([r.n, r.marks, r.graded]).toEqual([3, 6, 3]);
    expect(formatFraction(r.successRate)).toBe("66,7"); // Vera's «незач» is a failure
    expect(formatFraction(r.qualityRate)).toBe("66,7"); // Ann and Boris of 3
    expect(formatFraction(r.mean, 2)).toBe("5,00");
    expect(formatFraction(r.sou)).toBe("100,0"); // 3·100 / 3 five-point marks
  });

  it("for one subject a class count equals the subject count", () => {
    const mark = fc.oneof(fc.constantFrom<MarkValue>(NA, EX, PASS, { kind: "FAIL" }), fc.constantFrom(1, 2, 3, 4, 5).map((v) => n(v)));
    fc.assert(
      fc.property(fc.array(mark, { maxLength: 40 }), (marks) => {
        const a = subjectResults(marks);
        const b = studentResults(marks.map((m) => [m]));
        expect(b.n).toBe(a.n);
        expect(b.successRate.num * Math.max(a.successRate.den, 1)).toBe(a.successRate.num * Math.max(b.successRate.den, 1));
        expect(b.sou).toEqual(a.sou);
      }),
    );
  });
});

describe("planned hours of a period", () => {
  const line = (hoursPerWeek: string | null, hoursPerYear: number | null = null) => ({ hoursPerWeek, hoursPerYear, validFrom: "2026-09-01", validTo: null });
  const YEAR = { from: "2026-09-01", to: "2027-05-31" };

  it("2 h a week over the weeks of 1 Sep – 25 Oct 2026: 8 weeks, 16 h; 14 h with the autumn week off", () => {
    const range = { from: "2026-09-01", to: "2026-10-25" };
    expect(plannedTenthsIn(line("2"), range, YEAR, 5, [])).toBe(160);
    const autumn = { startDate: "2026-10-19", endDate: "2026-10-25", gradeFrom: 1, gradeTo: 11 };
    expect(plannedTenthsIn(line("2"), range, YEAR, 5, [autumn])).toBe(140);
    // the holiday of another grade does not count
    expect(plannedTenthsIn(line("2"), range, YEAR, 5, [{ ...autumn, gradeFrom: 1, gradeTo: 1 }])).toBe(160);
    expect(plannedTenthsIn(line("0.5"), range, YEAR, 5, [])).toBe(40);
  });

  it("hours fixed for the year are split by the period's share of school weeks", () => {
    const year = { from: "2026-09-07", to: "2026-10-04" }; // 4 weeks
    expect(plannedTenthsIn(line(null, 34), { from: "2026-09-07", to: "2026-09-20" }, year, 5, [])).toBe(170); // 34 × 2/4
    const three = { from: "2026-09-07", to: "2026-09-27" }; // 3 weeks
    expect(plannedTenthsIn(line(null, 5), { from: "2026-09-07", to: "2026-09-13" }, three, 5, [])).toBe(17); // 50/3 = 16,7 tenths
  });

  it("a line that ends before the period plans nothing", () => {
    expect(plannedTenthsIn({ hoursPerWeek: "3", hoursPerYear: null, validFrom: "2026-09-01", validTo: "2026-09-30" }, { from: "2026-11-01", to: "2026-12-28" }, YEAR, 5, [])).toBe(0);
  });
});

describe("completion", () => {
  it("16 h planned, 12 lessons and 2 tests held: 2 h behind, 12,5 %", () => {
    const c = completionOf(160, 160, { LESSON: 12, TEST: 2 });
    expect(c.held).toBe(14);
    expect(c.shortfallTenths).toBe(20);
    expect(formatFraction(c.shortfallRate)).toBe("12,5");
    expect(formatFraction(c.doneRate)).toBe("87,5");
  });

  it("more held than planned is no shortfall", () => {
    expect(completionOf(40, 40, { LESSON: 5 }).shortfallTenths).toBe(0);
  });

  it("a total adds the shortfalls: a subject ahead does not hide one behind", () => {
    const total = sumCompletions([completionOf(20, 20, { LESSON: 3 }), completionOf(40, 40, { LESSON: 2, LAB: 0 })]);
    expect(total.plannedTenths).toBe(60);
    expect(total.held).toBe(5);
    expect(total.shortfallTenths).toBe(20);
    expect(formatFraction(total.shortfallRate)).toBe("33,3");
  });
});

describe("attendance", () => {
  it("н, б, у are missed lessons; оп (late) is not", () => {
    const t = emptyTally();
    addToTally(t, "ABSENT", 2);
    addToTally(t, "ILL", 3);
    addToTally(t, "EXCUSED", 1);
    addToTally(t, "LATE", 4);
    expect(t).toEqual({ ABSENT: 2, ILL: 3, EXCUSED: 1, LATE: 4, missed: 6 });
  });
});

// 5А: Ann (5 maths, 4 Russian), Boris (3 maths, 2 Russian); 6А: Cyril (осв maths)
const facts: StatsFacts = {
  school: { name: "Школа", address: "адрес" },
  period: { id: "p", name: "1 четверть", kind: "QUARTER", number: 1, from: "2026-09-01", to: "2026-10-25", gradeFrom: 1, gradeTo: 9, yearName: "2026/2027" },
  today: "2026-09-13",
  yearOf: () => ({ from: "2026-09-01", to: "2027-05-31" }),
  cohorts: [
    { id: "c6", name: "6А", grade: 6, kind: "CLASS", parentId: null },
    { id: "c5", name: "5А", grade: 5, kind: "CLASS", parentId: null },
  ],
  subjects: [{ id: "m", name: "Математика" }, { id: "r", name: "Русский язык" }],
  teachers: [{ id: "t1", name: "Числова М. С." }],
  students: [{ id: "ann", name: "Аннова Анна", classId: "c5" }, { id: "bor", name: "Борисов Борис", classId: "c5" }, { id: "cyr", name: "Кириллов Кирилл", classId: "c6" }],
  finals: [
    { studentId: "ann", cohortId: "c5", subjectId: "m", mark: n(5) },
    { studentId: "bor", cohortId: "c5", subjectId: "m", mark: n(3) },
    { studentId: "ann", cohortId: "c5", subjectId: "r", mark: n(4) },
    { studentId: "bor", cohortId: "c5", subjectId: "r", mark: n(2) },
    { studentId: "cyr", cohortId: "c6", subjectId: "m", mark: EX },
  ],
  plan: [
    { cohortId: "c5", subjectId: "m", graded: true, line: { hoursPerWeek: "4", hoursPerYear: null, validFrom: "2026-09-01", validTo: null } },
    { cohortId: "c5", subjectId: "r", graded: true, line: { hoursPerWeek: "2", hoursPerYear: null, validFrom: "2026-09-01", validTo: null } },
    { cohortId: "c6", subjectId: "r", graded: true, line: { hoursPerWeek: "1", hoursPerYear: null, validFrom: "2026-09-01", validTo: null } },
  ],
  teaching: [{ cohortId: "c5", subjectId: "m", teacherId: "t1" }, { cohortId: "c6", subjectId: "m", teacherId: "t1" }],
  held: [
    { cohortId: "c5", subjectId: "m", lessonType: "LESSON", count: 7 },
    { cohortId: "c5", subjectId: "m", lessonType: "TEST", count: 1 },
    { cohortId: "c5", subjectId: "r", lessonType: "LESSON", count: 2 },
  ],
  absences: [{ studentId: "ann", code: "ILL", count: 3 }, { studentId: "bor", code: "LATE", count: 1 }, { studentId: "cyr", code: "ABSENT", count: 2 }],
  holidays: [],
};

describe("the report of a view", () => {

  it("the school: classes by grade, students counted; subjects over marks; the plan to today", () => {
    const r = buildStatsReport(facts, "school", null);
    const [byClass, bySubject] = r.results;
    // 5А: Boris has a «2»; Ann has only a «5» and a «4». 6А: Cyril is exempt, nobody counted
    expect(byClass?.rows.map((x) => [x.label, x.summary.n, formatFraction(x.summary.successRate), formatFraction(x.summary.qualityRate)])).toEqual([
      ["5А", 2, "50,0", "50,0"],
      ["6А", 0, "—", "—"],
    ]);
    expect(bySubject?.rows.map((x) => [x.label, x.summary.n, formatFraction(x.summary.mean, 2)])).toEqual([
      ["Математика", 2, "4,00"],
      ["Русский язык", 2, "3,00"],
    ]);
    // 6А's Russian has no final mark yet
    expect(r.pairsWithoutFinals).toBe(1);
    // to 13 Sep: 2 weeks; 5А maths 8 h due, 8 held; Russian 4 h due, 2 held; 6А 2 h due, none held
    expect(r.inProgress).toBe(true);
    expect(r.completion.rows.map((x) => [x.label, x.completion.dueTenths, x.completion.held, x.completion.shortfallTenths])).toEqual([
      ["5А", 120, 10, 20],
      ["6А", 20, 0, 20],
    ]);
    expect(r.attendance.rows.map((x) => [x.label, x.tally.missed, x.tally.LATE])).toEqual([
      ["5А", 3, 1],
      ["6А", 2, 0],
    ]);
  });

  it("a class: its subjects, and its students' absences one by one", () => {
    const r = buildStatsReport(facts, "class", "c5");
    expect(r.focus).toEqual({ id: "c5", name: "5А" });
    expect(r.results[0]?.rows.map((x) => x.label)).toEqual(["Математика", "Русский язык"]);
    expect(r.completion.rows.map((x) => [x.label, x.completion.heldByType])).toEqual([
      ["Математика", { LESSON: 7, TEST: 1 }],
      ["Русский язык", { LESSON: 2 }],
    ]);
    expect(r.attendance.rows.map((x) => [x.label, x.tally.ILL])).toEqual([["Аннова Анна", 3], ["Борисов Борис", 0]]);
  });

  it("a teacher: only the classes and subjects they teach", () => {
    const r = buildStatsReport(facts, "teacher", "t1");
    expect(r.results[0]?.rows.map((x) => x.label)).toEqual(["5А, Математика", "6А, Математика"]);
    expect(r.results[0]?.total?.n).toBe(2);
  });
});

describe("the tables of the screen, the PDF and the XLSX (one source)", () => {
  // 5А as above, with a pass/fail subject: Ann «зач», Boris «незач»
  const withProject: StatsFacts = {
    ...facts,
    subjects: [...facts.subjects, { id: "p", name: "Проект" }],
    finals: [...facts.finals, { studentId: "ann", cohortId: "c5", subjectId: "p", mark: PASS }, { studentId: "bor", cohortId: "c5", subjectId: "p", mark: { kind: "FAIL" } }],
  };

  it("a class: «зач» and «незач» columns, «—» for a pass/fail subject, the total over students and five-point marks", () => {
    const [results] = reportTables(buildStatsReport(withProject, "class", "c5"));
    expect(results?.title).toBe("Успеваемость по предметам");
    expect(results?.headers).toEqual(["Предмет", "N", "«5»", "«4»", "«3»", "«2»", "н/а", "зач", "незач", "осв", "Успеваемость, %", "Качество, %", "Средний балл", "СОУ, %"]);
    expect(results?.rows).toEqual([
      ["Математика", "2", "1", "0", "1", "0", "0", "0", "0", "0", "100,0", "50,0", "4,00", "68,0"], // СОУ (100 + 36) / 2
      ["Проект", "2", "0", "0", "0", "0", "0", "1", "1", "0", "50,0", "—", "—", "—"],
      ["Русский язык", "2", "0", "1", "0", "1", "0", "0", "0", "0", "50,0", "50,0", "3,00", "40,0"], // (64 + 16) / 2
    ]);
    // Ann 5, 4, зач succeeds on 4 and 5; Boris 3, 2, незач fails; mean 14 / 4; СОУ 216 / 4 five-point marks
    expect(results?.total).toEqual(["Итого", "2", "1", "1", "1", "1", "0", "1", "1", "0", "50,0", "50,0", "3,50", "54,0"]);
    expect(results?.note).toContain("В строке «Итого» N — учащиеся класса");
    expect(results?.note).toContain("«зач» и «незач» входят в N и в успеваемость");
  });

  it("without pass/fail marks there are no «зач» columns; a class's note says how its rows and its total are counted", () => {
    const [results] = reportTables(buildStatsReport(facts, "class", "c5"));
    expect(results?.headers).not.toContain("зач");
    expect(results?.note).toBe("В строке предмета каждая итоговая отметка — один учащийся. В строке «Итого» N — учащиеся класса с итоговыми отметками: успеваемость и качество — доля учащихся, средний балл и СОУ — по всем итоговым отметкам. Освобождённые не считаются, «н/а» считаются.");
  });

  it("the screen's translator changes the words, never the rows", () => {
    const r = buildStatsReport(withProject, "school", null);
    const en = createTranslator({ locale: "en", messages: enStats, namespace: "stats" }) as unknown as StatsTr;
    const ru = reportTables(r);
    const other = reportTables(r, en);
    expect(other.map((x) => x.id)).toEqual(ru.map((x) => x.id));
    expect(other.map((x) => x.rows)).toEqual(ru.map((x) => x.rows));
    expect(other[0]?.headers[0]).toBe("Class");
    expect(ru.map((x) => x.title)).toEqual(["Успеваемость по классам", "Успеваемость по предметам", "Выполнение учебного плана по классам", "Пропуски уроков по классам"]);
    // the period is in progress: the documents say to which day the plan is measured
    expect(ru[2]?.note).toContain("отставание считается от плана на 13.09.2026");
  });
});

describe("the download's address", () => {
  const ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
  it("bad input is refused with Russian messages naming what to fix", () => {
    const r = statsExportSchema.safeParse({ format: "doc", period: "nope" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(["Формат файла: pdf или xlsx.", "Выберите период из списка."]);
    const noClass = statsExportSchema.safeParse({ format: "pdf", period: ID, view: "class" });
    expect(noClass.error?.issues.map((i) => i.message)).toEqual(["Выберите класс, предмет или учителя из списка."]);
  });
  it("the school is the default view", () => {
    expect(statsExportSchema.parse({ format: "xlsx", period: ID })).toEqual({ format: "xlsx", period: ID, view: "school" });
    expect(parseShow(`class:${ID}`)).toEqual({ view: "class", id: ID });
    expect(parseShow("class:../../x")).toEqual({ view: "school", id: undefined });
  });
});
