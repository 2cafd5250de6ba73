import { addDays } from "../../lib/time";
import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { parseDayInput, parseTimeInput, shiftDayByYears, startYearOfName } from "../../lib/school/calendar-days";
import { validateBells, validateHoliday, validatePeriods, type PeriodDraft } from "../../lib/school/calendar-rules";
import { periodPreset } from "../../lib/school/period-presets";
import { defaultOutcome, finalGradeOf, nextClassName, resolveOutcome } from "../../lib/school/rollover-plan";
import { addHolidaySchema, changeWorkTypeWeightSchema, createWorkTypeSchema, formatDecimal, gradingPolicySchema, parseDecimalInput, updateWorkTypeSchema } from "../../lib/school/schemas";

const YEAR = { startDate: "2027-09-01", endDate: "2028-08-31" };

function period(p: Partial<PeriodDraft> & Pick<PeriodDraft, "startDate" | "endDate">): PeriodDraft {
  return { kind: "QUARTER", number: 1, name: "1 четверть", gradeFrom: 1, gradeTo: 9, ...p };
}

describe("days typed by an administrator", () => {
  it("accepts the Russian way and ISO, refuses days that do not exist", () => {
    expect(parseDayInput("01.09.2027")).toBe("2027-09-01");
    expect(parseDayInput(" 1.9.2027 ")).toBe("2027-09-01");
    expect(parseDayInput("2027-09-01")).toBe("2027-09-01");
    expect(parseDayInput("29.02.2028")).toBe("2028-02-29");
    expect(parseDayInput("29.02.2027")).toBeNull();
    expect(parseDayInput("31.04.2027")).toBeNull();
    expect(parseDayInput("завтра")).toBeNull();
  });

  it("reads times with a colon or a dot and refuses impossible ones", () => {
    expect(parseTimeInput("8:30")).toBe("08:30");
    expect(parseTimeInput("08.30")).toBe("08:30");
    expect(parseTimeInput("24:00")).toBeNull();
    expect(parseTimeInput("8:60")).toBeNull();
  });

  it("names of years give their first calendar year", () => {
    expect(startYearOfName("2026/2027")).toBe(2026);
    expect(startYearOfName("2026/2028")).toBeNull();
  });
});

describe("shifting a calendar by a year", () => {
  it("keeps day and month; 29 February becomes 28 February", () => {
    expect(shiftDayByYears("2026-11-04", 1)).toBe("2027-11-04");
    expect(shiftDayByYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(shiftDayByYears("2027-02-28", 1)).toBe("2028-02-28");
  });

  it("never moves a day by more than a year and keeps the month (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 1, max: 3 }), (offset, years) => {
        const day = addDays("2000-01-01", offset);
        const shifted = shiftDayByYears(day, years);
        expect(shifted.slice(5, 7)).toBe(day.slice(5, 7));
        expect(Number(shifted.slice(0, 4))).toBe(Number(day.slice(0, 4)) + years);
        const d = Number(day.slice(8));
        expect(Number(shifted.slice(8))).toBe(day.slice(5) === "02-29" && shifted.slice(5) !== "02-29" ? 28 : d);
      }),
    );
  });
});

