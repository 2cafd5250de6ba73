/**
 * The school's grading rules, dated: a change is a new version from a day, the old
 * versions stay (marks of the past are judged by the rules of their day). The journal and
 * the diary read the version in force through loadGradingPolicy and loadAssessmentRules;
 * the weights of work types likewise through loadWorkTypeWeights (their versions are
 * written in lib/school/work-types.ts).
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { dateToDay, dayToDate } from "@/lib/time";
import { hundredths } from "@/lib/grading/marks";
import { DEFAULT_POLICY, policyFromRow, policyOn, validatePolicy, type GradingPolicy } from "@/lib/grading/policy";
import { sharedOfSchool } from "@/lib/school/shared";
import { weightInForce, type WeightHistory, type WeightVersion } from "@/lib/grading/weights";
import { FEDERAL_RULES, type AssessmentRuleSettings } from "@/lib/timetable/assessment-rules";
import { formatDayInput } from "@/lib/school/calendar-days";
import { assertDayOpen } from "@/lib/school/year-guard";
import { isUniqueViolation } from "@/lib/school/tx";

export type PolicyVersion = GradingPolicy & {
  id: string;
  maxAssessmentsPerDay: number;
  maxAssessmentShare: number;
  /** in hundredths of a day: 1750 = 17.5 days */
  minAssessmentGapDays: number;
};

type Row = {
  id: string; validFrom: Date; threshold3: { toString(): string }; threshold4: { toString(): string }; threshold5: { toString(): string };
  minMarks: number; maxAbsenceShare: { toString(): string }; maxAssessmentsPerDay: number; maxAssessmentShare: number; minAssessmentGapDays: { toString(): string };
};

function toVersion(r: Row): PolicyVersion {
  return {
    id: r.id,
    ...policyFromRow({ ...r, validFrom: dateToDay(r.validFrom) }),
    maxAssessmentsPerDay: r.maxAssessmentsPerDay,
    maxAssessmentShare: r.maxAssessmentShare,
    minAssessmentGapDays: hundredths(r.minAssessmentGapDays),
  };
}

async function versionOn(schoolId: string, day: string): Promise<PolicyVersion | null> {
  const r = await db.gradingPolicy.findFirst({ where: { schoolId, validFrom: { lte: dayToDate(day) } }, orderBy: { validFrom: "desc" } });
  return r ? toVersion(r) : null;
}

/**
 * The grading policy in force on a day; the common rules when the school has set none.
 * The school's versions of the rules (a handful) are read whole, kept in memory under the
 * school's `version` when one is given (Principal.schoolVersion, lib/school/shared.ts), and
 * the one of the day picked from them by the grading rule (policyOn).
 */
export async function loadGradingPolicy(schoolId: string, day: string, version?: number): Promise<GradingPolicy> {
  const v = policyOn(await sharedOfSchool(schoolId, version, "grading-policies", () => readAllPolicies(schoolId)), day);
  return v ? policyOf(v) : DEFAULT_POLICY;
}

/** Every version of the rules. */
async function readAllPolicies(schoolId: string): Promise<PolicyVersion[]> {
  const rows = await db.gradingPolicy.findMany({ where: { schoolId }, orderBy: { validFrom: "desc" } });
  return rows.map(toVersion);
}

/** The grading part of a version (without the test-schedule rules). */
function policyOf(v: GradingPolicy): GradingPolicy {
  return { validFrom: v.validFrom, thresholds: v.thresholds, minMarks: v.minMarks, maxAbsenceShare: v.maxAbsenceShare };
}

/** The test-schedule rules in force on a day; the federal ones when the school has set none. */
export async function loadAssessmentRules(schoolId: string, day: string): Promise<AssessmentRuleSettings> {
  const v = await versionOn(schoolId, day);
  if (!v) return FEDERAL_RULES;
  return { maxPerDayPerCohort: v.maxAssessmentsPerDay, maxShareOfHours: v.maxAssessmentShare, minGapDays: v.minAssessmentGapDays / 100 };
}

