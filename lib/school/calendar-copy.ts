/**
 * Copying one year's calendar into another as a starting point: periods, holidays and
 * bell schedules keep their day and month and move by whole years (29 February becomes
 * 28 February), then the administrator adjusts them. Used by the calendar screen and by
 * the rollover, always inside the caller's transaction.
 */
import "server-only";

import { AppError } from "@/lib/errors";
import { dateToDay, dayToDate } from "@/lib/time";
import { shiftDayByYears, type DayRange } from "@/lib/school/calendar-days";
import type { Tx } from "@/lib/school/tx";

type Year = DayRange & { id: string; name: string };

export type CopySummary = { periods: number; holidays: number; bellSchedules: number };

function clampInto(r: DayRange, year: DayRange): DayRange | null {
  const startDate = r.startDate < year.startDate ? year.startDate : r.startDate;
  const endDate = r.endDate > year.endDate ? year.endDate : r.endDate;
  return startDate <= endDate ? { startDate, endDate } : null;
}

function shifted(r: DayRange, years: number, into: DayRange): DayRange | null {
  return clampInto({ startDate: shiftDayByYears(r.startDate, years), endDate: shiftDayByYears(r.endDate, years) }, into);
}

export async function copyCalendarTx(tx: Tx, schoolId: string, from: Year, to: Year): Promise<CopySummary> {
  const years = Number(to.startDate.slice(0, 4)) - Number(from.startDate.slice(0, 4));
  if (years <= 0) throw new AppError("BAD_INPUT", `Календарь копируется из более раннего года: ${from.name} не раньше ${to.name}.`);

  const [hasPeriods, hasHolidays, hasBells] = await Promise.all([
    tx.period.count({ where: { schoolId, yearId: to.id } }),
    tx.holiday.count({ where: { schoolId, yearId: to.id } }),
    tx.bellSchedule.count({ where: { schoolId, validFrom: { gte: dayToDate(to.startDate), lte: dayToDate(to.endDate) } } }),
  ]);
  if (hasPeriods + hasHolidays + hasBells > 0) {
    throw new AppError("CONFLICT", `В году ${to.name} уже есть периоды, каникулы или звонки. Копировать можно только в пустой календарь.`);
  }

  const periods = await tx.period.findMany({ where: { schoolId, yearId: from.id }, orderBy: [{ gradeFrom: "asc" }, { startDate: "asc" }] });
  const periodRows = periods.flatMap((p) => {
    const r = shifted({ startDate: dateToDay(p.startDate), endDate: dateToDay(p.endDate) }, years, to);
    return r ? [{ schoolId, yearId: to.id, kind: p.kind, number: p.number, name: p.name, gradeFrom: p.gradeFrom, gradeTo: p.gradeTo, startDate: dayToDate(r.startDate), endDate: dayToDate(r.endDate) }] : [];
  });
  if (periodRows.length) await tx.period.createMany({ data: periodRows });

  const holidays = await tx.holiday.findMany({ where: { schoolId, yearId: from.id }, orderBy: { startDate: "asc" } });
  const holidayRows = holidays.flatMap((h) => {
    const r = shifted({ startDate: dateToDay(h.startDate), endDate: dateToDay(h.endDate) }, years, to);
    return r ? [{ schoolId, yearId: to.id, kind: h.kind, name: h.name, gradeFrom: h.gradeFrom, gradeTo: h.gradeTo, startDate: dayToDate(r.startDate), endDate: dayToDate(r.endDate) }] : [];
  });
  if (holidayRows.length) await tx.holiday.createMany({ data: holidayRows });

  // The schedules in force during the old year. An open-ended one is ended with that year,
  // so on any day exactly one copy is in force.
  const schedules = await tx.bellSchedule.findMany({
    where: {
      schoolId,
      validFrom: { lte: dayToDate(from.endDate) },
      OR: [{ validTo: null }, { validTo: { gte: dayToDate(from.startDate) } }],
    },
    orderBy: { validFrom: "asc" },
    include: { slots: { orderBy: { number: "asc" } } },
  });
  let bellSchedules = 0;
  for (const s of schedules) {
    const own = clampInto({ startDate: dateToDay(s.validFrom), endDate: s.validTo ? dateToDay(s.validTo) : from.endDate }, from);
    const r = own && shifted(own, years, to);
    if (!r) continue;
    if (!s.validTo) {
      await tx.bellSchedule.update({ where: { schoolId_id: { schoolId, id: s.id } }, data: { validTo: dayToDate(from.endDate) } });
    }
    const copy = await tx.bellSchedule.create({
      // an open-ended schedule stays open-ended: it runs until the next one is made
      data: { schoolId, name: s.name, validFrom: dayToDate(r.startDate), validTo: s.validTo ? dayToDate(r.endDate) : null },
      select: { id: true },
    });
    if (s.slots.length) {
      await tx.bellSlot.createMany({ data: s.slots.map((b) => ({ schoolId, scheduleId: copy.id, number: b.number, startsAt: b.startsAt, endsAt: b.endsAt })) });
    }
    bellSchedules += 1;
  }
  return { periods: periodRows.length, holidays: holidayRows.length, bellSchedules };
}
