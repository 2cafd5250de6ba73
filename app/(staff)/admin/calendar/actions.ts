"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { userAction } from "@/lib/action";
import {
  addHolidaySchema, addPeriodSchema, copyCalendarSchema, createBellScheduleSchema, createYearSchema, periodPresetSchema,
  removeSchema, saveBellSlotSchema, updatePeriodSchema,
} from "@/lib/school/schemas";
import { copyYearCalendar, createYear } from "@/lib/school/years";
import { addPeriod, applyPeriodPreset, removePeriod, updatePeriod } from "@/lib/school/periods";
import { addHoliday, removeHoliday } from "@/lib/school/holidays";
import { createBellSchedule, removeBellSchedule, removeBellSlot, saveBellSlot } from "@/lib/school/bells";

// Every calendar screen lives under this path; a change refreshes all of them.
function refresh(): void {
  revalidatePath("/admin/calendar", "layout");
}

export const createYearAction = userAction(createYearSchema, async (p, input) => {
  const y = await createYear(p, input);
  refresh();
  redirect(`/admin/calendar/${y.id}?created=1`);
});

export const copyCalendarAction = userAction(copyCalendarSchema, async (p, input) => {
  const r = await copyYearCalendar(p, input.fromYearId, input.toYearId);
  refresh();
  return r;
});

export const addPeriodAction = userAction(addPeriodSchema, async (p, input) => {
  await addPeriod(p, input);
  refresh();
  return null;
});

export const periodPresetAction = userAction(periodPresetSchema, async (p, input) => {
  const r = await applyPeriodPreset(p, input);
  refresh();
  return r;
});

export const updatePeriodAction = userAction(updatePeriodSchema, async (p, input) => {
  await updatePeriod(p, input);
  refresh();
  return null;
});

export const removePeriodAction = userAction(removeSchema, async (p, input) => {
  await removePeriod(p, input.id);
  refresh();
  return null;
});

export const addHolidayAction = userAction(addHolidaySchema, async (p, input) => {
  await addHoliday(p, input);
  refresh();
  return null;
});

export const removeHolidayAction = userAction(removeSchema, async (p, input) => {
  await removeHoliday(p, input.id);
  refresh();
  return null;
});

export const createBellScheduleAction = userAction(createBellScheduleSchema, async (p, input) => {
  await createBellSchedule(p, input);
  refresh();
  return null;
});

export const saveBellSlotAction = userAction(saveBellSlotSchema, async (p, input) => {
  await saveBellSlot(p, input);
  refresh();
  return null;
});

export const removeBellSlotAction = userAction(removeSchema, async (p, input) => {
  await removeBellSlot(p, input.id);
  refresh();
  return null;
});

export const removeBellScheduleAction = userAction(removeSchema, async (p, input) => {
  await removeBellSchedule(p, input.id);
  refresh();
  return null;
});
