/**
 * Bell schedules (расписание звонков): dated, one in force on any day. A new schedule
 * ends the one before it on the eve of its first day, the way a new version does.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { addDays, dateToDay, dayToDate } from "@/lib/time";
import { formatDayInput } from "@/lib/school/calendar-days";
import { validateBells } from "@/lib/school/calendar-rules";
import { assertDayOpen, assertYearOpen } from "@/lib/school/year-guard";
import type { Tx } from "@/lib/school/tx";

export type BellScheduleInput = { yearId: string; name: string; validFrom: string; validTo: string | null };

export async function createBellSchedule(p: Principal, input: BellScheduleInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  return db.$transaction(async (tx) => {
    const year = await assertYearOpen(p, input.yearId, tx);
    if (input.validFrom < year.startDate || input.validFrom > year.endDate) {
      const msg = `Расписание звонков должно начинаться в пределах учебного года ${year.name} (${formatDayInput(year.startDate)} — ${formatDayInput(year.endDate)}).`;
      throw new AppError("BAD_INPUT", msg, { validFrom: [msg] });
    }
    if (input.validTo && input.validTo < input.validFrom) {
      const msg = "Дата окончания расписания звонков раньше даты начала.";
      throw new AppError("BAD_INPUT", msg, { validTo: [msg] });
    }
    const later = await tx.bellSchedule.findFirst({
      where: {
        schoolId: p.schoolId,
        validFrom: { gte: dayToDate(input.validFrom), ...(input.validTo ? { lte: dayToDate(input.validTo) } : {}) },
      },
      select: { name: true, validFrom: true },
    });
    if (later) {
      throw new AppError("CONFLICT", `С ${formatDayInput(dateToDay(later.validFrom))} уже действует расписание звонков «${later.name}». Выберите другие даты или измените его звонки.`);
    }
    const eve = dayToDate(addDays(input.validFrom, -1));
    await tx.bellSchedule.updateMany({
      where: { schoolId: p.schoolId, validFrom: { lt: dayToDate(input.validFrom) }, OR: [{ validTo: null }, { validTo: { gte: dayToDate(input.validFrom) } }] },
      data: { validTo: eve },
    });
    return tx.bellSchedule.create({
      data: { schoolId: p.schoolId, name: input.name, validFrom: dayToDate(input.validFrom), validTo: input.validTo ? dayToDate(input.validTo) : null },
      select: { id: true },
    });
  });
}

async function writableSchedule(p: Principal, tx: Tx, scheduleId: string) {
  assertId(scheduleId);
  const s = await tx.bellSchedule.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: scheduleId } }, select: { id: true, validFrom: true } });
  if (!s) throw new AppError("NOT_FOUND", "Расписание звонков не найдено.");
  await assertDayOpen(p, dateToDay(s.validFrom), tx);
  return s;
}

/** Adds a lesson's bell times, or changes them when the lesson number is already there. */
export async function saveBellSlot(p: Principal, input: { scheduleId: string; number: number; startsAt: string; endsAt: string }): Promise<void> {
  assertCan(p, "school.manage");
  await db.$transaction(async (tx) => {
    const s = await writableSchedule(p, tx, input.scheduleId);
    const slots = await tx.bellSlot.findMany({ where: { schoolId: p.schoolId, scheduleId: s.id }, select: { number: true, startsAt: true, endsAt: true } });
    const after = [...slots.filter((x) => x.number !== input.number), { number: input.number, startsAt: input.startsAt, endsAt: input.endsAt }];
    const errors = validateBells(after);
    if (errors.length) throw new AppError("BAD_INPUT", errors.join(" "), { _form: errors });
    await tx.bellSlot.upsert({
      where: { schoolId_scheduleId_number: { schoolId: p.schoolId, scheduleId: s.id, number: input.number } },
      create: { schoolId: p.schoolId, scheduleId: s.id, number: input.number, startsAt: input.startsAt, endsAt: input.endsAt },
      update: { startsAt: input.startsAt, endsAt: input.endsAt },
    });
  });
}

export async function removeBellSlot(p: Principal, slotId: string): Promise<void> {
  assertCan(p, "school.manage");
  assertId(slotId);
  await db.$transaction(async (tx) => {
    const slot = await tx.bellSlot.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: slotId } }, select: { id: true, scheduleId: true } });
    if (!slot) throw new AppError("NOT_FOUND", "Звонок не найден.");
    await writableSchedule(p, tx, slot.scheduleId);
    await tx.bellSlot.delete({ where: { schoolId_id: { schoolId: p.schoolId, id: slot.id } } });
  });
}

export async function removeBellSchedule(p: Principal, scheduleId: string): Promise<void> {
  assertCan(p, "school.manage");
  await db.$transaction(async (tx) => {
    const s = await writableSchedule(p, tx, scheduleId);
    await tx.bellSlot.deleteMany({ where: { schoolId: p.schoolId, scheduleId: s.id } });
    await tx.bellSchedule.delete({ where: { schoolId_id: { schoolId: p.schoolId, id: s.id } } });
  });
}
