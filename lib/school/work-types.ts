/**
 * Виды работ with their weights for the weighted average (a school setting, dated). A
 * work type has its weight from the beginning (set when it is added); a change of weight
 * is a new version from a day, and a mark weighs what its work type weighed on the mark's
 * date, so a new weight never changes an old average. Versions are never edited.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { hundredths } from "@/lib/grading/marks";
import { isUniqueViolation } from "@/lib/school/tx";
import { loadWorkTypeWeightHistories } from "@/lib/school/grading-policy";
import { assertDayOpen } from "@/lib/school/year-guard";
import { formatDayInput } from "@/lib/school/calendar-days";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";
import { versionOn, weightInForce } from "@/lib/grading/weights";

export type WorkTypeRow = {
  id: string; code: string; name: string;
  /** hundredths, in force today (in the school's zone) */
  weight: number;
  isAssessment: boolean; archived: boolean;
};

export type WorkTypeInput = { name: string; weight: number; isAssessment: boolean };

/** A work type's own settings; its weight changes only by a dated version (changeWorkTypeWeight). */
export type WorkTypeUpdate = { id: string; name: string; isAssessment: boolean; archived: boolean };

/** One version of a work type's weight; `validFrom` null is the weight from the beginning. */
export type WeightVersionRow = {
  id: string | null;
  validFrom: string | null;
  /** hundredths */
  weight: number;
  /** the version in force today */
  inForce: boolean;
};

const MIN_WEIGHT = 10;
const MAX_WEIGHT = 1000;

function checkWeight(weight: number, field = "weight"): void {
  if (!Number.isInteger(weight) || weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
    throw new AppError("BAD_INPUT", "Вес — число от 0,1 до 10.", { [field]: ["Вес — число от 0,1 до 10."] });
  }
}

export async function listWorkTypes(p: Principal): Promise<WorkTypeRow[]> {
  assertCan(p, "school.manage");
  const [rows, weights] = await Promise.all([
    db.workType.findMany({ where: { schoolId: p.schoolId }, orderBy: [{ archived: "asc" }, { name: "asc" }] }),
    loadWorkTypeWeightHistories(p.schoolId),
  ]);
  const today = schoolToday(p.timeZone);
  return rows.map((r) => {
    const h = weights.get(r.id);
    const weight = h ? weightInForce(h, today) : hundredths(r.weight);
    return { id: r.id, code: r.code, name: r.name, weight, isAssessment: r.isAssessment, archived: r.archived };
  });
}

export async function getWorkType(p: Principal, id: string): Promise<WorkTypeRow> {
  assertCan(p, "school.manage");
  assertId(id);
  const r = await db.workType.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id } } });
  if (!r) throw new AppError("NOT_FOUND", "Вид работы не найден.");
  const current = await db.workTypeWeight.findFirst({
    where: { schoolId: p.schoolId, workTypeId: id, validFrom: { lte: dayToDate(schoolToday(p.timeZone)) } },
    orderBy: { validFrom: "desc" },
    select: { weight: true },
  });
  return { id: r.id, code: r.code, name: r.name, weight: hundredths(current?.weight ?? r.weight), isAssessment: r.isAssessment, archived: r.archived };
}

/**
 * The versions of a work type's weight, latest first, ending with the weight from the
 * beginning; the one in force today is marked.
 */
export async function listWorkTypeWeights(p: Principal, workTypeId: string): Promise<WeightVersionRow[]> {
  assertCan(p, "school.manage");
  assertId(workTypeId);
  const t = await db.workType.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: workTypeId } },
    select: { weight: true, weights: { select: { id: true, validFrom: true, weight: true }, orderBy: { validFrom: "desc" } } },
  });
  if (!t) throw new AppError("NOT_FOUND", "Вид работы не найден.");
  const versions = t.weights.map((v) => ({ id: v.id, validFrom: dateToDay(v.validFrom), weight: hundredths(v.weight) }));
  const current = versionOn(versions, schoolToday(p.timeZone));
  return [
    ...versions.map((v) => ({ ...v, inForce: v.validFrom === current?.validFrom })),
    { id: null, validFrom: null, weight: hundredths(t.weight), inForce: current === null },
  ];
}

/**
 * A new weight of a work type from a day (today in the school's zone when none is given).
 * Marks before that day keep the weight they had; the day may not lie in a closed year,
 * and a second version on the same day is refused: versions are never replaced.
 */
export async function changeWorkTypeWeight(p: Principal, input: { workTypeId: string; validFrom: string | null; weight: number }): Promise<{ id: string; validFrom: string }> {
  assertCan(p, "school.manage");
  assertId(input.workTypeId);
  checkWeight(input.weight, "newWeight");
  const validFrom = input.validFrom ?? schoolToday(p.timeZone);
  const t = await db.workType.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: input.workTypeId } }, select: { name: true } });
  if (!t) throw new AppError("NOT_FOUND", "Вид работы не найден.");
  // a version starting inside a closed year would change that year's averages
  await assertDayOpen(p, validFrom);
  try {
    const v = await db.workTypeWeight.create({
      data: { schoolId: p.schoolId, workTypeId: input.workTypeId, validFrom: dayToDate(validFrom), weight: (input.weight / 100).toFixed(2) },
      select: { id: true },
    });
    return { id: v.id, validFrom };
  } catch (e) {
    if (isUniqueViolation(e)) {
      const msg = `Вес вида работы «${t.name}» с ${formatDayInput(validFrom)} уже задан. Выберите другую дату: прежние версии не меняются.`;
      throw new AppError("CONFLICT", msg, { weightFrom: [msg] });
    }
    throw e;
  }
}

function duplicate(e: unknown, field: string, msg: string): never {
  if (isUniqueViolation(e)) throw new AppError("CONFLICT", msg, { [field]: [msg] });
  throw e;
}

export async function createWorkType(p: Principal, input: WorkTypeInput & { code: string | null }): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  checkWeight(input.weight);
  const taken = await db.workType.findFirst({ where: { schoolId: p.schoolId, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", `Вид работы «${input.name}» уже есть.`, { name: [`Вид работы «${input.name}» уже есть.`] });
  // Staff rarely need the code; one is made up so the column stays unique and stable.
  const code = input.code ?? `CUSTOM_${(await db.workType.count({ where: { schoolId: p.schoolId } })) + 1}`;
  try {
    return await db.workType.create({
      data: { schoolId: p.schoolId, code, name: input.name, weight: (input.weight / 100).toFixed(2), isAssessment: input.isAssessment },
      select: { id: true },
    });
  } catch (e) {
    duplicate(e, "code", `Код ${code} уже занят. Укажите другой.`);
  }
}

/** Name, assessment flag and archive; the weight changes only by a dated version (changeWorkTypeWeight). */
export async function updateWorkType(p: Principal, input: WorkTypeUpdate): Promise<void> {
  assertCan(p, "school.manage");
  assertId(input.id);
  const found = await db.workType.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: input.id } }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", "Вид работы не найден.");
  const taken = await db.workType.findFirst({ where: { schoolId: p.schoolId, id: { not: input.id }, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", `Вид работы «${input.name}» уже есть.`, { name: [`Вид работы «${input.name}» уже есть.`] });
  await db.workType.update({
    where: { schoolId_id: { schoolId: p.schoolId, id: input.id } },
    data: { name: input.name, isAssessment: input.isAssessment, archived: input.archived },
  });
}