describe("periods of a year", () => {
  it("quarters of 1–9 and semesters of 10–11 may share dates", () => {
    const all = [...periodPreset("QUARTER", YEAR, 1, 9), ...periodPreset("SEMESTER", YEAR, 10, 11), ...periodPreset("YEAR", YEAR, 1, 11)];
    expect(validatePeriods(YEAR, all)).toEqual([]);
    expect(all.filter((p) => p.kind === "QUARTER").map((p) => p.name)).toEqual(["1 четверть", "2 четверть", "3 четверть", "4 четверть"]);
  });

  it("every preset is valid on its own", () => {
    for (const kind of ["QUARTER", "TRIMESTER", "SEMESTER", "YEAR"] as const) {
      expect(validatePeriods(YEAR, periodPreset(kind, YEAR, 1, 11))).toEqual([]);
    }
  });

  it("refuses periods of the same grades that overlap, naming both", () => {
    const errors = validatePeriods(YEAR, [
      period({ startDate: "2027-09-01", endDate: "2027-10-31" }),
      period({ kind: "TRIMESTER", name: "1 триместр", gradeFrom: 5, gradeTo: 11, startDate: "2027-10-20", endDate: "2027-11-30" }),
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("«1 четверть»");
    expect(errors[0]).toContain("«1 триместр»");
    expect(errors[0]).toContain("пересекаются");
  });

  it("refuses a period outside the year, ending before it starts, or with wrong grades", () => {
    expect(validatePeriods(YEAR, [period({ startDate: "2027-08-25", endDate: "2027-10-31" })])[0]).toContain("выходят за границы учебного года");
    expect(validatePeriods(YEAR, [period({ startDate: "2027-10-31", endDate: "2027-09-01" })])[0]).toContain("окончания раньше даты начала");
    expect(validatePeriods(YEAR, [period({ startDate: "2027-09-01", endDate: "2027-10-31", gradeFrom: 9, gradeTo: 5 })])[0]).toContain("классы указаны неверно");
  });

  it("refuses a second period with the same kind, number and first grade", () => {
    const p = period({ startDate: "2027-09-01", endDate: "2027-10-31" });
    expect(validatePeriods(YEAR, [p, { ...p, startDate: "2028-03-01", endDate: "2028-03-31" }])[0]).toContain("уже есть");
  });

  it("a holiday lies inside the year", () => {
    expect(validateHoliday(YEAR, { name: "Дополнительные каникулы", startDate: "2028-02-14", endDate: "2028-02-20", gradeFrom: 1, gradeTo: 1 })).toEqual([]);
    expect(validateHoliday(YEAR, { name: "Лето", startDate: "2028-06-01", endDate: "2028-09-10", gradeFrom: 1, gradeTo: 11 })[0]).toContain("за границы");
  });
});

describe("bells", () => {
  it("accepts a normal day of lessons", () => {
    expect(validateBells([{ number: 1, startsAt: "08:30", endsAt: "09:10" }, { number: 2, startsAt: "09:20", endsAt: "10:00" }])).toEqual([]);
  });
  it("refuses a lesson ending before it starts", () => {
    expect(validateBells([{ number: 1, startsAt: "09:10", endsAt: "08:30" }])[0]).toContain("конец (08:30) должен быть позже начала (09:10)");
  });
  it("refuses overlapping lessons and lessons out of order", () => {
    expect(validateBells([{ number: 1, startsAt: "08:30", endsAt: "09:10" }, { number: 2, startsAt: "09:00", endsAt: "09:40" }])[0]).toContain("пересекаются");
    expect(validateBells([{ number: 1, startsAt: "10:00", endsAt: "10:40" }, { number: 2, startsAt: "08:30", endsAt: "09:10" }])[0]).toContain("начинается раньше");
  });
});

describe("forms of the settings", () => {
  it("weights accept a comma or a dot and stay within 0,1–10", () => {
    expect(parseDecimalInput("1,5")).toBe(150);
    expect(parseDecimalInput("2.65")).toBe(265);
    expect(parseDecimalInput("1,555")).toBeNull();
    const ok = createWorkTypeSchema.safeParse({ name: "Контрольная", weight: "2,5" });
    expect(ok.success && ok.data.weight).toBe(250);
    const bad = createWorkTypeSchema.safeParse({ name: "Контрольная", weight: "11" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("Вес: число от 0,1 до 10.");
  });

  it("a work type's own form no longer carries the weight: it changes from a date", () => {
    const r = updateWorkTypeSchema.safeParse({ id: "0190a0e4-0000-7000-8000-000000000001", name: "Контрольная", weight: "2,5" });
    expect(r.success && r.data).toEqual({ id: "0190a0e4-0000-7000-8000-000000000001", name: "Контрольная", isAssessment: false, archived: false });
  });

  it("the new weight form takes a date (empty: today) and a weight", () => {
    const id = "0190a0e4-0000-7000-8000-000000000001";
    const r = changeWorkTypeWeightSchema.safeParse({ workTypeId: id, weightFrom: "12.01.2027", newWeight: "2,5" });
    expect(r.success && r.data).toEqual({ workTypeId: id, validFrom: "2027-01-12", weight: 250 });
    const today = changeWorkTypeWeightSchema.safeParse({ workTypeId: id, weightFrom: "", newWeight: "3" });
    expect(today.success && today.data).toEqual({ workTypeId: id, validFrom: null, weight: 300 });
    const bad = changeWorkTypeWeightSchema.safeParse({ workTypeId: id, weightFrom: "31.02.2027", newWeight: "11" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      "Дата нового веса: введите дату в виде ДД.ММ.ГГГГ или оставьте поле пустым.",
      "Новый вес: число от 0,1 до 10.",
    ]);
  });

  it("the policy form turns a preset into thresholds in hundredths", () => {
    const r = gradingPolicySchema.safeParse({
      validFrom: "01.01.2028", preset: "2.65", minMarks: "3", maxAbsenceShare: "50", maxAssessmentsPerDay: "1", maxAssessmentShare: "10", minAssessmentGapDays: "17,5",
    });
    expect(r.success && r.data).toMatchObject({ validFrom: "2028-01-01", thresholds: { 3: 265, 4: 365, 5: 465 }, minAssessmentGapDays: 1750 });
  });

  it("own thresholds must be filled in", () => {
    const r = gradingPolicySchema.safeParse({
      validFrom: "01.01.2028", preset: "custom", threshold3: "2,5", threshold4: "", threshold5: "4,5", minMarks: "3", maxAbsenceShare: "50", maxAssessmentsPerDay: "1", maxAssessmentShare: "10", minAssessmentGapDays: "17",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["threshold4"]);
  });

  it("a one-day holiday needs no last day", () => {
    const r = addHolidaySchema.safeParse({
      yearId: "0190a0e4-0000-7000-8000-000000000001", holidayKind: "NON_WORKING_DAY", holidayName: "День народного единства", holidayStart: "04.11.2027", holidayEnd: "", holidayGradeFrom: "1", holidayGradeTo: "11",
    });
    expect(r.success && r.data).toMatchObject({ startDate: "2027-11-04", endDate: "2027-11-04", kind: "NON_WORKING_DAY" });
  });

  it("decimals are shown the Russian way", () => {
    expect([formatDecimal(150), formatDecimal(200), formatDecimal(265), formatDecimal(10)]).toEqual(["1,5", "2", "2,65", "0,1"]);
  });
});

describe("the rollover proposal", () => {
  it("a class moves up a grade keeping its letter", () => {
    expect(nextClassName("5А", 5)).toBe("6А");
    expect(nextClassName("10 Б", 10)).toBe("11 Б");
    expect(nextClassName("Класс коррекции", 3)).toBe("4 — Класс коррекции");
  });
  it("the last grade graduates; the administrator's exceptions win", () => {
    expect(finalGradeOf([1, 5, 9])).toBe(9);
    expect(finalGradeOf([9, 10, 11])).toBe(11);
    expect(defaultOutcome(9, 9)).toBe("GRADUATE");
    expect(defaultOutcome(8, 9)).toBe("PROMOTE");
    expect(resolveOutcome("PROMOTE", "REPEAT")).toBe("REPEAT");
    expect(resolveOutcome("GRADUATE", "LEAVE")).toBe("LEAVE");
    expect(resolveOutcome("PROMOTE", "GRADUATE")).toBe("PROMOTE");
  });
});
