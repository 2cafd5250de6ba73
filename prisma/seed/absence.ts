/**
 * Whole days a student misses: illness episodes of two to five school days, family
 * reasons, the odd unexplained day. Drawn per student from the start of the year, so the
 * same student is ill on the same days whatever window of the journal is generated.
 * Together with single missed lessons (journal.ts) this gives about 5 % of lessons missed.
 */
import { isSchoolDay, type Day } from "./calendar";
import type { SchoolPlan } from "./plan";
import { Rng, hashSeed } from "./rng";

export type AbsenceCode = "ABSENT" | "ILL" | "EXCUSED" | "LATE";

export class AbsenceBook {
  private readonly days = new Map<number, Map<Day, AbsenceCode>>();

  constructor(plan: SchoolPlan, until: Day) {
    const cal = plan.calendar;
    const gradeOf = new Map<number, number>();
    for (const m of plan.memberships) {
      if (!gradeOf.has(m.student)) gradeOf.set(m.student, plan.cohorts[m.cohort]?.grade ?? 1);
    }
    const last = Math.min(until, cal.lastLessonDay);
    plan.students.forEach((_, s) => {
      const rng = new Rng(hashSeed(plan.seed, "absence", s));
      const grade = gradeOf.get(s) ?? 1;
      const book = new Map<Day, AbsenceCode>();
      let left = 0;
      let code: AbsenceCode = "ILL";
      for (let d = cal.start; d <= last; d++) {
        if (!isSchoolDay(cal, d, grade)) continue;
        if (left > 0) {
          book.set(d, code);
          left--;
          continue;
        }
        const r = rng.next();
        if (r < 0.011) {
          code = rng.chance(0.78) ? "ILL" : "EXCUSED";
          left = rng.int(2, 5) - 1;
          book.set(d, code);
        } else if (r < 0.014) {
          book.set(d, "ABSENT");
        }
      }
      if (book.size > 0) this.days.set(s, book);
    });
  }

  on(student: number, day: Day): AbsenceCode | undefined {
    return this.days.get(student)?.get(day);
  }
}
