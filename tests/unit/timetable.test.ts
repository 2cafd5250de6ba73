import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { findConflicts, generateLessons, reconcileLessons, weekdayOf, type ExistingLesson, type SlotPlan } from "../../lib/timetable/plan";
import { checkAssessmentSchedule, describeWarning, FEDERAL_RULES } from "../../lib/timetable/assessment-rules";

const slot = (over: Partial<SlotPlan> & Pick<SlotPlan, "id">): SlotPlan => ({
  cohortId: "5A", subjectId: "math", teacherId: "t1", room: "12", weekday: 1, lessonNumber: 1, validFrom: "2026-09-01", validTo: null, ...over,
});

describe("lesson generation", () => {
  const grades = new Map([["5A", 5], ["1A", 1]]);
  it("yields one lesson per matching weekday, skipping holidays and days outside validity", () => {
    const slots = [slot({ id: "mon" }), slot({ id: "wed", weekday: 3, validTo: "2026-11-10" })];
    const holidays = [{ startDate: "2026-10-26", endDate: "2026-11-04", gradeFrom: 1, gradeTo: 11 }];
    const lessons = generateLessons(slots, holidays, grades, { from: "2026-10-19", to: "2026-11-18" });
    // 26 Oct – 4 Nov are holidays; the Wednesday slot ends on 10 Nov
    expect(lessons.map((l) => `${l.slotId}:${l.date}`)).toEqual(["mon:2026-10-19", "wed:2026-10-21", "mon:2026-11-09", "mon:2026-11-16"]);
  });

  it("a holiday for grade 1 only leaves other grades' lessons in place", () => {
    const slots = [slot({ id: "a", cohortId: "1A" }), slot({ id: "b", cohortId: "5A", teacherId: "t2", room: "13" })];
    const holidays = [{ startDate: "2027-02-15", endDate: "2027-02-21", gradeFrom: 1, gradeTo: 1 }];
    const lessons = generateLessons(slots, holidays, grades, { from: "2027-02-15", to: "2027-02-15" });
    expect(lessons.map((l) => l.cohortId)).toEqual(["5A"]);
  });

  it("knows the weekdays", () => {
    expect(weekdayOf("2026-12-04")).toBe(5);
    expect(weekdayOf("2026-12-06")).toBe(7);
  });
});

describe("regenerating after a timetable change", () => {
  const existing = (over: Partial<ExistingLesson> & Pick<ExistingLesson, "id" | "date">): ExistingLesson => ({
    cohortId: "5A", subjectId: "math", teacherId: "t1", room: "12", lessonNumber: 1, status: "PLANNED", hasWork: false, fromTimetable: true, ...over,
  });

  it("never removes a held lesson or one with marks; removes empty planned ones; adds new ones", () => {
    const planned = generateLessons([slot({ id: "tue", weekday: 2 })], [], new Map([["5A", 5]]), { from: "2026-12-07", to: "2026-12-13" });
    const r = reconcileLessons(planned, [
      existing({ id: "held", date: "2026-12-07", status: "HELD", hasWork: true }),
      existing({ id: "planned-with-hw", date: "2026-12-07", lessonNumber: 2, hasWork: true }),
      existing({ id: "empty", date: "2026-12-09", lessonNumber: 3 }),
      existing({ id: "by-hand", date: "2026-12-10", fromTimetable: false }),
    ]);
    expect(r.create.map((l) => l.date)).toEqual(["2026-12-08"]);
    expect(r.remove).toEqual(["empty"]);
    expect(r.keptWithWork.sort()).toEqual(["held", "planned-with-hw"]);
  });

  it("a new teacher of a slot is written into the planned lessons, not into held ones", () => {
    const planned = generateLessons([slot({ id: "mon", teacherId: "t2" })], [], new Map([["5A", 5]]), { from: "2026-12-07", to: "2026-12-14" });
    const r = reconcileLessons(planned, [
      existing({ id: "held", date: "2026-12-07", status: "HELD", hasWork: true }),
      existing({ id: "next", date: "2026-12-14" }),
    ]);
    expect(r.update).toEqual([{ id: "next", teacherId: "t2", room: "12" }]);
    expect(r.create).toEqual([]);
  });

  it("applying the plan twice changes nothing the second time (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ weekday: fc.integer({ min: 1, max: 6 }), lessonNumber: fc.integer({ min: 1, max: 7 }) }), { maxLength: 10 }), (specs) => {
        const slots = specs.map((s, i) => slot({ id: `s${i}`, ...s }));
        const planned = generateLessons(slots, [], new Map([["5A", 5]]), { from: "2026-12-07", to: "2026-12-20" });
        const first = reconcileLessons(planned, []);
        const after: ExistingLesson[] = first.create.map((p, i) => ({ ...p, id: `l${i}`, status: "PLANNED", hasWork: false, fromTimetable: true }));
        const second = reconcileLessons(planned, after);
        return second.create.length === 0 && second.remove.length === 0 && second.update.length === 0;
      }),
    );
  });
});

