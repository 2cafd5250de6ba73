import { describe, expect, it } from "vitest";

import {
  academicStartYear, buildCalendar, dayFromIso, dayOf, isoOf, isSchoolDay, localDayOf, weekdayOf,
} from "../../prisma/seed/calendar";

const d = (iso: string): number => dayFromIso(iso);

describe("school calendar", () => {
  it("counts days and weekdays", () => {
    expect(isoOf(dayOf(2026, 12, 4))).toBe("2026-12-04");
    expect(weekdayOf(d("2026-12-04"))).toBe(5);
    expect(weekdayOf(d("2026-09-01"))).toBe(2);
    expect(weekdayOf(d("2027-05-09"))).toBe(7);
    expect(() => dayFromIso("2026-02-30")).toThrow();
  });

  it("takes today in the school's time zone", () => {
    // 20:30 UTC on 3 December is 01:30 on 4 December in Yekaterinburg.
    expect(isoOf(localDayOf(new Date("2026-12-03T20:30:00Z"), "Asia/Yekaterinburg"))).toBe("2026-12-04");
    expect(isoOf(localDayOf(new Date("2026-12-03T18:30:00Z"), "Asia/Yekaterinburg"))).toBe("2026-12-03");
  });

  it("finds the academic year of a day", () => {
    expect(academicStartYear(d("2026-12-04"))).toBe(2026);
    expect(academicStartYear(d("2026-09-01"))).toBe(2026);
    expect(academicStartYear(d("2027-08-31"))).toBe(2026);
    expect(academicStartYear(d("2026-08-31"))).toBe(2025);
  });

  it("lays out 2026/2027 in quarters and holidays", () => {
    const cal = buildCalendar(2026);
    expect(cal.yearName).toBe("2026/2027");
    const q = cal.periods.filter((p) => p.kind === "QUARTER").map((p) => [isoOf(p.start), isoOf(p.end)]);
    expect(q).toEqual([
      ["2026-09-01", "2026-10-23"],
      ["2026-11-02", "2026-12-30"],
      ["2027-01-12", "2027-03-26"],
      ["2027-04-05", "2027-05-26"],
    ]);
    expect(cal.periods.filter((p) => p.kind === "YEAR")).toHaveLength(1);
    const names = cal.holidays.map((h) => `${isoOf(h.start)} ${h.name}`);
    expect(names).toContain("2026-12-31 Зимние каникулы");
    expect(names).toContain("2027-05-10 Перенос выходного дня (День Победы)");
    const feb = cal.holidays.find((h) => h.gradeFrom === 1 && h.gradeTo === 1);
    expect(feb && [isoOf(feb.start), isoOf(feb.end)]).toEqual(["2027-02-20", "2027-02-28"]);
  });

  it("says which days have lessons for a grade", () => {
    const cal = buildCalendar(2026);
    expect(isSchoolDay(cal, d("2026-12-04"), 5)).toBe(true);
    expect(isSchoolDay(cal, d("2026-12-05"), 5)).toBe(false);
    expect(isSchoolDay(cal, d("2026-11-04"), 5)).toBe(false);
    expect(isSchoolDay(cal, d("2026-10-28"), 5)).toBe(false);
    expect(isSchoolDay(cal, d("2027-02-22"), 1)).toBe(false);
    expect(isSchoolDay(cal, d("2027-02-22"), 2)).toBe(true);
    expect(isSchoolDay(cal, d("2027-02-23"), 2)).toBe(false);
    expect(isSchoolDay(cal, d("2027-06-01"), 5)).toBe(false);
  });

  it("adds semesters when the school has grades 10–11", () => {
    const cal = buildCalendar(2026, 11);
    expect(cal.periods.filter((p) => p.kind === "SEMESTER").map((p) => p.gradeFrom)).toEqual([10, 10]);
    expect(cal.periods.find((p) => p.kind === "YEAR")?.gradeTo).toBe(11);
  });
});
