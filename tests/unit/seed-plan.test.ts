import { describe, expect, it } from "vitest";

import { isoOf } from "../../prisma/seed/calendar";
import { ageOn } from "../../prisma/seed/demo-people";
import { buildDemoPlan } from "../../prisma/seed/demo-plan";
import type { SchoolPlan } from "../../prisma/seed/plan";
import { buildRegionSchoolPlan } from "../../prisma/seed/region-plan";
import { teacherClashes } from "../../prisma/seed/timetable";

const TODAY = new Date("2026-12-04T09:00:00+05:00");

/** Slots per cohort and subject must match the curriculum's weekly hours. */
function expectTimetableMatchesCurriculum(plan: SchoolPlan): void {
  expect(teacherClashes(plan.slots)).toEqual([]);
  const cohortPlaces = new Set<string>();
  for (const s of plan.slots) {
    const key = `${s.cohort}:${s.weekday}:${s.lessonNumber}`;
    expect(cohortPlaces.has(key), `${plan.cohorts[s.cohort]?.name} ${key}`).toBe(false);
    cohortPlaces.add(key);
    expect(s.weekday).toBeGreaterThanOrEqual(1);
    expect(s.weekday).toBeLessThanOrEqual(5);
    expect(s.lessonNumber).toBeGreaterThanOrEqual(1);
    expect(s.lessonNumber).toBeLessThanOrEqual(7);
  }
  for (const item of plan.curriculum) {
    const n = plan.slots.filter((s) => s.cohort === item.cohort && s.subject === item.subject).length;
    expect(n, `${plan.cohorts[item.cohort]?.name} ${plan.subjects[item.subject]?.name}`).toBe(item.hoursPerWeek);
    for (const s of plan.slots.filter((x) => x.cohort === item.cohort && x.subject === item.subject)) {
      expect(item.teachers).toContain(s.teacher);
    }
  }
  // a class's day has no gaps: lessons 1…k
  plan.cohorts.forEach((c, i) => {
    if (c.kind !== "CLASS") return;
    for (let d = 1; d <= 5; d++) {
      const nums = plan.slots.filter((s) => (s.cohort === i || plan.cohorts[s.cohort]?.parent === i) && s.weekday === d).map((s) => s.lessonNumber);
      const distinct = [...new Set(nums)].sort((a, b) => a - b);
      expect(distinct).toEqual(distinct.map((_, k) => k + 1));
    }
  });
}

describe("demo school plan", () => {
  const plan = buildDemoPlan(TODAY);

  it("is the same when built twice", () => {
    expect(buildDemoPlan(TODAY)).toEqual(plan);
  });

  it("keeps the people of the year whatever the day", () => {
    const later = buildDemoPlan(new Date("2027-02-10T09:00:00+05:00"));
    expect(later.students).toEqual(plan.students);
    expect(later.slots).toEqual(plan.slots);
    expect(later.events).not.toEqual(plan.events);
    expect(buildDemoPlan(new Date("2027-12-04T09:00:00+05:00")).students).not.toEqual(plan.students);
  });

  it("has the expected size", () => {
    const kinds = plan.cohorts.reduce<Record<string, number>>((a, c) => ({ ...a, [c.kind]: (a[c.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ CLASS: 12, GROUP: 2, STREAM: 1, INDIVIDUAL: 2 });
    expect(plan.students.length).toBe(120);
    expect(plan.guardians.length).toBeGreaterThanOrEqual(150);
    expect(plan.guardians.length).toBeLessThanOrEqual(190);
    expect(plan.staff.length).toBeGreaterThanOrEqual(22);
    expect(plan.calendar.yearName).toBe("2026/2027");
    expect(plan.accounts.map((a) => a.login)).toEqual(["admin", "teacher", "parent", "student", "parent2"]);
  });

  it("has a timetable without clashes that gives every curriculum hour", () => {
    expectTimetableMatchesCurriculum(plan);
    const stream = plan.cohorts.findIndex((c) => c.kind === "STREAM");
    const from = new Set(
      plan.memberships.filter((m) => m.cohort === stream).flatMap((m) =>
        plan.memberships.filter((x) => x.student === m.student && plan.cohorts[x.cohort]?.kind === "CLASS").map((x) => plan.cohorts[x.cohort]?.name),
      ),
    );
    expect([...from].sort()).toEqual(["8А", "9А"]);
  });

  it("gives students ages that fit their grade", () => {
    for (const m of plan.memberships) {
      const c = plan.cohorts[m.cohort];
      const s = plan.students[m.student];
      if (!c || !s || c.kind !== "CLASS") continue;
      const age = ageOn(s.birthDate, plan.calendar.start);
      expect(age - c.grade, `${s.lastName} ${c.name}`).toBeGreaterThanOrEqual(5);
      expect(age - c.grade).toBeLessThanOrEqual(8);
    }
  });

  it("moves one student between classes in October", () => {
    const ended = plan.memberships.filter((m) => m.end !== undefined);
    expect(ended).toHaveLength(1);
    const m = ended[0];
    if (!m?.end) throw new Error("нет перевода");
    expect(isoOf(m.end).slice(5, 7)).toBe("10");
    const next = plan.memberships.find((x) => x.student === m.student && x.start === (m.end ?? 0) + 1);
    expect(next && plan.cohorts[next.cohort]?.name).toBe("6Б");
  });

  it("places the demo events in the past", () => {
    const today = plan.today;
    const days = [
      ...plan.events.cancelledDays.map((e) => e.day), ...plan.events.cancelledLessons.map((e) => e.day),
      ...plan.events.moves.flatMap((e) => [e.day, e.toDay]), ...plan.events.substitutions.map((e) => e.day),
    ];
    expect(days.length).toBeGreaterThanOrEqual(5);
    for (const d of days) expect(d).toBeLessThan(today);
  });
});

describe("region school plan", () => {
  it("is deterministic and clash-free", () => {
    const a = buildRegionSchoolPlan(1, 3, 500, 2026);
    expect(buildRegionSchoolPlan(1, 3, 500, 2026)).toEqual(a);
    expect(buildRegionSchoolPlan(2, 3, 500, 2026).students).not.toEqual(a.students);
    expect(a.students).toHaveLength(500);
    expect(a.cohorts).toHaveLength(20);
    expectTimetableMatchesCurriculum(a);
  });
});
