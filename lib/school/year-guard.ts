/**
 * A closed academic year (closed at rollover) is read-only: its calendar, cohorts, marks
 * and everything dated in it stay as they were when the year ended. Every write into a
 * year goes through one of these checks first.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { dateToDay, dayToDate } from "@/lib/time";
import { assertId } from "@/lib/people/students";
import type { Db } from "@/lib/db";

export type OpenYear = { id: string; name: string; startDate: string; endDate: string };

type YearReader = Pick<Db, "academicYear">;

export function closedYearMessage(name: string): string {
  return `Учебный год ${name} закрыт: после перевода учеников изменения в нём невозможны.`;
}

/**
 * The year, if it belongs to the user's school and is still open. A year of another
 * school is "not found"; a closed one is refused with a message that says why.
 */
export async function assertYearOpen(p: Principal, yearId: string, reader: YearReader = db): Promise<OpenYear> {
  assertId(yearId);
  const y = await reader.academicYear.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: yearId } },
    select: { id: true, name: true, startDate: true, endDate: true, closedAt: true },
  });
  if (!y) throw new AppError("NOT_FOUND", "Учебный год не найден.");
  if (y.closedAt) throw new AppError("PERIOD_CLOSED", closedYearMessage(y.name));
  return { id: y.id, name: y.name, startDate: dateToDay(y.startDate), endDate: dateToDay(y.endDate) };
}

/** Refuses a write dated on a day of a closed year (a mark, a lesson, a bell schedule). */
export async function assertDayOpen(p: Principal, day: string, reader: YearReader = db): Promise<void> {
  const on = dayToDate(day);
  const closed = await reader.academicYear.findFirst({
    where: { schoolId: p.schoolId, closedAt: { not: null }, startDate: { lte: on }, endDate: { gte: on } },
    select: { name: true },
  });
  if (closed) throw new AppError("PERIOD_CLOSED", closedYearMessage(closed.name));
}
