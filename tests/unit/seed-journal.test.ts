import { describe, expect, it } from "vitest";

import { buildDemoPlan } from "../../prisma/seed/demo-plan";
import { counterIds } from "../../prisma/seed/ids";
import { JournalGenerator, type JournalRows, type JournalTable, type PlanIds } from "../../prisma/seed/journal";
import { WORK_TYPES, type WorkTypeCode } from "../../prisma/seed/plan";

type Collected = { [K in JournalTable]: JournalRows[K][] };

function generate(): Collected & { cells: number } {
  const plan = buildDemoPlan(new Date("2026-12-04T09:00:00+05:00"));
  const id = counterIds();
  const ids = (n: number): string[] => Array.from({ length: n }, () => id());
  const workTypes = Object.fromEntries(WORK_TYPES.map((w) => [w.code, id()])) as Record<WorkTypeCode, string>;
  const planIds: PlanIds = {
    school: id(), subjects: ids(plan.subjects.length), staff: ids(plan.staff.length), students: ids(plan.students.length),
    cohorts: ids(plan.cohorts.length), slots: ids(plan.slots.length), periods: ids(plan.calendar.periods.length), workTypes,
  };
  const rows: Collected = { lesson: [], substitution: [], assessmentEvent: [], mark: [], attendance: [], homework: [], recommendation: [], finalMark: [] };
  const sink = { add<K extends JournalTable>(t: K, row: JournalRows[K]) { rows[t].push(row); } };
  const gen = new JournalGenerator(plan, planIds, { today: plan.today, from: plan.calendar.start, to: plan.calendar.lastLessonDay, homeworkAhead: 7, newId: id }, sink);
  plan.cohorts.forEach((_, c) => gen.cohort(c));
  gen.finish();
  // student-lessons held: members of the lesson's cohort on the lesson's day
  const cohortIndex = new Map(planIds.cohorts.map((x, i) => [x, i]));
  let cells = 0;
  for (const l of rows.lesson) {
    if (l.status !== "HELD") continue;
    const day = new Date(l.date).getTime() / 86_400_000;
    const c = cohortIndex.get(l.cohortId);
    cells += plan.memberships.filter((m) => m.cohort === c && m.start <= day && (m.end === undefined || m.end >= day)).length;
  }
  return { ...rows, cells };
}

describe("demo journal", () => {
  const a = generate();

  it("is the same when generated twice", () => {
    expect(generate()).toEqual(a);
  });

  it("gives marks only on held lessons, and to nobody absent", () => {
    const held = new Set(a.lesson.filter((l) => l.status === "HELD").map((l) => l.id));
    for (const m of a.mark) expect(held.has(m.lessonId)).toBe(true);
    const away = new Set(a.attendance.filter((x) => x.code !== "LATE").map((x) => `${x.lessonId}:${x.studentId}`));
    for (const m of a.mark) expect(away.has(`${m.lessonId}:${m.studentId}`)).toBe(false);
  });

  it("misses about 5 % of lessons and marks about a third", () => {
    const missed = a.attendance.filter((x) => x.code !== "LATE").length;
    expect(missed / a.cells).toBeGreaterThan(0.03);
    expect(missed / a.cells).toBeLessThan(0.08);
    const marked = new Set(a.mark.map((m) => `${m.lessonId}:${m.studentId}`)).size;
    expect(marked / a.cells).toBeGreaterThan(0.25);
    expect(marked / a.cells).toBeLessThan(0.45);
  });

  it("keeps numeric marks in 2–5 and text only for descriptive ones", () => {
    for (const m of a.mark) {
      if (m.kind === "NUMERIC") expect(m.value !== null && m.value !== undefined && m.value >= 2 && m.value <= 5).toBe(true);
      else expect(m.value ?? null).toBeNull();
      if (m.kind === "DESCRIPTIVE") expect((m.text ?? "").length).toBeGreaterThan(5);
    }
  });

  it("sets homework due on the subject's next lesson", () => {
    const lessons = new Map(a.lesson.map((l) => [l.id, l]));
    for (const h of a.homework) {
      const l = lessons.get(h.lessonId ?? "");
      expect(l).toBeTruthy();
      expect(new Date(h.dueDate).getTime()).toBeGreaterThan(new Date(l?.date ?? 0).getTime());
    }
  });
});
