/**
 * What a school's pages share, kept in each server process's memory (lib/school/shared.ts):
 * the bells, holidays, grading rules, work types and weights. A family or a teacher must
 * see an administrator's change at their next request, on both engines, in whatever
 * process: the school's version is raised by triggers in the change's own transaction
 * and read with the user at the start of each request.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { mondayOf, readDiaryWeek } from "../../lib/diary/week";
import { saveBellSlot } from "../../lib/school/bells";
import { addHoliday } from "../../lib/school/holidays";
import { changeWorkTypeWeight } from "../../lib/school/work-types";
import { createGradingPolicyVersion, loadGradingPolicy, loadWorkTypeWeightHistories } from "../../lib/school/grading-policy";
import { forgetShared } from "../../lib/school/shared";
import { loadJournalGrid } from "../../lib/journal/grid";
import { addDays, dateToDay, dayToDate } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
let monday: string;
let yearStart: string;
let scheduleId: string;

const versionOf = async (schoolId: string) =>
  (await t.db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { sharedVersion: true } })).sharedVersion;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const year = await t.db.academicYear.findFirstOrThrow({ where: { schoolId: f.A.id, id: f.A.yearId }, select: { startDate: true } });
  yearStart = dateToDay(year.startDate);
  // a week inside the school year, after today's: the grid's term and the diary agree
  monday = mondayOf(addDays(yearStart, 70));
  const bells = await t.db.bellSchedule.create({ data: { schoolId: f.A.id, name: "Основное", validFrom: year.startDate } });
  scheduleId = bells.id;
  await t.db.bellSlot.create({ data: { schoolId: f.A.id, scheduleId, number: 1, startsAt: "08:30", endsAt: "09:10" } });
  await t.db.lesson.create({
    data: { schoolId: f.A.id, cohortId: f.A.c5, subjectId: f.A.math, teacherId: f.A.mathT, date: dayToDate(monday), lessonNumber: 1, status: "HELD" },
  });
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => forgetShared());

describe("the school's version", () => {
  it("rises with every change of bells, holidays, rules, work types and weights, and only the school's own", async () => {
    const sid = f.A.id;
    const other = await versionOf(f.B.id);
    const steps: [string, () => Promise<unknown>][] = [
      ["a bell schedule", () => t.db.bellSchedule.update({ where: { schoolId_id: { schoolId: sid, id: scheduleId } }, data: { name: "Основное (зима)" } })],
      ["a bell", () => t.db.bellSlot.create({ data: { schoolId: sid, scheduleId, number: 7, startsAt: "14:00", endsAt: "14:40" } })],
      ["a bell removed", () => t.db.bellSlot.deleteMany({ where: { schoolId: sid, scheduleId, number: 7 } })],
      ["a holiday", () => t.db.holiday.create({ data: { schoolId: sid, yearId: f.A.yearId, name: "Каникулы", startDate: dayToDate(addDays(yearStart, 60)), endDate: dayToDate(addDays(yearStart, 66)) } })],
      ["the grading rules", () => t.db.gradingPolicy.create({ data: { schoolId: sid, validFrom: dayToDate(yearStart), threshold3: "2.60", threshold4: "3.60", threshold5: "4.60" } })],
      ["a work type", () => t.db.workType.update({ where: { schoolId_id: { schoolId: sid, id: f.A.workTypeId } }, data: { name: "Работа на уроке" } })],
      ["a weight", () => t.db.workTypeWeight.create({ data: { schoolId: sid, workTypeId: f.A.workTypeId, validFrom: dayToDate(addDays(yearStart, 200)), weight: "1.50" } })],
      ["raw SQL", () => t.db.$executeRawUnsafe(`UPDATE "Holiday" SET name = 'Осенние каникулы' WHERE "schoolId" = $1::uuid`, sid)],
    ];
    for (const [what, step] of steps) {
      const before = await versionOf(sid);
      await step();
      expect(await versionOf(sid), what).toBeGreaterThan(before);
    }
    expect(await versionOf(f.B.id)).toBe(other);
  });

  it("does not rise for a change that is rolled back", async () => {
    const before = await versionOf(f.A.id);
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.holiday.create({ data: { schoolId: f.A.id, yearId: f.A.yearId, name: "Не будет", startDate: dayToDate(yearStart), endDate: dayToDate(yearStart) } });
        throw new Error("передумали");
      }),
    ).rejects.toThrow("передумали");
    expect(await versionOf(f.A.id)).toBe(before);
  });

  it("comes with the signed-in user", async () => {
    const p = await f.as("a.g1");
    expect(p.schoolVersion).toBe(Number(await versionOf(f.A.id)));
  });

  it("never comes back after a restore of an older backup: what a process kept is not served again", async () => {
    const firstLesson = async () => (await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday)).days[0]?.lessons.find((l) => l.lessonNumber === 1)?.startsAt;
    await saveBellSlot(await f.as("a.admin"), { scheduleId, number: 1, startsAt: "08:30", endsAt: "09:10" });
    expect(await firstLesson()).toBe("08:30");
    const kept = await versionOf(f.A.id);
    // a restore puts back older rows and an older version (here: the bell at 07:50, a version just below)
    await t.db.bellSlot.updateMany({ where: { schoolId: f.A.id, scheduleId, number: 1 }, data: { startsAt: "07:50" } });
    await t.db.$executeRawUnsafe(`UPDATE "School" SET "sharedVersion" = $1 WHERE id = $2::uuid`, kept - 1n, f.A.id);
    // one change after the restore: the version moves past anything kept, not back onto it
    await t.db.holiday.create({ data: { schoolId: f.A.id, yearId: f.A.yearId, name: "После восстановления", startDate: dayToDate(yearStart), endDate: dayToDate(yearStart) } });
    expect(await versionOf(f.A.id)).toBeGreaterThan(kept);
    expect(await firstLesson()).toBe("07:50");
    await saveBellSlot(await f.as("a.admin"), { scheduleId, number: 1, startsAt: "08:30", endsAt: "09:10" });
  });
});

describe("a change is seen at the next request", () => {
  const firstLesson = (w: Awaited<ReturnType<typeof readDiaryWeek>>) => w.days[0]?.lessons.find((l) => l.lessonNumber === 1);

  it("a new bell time in the family's week", async () => {
    const before = await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday);
    expect(firstLesson(before)?.startsAt).toBe("08:30");
    await saveBellSlot(await f.as("a.admin"), { scheduleId, number: 1, startsAt: "08:45", endsAt: "09:25" });
    const after = await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday);
    expect(firstLesson(after)).toMatchObject({ startsAt: "08:45", endsAt: "09:25" });
  });

  it("a new holiday in the family's week, and a family of the other school does not read the first school's", async () => {
    const before = await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday);
    expect(before.days[2]?.holiday).toBeNull();
    await addHoliday(await f.as("a.admin"), {
      yearId: f.A.yearId, kind: "NON_WORKING_DAY", name: "День школы", startDate: addDays(monday, 2), endDate: addDays(monday, 2), gradeFrom: 1, gradeTo: 11,
    });
    const after = await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday);
    expect(after.days[2]?.holiday).toEqual({ name: "День школы", kind: "NON_WORKING_DAY" });
    const other = await readDiaryWeek(await f.as("b.g"), f.B.sB, monday);
    expect(other.days.every((d) => d.holiday === null)).toBe(true);
  });

  it("new grading rules for the marks pages (the rules in force on a period's last day)", async () => {
    const day = addDays(yearStart, 30);
    const rules = async () => {
      const p = await f.as("a.g1");
      return loadGradingPolicy(p.schoolId, day, p.schoolVersion);
    };
    const before = await rules();
    await createGradingPolicyVersion(await f.as("a.admin"), {
      validFrom: addDays(yearStart, 2), thresholds: { 3: 260, 4: 360, 5: 460 }, minMarks: 1, maxAbsenceShare: 40,
      maxAssessmentsPerDay: 1, maxAssessmentShare: 10, minAssessmentGapDays: 1750,
    });
    const after = await rules();
    expect(after).not.toEqual(before);
    expect(after).toMatchObject({ validFrom: addDays(yearStart, 2), thresholds: { 3: 260, 4: 360, 5: 460 }, minMarks: 1, maxAbsenceShare: 40 });
    // the version of an earlier day is still the earlier one
    const p = await f.as("a.g1");
    expect((await loadGradingPolicy(p.schoolId, addDays(yearStart, 1), p.schoolVersion)).validFrom).not.toBe(addDays(yearStart, 2));
    // what the pages get from memory is what the database gives
    expect(after).toEqual(await loadGradingPolicy(p.schoolId, day));
  });

  it("a new weight in the teacher's grid", async () => {
    const weightOf = async () => {
      const grid = await loadJournalGrid(await f.as("a.math"), f.A.c5, f.A.math);
      return grid.workTypes.find((w) => w.id === f.A.workTypeId)?.versions.map((v) => `${v.validFrom}:${v.weight}`);
    };
    const before = await weightOf();
    await changeWorkTypeWeight(await f.as("a.admin"), { workTypeId: f.A.workTypeId, validFrom: addDays(yearStart, 100), weight: 300 });
    const after = await weightOf();
    expect(after).toEqual([...(before ?? []), `${addDays(yearStart, 100)}:300`].sort());
  });

  it("a request that began before a change reads afresh and keeps nothing for later ones", async () => {
    const old = await f.as("a.g1");
    await saveBellSlot(await f.as("a.admin"), { scheduleId, number: 1, startsAt: "08:00", endsAt: "08:40" });
    const fresh = await f.as("a.g1");
    expect(firstLesson(await readDiaryWeek(fresh, f.A.s1, monday))?.startsAt).toBe("08:00");
    // the old request's read is not kept under the old version for anyone
    await saveBellSlot(await f.as("a.admin"), { scheduleId, number: 1, startsAt: "08:10", endsAt: "08:50" });
    expect(firstLesson(await readDiaryWeek(old, f.A.s1, monday))?.startsAt).toBe("08:10");
    expect(firstLesson(await readDiaryWeek(await f.as("a.g1"), f.A.s1, monday))?.startsAt).toBe("08:10");
  });
});

describe("what is kept", () => {
  it("is the same for every request of the version, and cannot be changed by one of them", async () => {
    const p = await f.as("a.math");
    const first = await loadWorkTypeWeightHistories(p.schoolId, p.schoolVersion);
    const second = await loadWorkTypeWeightHistories(p.schoolId, p.schoolVersion);
    expect(second).toBe(first);
    expect(() => first.set("x", { code: "X", base: 100, versions: [] })).toThrow(TypeError);
    const history = first.get(f.A.workTypeId);
    expect(history).toBeDefined();
    expect(() => (history as { base: number }).base = 1).toThrow(TypeError);
  });

  it("is not used without a version: a principal built by hand reads the database", async () => {
    const p = await f.as("a.math");
    const kept = await loadWorkTypeWeightHistories(p.schoolId, p.schoolVersion);
    expect(await loadWorkTypeWeightHistories(p.schoolId)).not.toBe(kept);
  });
});
