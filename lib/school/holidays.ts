/** Каникулы and non-working days of a year, optionally for some grades only. */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { dayToDate } from "@/lib/time";
import { validateHoliday } from "@/lib/school/calendar-rules";
import { assertYearOpen } from "@/lib/school/year-guard";

export type HolidayInput = {
  yearId: string;
  kind: "HOLIDAY" | "NON_WORKING_DAY";
  name: string;
  startDate: string;
  endDate: string;
  gradeFrom: number;
  gradeTo: number;
};

export async function addHoliday(p: Principal, input: HolidayInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  const year = await assertYearOpen(p, input.yearId);
  const errors = validateHoliday(year, input);
  if (errors.length) throw new AppError("BAD_INPUT", errors.join(" "), { _form: errors });
  return db.holiday.create({
    data: {
      schoolId: p.schoolId, yearId: year.id, kind: input.kind, name: input.name.trim(),
      startDate: dayToDate(input.startDate), endDate: dayToDate(input.endDate), gradeFrom: input.gradeFrom, gradeTo: input.gradeTo,
    },
    select: { id: true },
  });
}

export async function removeHoliday(p: Principal, holidayId: string): Promise<void> {
  assertCan(p, "school.manage");
  assertId(holidayId);
  const h = await db.holiday.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: holidayId } }, select: { id: true, yearId: true } });
  if (!h) throw new AppError("NOT_FOUND", "Каникулы не найдены.");
  await assertYearOpen(p, h.yearId);
  await db.holiday.delete({ where: { schoolId_id: { schoolId: p.schoolId, id: h.id } } });
}
