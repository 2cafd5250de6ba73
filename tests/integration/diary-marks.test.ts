/**
 * The family's marks by subject on a real database (issue 5, items 2–4): every mark of
 * the period with its work type and weight, the weighted average and its formula and the
 * suggested mark exactly as lib/grading computes them, the confirmed final mark, the
 * forecast counting the lessons left, the plain-language setting; and the scope.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { outcome } from "../support/refusal";
import { readDiaryMarks, readDiaryMarksOfYear, readDiarySubject, type DiaryMarksPage } from "../../lib/diary/marks";
import { formulaText } from "../../lib/grading/average";
import { suggestPeriodMark } from "../../lib/grading/finals";
import { DEFAULT_POLICY } from "../../lib/grading/policy";
import { addDays, dayToDate } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
let history: string;
let quarter: string;
let yearPeriod: string;
let periodB: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const A = f.A;
  const sid = A.id;
  const day = (i: number) => dayToDate(addDays(f.today, i));
  // the quarter under way: a month back and a month ahead of today
  quarter = (await t.db.period.create({
    data: { schoolId: sid, yearId: A.yearId, kind: "QUARTER", number: 1, name: "2 четверть", startDate: day(-30), endDate: day(30) },
  })).id;
  yearPeriod = (await t.db.period.findFirstOrThrow({ where: { schoolId: sid, kind: "YEAR" }, select: { id: true } })).id;
  periodB = (await t.db.period.findFirstOrThrow({ where: { schoolId: f.B.id }, select: { id: true } })).id;
  const testType = await t.db.workType.create({ data: { schoolId: sid, code: "TEST", name: "Контрольная работа", weight: 2 } });
  history = (await t.db.subject.create({ data: { schoolId: sid, name: "История", shortName: "Ист" } })).id;
  const item = await t.db.curriculumItem.create({ data: { schoolId: sid, cohortId: A.c5, subjectId: history, hoursPerWeek: 2, validFrom: day(-200) } });
  await t.db.curriculumTeacher.create({ data: { schoolId: sid, curriculumItemId: item.id, staffId: A.rusT } });

  const lesson = (i: number, status: "PLANNED" | "HELD" | "CANCELLED") =>
    t.db.lesson.create({ data: { schoolId: sid, cohortId: A.c5, subjectId: history, teacherId: A.rusT, date: day(i), lessonNumber: 4, status }, select: { id: true } });
  const mark = async (i: number, value: number, workTypeId: string, removed = false) => {
    const l = await lesson(i, "HELD");
    await t.db.mark.create({
      data: {
        schoolId: sid, lessonId: l.id, studentId: A.s1, cohortId: A.c5, subjectId: history, date: day(i), workTypeId, kind: "NUMERIC", value, authorId: A.rusT,
        removedAt: removed ? new Date() : null,
      },
    });
    return l.id;
  };
  // (5×2 + 4×1 + 3×1) / 4 = 4,25; a removed «2» does not count; one lesson missed
  await mark(-10, 5, testType.id);
  await mark(-9, 4, A.workTypeId);
  await mark(-8, 3, A.workTypeId);
  await mark(-7, 2, A.workTypeId, true);
  await t.db.attendance.create({ data: { schoolId: sid, lessonId: (await lesson(-6, "HELD")).id, studentId: A.s1, date: day(-6), code: "ILL", authorId: A.rusT } });
  // five lessons still to come in the quarter; a cancelled one does not count; one after the quarter neither
  for (const i of [1, 2, 3, 4, 5]) await lesson(i, "PLANNED");
  await lesson(6, "CANCELLED");
  await lesson(40, "PLANNED");
  // homework of the subject: the class's, s1's own and s2's own
  const anyLesson = (await t.db.lesson.findFirstOrThrow({ where: { schoolId: sid, subjectId: history }, select: { id: true } })).id;
  await t.db.homework.create({ data: { schoolId: sid, lessonId: anyLesson, cohortId: A.c5, subjectId: history, text: "Параграф 5", dueDate: day(2), authorId: A.rusT } });
  await t.db.homework.create({ data: { schoolId: sid, lessonId: anyLesson, cohortId: A.c5, subjectId: history, studentId: A.s1, text: "Доклад", dueDate: day(3), authorId: A.rusT } });
  await t.db.homework.create({ data: { schoolId: sid, lessonId: anyLesson, cohortId: A.c5, subjectId: history, studentId: A.s2, text: "Чужой доклад", dueDate: day(3), authorId: A.rusT } });
  // the Russian teacher has confirmed s1's quarter mark
  await t.db.finalMark.create({
    data: {
      schoolId: sid, studentId: A.s1, subjectId: A.rus, cohortId: A.c5, periodId: quarter, kind: "PERIOD", markKind: "NUMERIC", value: 4,
      suggestedKind: "NOT_ATTESTED", overrideReason: "Устный ответ", confirmedById: A.rusT, confirmedAt: new Date("2026-12-01T09:03:00Z"),
    },
  });
});
afterAll(async () => {
  await t.close();
});

function subject(page: DiaryMarksPage, name: string) {
  const s = page.subjects.find((x) => x.subjectName === name);
  if (!s) throw new Error(`no card for ${name}`);
  return s;
}

describe("marks by subject", () => {
  it("opens the period under way and lists the year's periods, terms first", async () => {
    const page = await readDiaryMarks(await f.as("a.g1"), f.A.s1);
    expect(page.period).toMatchObject({ id: quarter, name: "2 четверть", kind: "QUARTER", closed: false });
    expect(page.periods.map((x) => x.id)).toEqual([quarter, yearPeriod]);
    expect(page.years).toHaveLength(1);
    expect(page.subjects.map((s) => s.subjectName)).toEqual(["История", "Математика", "Русский язык"]);
  });

  it("lists every mark with date, work type and weight, and leaves a removed mark out", async () => {
    const h = subject(await readDiaryMarks(await f.as("a.g1"), f.A.s1), "История");
    expect(h.marks.map((m) => [m.date, m.symbol, m.workType, m.weight])).toEqual([
      [addDays(f.today, -10), "5", "Контрольная работа", "2"],
      [addDays(f.today, -9), "4", "Работа на уроке", "1"],
      [addDays(f.today, -8), "3", "Работа на уроке", "1"],
    ]);
  });

  it("spells the weighted average out and suggests the mark exactly as lib/grading does", async () => {
    const h = subject(await readDiaryMarks(await f.as("a.g1"), f.A.s1), "История");
    const expected = suggestPeriodMark(
      { marks: [{ mark: { kind: "NUMERIC", value: 5 }, weight: 200 }, { mark: { kind: "NUMERIC", value: 4 }, weight: 100 }, { mark: { kind: "NUMERIC", value: 3 }, weight: 100 }], lessonsHeld: 5, lessonsMissed: 1 },
      DEFAULT_POLICY,
    );
    expect(h.average).toEqual({ text: "4,25", formula: "(5×2 + 4×1 + 3×1) / 4 = 4,25", count: 3 });
    expect(h.average?.formula).toBe(formulaText(expected.average));
    expect(h.suggestion).toMatchObject({ symbol: "4", reason: "MEAN" });
    expect(expected.mark).toEqual({ kind: "NUMERIC", value: 4 });
    expect([h.lessonsHeld, h.lessonsMissed, h.lessonsLeft]).toEqual([5, 1, 5]);
    expect(h.final).toBeNull();
  });

  it("forecasts the period: what it takes to get a 5, and that the 4 is safe", async () => {
    const h = subject(await readDiaryMarks(await f.as("a.g1"), f.A.s1), "История");
    expect(h.forecast).toMatchObject({ projected: 4, marksSoFar: 3, lessonsLeft: 5, confidence: "MEDIUM", risks: [] });
    expect(h.forecast?.headline).toBe("Сейчас выходит «4».");
    expect(h.forecast?.sureness).toBe("Прогноз примерный: по 3 отметкам, осталось 5 уроков.");
    expect(h.forecast?.steps).toEqual(["«4» уже надёжна: её не опустят даже две двойки.", "Чтобы получить «5»: ещё две пятёрки."]);
  });

  it("with one mark and no lessons left, suggests н/а and flags the risk; shows the teacher's confirmed mark", async () => {
    const r = subject(await readDiaryMarks(await f.as("a.g1"), f.A.s1), "Русский язык");
    expect(r.suggestion).toMatchObject({ symbol: "н/а", reason: "TOO_FEW_MARKS" });
    expect(r.forecast?.risks).toEqual(["TOO_FEW_MARKS"]);
    expect(r.forecast?.riskTexts[0]).toMatch(/не меньше 3/);
    expect(r.final).toEqual({ symbol: "4", confirmedAt: "2026-12-01T09:03:00.000Z" });
  });

  it("over the year: every mark of the year, and the year mark from confirmed period marks", async () => {
    const page = await readDiaryMarks(await f.as("a.g1"), f.A.s1, yearPeriod);
    expect(page.period.kind).toBe("YEAR");
    const r = subject(page, "Русский язык");
    expect(r.periodMarks).toEqual([{ period: "2 четверть", symbol: "4" }]);
    expect(r.suggestion?.symbol).toBe("4");
    expect(r.forecast).toBeNull();
  });

  it("in plain language: the first line has no weights, the reader's own setting only", async () => {
    const before = await readDiaryMarks(await f.as("a.g1"), f.A.s1);
    expect(before.plainLanguage).toBe(false);
    await t.db.user.update({ where: { login: "a.g1" }, data: { plainLanguage: true } });
    const page = await readDiaryMarks(await f.as("a.g1"), f.A.s1);
    expect(page.plainLanguage).toBe(true);
    expect(subject(page, "История").plain).toBe("Средняя оценка 4,25 — сейчас выходит «4».");
    expect((await readDiaryMarks(await f.as("a.s1"), f.A.s1)).plainLanguage).toBe(false);
    await t.db.user.update({ where: { login: "a.g1" }, data: { plainLanguage: false } });
  });
});

describe("one subject's page", () => {
  it("has the marks, the forecast and the subject's homework: the class's and the child's own", async () => {
    const page = await readDiarySubject(await f.as("a.g1"), f.A.s1, history);
    expect(page.subject.marks).toHaveLength(3);
    expect(page.subject.forecast?.projected).toBe(4);
    expect(page.homework.map((h) => [h.text, h.individual])).toEqual([["Доклад", true], ["Параграф 5", false]]);
  });

  it("answers NOT_FOUND for a subject of another school or an unknown one", async () => {
    const g1 = await f.as("a.g1");
    expect(await outcome(readDiarySubject(g1, f.A.s1, f.B.math))).toBe("NOT_FOUND");
    expect(await outcome(readDiarySubject(g1, f.A.s1, "x"))).toBe("NOT_FOUND");
  });
});

describe("the year's pages read together (the offline diary's sync)", () => {
  it("are exactly the pages read one period at a time, the current period first", async () => {
    const g1 = await f.as("a.g1");
    for (const child of [f.A.s1, f.A.s3]) {
      const together = await readDiaryMarksOfYear(g1, child);
      const current = await readDiaryMarks(g1, child);
      const others = await Promise.all(current.periods.filter((x) => x.id !== current.period.id).map((x) => readDiaryMarks(g1, child, x.id)));
      expect(together.map((x) => x.period.id)).toEqual([current.period.id, ...others.map((x) => x.period.id)]);
      expect(together).toEqual([current, ...others]);
    }
    // the year's page is among them, with its marks of every term
    const s1 = await readDiaryMarksOfYear(g1, f.A.s1);
    expect(s1.map((x) => x.period.id)).toEqual([quarter, yearPeriod]);
    expect(subject(s1[1] as DiaryMarksPage, "История").marks.length).toBeGreaterThanOrEqual(subject(s1[0] as DiaryMarksPage, "История").marks.length);
  });

  it("are scoped as the single page is", async () => {
    const g1 = await f.as("a.g1");
    expect(await outcome(readDiaryMarksOfYear(g1, f.A.s2))).toBe("NOT_FOUND");
    expect(await outcome(readDiaryMarksOfYear(await f.as("b.g"), f.A.s1))).toBe("NOT_FOUND");
    expect(await outcome(readDiaryMarksOfYear(await f.as("a.math"), f.A.s1))).toBe("FORBIDDEN");
  });
});

describe("who may read marks", () => {
  it("a guardian reads their own children only; another school's period is not found", async () => {
    const g1 = await f.as("a.g1");
    expect(await outcome(readDiaryMarks(g1, f.A.s3))).toBe("OK");
    expect(await outcome(readDiaryMarks(g1, f.A.s2))).toBe("NOT_FOUND");
    expect(await outcome(readDiaryMarks(g1, f.B.sB))).toBe("NOT_FOUND");
    expect(await outcome(readDiaryMarks(await f.as("b.g"), f.A.s1))).toBe("NOT_FOUND");
    expect(await outcome(readDiaryMarks(g1, f.A.s1, periodB))).toBe("NOT_FOUND");
    expect(await outcome(readDiarySubject(await f.as("a.g2"), f.A.s1, history))).toBe("NOT_FOUND");
  });

  it("a student reads only themself; a teacher is refused", async () => {
    const s1 = await f.as("a.s1");
    expect(await outcome(readDiaryMarks(s1, f.A.s1))).toBe("OK");
    expect(await outcome(readDiaryMarks(s1, f.A.s2))).toBe("NOT_FOUND");
    expect(await outcome(readDiaryMarks(await f.as("a.math"), f.A.s1))).toBe("FORBIDDEN");
  });
});
