/** Academic years: the list, one year's whole calendar, creating a year, copying a calendar. */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";
import { defaultYear, formatDayInput, rangesOverlap, startYearOfName } from "@/lib/school/calendar-days";
import { copyCalendarTx, type CopySummary } from "@/lib/school/calendar-copy";
import { assertYearOpen } from "@/lib/school/year-guard";
import { isUniqueViolation } from "@/lib/school/tx";

export type YearSummary = { id: string; name: string; startDate: string; endDate: string; closed: boolean; current: boolean };

export type PeriodRow = {
  id: string; kind: "QUARTER" | "TRIMESTER" | "SEMESTER" | "YEAR"; number: number; name: string;
  startDate: string; endDate: string; gradeFrom: number; gradeTo: number; closed: boolean;
};
export type HolidayRow = { id: string; kind: "HOLIDAY" | "NON_WORKING_DAY"; name: string; startDate: string; endDate: string; gradeFrom: number; gradeTo: number };
export type BellScheduleRow = { id: string; name: string; validFrom: string; validTo: string | null; slots: { id: string; number: number; startsAt: string; endsAt: string }[] };

export type YearCalendar = {
  year: YearSummary;
  periods: PeriodRow[];
  holidays: HolidayRow[];
  bellSchedules: BellScheduleRow[];
  /** the year just before, whose calendar can be copied while this one is empty */
  previous: { id: string; name: string } | null;
  empty: boolean;
};

export async function listYears(p: Principal): Promise<YearSummary[]> {
  assertCan(p, "school.manage");
  const today = schoolToday(p.timeZone);
  const rows = await db.academicYear.findMany({
    where: { schoolId: p.schoolId },
    orderBy: { startDate: "desc" },
    select: { id: true, name: true, startDate: true, endDate: true, closedAt: true },
  });
  return rows.map((y) => {
    const startDate = dateToDay(y.startDate);
    const endDate = dateToDay(y.endDate);
    return { id: y.id, name: y.name, startDate, endDate, closed: y.closedAt !== null, current: startDate <= today && today <= endDate };
  });
}

/** What the «new year» form offers: the year after the latest one, 1 September – 31 August. */
export async function suggestNewYear(p: Principal): Promise<{ name: string; startDate: string; endDate: string; copyFrom: string | null }> {
  assertCan(p, "school.manage");
  const latest = await db.academicYear.findFirst({ where: { schoolId: p.schoolId }, orderBy: { startDate: "desc" }, select: { id: true, name: true, startDate: true } });
  const startYear = latest
    ? (startYearOfName(latest.name) ?? latest.startDate.getUTCFullYear()) + 1
    : Number(schoolToday(p.timeZone).slice(0, 4)) - (Number(schoolToday(p.timeZone).slice(5, 7)) < 9 ? 1 : 0);
  return { ...defaultYear(startYear), copyFrom: latest?.id ?? null };
}

export async function getYearCalendar(p: Principal, yearId: string): Promise<YearCalendar> {
  assertCan(p, "school.manage");
  assertId(yearId);
  const y = await db.academicYear.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: yearId } },
    select: {
      id: true, name: true, startDate: true, endDate: true, closedAt: true,
      periods: { orderBy: [{ kind: "asc" }, { gradeFrom: "asc" }, { startDate: "asc" }] },
      holidays: { orderBy: [{ startDate: "asc" }, { gradeFrom: "asc" }] },
    },
  });
  if (!y) throw new AppError("NOT_FOUND", "Учебный год не найден.");
  const [schedules, previous] = await Promise.all([
    db.bellSchedule.findMany({
      where: { schoolId: p.schoolId, validFrom: { lte: y.endDate }, OR: [{ validTo: null }, { validTo: { gte: y.startDate } }] },
      orderBy: { validFrom: "asc" },
      select: { id: true, name: true, validFrom: true, validTo: true, slots: { orderBy: { number: "asc" }, select: { id: true, number: true, startsAt: true, endsAt: true } } },
    }),
    db.academicYear.findFirst({ where: { schoolId: p.schoolId, startDate: { lt: y.startDate } }, orderBy: { startDate: "desc" }, select: { id: true, name: true } }),
  ]);
  const today = schoolToday(p.timeZone);
  const startDate = dateToDay(y.startDate);
  const endDate = dateToDay(y.endDate);
  const ownSchedules = schedules.filter((s) => dateToDay(s.validFrom) >= startDate).length;
  return {
    year: { id: y.id, name: y.name, startDate, endDate, closed: y.closedAt !== null, current: startDate <= today && today <= endDate },
    periods: y.periods.map((r) => ({
      id: r.id, kind: r.kind, number: r.number, name: r.name, startDate: dateToDay(r.startDate), endDate: dateToDay(r.endDate),
      gradeFrom: r.gradeFrom, gradeTo: r.gradeTo, closed: r.closedAt !== null,
    })),
    holidays: y.holidays.map((h) => ({ id: h.id, kind: h.kind, name: h.name, startDate: dateToDay(h.startDate), endDate: dateToDay(h.endDate), gradeFrom: h.gradeFrom, gradeTo: h.gradeTo })),
    bellSchedules: schedules.map((s) => ({ id: s.id, name: s.name, validFrom: dateToDay(s.validFrom), validTo: s.validTo ? dateToDay(s.validTo) : null, slots: s.slots })),
    previous,
    empty: y.periods.length === 0 && y.holidays.length === 0 && ownSchedules === 0,
  };
}

