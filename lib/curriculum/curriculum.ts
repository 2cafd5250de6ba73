/**
 * The curriculum (учебный план) of a cohort: lines of subject, hours and scale, with
 * teachers, each valid for a span of days. A change is a new version from a day (the old
 * line ends the day before), so last term's plan stays as it was.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { shortName } from "@/lib/people/names";
import { cohortCalendar, findCohort, type CohortCalendar, type CohortInfo } from "@/lib/curriculum/calendar";
import { countSchoolWeeks, plannedTenths } from "@/lib/curriculum/school-weeks";
import type { CurriculumItemInput, CurriculumRevisionInput } from "@/lib/curriculum/schemas";
import { dateToDay, dayToDate } from "@/lib/time";

export type CurriculumLine = {
  id: string;
  subjectId: string;
  subject: string;
  hoursPerWeek: string | null;
  hoursPerYear: number | null;
  scale: CurriculumItemInput["scale"];
  teachers: string[];
  teacherIds: string[];
  validFrom: string;
  validTo: string | null;
  /** planned hours in the school year, in tenths of an hour */
  plannedTenths: number;
};

export type CohortCurriculum = { cohort: CohortInfo; year: { from: string; to: string }; schoolWeeks: number; lines: CurriculumLine[] };

async function linesOf(schoolId: string, cal: CohortCalendar): Promise<CurriculumLine[]> {
  const rows = await db.curriculumItem.findMany({
    where: { schoolId, cohortId: cal.cohort.id },
    orderBy: [{ subject: { name: "asc" } }, { validFrom: "asc" }],
    select: {
      id: true, subjectId: true, hoursPerWeek: true, hoursPerYear: true, scale: true, validFrom: true, validTo: true,
      subject: { select: { name: true } },
      // in a fixed order (the relation is read by a join: no order is implied)
      teachers: { orderBy: [{ staff: { lastName: "asc" } }, { staff: { firstName: "asc" } }], select: { staff: { select: { id: true, lastName: true, firstName: true, middleName: true } } } },
    },
  });
  return rows.map((r) => {
    const line = {
      hoursPerWeek: r.hoursPerWeek === null ? null : r.hoursPerWeek.toString(),
      hoursPerYear: r.hoursPerYear,
      validFrom: dateToDay(r.validFrom),
      validTo: r.validTo ? dateToDay(r.validTo) : null,
    };
    return {
      id: r.id, subjectId: r.subjectId, subject: r.subject.name, scale: r.scale, ...line,
      teachers: r.teachers.map((t) => shortName(t.staff)),
      teacherIds: r.teachers.map((t) => t.staff.id),
      plannedTenths: plannedTenths(line, cal.year, cal.cohort.grade, cal.holidays),
    };
  });
}

export async function getCohortCurriculum(p: Principal, cohortId: string): Promise<CohortCurriculum> {
  assertCan(p, "school.manage");
  const cohort = await findCohort(p.schoolId, cohortId);
  const cal = await cohortCalendar(p.schoolId, cohort);
  return { cohort, year: cal.year, schoolWeeks: countSchoolWeeks(cal.year, cohort.grade, cal.holidays), lines: await linesOf(p.schoolId, cal) };
}

/**
 * Planned hours of each subject of a cohort in its school year (all versions of a line
 * added up), in whole hours as the test-schedule rules count them.
 */
export async function yearlyHoursBySubject(schoolId: string, cohort: CohortInfo): Promise<Map<string, number>> {
  const cal = await cohortCalendar(schoolId, cohort);
  const hours = new Map<string, number>();
  for (const l of await linesOf(schoolId, cal)) hours.set(l.subjectId, (hours.get(l.subjectId) ?? 0) + l.plannedTenths / 10);
  return hours;
}

async function teachersOf(schoolId: string, input: { teacherId?: string | undefined; teacher2Id?: string | undefined }): Promise<string[]> {
  const ids = [...new Set([input.teacherId, input.teacher2Id].filter((x): x is string => Boolean(x)))];
  if (ids.length === 0) return [];
  const found = await db.staff.findMany({ where: { schoolId, id: { in: ids }, leftAt: null }, select: { id: true } });
  if (found.length !== ids.length) throw new AppError("BAD_INPUT", "Учитель не найден.", { teacherId: ["Выберите учителя из списка."] });
  return ids;
}