describe("timetable conflicts", () => {
  it("finds a teacher, a room and a cohort in two places at once", () => {
    const c = findConflicts([
      slot({ id: "a" }),
      slot({ id: "b", cohortId: "6A" }), // same teacher and room
      slot({ id: "c", teacherId: "t3", room: "14" }), // same cohort
      slot({ id: "d", weekday: 2 }),
    ]);
    expect(c.map((x) => `${x.kind}:${x.slotIds.join("+")}`).sort()).toEqual(["COHORT:a+c", "ROOM:a+b", "TEACHER:a+b"]);
  });
  it("slots that do not overlap in time of validity do not conflict", () => {
    expect(findConflicts([slot({ id: "a", validTo: "2026-12-31" }), slot({ id: "b", validFrom: "2027-01-01", cohortId: "6A" })])).toEqual([]);
  });
});

describe("test schedule rules", () => {
  const ev = (id: string, date: string, subjectId = "math") => ({ id, cohortId: "5A", subjectId, date });
  it("warns about two events in a day", () => {
    const w = checkAssessmentSchedule([ev("a", "2026-12-08"), ev("b", "2026-12-08", "rus")], new Map([["math", 170], ["rus", 170]]));
    expect(w).toEqual([{ rule: "PER_DAY", cohortId: "5A", date: "2026-12-08", eventIds: ["a", "b"] }]);
    expect(describeWarning(w[0] ?? { rule: "PER_DAY", cohortId: "", date: "", eventIds: [] })).toMatch(/не больше одной/);
  });
  it("warns above 10 % of the subject's hours: 34 hours allow 3 events", () => {
    const three = [ev("a", "2026-09-10"), ev("b", "2026-10-10"), ev("c", "2026-11-10")];
    expect(checkAssessmentSchedule(three, new Map([["math", 34]]))).toEqual([]);
    const four = [...three, ev("d", "2026-12-10")];
    expect(checkAssessmentSchedule(four, new Map([["math", 34]]))).toEqual([
      { rule: "SHARE_OF_HOURS", cohortId: "5A", subjectId: "math", count: 4, yearlyHours: 34, limit: 3 },
    ]);
  });
  it("warns when two events of a subject are closer than 2.5 weeks: 17 days warn, 18 do not", () => {
    const hours = new Map([["math", 170]]);
    expect(checkAssessmentSchedule([ev("a", "2026-09-10"), ev("b", "2026-09-27")], hours)).toEqual([
      { rule: "TOO_CLOSE", cohortId: "5A", subjectId: "math", eventIds: ["a", "b"], days: 17 },
    ]);
    expect(checkAssessmentSchedule([ev("a", "2026-09-10"), ev("b", "2026-09-28")], hours)).toEqual([]);
  });
  it("the rules are settings", () => {
    expect(checkAssessmentSchedule([ev("a", "2026-12-08"), ev("b", "2026-12-08", "rus")], new Map([["math", 170], ["rus", 170]]), { ...FEDERAL_RULES, maxPerDayPerCohort: 2 })).toEqual([]);
  });
});
