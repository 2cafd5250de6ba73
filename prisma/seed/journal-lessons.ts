/**
 * The lessons of one cohort over a window of days: the timetable laid over the calendar,
 * the demo's events applied (cancellations, a move, a substitution), tests placed in each
 * quarter, lesson types and topics.
 */
import { isSchoolDay, weekdayOf, type Day } from "./calendar";
import type { CurriculumItemPlan, SchoolPlan } from "./plan";
import { subjectDef } from "./subjects";
import { topicsFor } from "./topics";

export type LessonTypeName =
  | "LESSON" | "TEST" | "QUIZ" | "INDEPENDENT" | "LAB" | "PRACTICAL" | "CREDIT" | "EXCURSION" | "CORRECTION" | "INDIVIDUAL";
export type LessonStatusName = "PLANNED" | "HELD" | "CANCELLED" | "MOVED";

export type LessonDraft = {
  id: string;
  day: Day;
  lessonNumber: number;
  subject: number;
  teacher: number;
  room: string | undefined;
  /** index into plan.slots; undefined for a lesson added by a move */
  slot: number | undefined;
  status: LessonStatusName;
  reason: string | undefined;
  movedTo: LessonDraft | undefined;
  substitution: { original: number; reason: string } | undefined;
  type: LessonTypeName;
  topic: string | undefined;
  /** 0-based index among the subject's lessons that take place; -1 if it does not */
  k: number;
  /** index into plan.calendar.periods of its term (quarter or semester), or -1 */
  quarter: number;
};

export type Window = { from: Day; to: Day; today: Day };

const takesPlace = (l: LessonDraft): boolean => l.status === "HELD" || l.status === "PLANNED";

function cancel(l: LessonDraft, reason: string): void {
  l.status = "CANCELLED";
  l.reason = reason;
}

export function draftLessons(
  plan: SchoolPlan,
  cohort: number,
  w: Window,
  items: ReadonlyMap<number, CurriculumItemPlan>,
  newId: () => string,
): LessonDraft[] {
  const cal = plan.calendar;
  const c = plan.cohorts[cohort];
  if (!c) return [];
  const byWeekday = new Map<number, number[]>();
  plan.slots.forEach((s, i) => {
    if (s.cohort !== cohort) return;
    const list = byWeekday.get(s.weekday) ?? [];
    list.push(i);
    byWeekday.set(s.weekday, list);
  });
  // The term (quarter, or semester in grades 10–11) the day belongs to for this grade.
  const quarterIdx = (d: Day): number =>
    cal.periods.findIndex((p) => p.kind !== "YEAR" && d >= p.start && d <= p.end && c.grade >= p.gradeFrom && c.grade <= p.gradeTo);

  const lessons: LessonDraft[] = [];
  const draft = (day: Day, slotIdx: number | undefined, n: number, subject: number, teacher: number, room: string | undefined): LessonDraft => ({
    id: newId(), day, lessonNumber: n, subject, teacher, room, slot: slotIdx,
    status: day < w.today ? "HELD" : "PLANNED", reason: undefined, movedTo: undefined, substitution: undefined,
    type: "LESSON", topic: undefined, k: -1, quarter: quarterIdx(day),
  });
  const last = Math.min(w.to, cal.lastLessonDay);
  for (let d = Math.max(w.from, cal.start); d <= last; d++) {
    if (!isSchoolDay(cal, d, c.grade)) continue;
    for (const i of byWeekday.get(weekdayOf(d)) ?? []) {
      const s = plan.slots[i];
      if (s) lessons.push(draft(d, i, s.lessonNumber, s.subject, s.teacher, s.room));
    }
  }

  const find = (day: Day, n: number): LessonDraft | undefined => lessons.find((l) => l.day === day && l.lessonNumber === n);
  const ev = plan.events;
  for (const e of ev.cancelledDays) {
    if (c.grade < e.gradeFrom || c.grade > e.gradeTo) continue;
    for (const l of lessons) if (l.day === e.day) cancel(l, e.reason);
  }
  for (const e of ev.cancelledLessons) {
    const l = e.cohort === cohort ? find(e.day, e.lessonNumber) : undefined;
    if (l) cancel(l, e.reason);
  }
  for (const e of ev.moves) {
    const l = e.cohort === cohort ? find(e.day, e.lessonNumber) : undefined;
    if (!l || e.toDay > last) continue;
    const target = draft(e.toDay, undefined, e.toLessonNumber, l.subject, l.teacher, l.room);
    l.status = "MOVED";
    l.reason = e.reason;
    l.movedTo = target;
    lessons.push(target);
  }
  for (const e of ev.substitutions) {
    const l = e.cohort === cohort ? find(e.day, e.lessonNumber) : undefined;
    if (!l) continue;
    l.substitution = { original: l.teacher, reason: e.reason };
    l.teacher = e.teacher;
  }
  lessons.sort((a, b) => a.day - b.day || a.lessonNumber - b.lessonNumber);

  // Per subject: index of each lesson that takes place, tests per quarter, topics.
  const bySubject = new Map<number, LessonDraft[]>();
  for (const l of lessons) {
    if (!takesPlace(l)) continue;
    const list = bySubject.get(l.subject) ?? [];
    l.k = list.length;
    list.push(l);
    bySubject.set(l.subject, list);
  }
  const assessed = new Set<Day>();
  for (const [subject, list] of bySubject) {
    const item = items.get(subject);
    const name = plan.subjects[subject]?.name ?? "";
    const def = subjectDef(name);
    for (const l of list) {
      if (def.kind === "CORRECTION") l.type = "CORRECTION";
      else if (c.kind === "INDIVIDUAL") l.type = "INDIVIDUAL";
      if (def.practice && l.k % def.practice.every === def.practice.every - 1) l.type = def.practice.type;
    }
    placeAssessments(list, item, assessed);
    const topics = topicsFor(def.topics);
    const span = Math.max(1, Math.ceil(list.length / topics.length));
    for (const l of list) {
      if (l.status !== "HELD") continue;
      const j = l.k % span;
      const base = topics[Math.min(topics.length - 1, Math.floor(l.k / span))] ?? name;
      l.topic = topicText(l.type, base, j);
    }
  }
  return lessons;
}