export type CreateYearInput = { name: string; startDate: string; endDate: string; copyFrom: string | null };

export async function createYear(p: Principal, input: CreateYearInput): Promise<{ id: string; name: string; copied: CopySummary | null }> {
  assertCan(p, "school.manage");
  if (input.endDate <= input.startDate) throw new AppError("BAD_INPUT", "Дата окончания года должна быть позже даты начала.", { endDate: ["Дата окончания года должна быть позже даты начала."] });
  const others = await db.academicYear.findMany({ where: { schoolId: p.schoolId }, select: { id: true, name: true, startDate: true, endDate: true } });
  for (const o of others) {
    if (o.name.trim().toLowerCase() === input.name.trim().toLowerCase()) {
      throw new AppError("CONFLICT", `Учебный год ${input.name} уже есть.`, { name: [`Учебный год ${input.name} уже есть.`] });
    }
    const r = { startDate: dateToDay(o.startDate), endDate: dateToDay(o.endDate) };
    if (rangesOverlap(r, input)) {
      const msg = `Даты пересекаются с учебным годом ${o.name} (${formatDayInput(r.startDate)} — ${formatDayInput(r.endDate)}).`;
      throw new AppError("BAD_INPUT", msg, { startDate: [msg] });
    }
  }
  const from = input.copyFrom ? others.find((o) => o.id === input.copyFrom) : undefined;
  if (input.copyFrom && !from) throw new AppError("NOT_FOUND", "Учебный год, из которого копировать календарь, не найден.");
  try {
    return await db.$transaction(async (tx) => {
      const y = await tx.academicYear.create({
        data: { schoolId: p.schoolId, name: input.name.trim(), startDate: dayToDate(input.startDate), endDate: dayToDate(input.endDate) },
        select: { id: true, name: true },
      });
      const copied = from
        ? await copyCalendarTx(tx, p.schoolId, { id: from.id, name: from.name, startDate: dateToDay(from.startDate), endDate: dateToDay(from.endDate) }, { ...y, startDate: input.startDate, endDate: input.endDate })
        : null;
      return { ...y, copied };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `Учебный год ${input.name} уже есть.`, { name: [`Учебный год ${input.name} уже есть.`] });
    throw e;
  }
}

/** Copies the calendar of an earlier year into an open, still empty year. */
export async function copyYearCalendar(p: Principal, fromYearId: string, toYearId: string): Promise<CopySummary> {
  assertCan(p, "school.manage");
  assertId(fromYearId);
  const to = await assertYearOpen(p, toYearId);
  const from = await db.academicYear.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: fromYearId } }, select: { id: true, name: true, startDate: true, endDate: true } });
  if (!from) throw new AppError("NOT_FOUND", "Учебный год, из которого копировать календарь, не найден.");
  return db.$transaction((tx) => copyCalendarTx(tx, p.schoolId, { id: from.id, name: from.name, startDate: dateToDay(from.startDate), endDate: dateToDay(from.endDate) }, to));
}
