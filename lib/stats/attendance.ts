/**
 * Attendance totals by reason (DOMAIN.md codes): н absent without reason, б ill, у valid
 * reason, оп late. A late arrival is not a missed lesson. Pure.
 */
import type { AttendanceCode } from "@/lib/grading/marks";

export type AttendanceTally = { ABSENT: number; ILL: number; EXCUSED: number; LATE: number; /** н + б + у */ missed: number };

export function emptyTally(): AttendanceTally {
  return { ABSENT: 0, ILL: 0, EXCUSED: 0, LATE: 0, missed: 0 };
}

export function addToTally(t: AttendanceTally, code: AttendanceCode, count: number): void {
  t[code] += count;
  if (code !== "LATE") t.missed += count;
}

export function sumTallies(items: Iterable<AttendanceTally>): AttendanceTally {
  const t = emptyTally();
  for (const i of items) {
    t.ABSENT += i.ABSENT;
    t.ILL += i.ILL;
    t.EXCUSED += i.EXCUSED;
    t.LATE += i.LATE;
    t.missed += i.missed;
  }
  return t;
}