/**
 * Every work type's weights, by id: the weight from the beginning and the dated versions
 * (archived work types included: an old mark keeps the weight of its work type on its
 * date). For a period's averages, weigh each mark by its own date
 * (weighByDate in lib/grading/weights.ts).
 */
export async function loadWorkTypeWeightHistories(schoolId: string, version?: number): Promise<Map<string, WeightHistory & { code: string }>> {
  // with the school's version: kept in memory (lib/school/shared.ts), shared, not to be changed
  return sharedOfSchool(schoolId, version, "work-type-weights", () => readWorkTypeWeightHistories(schoolId));
}

async function readWorkTypeWeightHistories(schoolId: string): Promise<Map<string, WeightHistory & { code: string }>> {
  const [types, versions] = await Promise.all([
    db.workType.findMany({ where: { schoolId }, select: { id: true, code: true, weight: true } }),
    db.workTypeWeight.findMany({ where: { schoolId }, select: { workTypeId: true, validFrom: true, weight: true }, orderBy: { validFrom: "asc" } }),
  ]);
  const byType = new Map<string, WeightVersion[]>();
  for (const v of versions) {
    const list = byType.get(v.workTypeId) ?? [];
    list.push({ validFrom: dateToDay(v.validFrom), weight: hundredths(v.weight) });
    byType.set(v.workTypeId, list);
  }
  return new Map(types.map((t) => [t.id, { code: t.code, base: hundredths(t.weight), versions: byType.get(t.id) ?? [] }]));
}

/**
 * Every work type's weight in force on `day`, in hundredths, by id and by code, archived
 * ones included: the latest version from `day` or before, else the weight from the
 * beginning. A mark weighs what its work type weighed on the mark's date.
 */
export async function loadWorkTypeWeights(schoolId: string, day: string): Promise<{ byId: Map<string, number>; byCode: Map<string, number> }> {
  const byId = new Map<string, number>();
  const byCode = new Map<string, number>();
  for (const [id, h] of await loadWorkTypeWeightHistories(schoolId)) {
    const w = weightInForce(h, day);
    byId.set(id, w);
    byCode.set(h.code, w);
  }
  return { byId, byCode };
}

export async function listGradingPolicies(p: Principal): Promise<PolicyVersion[]> {
  assertCan(p, "school.manage");
  const rows = await db.gradingPolicy.findMany({ where: { schoolId: p.schoolId }, orderBy: { validFrom: "desc" } });
  return rows.map(toVersion);
}

export type PolicyInput = Omit<PolicyVersion, "id">;

function decimalText(h: number): string {
  return (h / 100).toFixed(2);
}

/** A new version of the rules from a day. Earlier versions stay as they were. */
export async function createGradingPolicyVersion(p: Principal, input: PolicyInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  const errors = validatePolicy(input);
  if (errors.length) throw new AppError("BAD_INPUT", errors.join(" "), { _form: errors });
  // a version starting inside a closed year would change how that year was graded
  await assertDayOpen(p, input.validFrom);
  try {
    return await db.gradingPolicy.create({
      data: {
        schoolId: p.schoolId,
        validFrom: dayToDate(input.validFrom),
        threshold3: decimalText(input.thresholds[3]),
        threshold4: decimalText(input.thresholds[4]),
        threshold5: decimalText(input.thresholds[5]),
        minMarks: input.minMarks,
        maxAbsenceShare: decimalText(input.maxAbsenceShare),
        maxAssessmentsPerDay: input.maxAssessmentsPerDay,
        maxAssessmentShare: input.maxAssessmentShare,
        minAssessmentGapDays: (input.minAssessmentGapDays / 100).toFixed(1),
      },
      select: { id: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      const msg = `Правила с ${formatDayInput(input.validFrom)} уже есть. Выберите другую дату: прежние версии не меняются.`;
      throw new AppError("CONFLICT", msg, { validFrom: [msg] });
    }
    throw e;
  }
}
