import { describe, expect, it } from "vitest";

import { findConflicts, type SlotPlan } from "../../lib/timetable/plan";
import { describeConflict, lessonOrdinal, onWeekday } from "../../lib/timetable/conflict-text";
import { describeWarning } from "../../lib/timetable/assessment-rules";

const slot = (over: Partial<SlotPlan> & Pick<SlotPlan, "id">): SlotPlan => ({
  cohortId: "8A", subjectId: "tech", teacherId: "t1", room: "12", weekday: 2, lessonNumber: 3, validFrom: "2026-09-01", validTo: null, ...over,
});

describe("groups of a class in the timetable", () => {
  const parentOf = new Map([["8A-g1", "8A"], ["8A-g2", "8A"]]);
  it("two groups of one class may have lessons at the same time", () => {
    const c = findConflicts([slot({ id: "a", cohortId: "8A-g1" }), slot({ id: "b", cohortId: "8A-g2", teacherId: "t2", room: "13" })], undefined, parentOf);
    expect(c).toEqual([]);
  });
  it("a group's lesson clashes with its whole class's lesson", () => {
    const c = findConflicts([slot({ id: "a", cohortId: "8A-g1" }), slot({ id: "b", cohortId: "8A", teacherId: "t2", room: "13" })], undefined, parentOf);
    expect(c).toEqual([{ kind: "COHORT", weekday: 2, lessonNumber: 3, slotIds: ["a", "b"] }]);
  });
});

describe("conflicts in words", () => {
  const other = { cohort: "6А", subject: "Математика", teacher: "Числова М. С.", room: "201" };
  it("names the teacher, the class, the day and the lesson, and what to change", () => {
    expect(describeConflict({ kind: "TEACHER", weekday: 2, lessonNumber: 3, slotIds: ["a", "b"] }, other)).toBe(
      "Учитель Числова М. С. уже ведёт урок в 6А во вторник, 3-й урок (Математика). Выберите другого учителя, другой день или номер урока.",
    );
    expect(describeConflict({ kind: "ROOM", weekday: 3, lessonNumber: 1, slotIds: ["a", "b"] }, other)).toMatch(/^Кабинет 201 уже занят в среду, 1-й урок: там урок 6А/);
    expect(describeConflict({ kind: "COHORT", weekday: 6, lessonNumber: 0, slotIds: ["a", "b"] }, other)).toMatch(/^У 6А уже есть урок в субботу, нулевой урок: Математика/);
  });
  it("says every weekday with the right preposition", () => {
    expect([1, 2, 3, 4, 5, 6].map(onWeekday)).toEqual(["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу"]);
    expect(lessonOrdinal(7)).toBe("7-й урок");
  });
});

describe("test-schedule warnings in words follow the school's settings", () => {
  it("names the school's share and gap, not the federal ones", () => {
    const rules = { maxPerDayPerCohort: 2, maxShareOfHours: 15, minGapDays: 14 };
    expect(describeWarning({ rule: "SHARE_OF_HOURS", cohortId: "5A", subjectId: "m", count: 6, yearlyHours: 34, limit: 5 }, { subject: "Музыка" }, rules)).toBe(
      "Музыка: 6 оценочных процедур за год при 34 ч — больше 15 % часов (допустимо 5).",
    );
    expect(describeWarning({ rule: "TOO_CLOSE", cohortId: "5A", subjectId: "m", eventIds: ["a", "b"], days: 7 }, { subject: "Музыка" }, rules)).toContain("не чаще одного раза в 2 недели");
    expect(describeWarning({ rule: "PER_DAY", cohortId: "5A", date: "2026-12-08", eventIds: ["a", "b", "c"] }, { cohort: "5А" }, rules)).toContain("у 5А 3 оценочные процедуры; рекомендуется не больше 2");
  });
});
