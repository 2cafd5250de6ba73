/**
 * Reporting periods of a year. Every change is checked against the whole set of the
 * year's periods as it would be afterwards; a change that breaks a rule writes nothing.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { dateToDay, dayToDate } from "@/lib/time";
import { validatePeriods, type PeriodDraft, type PeriodKind } from "@/lib/school/calendar-rules";
import { periodPreset } from "@/lib/school/period-presets";
import { assertYearOpen, type OpenYear } from "@/lib/school/year-guard";
import type { Tx } from "@/lib/school/tx";
import type { PeriodRow } from "@/lib/school/years";

export type PeriodInput = { name: string; startDate: string; endDate: string; gradeFrom: number; gradeTo: number };

async function periodsOf(tx: Tx, schoolId: string, yearId: string): Promise<PeriodDraft[]> {
  const rows = await tx.period.findMany({ where: { schoolId, yearId }, orderBy: { startDate: "asc" } });
  return rows.map((r) => ({
    id: r.id, kind: r.kind, number: r.number, name: r.name, startDate: dateToDay(r.startDate), endDate: dateToDay(r.endDate), gradeFrom: r.gradeFrom, gradeTo: r.gradeTo,
  }));
}

function assertValid(year: OpenYear, periods: PeriodDraft[]): void {
  const errors = validatePeriods(year, periods);
  if (errors.length) throw new AppError("BAD_INPUT", errors.join(" "), { _form: errors });
}

/** A writable period of the user's school, with its open year. */
async function writablePeriod(p: Principal, tx: Tx, periodId: string) {
  assertId(periodId);
  const period = await tx.period.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: periodId } }, select: { id: true, yearId: true, name: true, closedAt: true } });
  if (!period) throw new AppError("NOT_FOUND", "Период не найден.");
  const year = await assertYearOpen(p, period.yearId, tx);
  if (period.closedAt) throw new AppError("PERIOD_CLOSED", `Период «${period.name}» закрыт для изменений.`);
  return { period, year };
}

export async function getPeriod(p: Principal, periodId: string): Promise<PeriodRow & { yearId: string; yearName: string; yearClosed: boolean }> {
  assertCan(p, "school.manage");
  assertId(periodId);
  const r = await db.period.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: periodId } },
    select: { id: true, kind: true, number: true, name: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true, closedAt: true, year: { select: { id: true, name: true, closedAt: true } } },
  });
  if (!r) throw new AppError("NOT_FOUND", "Период не найден.");
  return {
    id: r.id, kind: r.kind, number: r.number, name: r.name, startDate: dateToDay(r.startDate), endDate: dateToDay(r.endDate), gradeFrom: r.gradeFrom, gradeTo: r.gradeTo,
    closed: r.closedAt !== null, yearId: r.year.id, yearName: r.year.name, yearClosed: r.year.closedAt !== null,
  };
}

export async function addPeriod(p: Principal, input: PeriodInput & { yearId: string; kind: PeriodKind; number: number }): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  return db.$transaction(async (tx) => {
    const year = await assertYearOpen(p, input.yearId, tx);
    const draft: PeriodDraft = { kind: input.kind, number: input.kind === "YEAR" ? 1 : input.number, name: input.name, startDate: input.startDate, endDate: input.endDate, gradeFrom: input.gradeFrom, gradeTo: input.gradeTo };
    assertValid(year, [...(await periodsOf(tx, p.schoolId, year.id)), draft]);
    return tx.period.create({
      data: { schoolId: p.schoolId, yearId: year.id, kind: draft.kind, number: draft.number, name: draft.name, gradeFrom: draft.gradeFrom, gradeTo: draft.gradeTo, startDate: dayToDate(draft.startDate), endDate: dayToDate(draft.endDate) },
      select: { id: true },
    });
  });
}

export async function updatePeriod(p: Principal, input: PeriodInput & { periodId: string }): Promise<{ id: string; yearId: string }> {
  assertCan(p, "school.manage");
  return db.$transaction(async (tx) => {
    const { period, year } = await writablePeriod(p, tx, input.periodId);
    const all = await periodsOf(tx, p.schoolId, year.id);
    const after = all.map((x) => (x.id === period.id ? { ...x, name: input.name, startDate: input.startDate, endDate: input.endDate, gradeFrom: input.gradeFrom, gradeTo: input.gradeTo } : x));
    assertValid(year, after);
    await tx.period.update({
      where: { schoolId_id: { schoolId: p.schoolId, id: period.id } },
      data: { name: input.name, startDate: dayToDate(input.startDate), endDate: dayToDate(input.endDate), gradeFrom: input.gradeFrom, gradeTo: input.gradeTo },
    });
    return { id: period.id, yearId: year.id };
  });
}

export async function removePeriod(p: Principal, periodId: string): Promise<void> {
  assertCan(p, "school.manage");
  await db.$transaction(async (tx) => {
    const { period } = await writablePeriod(p, tx, periodId);
    const finals = await tx.finalMark.count({ where: { schoolId: p.schoolId, periodId: period.id } });
    if (finals > 0) throw new AppError("CONFLICT", `Период «${period.name}» нельзя удалить: по нему уже выставлены итоговые отметки. Можно изменить его даты.`);
    await tx.period.delete({ where: { schoolId_id: { schoolId: p.schoolId, id: period.id } } });
  });
}

/** Adds a ready-made set of periods (quarters, trimesters, semesters or the year) for a grade range. */
export async function applyPeriodPreset(p: Principal, input: { yearId: string; kind: PeriodKind; gradeFrom: number; gradeTo: number }): Promise<{ created: number }> {
  assertCan(p, "school.manage");
  return db.$transaction(async (tx) => {
    const year = await assertYearOpen(p, input.yearId, tx);
    const drafts = periodPreset(input.kind, year, input.gradeFrom, input.gradeTo);
    assertValid(year, [...(await periodsOf(tx, p.schoolId, year.id)), ...drafts]);
    await tx.period.createMany({
      data: drafts.map((d) => ({ schoolId: p.schoolId, yearId: year.id, kind: d.kind, number: d.number, name: d.name, gradeFrom: d.gradeFrom, gradeTo: d.gradeTo, startDate: dayToDate(d.startDate), endDate: dayToDate(d.endDate) })),
    });
    return { created: drafts.length };
  });
}
