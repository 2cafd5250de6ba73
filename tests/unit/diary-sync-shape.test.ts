/**
 * The diary cut into screens for the phone and joined back (lib/diary/sync-shape.ts):
 * joining gives back exactly the DTOs that were cut — a week from its header and days, a
 * marks page from its header, cards and lists, the year's marks from the terms' when they
 * are just those, the school's today put back where it was left out — and nothing when a
 * piece is missing. The sync's body (lib/diary/sync-body.ts) reads what the phone sends,
 * gzipped or not.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

import type { DiaryDay, DiaryWeek } from "../../lib/diary/week";
import type { DiaryMark, DiaryMarksPage, DiaryPeriod, DiarySubjectMarks } from "../../lib/diary/marks";
import {
  joinMarksPage,
  joinSection,
  joinWeek,
  marksPeriods,
  screenKind,
  splitMarksPages,
  splitSection,
  splitWeek,
} from "../../lib/diary/sync-shape";
import { readSyncBody, MAX_BODY } from "../../lib/diary/sync-body";
import { encodeSyncBody } from "../../components/offline/sync";
import { AppError } from "../../lib/errors";

const TODAY = "2026-12-09";
const id = (n: number) => `0193d000-0000-7000-8000-${String(n).padStart(12, "0")}`;
const MATHS = id(1);
const RUSSIAN = id(2);

function day(date: string, o: Partial<DiaryDay> = {}): DiaryDay {
  return { day: date, weekday: 1, isToday: date === TODAY, holiday: null, lessons: [], homework: [{ id: `h-${date}`, subjectName: "Математика", text: "№ 5", individual: false, files: [] }], ...o };
}

function week(monday: string, days: string[], today = TODAY): DiaryWeek {
  return { student: { id: id(9), name: "Иванов Иван" }, weekStart: monday, weekEnd: days.at(-1) ?? monday, previousWeek: "2026-11-30", nextWeek: "2026-12-14", today, days: days.map((d) => day(d, { isToday: d === today })) };
}

function m(n: number, date: string, symbol = "5"): DiaryMark {
  return { id: id(100 + n), date, symbol, kind: "NUMERIC", workType: "Работа на уроке", weight: "1", counts: true, comment: null };
}

function subject(subjectId: string, name: string, marks: DiaryMark[], lessonsLeft = 3): DiarySubjectMarks {
  return {
    subjectId, subjectName: name, scale: "FIVE_POINT", marks,
    average: marks.length ? { text: "5,00", formula: marks.map(() => "5×1").join(" + "), count: marks.length } : null,
    plain: null, suggestion: null, periodMarks: [], final: null, lessonsHeld: 10, lessonsMissed: 0, lessonsLeft, forecast: null, noForecast: null,
  };
}

const PERIODS: DiaryPeriod[] = [
  { id: id(11), name: "1 четверть", kind: "QUARTER", startDate: "2026-09-01", endDate: "2026-10-25" },
  { id: id(12), name: "2 четверть", kind: "QUARTER", startDate: "2026-11-05", endDate: "2026-12-28" },
  { id: id(10), name: "Год", kind: "YEAR", startDate: "2026-09-01", endDate: "2027-05-31" },
];

function page(period: DiaryPeriod, subjects: DiarySubjectMarks[]): DiaryMarksPage {
  return {
    student: { id: id(9), name: "Иванов Иван" }, plainLanguage: false, today: TODAY,
    years: [{ id: id(20), name: "2026/2027", periodId: id(12) }], year: { id: id(20), name: "2026/2027" },
    periods: PERIODS, period: { ...period, closed: false }, policy: { minMarks: 3, maxAbsenceShare: 0.5 }, subjects,
  };
}

const q1 = page(PERIODS[0] as DiaryPeriod, [subject(MATHS, "Математика", [m(1, "2026-09-10"), m(2, "2026-10-01", "4")]), subject(RUSSIAN, "Русский язык", [m(3, "2026-09-12")])]);
const q2 = page(PERIODS[1] as DiaryPeriod, [subject(MATHS, "Математика", [m(4, "2026-12-01")]), subject(RUSSIAN, "Русский язык", [])]);
// maths of the year is exactly its terms' marks; Russian has one more, from the holidays between the terms
const year = page(PERIODS[2] as DiaryPeriod, [
  subject(MATHS, "Математика", [m(1, "2026-09-10"), m(2, "2026-10-01", "4"), m(4, "2026-12-01")], 60),
  subject(RUSSIAN, "Русский язык", [m(3, "2026-09-12"), m(5, "2026-11-01")], 60),
]);

const screensOf = (pairs: [string, unknown][]) => new Map(pairs);

describe("screen keys", () => {
  it("have kinds the device can tell apart", () => {
    expect(["week", "week-next", "day-2026-12-09", `marks-${id(12)}`, `marks-${id(12)}-${MATHS}`, `marks-${id(12)}-${MATHS}-list`, "homework", "results"].map(screenKind))
      .toEqual(["week", "week-next", "day", "marks", "subject", "subject-marks", "homework", "results"]);
    expect(["marks-p1", "day-9", `marks-${id(12)}-x`, "weeks", ""].map(screenKind)).toEqual([null, null, null, null, null]);
  });
});

describe("a week", () => {
  const days = ["2026-12-07", "2026-12-08", "2026-12-09"];

  it("is a header and a screen per day, with the school's today left out, and joins back exactly", () => {
    const w = week("2026-12-07", days);
    const pairs = splitWeek("week", w, TODAY);
    expect(pairs.map(([k]) => k)).toEqual(["week", "day-2026-12-07", "day-2026-12-08", "day-2026-12-09"]);
    expect(pairs[0]?.[1]).not.toHaveProperty("today");
    expect(pairs[3]?.[1]).not.toHaveProperty("isToday");
    expect(joinWeek(screensOf(pairs), "week", TODAY)).toEqual(w);
  });

  it("does not change when only the night passes", () => {
    const before = splitWeek("week", week("2026-12-07", days, "2026-12-08"), "2026-12-08");
    const after = splitWeek("week", week("2026-12-07", days, "2026-12-09"), "2026-12-09");
    expect(after).toEqual(before);
  });

  it("keeps a today that is not the answer's (a read across midnight) as it was", () => {
    const w = week("2026-12-07", days, "2026-12-08");
    const pairs = splitWeek("week", w, TODAY);
    expect(pairs[0]?.[1]).toHaveProperty("today", "2026-12-08");
    expect(joinWeek(screensOf(pairs), "week", TODAY)).toEqual(w);
  });

  it("joins to nothing when a day is missing", () => {
    const pairs = splitWeek("week-next", week("2026-12-14", ["2026-12-14", "2026-12-15"]), TODAY).filter(([k]) => k !== "day-2026-12-15");
    expect(joinWeek(screensOf(pairs), "week-next", TODAY)).toBeNull();
  });
});

describe("the marks pages of a year", () => {
  const pairs = splitMarksPages([q2, q1, year], TODAY);
  const screens = screensOf(pairs);

  it("cut the periods under way (the term, the year) into cards and lists; the others stay whole", () => {
    expect(pairs.map(([k]) => k)).toEqual([
      `marks-${id(12)}`, `marks-${id(12)}-${MATHS}`, `marks-${id(12)}-${MATHS}-list`, `marks-${id(12)}-${RUSSIAN}`, `marks-${id(12)}-${RUSSIAN}-list`,
      `marks-${id(11)}`,
      `marks-${id(10)}`, `marks-${id(10)}-${MATHS}`, `marks-${id(10)}-${RUSSIAN}`, `marks-${id(10)}-${RUSSIAN}-list`,
    ]);
    // the year's maths names the terms; Russian, with a mark outside them, lists its own
    expect(screens.get(`marks-${id(10)}-${MATHS}`)).toMatchObject({ marks: { periods: [id(11), id(12)] } });
    expect(screens.get(`marks-${id(10)}-${RUSSIAN}-list`)).toEqual(year.subjects[1]?.marks);
    expect(screens.get(`marks-${id(11)}`)).toMatchObject({ subjects: q1.subjects });
    expect(screens.get(`marks-${id(12)}`)).toMatchObject({ subjects: [MATHS, RUSSIAN] });
    expect(screens.get(`marks-${id(12)}`)).not.toHaveProperty("today");
  });

  it("join back into exactly the pages", () => {
    expect(marksPeriods(screens)).toEqual([id(12), id(11), id(10)]);
    expect(joinMarksPage(screens, id(11), TODAY)).toEqual(q1);
    expect(joinMarksPage(screens, id(12), TODAY)).toEqual(q2);
    expect(joinMarksPage(screens, id(10), TODAY)).toEqual(year);
  });

  it("a new mark changes the term's card and list and the year's card, nothing else", () => {
    const mark = m(6, "2026-12-09", "3");
    const q2b = { ...q2, subjects: [subject(MATHS, "Математика", [m(4, "2026-12-01"), mark]), q2.subjects[1] as DiarySubjectMarks] };
    const yearB = { ...year, subjects: [subject(MATHS, "Математика", [m(1, "2026-09-10"), m(2, "2026-10-01", "4"), m(4, "2026-12-01"), mark], 60), year.subjects[1] as DiarySubjectMarks] };
    const after = new Map(splitMarksPages([q2b, q1, yearB], TODAY));
    const changed = [...after].filter(([k, v]) => JSON.stringify(screens.get(k)) !== JSON.stringify(v)).map(([k]) => k);
    expect(changed).toEqual([`marks-${id(12)}-${MATHS}`, `marks-${id(12)}-${MATHS}-list`, `marks-${id(10)}-${MATHS}`]);
    expect(joinMarksPage(after, id(10), TODAY)).toEqual(yearB);
  });

  it("join to nothing when a card, a list or a term the year names is missing", () => {
    for (const gone of [`marks-${id(12)}-${RUSSIAN}`, `marks-${id(12)}-${RUSSIAN}-list`]) {
      const less = new Map(screens);
      less.delete(gone);
      expect(joinMarksPage(less, id(12), TODAY)).toBeNull();
    }
    const noTerm = new Map(screens);
    noTerm.delete(`marks-${id(11)}`);
    expect(joinMarksPage(noTerm, id(10), TODAY)).toBeNull();
  });
});

describe("a section", () => {
  it("leaves out the school's today and gets it back; one without a today is as it was", () => {
    const calendar = { today: TODAY, yearName: "2026/2027", periods: [], holidays: [] };
    const [key, data] = splitSection("holidays", calendar, TODAY);
    expect([key, data]).toEqual(["holidays", { yearName: "2026/2027", periods: [], holidays: [] }]);
    expect(joinSection(new Map([[key, data]]), "holidays", TODAY)).toEqual(calendar);
    const results = { yearName: null, periods: [], subjects: [], stateExams: [] };
    expect(joinSection(new Map([splitSection("results", results, TODAY)]), "results", TODAY)).toEqual(results);
    expect(joinSection(new Map(), "tests", TODAY)).toBeNull();
  });
});

describe("the sync's body", () => {
  const bytesOf = async (body: BodyInit) => new Uint8Array(await new Response(body).arrayBuffer());
  const have = { [id(9)]: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`marks-${id(12)}-${id(200 + i)}`, "a".repeat(22)])) };

  it("is gzipped when it is big, plain when small, and reads back the same", async () => {
    const big = await encodeSyncBody({ since: "2026-12-09T03:00:00.000Z", have });
    expect(big.contentType).toBe("application/gzip");
    const raw = await bytesOf(big.body);
    expect(raw.byteLength).toBeLessThan(JSON.stringify(have).length / 3);
    expect(readSyncBody(raw, big.contentType)).toEqual({ since: "2026-12-09T03:00:00.000Z", have });

    const small = await encodeSyncBody({});
    expect(small.contentType).toBe("application/json");
    expect(readSyncBody(await bytesOf(small.body), "application/json; charset=utf-8")).toEqual({ since: null, have: null });
  });

  it("refuses what is not the diary's request, and reads nonsense inside it as absent", () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return "ok";
      } catch (e) {
        return e instanceof AppError ? e.code : "other";
      }
    };
    const text = (s: string) => new TextEncoder().encode(s);
    expect(code(() => readSyncBody(text("not json"), "application/json"))).toBe("BAD_INPUT");
    expect(code(() => readSyncBody(text("[1]"), "application/json"))).toBe("BAD_INPUT");
    expect(code(() => readSyncBody(text("{}"), "application/gzip"))).toBe("BAD_INPUT");
    // a small body that unpacks into more than the limit
    expect(code(() => readSyncBody(gzipSync(Buffer.alloc(MAX_BODY + 10, 32)), "application/gzip"))).toBe("BAD_INPUT");
    expect(readSyncBody(text('{"since": 5, "have": [1]}'), "application/json")).toEqual({ since: null, have: null });
  });
});
