/**
 * What makes the demo journal look lived in: a frost day («актированный день») when the
 * primary grades stay home, two cancelled lessons, a lesson moved to another day, a
 * substitution, and teachers' recommendations. All chosen relative to `today` and only in
 * the past, so they are visible the day the demo is seeded.
 */
import { isSchoolDay, weekdayOf, ymdOf, type Day } from "./calendar";
import type { JournalEvents, RecommendationPlan, SchoolPlan } from "./plan";
import type { Rng } from "./rng";
import { CANCEL_REASONS, FROST_DAY_REASON, RECOMMENDATIONS, SUBSTITUTION_REASONS } from "./texts";

export type DemoEventOptions = {
  moveCohort: number;
  moveSubject: number;
  cancelCohorts: readonly number[];
  substituteCohort: number;
  substituteSubject: number;
  substitute: number;
};

export function demoEvents(plan: SchoolPlan, rng: Rng, today: Day, o: DemoEventOptions): JournalEvents {
  const cal = plan.calendar;
  const events: JournalEvents = { cancelledDays: [], cancelledLessons: [], moves: [], substitutions: [] };
  const usedDays = new Set<Day>();
  const gradeOf = (c: number): number => plan.cohorts[c]?.grade ?? 1;
  const slotsOn = (cohort: number, weekday: number) =>
    plan.slots.filter((s) => s.cohort === cohort && s.weekday === weekday);
  const teacherBusy = (teacher: number, weekday: number, n: number): boolean =>
    plan.slots.some((s) => s.teacher === teacher && s.weekday === weekday && s.lessonNumber === n);
  const open = (d: Day, grade: number): boolean => isSchoolDay(cal, d, grade) && !usedDays.has(d);

  // A frost day in the winter months: grades 1–4 stay home.
  for (let d = today - 3; d >= Math.max(cal.start, today - 40); d--) {
    const month = ymdOf(d).month;
    if (weekdayOf(d) === 2 && (month >= 11 || month <= 3) && open(d, 1)) {
      events.cancelledDays.push({ day: d, gradeFrom: 1, gradeTo: 4, reason: FROST_DAY_REASON });
      usedDays.add(d);
      break;
    }
  }

  // Two single cancelled lessons, one early in the year and one recent.
  o.cancelCohorts.forEach((cohort, k) => {
    const from = k === 0 ? cal.start + 21 : today - 30;
    const to = k === 0 ? Math.min(cal.start + 60, today - 7) : today - 10;
    const days: Day[] = [];
    for (let d = Math.max(from, cal.start); d <= to; d++) {
      if (open(d, gradeOf(cohort)) && slotsOn(cohort, weekdayOf(d)).length > 0) days.push(d);
    }
    if (days.length === 0) return;
    const day = rng.pick(days);
    const slot = rng.pick(slotsOn(cohort, weekdayOf(day)));
    events.cancelledLessons.push({ cohort, day, lessonNumber: slot.lessonNumber, reason: rng.pick(CANCEL_REASONS) });
    usedDays.add(day);
  });

  // A mathematics lesson of 5А moved to the end of another day of the same week.
  move: for (let d = today - 8; d >= Math.max(cal.start, today - 28); d--) {
    if (!open(d, gradeOf(o.moveCohort))) continue;
    const from = slotsOn(o.moveCohort, weekdayOf(d)).find((s) => s.subject === o.moveSubject);
    if (!from) continue;
    for (let d2 = d + 1; d2 <= d + 4 && d2 < today; d2++) {
      if (!open(d2, gradeOf(o.moveCohort))) continue;
      const w2 = weekdayOf(d2);
      const n = slotsOn(o.moveCohort, w2).length + 1;
      if (n > cal.bells.length || teacherBusy(from.teacher, w2, n)) continue;
      events.moves.push({
        cohort: o.moveCohort, day: d, lessonNumber: from.lessonNumber, toDay: d2, toLessonNumber: n,
        reason: "Учитель сопровождал обучающихся на окружной олимпиаде",
      });
      usedDays.add(d);
      usedDays.add(d2);
      break move;
    }
  }

  // A Russian lesson of 6А given by the deputy head while its teacher was ill.
  for (let d = today - 4; d >= Math.max(cal.start, today - 18); d--) {
    if (!open(d, gradeOf(o.substituteCohort))) continue;
    const w = weekdayOf(d);
    const slot = slotsOn(o.substituteCohort, w).find(
      (s) => s.subject === o.substituteSubject && !teacherBusy(o.substitute, w, s.lessonNumber),
    );
    if (!slot) continue;
    events.substitutions.push({
      cohort: o.substituteCohort, day: d, lessonNumber: slot.lessonNumber, teacher: o.substitute,
      reason: SUBSTITUTION_REASONS[0] ?? "Болезнь учителя",
    });
    usedDays.add(d);
    break;
  }
  return events;
}

const FOR_WEAK = RECOMMENDATIONS.filter((t) => !t.startsWith("Хорошие успехи"));
const FOR_STRONG = RECOMMENDATIONS.filter((t) => t.startsWith("Хорошие успехи"));

/** Notes from teachers to families: mostly about children who struggle, a few praises. */
export function demoRecommendations(plan: SchoolPlan, rng: Rng, today: Day): RecommendationPlan[] {
  const cal = plan.calendar;
  const days: Day[] = [];
  for (let d = cal.start + 14; d < today; d++) if (isSchoolDay(cal, d, 5)) days.push(d);
  if (days.length === 0) return [];
  const order = plan.students.map((s, i) => ({ s, i })).sort((a, b) => a.s.ability - b.s.ability || a.i - b.i);
  const chosen = [...order.slice(0, 16), ...order.slice(-5)];
  const out: RecommendationPlan[] = [];
  for (const { s, i } of chosen) {
    const m = plan.memberships.find((x) => x.student === i);
    const cohort = m ? plan.cohorts[m.cohort] : undefined;
    const items = plan.curriculum.filter((c) => c.cohort === m?.cohort && c.scale !== "NONE");
    const item = rng.chance(0.6) ? rng.pick(items.length > 0 ? items : plan.curriculum) : undefined;
    const author = item?.teachers[0] ?? cohort?.classTeacher ?? plan.curriculum[0]?.teachers[0] ?? 0;
    const strong = s.ability >= 4.3;
    out.push({
      student: i,
      ...(item ? { subject: item.subject } : {}),
      author,
      day: rng.pick(days),
      text: rng.pick(strong && FOR_STRONG.length > 0 ? FOR_STRONG : FOR_WEAK),
    });
  }
  return out.sort((a, b) => a.day - b.day || a.student - b.student);
}
