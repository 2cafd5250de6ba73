/** Виды работ with their weights for the weighted average (a school setting). */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { hundredths } from "@/lib/grading/marks";
import { isUniqueViolation } from "@/lib/school/tx";

export type WorkTypeRow = { id: string; code: string; name: string; /** hundredths */ weight: number; isAssessment: boolean; archived: boolean };

export type WorkTypeInput = { name: string; weight: number; isAssessment: boolean };

const MIN_WEIGHT = 10;
const MAX_WEIGHT = 1000;

function checkWeight(weight: number): void {
  if (!Number.isInteger(weight) || weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
    throw new AppError("BAD_INPUT", "Вес — число от 0,1 до 10.", { weight: ["Вес — число от 0,1 до 10."] });
  }
}

export async function listWorkTypes(p: Principal): Promise<WorkTypeRow[]> {
  assertCan(p, "school.manage");
  const rows = await db.workType.findMany({ where: { schoolId: p.schoolId }, orderBy: [{ archived: "asc" }, { name: "asc" }] });
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, weight: hundredths(r.weight), isAssessment: r.isAssessment, archived: r.archived }));
}

export async function getWorkType(p: Principal, id: string): Promise<WorkTypeRow> {
  assertCan(p, "school.manage");
  assertId(id);
  const r = await db.workType.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id } } });
  if (!r) throw new AppError("NOT_FOUND", "Вид работы не найден.");
  return { id: r.id, code: r.code, name: r.name, weight: hundredths(r.weight), isAssessment: r.isAssessment, archived: r.archived };
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

/**
 * A new weight applies to every average computed from now on, including marks already
 * given: the weight is the school's judgement of the work type, not of one mark.
 */
export async function updateWorkType(p: Principal, input: WorkTypeInput & { id: string; archived: boolean }): Promise<void> {
  assertCan(p, "school.manage");
  assertId(input.id);
  checkWeight(input.weight);
  const found = await db.workType.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: input.id } }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", "Вид работы не найден.");
  const taken = await db.workType.findFirst({ where: { schoolId: p.schoolId, id: { not: input.id }, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", `Вид работы «${input.name}» уже есть.`, { name: [`Вид работы «${input.name}» уже есть.`] });
  await db.workType.update({
    where: { schoolId_id: { schoolId: p.schoolId, id: input.id } },
    data: { name: input.name, weight: (input.weight / 100).toFixed(2), isAssessment: input.isAssessment, archived: input.archived },
  });
}
