/**
 * The forecast in plain words (R4), against worked examples: what it takes to reach a
 * mark, when a mark is safe, the risks, and the edge cases — no marks yet, only special
 * values, a scale without numbers.
 */
import { describe, expect, it } from "vitest";

import { weightedAverage, type WeightedMark } from "../../lib/grading/average";
import { suggestPeriodMark } from "../../lib/grading/finals";
import { forecastPeriod } from "../../lib/grading/forecast";
import {
  countFeminine, describeForecast, lessonsLeftText, marksSoFarText, noForecastReason, plainSummary, plural,
} from "../../lib/grading/forecast-text";
import { DEFAULT_POLICY } from "../../lib/grading/policy";

const n = (value: 1 | 2 | 3 | 4 | 5, weight = 100): WeightedMark => ({ mark: { kind: "NUMERIC", value }, weight });
const special = (kind: "NOT_ATTESTED" | "EXEMPT" | "PASS"): WeightedMark => ({ mark: { kind }, weight: 100 });

function forecast(marks: WeightedMark[], lessonsLeft: number, lessonsHeld = 10, lessonsMissed = 0) {
  return describeForecast(forecastPeriod({ marks, lessonsHeld, lessonsMissed, lessonsLeft }, DEFAULT_POLICY), DEFAULT_POLICY, "QUARTER");
}

describe("Russian counts", () => {
  it("chooses the plural form and spells small feminine counts", () => {
    expect([1, 2, 5, 11, 21, 22, 25, 112].map((k) => plural(k, "пятёрка", "пятёрки", "пятёрок"))).toEqual([
      "пятёрка", "пятёрки", "пятёрок", "пятёрок", "пятёрка", "пятёрки", "пятёрок", "пятёрок",
    ]);
    expect(countFeminine(2, "пятёрка", "пятёрки", "пятёрок")).toBe("две пятёрки");
    expect(countFeminine(1, "двойка", "двойки", "двоек")).toBe("одна двойка");
    expect(countFeminine(12, "пятёрка", "пятёрки", "пятёрок")).toBe("12 пятёрок");
    expect(marksSoFarText(7)).toBe("по 7 отметкам");
    expect(marksSoFarText(1)).toBe("по 1 отметке");
    expect(marksSoFarText(0)).toBe("отметок пока нет");
    expect(lessonsLeftText(12)).toBe("осталось 12 уроков");
    expect(lessonsLeftText(1)).toBe("остался 1 урок");
    expect(lessonsLeftText(3)).toBe("осталось 3 урока");
    expect(lessonsLeftText(0)).toBe("уроков больше нет");
  });
});

describe("what it takes", () => {
  it("(5×2 + 4 + 3) / 4 = 4,25: a 4 now, two more fives for a 5, the 4 survives two twos", () => {
    const f = forecast([n(5, 200), n(4), n(3)], 12);
    expect(f.headline).toBe("Сейчас выходит «4».");
    expect(f.sureness).toBe("Прогноз примерный: по 3 отметкам, осталось 12 уроков.");
    expect(f.steps).toEqual(["«4» уже надёжна: её не опустят даже две двойки.", "Чтобы получить «5»: ещё две пятёрки."]);
    expect(f.risks).toEqual([]);
  });

  it("a 4 that one two would pull down says so", () => {
    // (4 + 4 + 3) / 3 = 3,67: one «2» gives 13/4 = 3,25
    const f = forecast([n(4), n(4), n(3)], 10);
    expect(f.steps[0]).toBe("«4» пока держится, но одна двойка её опустит.");
  });

  it("a 5 out of reach before the quarter ends is told with the lessons left", () => {
    // (3 + 3 + 3) / 3 = 3: a 4 needs one five ((9 + 5) / 4 = 3,5), a 5 nine ((9 + 45) / 12 = 4,5); two lessons left
    const f = forecast([n(3), n(3), n(3)], 2);
    expect(f.steps).toContain("Чтобы получить «5»: ещё девять пятёрок, а до конца четверти осталось 2 урока.");
    expect(f.steps).toContain("Чтобы получить «4»: ещё одна пятёрка.");
  });

  it("a projected 2 is a risk", () => {
    const f = forecast([n(2), n(2), n(3)], 10);
    expect(f.headline).toBe("Сейчас выходит «2».");
    expect(f.risks).toContain("Сейчас выходит «2».");
  });

  it("too few marks with little time left: the mean's mark is named, and н/а is the risk", () => {
    const f = forecast([n(5)], 1);
    expect(f.headline).toBe("По средней выходит «5», но пока это «н/а»: нужно не меньше 3 отметок.");
    expect(f.risks).toEqual(["Может выйти «н/а» (не аттестован): мало отметок, а нужно не меньше 3."]);
    expect(f.sureness).toBe("Прогноз пока неточный: по 1 отметке, остался 1 урок.");
  });

  it("too many absences: н/а is the risk", () => {
    const f = forecast([n(5), n(5), n(5)], 5, 10, 6);
    expect(f.risks).toEqual(["Может выйти «н/а» (не аттестован): пропущено больше 50 % уроков."]);
  });
});

describe("edge cases", () => {
  it("no marks yet: no forecast, only the way to a 5", () => {
    const f = forecast([], 20);
    expect(f.headline).toBe("Отметок пока нет, поэтому прогноза нет.");
    expect(f.steps).toEqual(["Чтобы получить «5»: нужны три пятёрки."]);
    expect(f.sureness).toBe("Прогноз пока неточный: отметок пока нет, осталось 20 уроков.");
  });

  it("only special values: н/а marks count as no marks; an exempt student gets no steps", () => {
    expect(forecast([special("NOT_ATTESTED")], 20).headline).toBe("Отметок пока нет, поэтому прогноза нет.");
    const exempt = forecast([special("EXEMPT")], 20);
    expect(exempt.headline).toBe("Освобождён (осв): отметка за период не ставится.");
    expect(exempt.steps).toEqual([]);
    expect(exempt.risks).toEqual([]);
  });

  it("a scale without numbers has no forecast, and says why", () => {
    expect(noForecastReason("FIVE_POINT")).toBeNull();
    expect(noForecastReason("DESCRIPTIVE")).toMatch(/словами/);
    expect(noForecastReason("PASS_FAIL")).toMatch(/зачёт/);
    expect(noForecastReason("NONE")).toMatch(/не ставятся/);
  });
});

describe("the plain-language first line", () => {
  it("says the mean and the mark, or why it is н/а, without weights", () => {
    const marks = [n(5, 200), n(4), n(3)];
    const s = suggestPeriodMark({ marks, lessonsHeld: 5, lessonsMissed: 0 }, DEFAULT_POLICY);
    expect(plainSummary(weightedAverage(marks), s, DEFAULT_POLICY)).toBe("Средняя оценка 4,25 — сейчас выходит «4».");
    const few = [n(4), n(5)];
    const s2 = suggestPeriodMark({ marks: few, lessonsHeld: 5, lessonsMissed: 0 }, DEFAULT_POLICY);
    expect(plainSummary(weightedAverage(few), s2, DEFAULT_POLICY)).toBe("Средняя оценка 4,50 — но пока выходит «н/а»: нужно не меньше 3 отметок.");
    const none = suggestPeriodMark({ marks: [], lessonsHeld: 0, lessonsMissed: 0 }, DEFAULT_POLICY);
    expect(plainSummary(weightedAverage([]), none, DEFAULT_POLICY)).toBe("Отметок пока нет.");
  });
});
