/**
 * The test schedule (график оценочных процедур): planned tests of a cohort, with the
 * warnings of the federal recommendations as the school has set them (GradingPolicy in
 * force; FEDERAL_RULES when the school has none). Warnings are advice: they never block.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { findCohort, type CohortInfo } from "@/lib/curriculum/calendar";
import { yearlyHoursBySubject } from "@/lib/curriculum/curriculum";
import { checkAssessmentSchedule, describeWarning, FEDERAL_RULES, type AssessmentRuleSettings, type RuleWarning } from "@/lib/timetable/assessment-rules";
import type { AssessmentInput } from "@/lib/timetable/schemas";
import { dateToDay, dayToDate } from "@/lib/time";

export type AssessmentRow = { id: string; date: string; subjectId: string; subject: string; workType: string; title: string };

export type CohortSchedule = { cohort: CohortInfo; events: AssessmentRow[]; warnings: string[]; rules: AssessmentRuleSettings };

/** The school's rules in force on a day. */
export async function assessmentRulesOn(schoolId: string, day: string): Promise<AssessmentRuleSettings> {
  const policy = await db.gradingPolicy.findFirst({
    where: { schoolId, validFrom: { lte: dayToDate(day) } },
    orderBy: { validFrom: "desc" },
    select: { maxAssessmentsPerDay: true, maxAssessmentShare: true, minAssessmentGapDays: true },
  });
  if (!policy) return FEDERAL_RULES;
  return { maxPerDayPerCohort: policy.maxAssessmentsPerDay, maxShareOfHours: policy.maxAssessmentShare, minGapDays: Number(policy.minAssessmentGapDays.toString()) };
}

async function yearRange(schoolId: string, cohort: CohortInfo): Promise<{ from: string; to: string }> {
  const y = await db.academicYear.findFirstOrThrow({ where: { schoolId, id: cohort.yearId }, select: { startDate: true, endDate: true } });
  return { from: dateToDay(y.startDate), to: dateToDay(y.endDate) };
}

async function eventsOf(schoolId: string, cohort: CohortInfo): Promise<AssessmentRow[]> {
  const year = await yearRange(schoolId, cohort);
  const rows = await db.assessmentEvent.findMany({
    where: { schoolId, cohortId: cohort.id, date: { gte: dayToDate(year.from), lte: dayToDate(year.to) } },
    orderBy: [{ date: "asc" }, { subject: { name: "asc" } }],
    select: { id: true, date: true, subjectId: true, title: true, subject: { select: { name: true } }, workType: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, date: dateToDay(r.date), subjectId: r.subjectId, subject: r.subject.name, workType: r.workType.name, title: r.title }));
}

async function warningsOf(schoolId: string, cohort: CohortInfo, events: AssessmentRow[], rules: AssessmentRuleSettings): Promise<{ warning: RuleWarning; text: string }[]> {
  const hours = await yearlyHoursBySubject(schoolId, cohort);
  const names = new Map(events.map((e) => [e.subjectId, e.subject]));
  const plans = events.map((e) => ({ id: e.id, cohortId: cohort.id, subjectId: e.subjectId, date: e.date }));
  return checkAssessmentSchedule(plans, hours, rules).map((w) => ({
    warning: w,
    text: describeWarning(w, { cohort: cohort.name, ...("subjectId" in w ? { subject: names.get(w.subjectId) ?? "Предмет" } : {}) }, rules),
  }));
}

export async function getCohortSchedule(p: Principal, cohortId: string): Promise<CohortSchedule> {
  assertCan(p, "school.manage");
  const cohort = await findCohort(p.schoolId, cohortId);
  const events = await eventsOf(p.schoolId, cohort);
  const year = await yearRange(p.schoolId, cohort);
  const rules = await assessmentRulesOn(p.schoolId, year.from);
  const warnings = await warningsOf(p.schoolId, cohort, events, rules);
  return { cohort, events, warnings: warnings.map((w) => w.text), rules };
}

export type AssessmentOptions = { subjects: { id: string; name: string }[]; workTypes: { id: string; name: string }[] };

export async function listAssessmentOptions(p: Principal, cohortId: string): Promise<AssessmentOptions> {
  assertCan(p, "school.manage");
  const cohort = await findCohort(p.schoolId, cohortId);
  const planCohorts = cohort.parentId ? [cohort.id, cohort.parentId] : [cohort.id];
  const [subjects, workTypes] = await Promise.all([
    db.subject.findMany({ where: { schoolId: p.schoolId, curriculumItems: { some: { cohortId: { in: planCohorts } } } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.workType.findMany({ where: { schoolId: p.schoolId, isAssessment: true, archived: false }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { subjects, workTypes };
}

/** Plans a test; returns the warnings that concern it (advice, shown after saving). */
export async function planAssessmentEvent(p: Principal, input: AssessmentInput): Promise<{ id: string; warnings: string[] }> {
  assertCan(p, "school.manage");
  const cohort = await findCohort(p.schoolId, input.cohortId);
  const year = await yearRange(p.schoolId, cohort);
  if (input.date < year.from || input.date > year.to) {
    throw new AppError("BAD_INPUT", `Дата вне учебного года класса ${cohort.name}.`, { date: [`Выберите день с ${year.from} по ${year.to}.`] });
  }
  const planCohorts = cohort.parentId ? [cohort.id, cohort.parentId] : [cohort.id];
  const on = dayToDate(input.date);
  const [subject, workType] = await Promise.all([
    db.subject.findFirst({
      where: { schoolId: p.schoolId, id: input.subjectId, curriculumItems: { some: { cohortId: { in: planCohorts }, validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gte: on } }] } } },
      select: { id: true },
    }),
    db.workType.findFirst({ where: { schoolId: p.schoolId, id: input.workTypeId, isAssessment: true, archived: false }, select: { id: true } }),
  ]);
  if (!subject) {
    throw new AppError("BAD_INPUT", `Этого предмета нет в учебном плане ${cohort.name} на эту дату.`, { subjectId: ["Выберите предмет из учебного плана класса."] });
  }
  if (!workType) throw new AppError("BAD_INPUT", "Этот вид работы не считается оценочной процедурой.", { workTypeId: ["Выберите вид работы из списка."] });
  const created = await db.assessmentEvent.create({
    data: { schoolId: p.schoolId, cohortId: cohort.id, subjectId: subject.id, workTypeId: workType.id, date: on, title: input.title },
    select: { id: true },
  });
  const rules = await assessmentRulesOn(p.schoolId, input.date);
  const all = await warningsOf(p.schoolId, cohort, await eventsOf(p.schoolId, cohort), rules);
  const mine = all.filter(({ warning: w }) =>
    w.rule === "PER_DAY" ? w.eventIds.includes(created.id) : w.rule === "TOO_CLOSE" ? w.eventIds.includes(created.id) : w.subjectId === subject.id,
  );
  return { id: created.id, warnings: mine.map((w) => w.text) };
}

export async function removeAssessmentEvent(p: Principal, eventId: string): Promise<void> {
  assertCan(p, "school.manage");
  assertId(eventId);
  const { count } = await db.assessmentEvent.deleteMany({ where: { schoolId: p.schoolId, id: eventId } });
  if (count === 0) throw new AppError("NOT_FOUND", "Оценочная процедура не найдена.");
}
