import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { countSchoolWeeks, formatTenths, hoursToTenths, intersect, mondayOf, plannedTenths } from "../../lib/curriculum/school-weeks";

// The demo school's calendar of 2026/2027 for grades 1–9 (school year 1 Sep – 26 May)
const YEAR = { from: "2026-09-01", to: "2027-05-26" };
const all = (startDate: string, endDate: string) => ({ startDate, endDate, gradeFrom: 1, gradeTo: 11 });
const HOLIDAYS = [
  all("2026-10-24", "2026-11-01"),
  all("2026-11-04", "2026-11-04"),
  all("2026-12-31", "2027-01-11"),
  { startDate: "2027-02-20", endDate: "2027-02-28", gradeFrom: 1, gradeTo: 1 },
  all("2027-02-23", "2027-02-23"),
  all("2027-03-08", "2027-03-08"),
  all("2027-03-27", "2027-04-04"),
  all("2027-05-01", "2027-05-01"),
  all("2027-05-03", "2027-05-03"),
  all("2027-05-09", "2027-05-10"),
];

describe("school weeks of a year", () => {
  it("counts weeks with at least one school day: 39 calendar weeks, minus three weeks wholly off", () => {
    // 26–30 Oct, 4–8 Jan and 29 Mar – 2 Apr are whole weeks off; 28–30 Dec and 12–15 Jan
    // are school days in weeks cut by the winter holidays, so those weeks count.
    expect(countSchoolWeeks(YEAR, 5, HOLIDAYS)).toBe(36);
  });

  it("grade 1's extra February week off is one week fewer for grade 1 only", () => {
    expect(countSchoolWeeks(YEAR, 1, HOLIDAYS)).toBe(countSchoolWeeks(YEAR, 5, HOLIDAYS) - 1);
  });

  it("a week whose only open day is Saturday counts only in a six-day school", () => {
    const range = { from: "2026-12-07", to: "2026-12-13" };
    const weekdaysOff = [all("2026-12-07", "2026-12-11")];
    expect(countSchoolWeeks(range, 5, weekdaysOff, 5)).toBe(0);
    expect(countSchoolWeeks(range, 5, weekdaysOff, 6)).toBe(1);
  });

  it("a week cut by the start of the year still counts", () => {
    expect(countSchoolWeeks({ from: "2026-09-04", to: "2026-09-06" }, 5, [])).toBe(1);
    expect(countSchoolWeeks({ from: "2026-09-05", to: "2026-09-06" }, 5, [])).toBe(0);
  });

  it("never more weeks than calendar weeks touched, never fewer than with holidays added (property)", () => {
    const day = fc.integer({ min: 0, max: 300 }).map((n) => {
      const d = new Date(Date.UTC(2026, 8, 1 + n));
      return d.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(day, day, fc.array(fc.tuple(day, day), { maxLength: 4 }), (a, b, hs) => {
        const range = a <= b ? { from: a, to: b } : { from: b, to: a };
        const holidays = hs.map(([x, y]) => (x <= y ? all(x, y) : all(y, x)));
        const weeks = countSchoolWeeks(range, 5, holidays);
        const calendarWeeks = Math.round((Date.parse(mondayOf(range.to)) - Date.parse(mondayOf(range.from))) / (7 * 86_400_000)) + 1;
        return weeks <= calendarWeeks && countSchoolWeeks(range, 5, [...holidays, all(range.from, range.from)]) <= weeks && weeks <= countSchoolWeeks(range, 5, []);
      }),
    );
  });
});

describe("planned hours of a curriculum line", () => {
  it("hours a week × school weeks, exactly, in tenths: 0,5 h × 36 weeks = 18 h; 5 h = 180 h", () => {
    const line = { hoursPerWeek: "0.5", hoursPerYear: null, validFrom: "2026-09-01", validTo: null };
    expect(plannedTenths(line, YEAR, 5, HOLIDAYS)).toBe(180);
    expect(formatTenths(plannedTenths({ ...line, hoursPerWeek: "5" }, YEAR, 5, HOLIDAYS))).toBe("180");
    expect(formatTenths(plannedTenths({ ...line, hoursPerWeek: "1.5" }, { from: "2026-09-01", to: "2026-09-30" }, 5, []))).toBe("7,5");
  });

  it("hours fixed for the year are taken as they are", () => {
    expect(plannedTenths({ hoursPerWeek: null, hoursPerYear: 34, validFrom: "2026-09-01", validTo: null }, YEAR, 5, HOLIDAYS)).toBe(340);
  });

  it("a version counts only the weeks it is valid in; two versions add up to the year", () => {
    const a = { hoursPerWeek: "4", hoursPerYear: null, validFrom: "2026-09-01", validTo: "2027-01-11" };
    const b = { hoursPerWeek: "4", hoursPerYear: null, validFrom: "2027-01-12", validTo: null };
    const whole = { ...a, validTo: null };
    expect(plannedTenths(a, YEAR, 5, HOLIDAYS) + plannedTenths(b, YEAR, 5, HOLIDAYS)).toBe(plannedTenths(whole, YEAR, 5, HOLIDAYS));
    expect(plannedTenths({ ...a, validFrom: "2027-06-01", validTo: null }, YEAR, 5, HOLIDAYS)).toBe(0);
  });

  it("reads hours with a comma or a point", () => {
    expect(hoursToTenths("0,5")).toBe(5);
    expect(hoursToTenths("2.5")).toBe(25);
    expect(intersect(YEAR, { from: "2027-06-01", to: null })).toBeNull();
  });
});
