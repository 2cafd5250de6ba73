/**
 * Pure timetable logic (issue 3, item 5): which lessons a weekly timetable yields over a
 * date range, minus holidays; what to change when the timetable changes, without ever
 * losing or silently moving a lesson that was held or holds marks; and conflicts (a
 * teacher, a room or a cohort in two places at once). Dates are "YYYY-MM-DD" strings.
 */
import { addDays } from "@/lib/time";
export type SlotPlan = {
  id: string;
  cohortId: string;
  subjectId: string;
  teacherId: string;
  room: string | null;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  lessonNumber: number;
  validFrom: string;
  validTo: string | null;
};

export type HolidayPlan = { startDate: string; endDate: string; gradeFrom: number; gradeTo: number };

export type PlannedLesson = {
  slotId: string;
  cohortId: string;
  subjectId: string;
  teacherId: string;
  room: string | null;
  date: string;
  lessonNumber: number;
};


/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

export function isHoliday(day: string, grade: number, holidays: readonly HolidayPlan[]): boolean {
  return holidays.some((h) => h.startDate <= day && day <= h.endDate && h.gradeFrom <= grade && grade <= h.gradeTo);
}

/**
 * Every lesson the timetable yields from `from` to `to` inclusive, for cohorts whose grade
 * is given in `gradeOf`; days that are holidays for that grade yield none.
 */
export function generateLessons(
  slots: readonly SlotPlan[],
  holidays: readonly HolidayPlan[],
  gradeOf: ReadonlyMap<string, number>,
  range: { from: string; to: string },
): PlannedLesson[] {
  const byWeekday = new Map<number, SlotPlan[]>();
  for (const s of slots) {
    const list = byWeekday.get(s.weekday) ?? [];
    list.push(s);
    byWeekday.set(s.weekday, list);
  }
  const out: PlannedLesson[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    for (const s of byWeekday.get(weekdayOf(day)) ?? []) {
      if (s.validFrom > day || (s.validTo !== null && s.validTo < day)) continue;
      const grade = gradeOf.get(s.cohortId);
      if (grade === undefined || isHoliday(day, grade, holidays)) continue;
      out.push({ slotId: s.id, cohortId: s.cohortId, subjectId: s.subjectId, teacherId: s.teacherId, room: s.room, date: day, lessonNumber: s.lessonNumber });
    }
  }
  return out;
}

export type ExistingLesson = {
  id: string;
  cohortId: string;
  subjectId: string;
  teacherId: string;
  room: string | null;
  date: string;
  lessonNumber: number;
  status: "PLANNED" | "HELD" | "CANCELLED" | "MOVED";
  /** marks, attendance, homework or a topic were entered: the lesson carries work */
  hasWork: boolean;
  /** made by hand (a moved lesson, an extra lesson), not from a timetable slot */
  fromTimetable: boolean;
};

export type Reconciliation = {
  create: PlannedLesson[];
  /** planned lessons with no work whose slot is gone: removed */
  remove: string[];
  /** planned lessons whose teacher or room changed in the timetable: updated in place */
  update: { id: string; teacherId: string; room: string | null }[];
  /** lessons that carry work but no longer match the timetable: kept, shown to the admin */
  keptWithWork: string[];
};

const key = (l: { cohortId: string; subjectId: string; date: string; lessonNumber: number }) => `${l.cohortId}|${l.date}|${l.lessonNumber}|${l.subjectId}`;

/**
 * What to do to the lessons of a range after the timetable changed. Held lessons, and any
 * lesson that carries work, are never removed or moved: they are reported instead.
 * Lessons made by hand are left alone.
 */
export function reconcileLessons(planned: readonly PlannedLesson[], existing: readonly ExistingLesson[]): Reconciliation {
  const existingByKey = new Map<string, ExistingLesson>();
  for (const e of existing) existingByKey.set(key(e), e);
  const plannedKeys = new Set(planned.map(key));
  const result: Reconciliation = { create: [], remove: [], update: [], keptWithWork: [] };
  for (const p of planned) {
    const e = existingByKey.get(key(p));
    if (!e) {
      result.create.push(p);
    } else if (e.status === "PLANNED" && !e.hasWork && (e.teacherId !== p.teacherId || e.room !== p.room)) {
      result.update.push({ id: e.id, teacherId: p.teacherId, room: p.room });
    }
  }
  for (const e of existing) {
    if (plannedKeys.has(key(e)) || !e.fromTimetable) continue;
    if (e.status === "PLANNED" && !e.hasWork) result.remove.push(e.id);
    else if (e.status !== "CANCELLED" && e.status !== "MOVED") result.keptWithWork.push(e.id);
  }
  return result;
}

export type Conflict = {
  kind: "TEACHER" | "ROOM" | "COHORT";
  weekday: number;
  lessonNumber: number;
  slotIds: [string, string];
};

function overlaps(a: SlotPlan, b: SlotPlan): boolean {
  const aEnd = a.validTo ?? "9999-12-31";
  const bEnd = b.validTo ?? "9999-12-31";
  return a.validFrom <= bEnd && b.validFrom <= aEnd;
}

/**
 * Slots that put a teacher, a room or a cohort in two places at once. The groups of a
 * class may have different lessons at the same time (the class split in two), so the
 * cohort rule compares the same cohort, and a group with its own parent class (`parentOf`:
 * group id → class id), whose lesson the whole class attends; `sameTimeAllowed` lets the
 * caller permit pairs (a stream taught together).
 */
export function findConflicts(
  slots: readonly SlotPlan[],
  sameTimeAllowed: (a: SlotPlan, b: SlotPlan) => boolean = () => false,
  parentOf: ReadonlyMap<string, string> = new Map(),
): Conflict[] {
  const sameCohort = (a: SlotPlan, b: SlotPlan): boolean =>
    a.cohortId === b.cohortId || parentOf.get(a.cohortId) === b.cohortId || parentOf.get(b.cohortId) === a.cohortId;
  const byTime = new Map<string, SlotPlan[]>();
  for (const s of slots) {
    const k = `${s.weekday}|${s.lessonNumber}`;
    const list = byTime.get(k) ?? [];
    list.push(s);
    byTime.set(k, list);
  }
  const conflicts: Conflict[] = [];
  for (const list of byTime.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (!a || !b || !overlaps(a, b) || sameTimeAllowed(a, b)) continue;
        const at = { weekday: a.weekday, lessonNumber: a.lessonNumber, slotIds: [a.id, b.id] as [string, string] };
        if (a.teacherId === b.teacherId) conflicts.push({ kind: "TEACHER", ...at });
        if (a.room && a.room === b.room) conflicts.push({ kind: "ROOM", ...at });
        if (sameCohort(a, b)) conflicts.push({ kind: "COHORT", ...at });
      }
    }
  }
  return conflicts;
}
