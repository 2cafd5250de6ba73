/**
 * The year's calendar on a real database: creating a year with periods, holidays and
 * bells; refusals that write nothing; copying a year; a closed year; who may write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { AppError } from "../../lib/errors";
import type { Principal } from "../../lib/auth/principal";
import { copyYearCalendar, createYear, getYearCalendar, listYears, suggestNewYear } from "../../lib/school/years";
import { addPeriod, applyPeriodPreset, removePeriod, updatePeriod } from "../../lib/school/periods";
import { addHoliday, removeHoliday } from "../../lib/school/holidays";
import { createBellSchedule, removeBellSlot, saveBellSlot } from "../../lib/school/bells";
import { assertYearOpen } from "../../lib/school/year-guard";
import { outcome } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let admin: Principal;
let teacher: Principal;
let startYear: number;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  admin = await f.as("a.admin");
  teacher = await f.as("a.math");
  const y = await t.db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: f.A.yearId } } });
  startYear = y.startDate.getUTCFullYear();
});
afterAll(async () => {
  await t.close();
});

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
// 29 February when the year has one: the copy must turn it into the 28th
const lateFebruary = () => `${startYear + 2}-02-${isLeap(startYear + 2) ? "29" : "28"}`;
const next = () => ({ name: `${startYear + 1}/${startYear + 2}`, startDate: `${startYear + 1}-09-01`, endDate: `${startYear + 2}-08-31` });

describe("a new year with its calendar", () => {
  let yearId: string;

  it("suggests the year after the latest one, 1 September – 31 August", async () => {
    expect(await suggestNewYear(admin)).toEqual({ ...next(), copyFrom: f.A.yearId });
  });

  it("creates the year and fills it with periods, holidays and bells", async () => {
    yearId = (await createYear(admin, { ...next(), copyFrom: null })).id;
    expect(await applyPeriodPreset(admin, { yearId, kind: "QUARTER", gradeFrom: 1, gradeTo: 9 })).toEqual({ created: 4 });
    await applyPeriodPreset(admin, { yearId, kind: "SEMESTER", gradeFrom: 10, gradeTo: 11 });
    await applyPeriodPreset(admin, { yearId, kind: "YEAR", gradeFrom: 1, gradeTo: 11 });
    await addHoliday(admin, { yearId, kind: "HOLIDAY", name: "Дополнительные каникулы", startDate: lateFebruary(), endDate: lateFebruary(), gradeFrom: 1, gradeTo: 1 });
    await addHoliday(admin, { yearId, kind: "HOLIDAY", name: "Осенние каникулы", startDate: `${startYear + 1}-10-26`, endDate: `${startYear + 1}-11-03`, gradeFrom: 1, gradeTo: 11 });
    const { id: scheduleId } = await createBellSchedule(admin, { yearId, name: "Основное", validFrom: `${startYear + 1}-09-01`, validTo: null });
    await saveBellSlot(admin, { scheduleId, number: 1, startsAt: "08:30", endsAt: "09:10" });
    await saveBellSlot(admin, { scheduleId, number: 2, startsAt: "09:20", endsAt: "10:00" });
    // the same number again changes the time instead of adding a lesson
    await saveBellSlot(admin, { scheduleId, number: 2, startsAt: "09:25", endsAt: "10:05" });

    const c = await getYearCalendar(admin, yearId);
    expect(c.periods).toHaveLength(7);
    expect(c.periods.filter((p) => p.kind === "SEMESTER").every((p) => p.gradeFrom === 10 && p.gradeTo === 11)).toBe(true);
    expect(c.holidays.map((h) => [h.name, h.gradeTo])).toEqual([["Осенние каникулы", 11], ["Дополнительные каникулы", 1]]);
    expect(c.bellSchedules).toHaveLength(1);
    expect(c.bellSchedules[0]?.slots.map((s) => [s.number, s.startsAt, s.endsAt])).toEqual([[1, "08:30", "09:10"], [2, "09:25", "10:05"]]);
    expect((await listYears(admin)).map((y) => y.name)).toEqual([next().name, `${startYear}/${startYear + 1}`]);
  });

  it("refuses an overlapping period with a clear message and writes nothing", async () => {
    const before = await t.db.period.count({ where: { schoolId: f.A.id } });
    const e = await addPeriod(admin, { yearId, kind: "TRIMESTER", number: 1, name: "1 триместр", startDate: `${startYear + 1}-09-01`, endDate: `${startYear + 1}-11-30`, gradeFrom: 1, gradeTo: 4 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("BAD_INPUT");
    expect((e as AppError).message).toContain("пересекаются по датам");
    const preset = await outcome(applyPeriodPreset(admin, { yearId, kind: "TRIMESTER", gradeFrom: 5, gradeTo: 11 }));
    expect(preset).toBe("BAD_INPUT");
    expect(await t.db.period.count({ where: { schoolId: f.A.id } })).toBe(before);
  });

  it("moving a period's dates is checked the same way", async () => {
    const q1 = (await getYearCalendar(admin, yearId)).periods.find((p) => p.name === "1 четверть");
    if (!q1) throw new Error("no first quarter");
    expect(await outcome(updatePeriod(admin, { periodId: q1.id, name: q1.name, startDate: q1.startDate, endDate: `${startYear + 1}-11-10`, gradeFrom: 1, gradeTo: 9 }))).toBe("BAD_INPUT");
    await updatePeriod(admin, { periodId: q1.id, name: q1.name, startDate: q1.startDate, endDate: `${startYear + 1}-10-24`, gradeFrom: 1, gradeTo: 9 });
    const after = (await getYearCalendar(admin, yearId)).periods.find((p) => p.id === q1.id);
    expect(after?.endDate).toBe(`${startYear + 1}-10-24`);
  });

  it("refuses overlapping bells and a year overlapping another", async () => {
    const scheduleId = (await getYearCalendar(admin, yearId)).bellSchedules[0]?.id ?? "";
    const e = await saveBellSlot(admin, { scheduleId, number: 3, startsAt: "09:50", endsAt: "10:30" }).catch((x: unknown) => x);
    expect((e as AppError).code).toBe("BAD_INPUT");
    expect((e as AppError).message).toContain("пересекаются по времени");
    expect(await outcome(createYear(admin, { name: "Другой", startDate: `${startYear + 2}-01-01`, endDate: `${startYear + 2}-12-31`, copyFrom: null }))).toBe("BAD_INPUT");
    expect(await outcome(createYear(admin, { ...next(), copyFrom: null }))).toBe("CONFLICT");
  });

  it("copies the calendar into the following year, keeping days and months", async () => {
    const following = await createYear(admin, { name: `${startYear + 2}/${startYear + 3}`, startDate: `${startYear + 2}-09-01`, endDate: `${startYear + 3}-08-31`, copyFrom: yearId });
    expect(following.copied).toEqual({ periods: 7, holidays: 2, bellSchedules: 1 });
    const c = await getYearCalendar(admin, following.id);
    const q1 = c.periods.find((p) => p.name === "1 четверть");
    expect([q1?.startDate, q1?.endDate]).toEqual([`${startYear + 2}-09-01`, `${startYear + 2}-10-24`]);
    // 29 February has no twin in the next year
    expect(c.holidays.find((h) => h.name === "Дополнительные каникулы")).toMatchObject({ startDate: `${startYear + 3}-02-28`, gradeFrom: 1, gradeTo: 1 });
    const own = c.bellSchedules.filter((s) => s.validFrom >= c.year.startDate);
    expect(own.map((s) => [s.validFrom, s.slots.length])).toEqual([[`${startYear + 2}-09-01`, 2]]);
    // the old schedule now ends with its own year, so one schedule is in force on any day
    const old = (await getYearCalendar(admin, yearId)).bellSchedules[0];
    expect(old?.validTo).toBe(`${startYear + 2}-08-31`);
    // a calendar is copied only into an empty one
    expect(await outcome(copyYearCalendar(admin, yearId, following.id))).toBe("CONFLICT");
  });
});

describe("a closed year is read-only", () => {
  it("refuses every write with a message that says why", async () => {
    const y = await createYear(admin, { name: "Закрытый", startDate: `${startYear - 2}-09-01`, endDate: `${startYear - 1}-08-31`, copyFrom: null });
    const holiday = await addHoliday(admin, { yearId: y.id, kind: "HOLIDAY", name: "Каникулы", startDate: `${startYear - 2}-11-01`, endDate: `${startYear - 2}-11-07`, gradeFrom: 1, gradeTo: 11 });
    const period = await addPeriod(admin, { yearId: y.id, kind: "YEAR", number: 1, name: "Год", startDate: `${startYear - 2}-09-01`, endDate: `${startYear - 1}-08-31`, gradeFrom: 1, gradeTo: 11 });
    const { id: scheduleId } = await createBellSchedule(admin, { yearId: y.id, name: "Звонки", validFrom: `${startYear - 2}-09-01`, validTo: `${startYear - 1}-08-31` });
    await saveBellSlot(admin, { scheduleId, number: 1, startsAt: "08:30", endsAt: "09:10" });
    const slot = await t.db.bellSlot.findFirstOrThrow({ where: { schoolId: f.A.id, scheduleId } });
    await t.db.academicYear.update({ where: { schoolId_id: { schoolId: f.A.id, id: y.id } }, data: { closedAt: new Date() } });

    const e = await addHoliday(admin, { yearId: y.id, kind: "HOLIDAY", name: "Ещё", startDate: `${startYear - 2}-12-01`, endDate: `${startYear - 2}-12-02`, gradeFrom: 1, gradeTo: 11 }).catch((x: unknown) => x);
    expect((e as AppError).message).toBe("Учебный год Закрытый закрыт: после перевода учеников изменения в нём невозможны.");
    const codes = await Promise.all([
      outcome(assertYearOpen(admin, y.id)),
      outcome(removeHoliday(admin, holiday.id)),
      outcome(removePeriod(admin, period.id)),
      outcome(applyPeriodPreset(admin, { yearId: y.id, kind: "QUARTER", gradeFrom: 1, gradeTo: 9 })),
      outcome(updatePeriod(admin, { periodId: period.id, name: "Год", startDate: `${startYear - 2}-09-02`, endDate: `${startYear - 1}-08-31`, gradeFrom: 1, gradeTo: 11 })),
      outcome(saveBellSlot(admin, { scheduleId, number: 2, startsAt: "09:20", endsAt: "10:00" })),
      outcome(removeBellSlot(admin, slot.id)),
      outcome(createBellSchedule(admin, { yearId: y.id, name: "Новые", validFrom: `${startYear - 2}-10-01`, validTo: null })),
    ]);
    expect(codes).toEqual(Array(8).fill("PERIOD_CLOSED"));
    expect((await getYearCalendar(admin, y.id)).holidays).toHaveLength(1);
  });
});

describe("who may change the calendar", () => {
  it("a teacher gets FORBIDDEN for every write and read of the set-up", async () => {
    const yearId = f.A.yearId;
    const period = await t.db.period.findFirstOrThrow({ where: { schoolId: f.A.id, yearId } });
    const any = "0190a0e4-0000-7000-8000-000000000001";
    const codes = await Promise.all([
      outcome(createYear(teacher, { name: "2090/2091", startDate: "2090-09-01", endDate: "2091-08-31", copyFrom: null })),
      outcome(copyYearCalendar(teacher, yearId, yearId)),
      outcome(addPeriod(teacher, { yearId, kind: "QUARTER", number: 1, name: "1 четверть", startDate: `${startYear}-09-01`, endDate: `${startYear}-10-24`, gradeFrom: 1, gradeTo: 9 })),
      outcome(updatePeriod(teacher, { periodId: period.id, name: "Год", startDate: `${startYear}-09-01`, endDate: `${startYear + 1}-08-31`, gradeFrom: 1, gradeTo: 11 })),
      outcome(removePeriod(teacher, period.id)),
      outcome(applyPeriodPreset(teacher, { yearId, kind: "QUARTER", gradeFrom: 1, gradeTo: 9 })),
      outcome(addHoliday(teacher, { yearId, kind: "HOLIDAY", name: "Каникулы", startDate: `${startYear}-11-01`, endDate: `${startYear}-11-02`, gradeFrom: 1, gradeTo: 11 })),
      outcome(removeHoliday(teacher, any)),
      outcome(createBellSchedule(teacher, { yearId, name: "Звонки", validFrom: `${startYear}-09-01`, validTo: null })),
      outcome(saveBellSlot(teacher, { scheduleId: any, number: 1, startsAt: "08:30", endsAt: "09:10" })),
      outcome(removeBellSlot(teacher, any)),
      outcome(listYears(teacher)),
      outcome(getYearCalendar(teacher, yearId)),
    ]);
    expect(codes).toEqual(Array(13).fill("FORBIDDEN"));
  });

  it("another school's administrator does not find the year", async () => {
    const adminB = await f.as("b.admin");
    expect(await outcome(getYearCalendar(adminB, f.A.yearId))).toBe("NOT_FOUND");
    expect(await outcome(addHoliday(adminB, { yearId: f.A.yearId, kind: "HOLIDAY", name: "Чужие", startDate: `${startYear}-11-01`, endDate: `${startYear}-11-02`, gradeFrom: 1, gradeTo: 11 }))).toBe("NOT_FOUND");
  });
});