function overlapWhere(schoolId: string, cohortId: string, subjectId: string, from: string, to: string | null | undefined) {
  return {
    schoolId, cohortId, subjectId,
    OR: [{ validTo: null }, { validTo: { gte: dayToDate(from) } }],
    ...(to ? { validFrom: { lte: dayToDate(to) } } : {}),
  };
}

export async function addCurriculumItem(p: Principal, input: CurriculumItemInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  const cohort = await findCohort(p.schoolId, input.cohortId);
  assertId(input.subjectId);
  const subject = await db.subject.findFirst({ where: { schoolId: p.schoolId, id: input.subjectId }, select: { id: true } });
  if (!subject) throw new AppError("BAD_INPUT", "Предмет не найден.", { subjectId: ["Выберите предмет из списка."] });
  const teacherIds = await teachersOf(p.schoolId, input);
  return db.$transaction(async (tx) => {
    const clash = await tx.curriculumItem.findFirst({ where: overlapWhere(p.schoolId, cohort.id, subject.id, input.validFrom, input.validTo), select: { id: true } });
    if (clash) {
      throw new AppError("BAD_INPUT", "У этого предмета в плане класса уже есть строка на эти даты. Чтобы изменить её, нажмите «Изменить с даты» в её строке.", {
        subjectId: ["Предмет уже есть в плане на эти даты."],
      });
    }
    const item = await tx.curriculumItem.create({
      data: {
        schoolId: p.schoolId, cohortId: cohort.id, subjectId: subject.id,
        hoursPerWeek: input.hoursPerWeek ?? null, hoursPerYear: input.hoursPerYear ?? null, scale: input.scale,
        validFrom: dayToDate(input.validFrom), validTo: input.validTo ? dayToDate(input.validTo) : null,
      },
      select: { id: true },
    });
    if (teacherIds.length > 0) {
      await tx.curriculumTeacher.createMany({ data: teacherIds.map((staffId) => ({ schoolId: p.schoolId, curriculumItemId: item.id, staffId })) });
    }
    return item;
  });
}

function dayBefore(day: string): string {
  const d = dayToDate(day);
  d.setUTCDate(d.getUTCDate() - 1);
  return dateToDay(d);
}

/** A new version of a line from `from`; the current one ends the day before. */
export async function reviseCurriculumItem(p: Principal, input: CurriculumRevisionInput): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  assertId(input.itemId);
  const old = await db.curriculumItem.findFirst({
    where: { schoolId: p.schoolId, id: input.itemId },
    select: { id: true, cohortId: true, subjectId: true, validFrom: true, validTo: true },
  });
  if (!old) throw new AppError("NOT_FOUND", "Строка плана не найдена.");
  const oldFrom = dateToDay(old.validFrom);
  const oldTo = old.validTo ? dateToDay(old.validTo) : null;
  if (input.from <= oldFrom || (oldTo !== null && input.from > oldTo)) {
    throw new AppError("BAD_INPUT", "Дата изменения должна быть внутри срока действия строки и позже её начала.", {
      from: [`Выберите день после ${oldFrom}${oldTo ? ` и не позже ${oldTo}` : ""}.`],
    });
  }
  const teacherIds = await teachersOf(p.schoolId, input);
  return db.$transaction(async (tx) => {
    await tx.curriculumItem.update({ where: { schoolId_id: { schoolId: p.schoolId, id: old.id } }, data: { validTo: dayToDate(dayBefore(input.from)) } });
    const item = await tx.curriculumItem.create({
      data: {
        schoolId: p.schoolId, cohortId: old.cohortId, subjectId: old.subjectId,
        hoursPerWeek: input.hoursPerWeek ?? null, hoursPerYear: input.hoursPerYear ?? null, scale: input.scale,
        validFrom: dayToDate(input.from), validTo: old.validTo,
      },
      select: { id: true },
    });
    if (teacherIds.length > 0) {
      await tx.curriculumTeacher.createMany({ data: teacherIds.map((staffId) => ({ schoolId: p.schoolId, curriculumItemId: item.id, staffId })) });
    }
    return item;
  });
}
