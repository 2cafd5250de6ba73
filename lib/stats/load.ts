/**
 * The statistics of a period from the database: a fixed number of queries whatever the
 * size of the school (grouped counts for lessons and attendance, one read of the final
 * marks), then lib/stats/build.ts does the arithmetic. Everything is limited to what the
 * user may see: the administrator sees the school; a teacher (reports.read) sees the
 * subjects they teach in their cohorts and every subject of the class they lead — the
 * journal pages they may read (lib/auth/scope.ts, journalReadableBy).
 */
import "server-only";

import { db } from "@/lib/db/server";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { cohortsVisibleTo } from "@/lib/auth/scope";
import { toHolidayPlan } from "@/lib/curriculum/calendar";
import { markFromRow } from "@/lib/grading/marks";
import { fullName, shortName } from "@/lib/people/names";
import { buildStatsReport, type StatsReport } from "@/lib/stats/build";
import type { StatsFacts, StatsPeriod, StatsView } from "@/lib/stats/facts";
import { dateToDay, schoolToday } from "@/lib/time";

export type StatsPeriodOption = { id: string; label: string; yearName: string; current: boolean };

/** Every period of every year, the newest year first: the period picker. */
export async function listStatsPeriods(p: Principal): Promise<StatsPeriodOption[]> {
  assertCan(p, "reports.read");
  const today = schoolToday(p.timeZone);
  const rows = await db.period.findMany({
    where: { schoolId: p.schoolId },
    orderBy: [{ year: { startDate: "desc" } }, { kind: "asc" }, { startDate: "asc" }, { gradeFrom: "asc" }],
    select: { id: true, name: true, kind: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true, year: { select: { name: true } } },
  });
  const grades = (r: { gradeFrom: number; gradeTo: number }) => (r.gradeFrom === 1 && r.gradeTo === 11 ? "" : ` (${r.gradeFrom}–${r.gradeTo} кл.)`);
  // the latest period that has ended, else the one in progress: what a report is usually about
  const ended = rows.filter((r) => r.kind !== "YEAR" && dateToDay(r.endDate) < today).sort((a, b) => b.endDate.getTime() - a.endDate.getTime())[0];
  const running = rows.find((r) => r.kind !== "YEAR" && dateToDay(r.startDate) <= today && today <= dateToDay(r.endDate));
  const current = (ended ?? running)?.id;
  return rows.map((r) => ({ id: r.id, label: `${r.year.name}: ${r.name}${grades(r)}`, yearName: r.year.name, current: r.id === current }));
}

export type StatsOptions = {
  classes: { id: string; name: string }[];
  subjects: { id: string; name: string }[];
  teachers: { id: string; name: string }[];
};

type Scope = { all: true } | { all: false; pairs: Set<string>; ledCohorts: Set<string> };

const pairKey = (cohortId: string, subjectId: string) => `${cohortId}|${subjectId}`;

function allowed(scope: Scope, cohortId: string, subjectId: string): boolean {
  return scope.all || scope.ledCohorts.has(cohortId) || scope.pairs.has(pairKey(cohortId, subjectId));
}

