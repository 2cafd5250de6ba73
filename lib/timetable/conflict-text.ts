/**
 * Conflicts of the timetable said the way an administrator would say them, with what to
 * change. Pure: the caller passes the names.
 */
import type { Conflict } from "@/lib/timetable/plan";

const ON_DAY = ["", "в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"] as const;
export const WEEKDAY_NAMES = ["", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"] as const;

export function onWeekday(weekday: number): string {
  return ON_DAY[weekday] ?? "";
}

export function lessonOrdinal(n: number): string {
  return n === 0 ? "нулевой урок" : `${n}-й урок`;
}

/** The slot that is already there, as the message names it. */
export type OtherSlot = { cohort: string; subject: string; teacher: string; room: string | null };

/** The form field the admin should change for a conflict of this kind. */
export const CONFLICT_FIELD: Record<Conflict["kind"], "teacherId" | "room" | "lessonNumber"> = {
  TEACHER: "teacherId",
  ROOM: "room",
  COHORT: "lessonNumber",
};

export function describeConflict(c: Conflict, other: OtherSlot): string {
  const when = `${onWeekday(c.weekday)}, ${lessonOrdinal(c.lessonNumber)}`;
  switch (c.kind) {
    case "TEACHER":
      return `Учитель ${other.teacher} уже ведёт урок в ${other.cohort} ${when} (${other.subject}). Выберите другого учителя, другой день или номер урока.`;
    case "ROOM":
      return `Кабинет ${other.room ?? ""} уже занят ${when}: там урок ${other.cohort} (${other.subject}). Выберите другой кабинет или другое время.`;
    case "COHORT":
      return `У ${other.cohort} уже есть урок ${when}: ${other.subject}. Выберите другой день или номер урока.`;
  }
}