const REPEAT = ["", " (закрепление)", ". Упражнения", " (повторение)"] as const;

function topicText(type: LessonTypeName, base: string, j: number): string {
  switch (type) {
    case "TEST": return `Контрольная работа: ${base}`;
    case "QUIZ": return `Проверочная работа: ${base}`;
    case "CREDIT": return `Зачёт: ${base}`;
    case "LAB": return `Лабораторная работа: ${base}`;
    case "PRACTICAL": return `Практическая работа: ${base}`;
    default: return j === 0 ? base : `${base}${REPEAT[((j - 1) % 3) + 1] ?? ""}`;
  }
}

/**
 * A test near the end of each quarter and a quiz mid-quarter for subjects of three hours
 * or more (FIVE_POINT); a credit at the end of the quarter for pass/fail courses. At most
 * one test a day for the cohort, as the federal recommendations ask.
 */
function placeAssessments(list: LessonDraft[], item: CurriculumItemPlan | undefined, assessed: Set<Day>): void {
  if (!item) return;
  const quarters = new Map<number, LessonDraft[]>();
  for (const l of list) {
    if (l.quarter < 0) continue;
    const q = quarters.get(l.quarter) ?? [];
    q.push(l);
    quarters.set(l.quarter, q);
  }
  for (const q of quarters.values()) {
    if (item.scale === "FIVE_POINT" && item.hoursPerWeek >= 2 && q.length >= 6) {
      let i = Math.floor(q.length * 0.85);
      while (i > 0 && assessed.has(q[i]?.day ?? -1)) i--;
      const test = q[i];
      if (test && !assessed.has(test.day)) {
        test.type = "TEST";
        assessed.add(test.day);
      }
      if (item.hoursPerWeek >= 3 && q.length >= 10) {
        const quiz = q[Math.floor(q.length * 0.45)];
        if (quiz && quiz.type !== "TEST") quiz.type = "QUIZ";
      }
    }
    if (item.scale === "PASS_FAIL" && q.length >= 3) {
      const credit = q[q.length - 1];
      if (credit && !assessed.has(credit.day)) {
        credit.type = "CREDIT";
        assessed.add(credit.day);
      }
    }
  }
}