/** The facts of a period for `p`, and the choices of class, subject and teacher. */
export async function loadStatsFacts(p: Principal, periodId: string, view: StatsView, focusId: string | null): Promise<{ facts: StatsFacts; options: StatsOptions }> {
  assertCan(p, "reports.read");
  const period = await db.period.findFirst({
    where: { schoolId: p.schoolId, id: periodId },
    select: {
      id: true, name: true, kind: true, number: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true, yearId: true,
      year: { select: { name: true, startDate: true, endDate: true } },
    },
  });
  if (!period) throw new AppError("NOT_FOUND", "Период не найден.");
  const schoolId = p.schoolId;
  const inPeriod = { gte: period.startDate, lte: period.endDate };
  const overlaps = { validFrom: { lte: period.endDate }, OR: [{ validTo: null }, { validTo: { gte: period.startDate } }] };
  const cohortWhere: Prisma.CohortWhereInput = { schoolId, yearId: period.yearId, grade: { gte: period.gradeFrom, lte: period.gradeTo } };
  const [school, yearPeriods, cohortRows, subjectRows, planRows, slotRows, holidayRows, memberships, finalRows, heldRows, visible] = await Promise.all([
    db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { name: true, address: true } }),
    db.period.findMany({ where: { schoolId, yearId: period.yearId, kind: "YEAR" }, select: { startDate: true, endDate: true, gradeFrom: true, gradeTo: true } }),
    db.cohort.findMany({ where: cohortWhere, select: { id: true, name: true, grade: true, kind: true, parentId: true, classTeacherId: true } }),
    db.subject.findMany({ where: { schoolId }, select: { id: true, name: true } }),
    db.curriculumItem.findMany({
      where: { schoolId, cohort: cohortWhere, ...overlaps },
      select: {
        cohortId: true, subjectId: true, hoursPerWeek: true, hoursPerYear: true, scale: true, validFrom: true, validTo: true,
        teachers: { select: { staff: { select: { id: true, lastName: true, firstName: true, middleName: true } } } },
      },
    }),
    db.timetableSlot.findMany({
      where: { schoolId, cohort: cohortWhere, ...overlaps },
      distinct: ["cohortId", "subjectId", "teacherId"],
      select: { cohortId: true, subjectId: true, teacher: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
    }),
    db.holiday.findMany({ where: { schoolId, yearId: period.yearId }, select: { startDate: true, endDate: true, gradeFrom: true, gradeTo: true } }),
    db.cohortMembership.findMany({
      where: { schoolId, cohort: { ...cohortWhere, kind: "CLASS" }, startDate: { lte: period.endDate }, OR: [{ endDate: null }, { endDate: { gte: period.startDate } }] },
      orderBy: { startDate: "asc" },
      select: { cohortId: true, studentId: true, student: { select: { lastName: true, firstName: true, middleName: true } } },
    }),
    db.finalMark.findMany({
      where: { schoolId, periodId: period.id, kind: period.kind === "YEAR" ? "YEAR" : "PERIOD", removedAt: null },
      select: { studentId: true, cohortId: true, subjectId: true, markKind: true, value: true, text: true },
    }),
    db.lesson.groupBy({
      by: ["cohortId", "subjectId", "lessonType"],
      where: { schoolId, status: "HELD", date: inPeriod, cohort: cohortWhere },
      _count: { _all: true },
    }),
    // the classes a teacher may read, by the same rule as everywhere else
    hasRole(p, "ADMIN") ? Promise.resolve(null) : db.cohort.findMany({ where: { AND: [cohortsVisibleTo(p), { yearId: period.yearId }] }, select: { id: true } }),
  ]);

  // ── scope
  let scope: Scope = { all: true };
  if (!hasRole(p, "ADMIN")) {
    const staffId = p.staffId;
    const visibleIds = new Set((visible ?? []).map((c) => c.id));
    const pairs = new Set<string>();
    const ledCohorts = new Set<string>();
    if (staffId) {
      for (const r of planRows) if (visibleIds.has(r.cohortId) && r.teachers.some((t) => t.staff.id === staffId)) pairs.add(pairKey(r.cohortId, r.subjectId));
      for (const r of slotRows) if (visibleIds.has(r.cohortId) && r.teacher.id === staffId) pairs.add(pairKey(r.cohortId, r.subjectId));
      for (const c of cohortRows) if (c.classTeacherId === staffId && visibleIds.has(c.id)) ledCohorts.add(c.id);
      // the groups of a class they lead are part of that class
      for (const c of cohortRows) if (c.parentId && ledCohorts.has(c.parentId)) ledCohorts.add(c.id);
    }
    scope = { all: false, pairs, ledCohorts };
  }

  const cohorts = cohortRows.map((c) => ({ id: c.id, name: c.name, grade: c.grade, kind: c.kind, parentId: c.parentId }));
  const cohortIds = new Set(cohorts.map((c) => c.id));
  const teacherNames = new Map<string, string>();
  const teaching: StatsFacts["teaching"] = [];
  for (const r of planRows) {
    for (const t of r.teachers) {
      teacherNames.set(t.staff.id, shortName(t.staff));
      teaching.push({ cohortId: r.cohortId, subjectId: r.subjectId, teacherId: t.staff.id });
    }
  }
  for (const r of slotRows) {
    teacherNames.set(r.teacher.id, shortName(r.teacher));
    teaching.push({ cohortId: r.cohortId, subjectId: r.subjectId, teacherId: r.teacher.id });
  }
  const studentsById = new Map<string, { id: string; name: string; classId: string }>();
  // ordered by start: a student who moved class is counted in the later one
  for (const m of memberships) studentsById.set(m.studentId, { id: m.studentId, name: fullName(m.student), classId: m.cohortId });

  const plan = planRows.filter((r) => allowed(scope, r.cohortId, r.subjectId)).map((r) => ({
    cohortId: r.cohortId, subjectId: r.subjectId, graded: r.scale === "FIVE_POINT" || r.scale === "PASS_FAIL",
    line: { hoursPerWeek: r.hoursPerWeek === null ? null : r.hoursPerWeek.toString(), hoursPerYear: r.hoursPerYear, validFrom: dateToDay(r.validFrom), validTo: r.validTo ? dateToDay(r.validTo) : null },
  }));
  const finals = finalRows
    .filter((r) => cohortIds.has(r.cohortId) && allowed(scope, r.cohortId, r.subjectId))
    .map((r) => ({ studentId: r.studentId, cohortId: r.cohortId, subjectId: r.subjectId, mark: markFromRow({ kind: r.markKind, value: r.value, text: r.text }) }));
  const held = heldRows
    .filter((r) => allowed(scope, r.cohortId, r.subjectId))
    .map((r) => ({ cohortId: r.cohortId, subjectId: r.subjectId, lessonType: r.lessonType, count: r._count._all }));

  // ── options: what this user may choose
  const subjectNames = new Map(subjectRows.map((s) => [s.id, s.name]));
  const pairSubjects = new Set([...plan.map((l) => l.subjectId), ...finals.map((m) => m.subjectId), ...held.map((h) => h.subjectId)]);
  const visibleClass = (id: string) => scope.all || scope.ledCohorts.has(id) || [...scope.pairs].some((k) => k.startsWith(`${id}|`));
  const options: StatsOptions = {
    classes: cohortRows
      .filter((c) => c.kind === "CLASS" && visibleClass(c.id))
      .sort((a, b) => a.grade - b.grade || a.name.localeCompare(b.name, "ru", { numeric: true }))
      .map((c) => ({ id: c.id, name: c.name })),
    subjects: [...pairSubjects].map((id) => ({ id, name: subjectNames.get(id) ?? "—" })).sort((a, b) => a.name.localeCompare(b.name, "ru")),
    teachers: [...teacherNames.entries()]
      .filter(([id]) => scope.all || id === p.staffId)
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, "ru")),
  };
  if (focusId !== null) {
    const list = view === "class" ? options.classes : view === "subject" ? options.subjects : view === "teacher" ? options.teachers : [];
    if (!list.some((o) => o.id === focusId)) {
      throw new AppError("NOT_FOUND", { class: "Класс не найден в этом году или недоступен вам.", subject: "Предмет не найден в этом периоде или недоступен вам.", teacher: "Учитель не найден в этом периоде или недоступен вам.", school: "Не найдено." }[view]);
    }
  }

  // ── attendance: grouped by student and code, over the lessons of the view and the scope
  const lessonFilters: Prisma.LessonWhereInput[] = [];
  if (!scope.all) {
    lessonFilters.push({
      OR: [
        { cohortId: { in: [...scope.ledCohorts] } },
        ...[...scope.pairs].map((k) => {
          const [cohortId = "", subjectId = ""] = k.split("|");
          return { cohortId, subjectId };
        }),
      ],
    });
  }
  if (view === "subject" && focusId) lessonFilters.push({ subjectId: focusId });
  if (view === "teacher" && focusId) {
    const own = teaching.filter((t) => t.teacherId === focusId);
    lessonFilters.push({ OR: own.length > 0 ? own.map((t) => ({ cohortId: t.cohortId, subjectId: t.subjectId })) : [{ id: { in: [] } }] });
  }
  const absenceRows = await db.attendance.groupBy({
    by: ["studentId", "code"],
    where: {
      schoolId, removedAt: null, date: inPeriod,
      ...(view === "class" && focusId ? { student: { memberships: { some: { schoolId, cohortId: focusId } } } } : {}),
      ...(lessonFilters.length > 0 ? { lesson: { AND: lessonFilters } } : {}),
    },
    _count: { _all: true },
  });

  const yearOf = (grade: number) => {
    const y = yearPeriods.find((x) => x.gradeFrom <= grade && grade <= x.gradeTo) ?? period.year;
    return { from: dateToDay(y.startDate), to: dateToDay(y.endDate) };
  };
  const statsPeriod: StatsPeriod = {
    id: period.id, name: period.name, kind: period.kind, number: period.number,
    from: dateToDay(period.startDate), to: dateToDay(period.endDate), gradeFrom: period.gradeFrom, gradeTo: period.gradeTo, yearName: period.year.name,
  };
  const facts: StatsFacts = {
    school, period: statsPeriod, today: schoolToday(p.timeZone), yearOf,
    cohorts, subjects: subjectRows, teachers: [...teacherNames.entries()].map(([id, name]) => ({ id, name })),
    students: [...studentsById.values()],
    finals, plan, teaching, held,
    absences: absenceRows.map((r) => ({ studentId: r.studentId, code: r.code, count: r._count._all })),
    holidays: holidayRows.map(toHolidayPlan),
  };
  return { facts, options };
}

export type StatsPage = { report: StatsReport; options: StatsOptions };

/** The report of one view of a period, with the choices for the pickers. */
export async function getStatsReport(p: Principal, q: { periodId: string; view: StatsView; id?: string | undefined }): Promise<StatsPage> {
  const focusId = q.view === "school" ? null : (q.id ?? null);
  if (q.view !== "school" && focusId === null) throw new AppError("BAD_INPUT", "Выберите класс, предмет или учителя из списка.", { id: ["Выберите класс, предмет или учителя из списка."] });
  const { facts, options } = await loadStatsFacts(p, q.periodId, q.view, focusId);
  return { report: buildStatsReport(facts, q.view, focusId), options };
}

