/**
 * A student's record (R3, issue 4, item 7): «сведения об успеваемости» — every academic
 * year the student has, grouped by the educational program they studied (НОО, ООО,
 * vocational training, adapted variants), with the cohorts of each year, a table of
 * subjects × periods, year, exam and final marks, and the year's attendance totals.
 *
 * Who may read it (least privilege):
 * - the administration (ADMIN, a deputy too): every student of the school, whole record;
 * - the class teacher of a class (or individual plan) the student is in now: whole record;
 * - a teacher who teaches the student now (curriculum or timetable, in a cohort the student
 *   is in today): only the subjects they teach the student, in every year of the record,
 *   and the attendance of those subjects' lessons only (`scope: "OWN_SUBJECTS"`);
 * - the student's guardians (current guardianship) and the student: whole record, through
 *   `readMyStudentRecord` (for the diary), scoped by studentsVisibleTo;
 * - anyone else: NOT_FOUND, the same as an id that does not exist.
 *
 * One query per kind of data (memberships, enrolments, final marks, periods, curriculum,
 * attendance), never one per year or subject.
 *
 * A year in which the student changed program belongs to the section of the program in
 * force at the year's end (the last one begun), and says which programs it held.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { studentsVisibleTo } from "@/lib/auth/scope";
import { markSymbol } from "@/lib/grading/display";
import { fullName } from "@/lib/people/names";
import { assertId } from "@/lib/people/students";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";
import type { Prisma } from "@/generated/prisma/client";

export type RecordColumnKind = "PERIOD" | "YEAR" | "EXAM" | "FINAL";
export type RecordColumn = { kind: RecordColumnKind; periodId: string; label: string };
export type RecordSubject = {
  id: string;
  name: string;
  kind: "SUBJECT" | "COURSE" | "CORRECTION" | "VOCATIONAL";
  /** taught only in the student's individual plan (ИУП) that year */
  individual: boolean;
  /** one per column: «5», «зач», «н/а», a descriptive text, or "" when there is none */
  cells: string[];
};
export type RecordCohort = { id: string; name: string; kind: "CLASS" | "GROUP" | "STREAM" | "INDIVIDUAL"; from: string; to: string | null };
export type RecordProgramSpan = { name: string; from: string; to: string | null };
export type RecordAttendance = { missed: number; ill: number; excused: number; late: number };
export type RecordYear = {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  grade: number | null;
  cohorts: RecordCohort[];
  /** the programs the year held, when more than one */
  programs: RecordProgramSpan[];
  columns: RecordColumn[];
  subjects: RecordSubject[];
  attendance: RecordAttendance;
};
export type RecordProgram = {
  id: string;
  name: string;
  level: "NOO" | "OOO" | "SOO" | "VOCATIONAL";
  variant: "NONE" | "AOOP" | "FAOOP_UO_1" | "FAOOP_UO_2";
  from: string;
  to: string | null;
};
export type RecordSection = { program: RecordProgram | null; years: RecordYear[] };
export type StudentRecord = {
  student: { id: string; name: string; recordNumber: string; className: string | null; homeSchooling: boolean; individualPlan: boolean; leftAt: string | null };
  /** FULL: the whole record; OWN_SUBJECTS: a subject teacher's view of their subjects */
  scope: "FULL" | "OWN_SUBJECTS";
  sections: RecordSection[];
};

type Access = { scope: "FULL" } | { scope: "OWN_SUBJECTS"; subjects: Set<string> };

const NOBODY = "00000000-0000-0000-0000-000000000000";
const COLUMN_LABEL: Record<Exclude<RecordColumnKind, "PERIOD">, string> = { YEAR: "Год", EXAM: "Экзамен", FINAL: "Итоговая" };
const KIND_ORDER: Record<RecordSubject["kind"], number> = { SUBJECT: 0, COURSE: 1, VOCATIONAL: 2, CORRECTION: 3 };

/** What a staff member may see of this student's record, or null for nothing. */
async function staffAccess(p: Principal, studentId: string): Promise<Access | null> {
  const visible = await db.student.count({ where: { AND: [studentsVisibleTo(p), { id: studentId }] } });
  if (!visible) return null;
  if (hasRole(p, "ADMIN")) return { scope: "FULL" };
  if (!hasRole(p, "TEACHER") || !p.staffId) return null;
  const staffId = p.staffId;
  const today = dayToDate(schoolToday(p.timeZone));
  const current = { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] };
  const memberships = await db.cohortMembership.findMany({
    where: { schoolId: p.schoolId, studentId, ...current },
    select: {
      cohort: {
        select: {
          classTeacherId: true,
          curriculumItems: { where: { teachers: { some: { staffId } } }, select: { subjectId: true } },
          timetableSlots: { where: { teacherId: staffId, OR: [{ validTo: null }, { validTo: { gte: today } }] }, select: { subjectId: true } },
        },
      },
    },
  });
  if (memberships.some((m) => m.cohort.classTeacherId === staffId)) return { scope: "FULL" };
  const subjects = new Set(memberships.flatMap((m) => [...m.cohort.curriculumItems, ...m.cohort.timetableSlots].map((x) => x.subjectId)));
  return subjects.size > 0 ? { scope: "OWN_SUBJECTS", subjects } : null;
}

/** The record as a member of staff sees it (see the header for who sees what). */
export async function readStudentRecord(p: Principal, studentId: string): Promise<StudentRecord> {
  assertCan(p, "student.read");
  assertId(studentId);
  if (!hasRole(p, "ADMIN") && !hasRole(p, "TEACHER")) throw new AppError("NOT_FOUND");
  const access = await staffAccess(p, studentId);
  if (!access) throw new AppError("NOT_FOUND");
  return buildRecord(p, studentId, access);
}

/** The record of one's own child, or one's own: the same record, for the family's diary. */
export async function readMyStudentRecord(p: Principal, studentId: string): Promise<StudentRecord> {
  assertCan(p, "diary.read");
  assertId(studentId);
  const own: Prisma.StudentWhereInput[] = [];
  if (hasRole(p, "GUARDIAN") && p.guardianId) own.push({ guardianships: { some: { guardianId: p.guardianId, endDate: null } } });
  if (hasRole(p, "STUDENT") && p.studentId) own.push({ id: p.studentId });
  const visible = await db.student.count({ where: { AND: [studentsVisibleTo(p), { id: studentId }, { OR: own.length ? own : [{ id: NOBODY }] }] } });
  if (!visible) throw new AppError("NOT_FOUND");
  return buildRecord(p, studentId, { scope: "FULL" });
}

type Span = { from: string; to: string | null };
const overlaps = (a: Span, from: string, to: string) => a.from <= to && (a.to === null || a.to >= from);

async function buildRecord(p: Principal, studentId: string, access: Access): Promise<StudentRecord> {
  const schoolId = p.schoolId;
  const today = schoolToday(p.timeZone);
  const [student, memberships, enrolments, finals] = await Promise.all([
    db.student.findUnique({
      where: { schoolId_id: { schoolId, id: studentId } },
      select: { id: true, lastName: true, firstName: true, middleName: true, recordNumber: true, homeSchooling: true, individualPlan: true, leftAt: true },
    }),
    db.cohortMembership.findMany({
      where: { schoolId, studentId },
      orderBy: { startDate: "asc" },
      select: {
        startDate: true, endDate: true,
        cohort: { select: { id: true, name: true, kind: true, grade: true, year: { select: { id: true, name: true, startDate: true, endDate: true } } } },
      },
    }),
    db.programEnrolment.findMany({
      where: { schoolId, studentId },
      orderBy: { startDate: "asc" },
      select: { startDate: true, endDate: true, program: { select: { id: true, name: true, level: true, variant: true } } },
    }),
    db.finalMark.findMany({
      where: { schoolId, studentId, removedAt: null, ...(access.scope === "OWN_SUBJECTS" ? { subjectId: { in: [...access.subjects] } } : {}) },
      select: {
        subjectId: true, periodId: true, kind: true, markKind: true, value: true, text: true,
        subject: { select: { id: true, name: true, kind: true } },
        period: { select: { year: { select: { id: true, name: true, startDate: true, endDate: true } } } },
      },
    }),
  ]);
  if (!student) throw new AppError("NOT_FOUND");

  // the years: those of the student's cohorts and of their final marks
  type YearRow = { id: string; name: string; startDate: Date; endDate: Date };
  const yearRows = new Map<string, YearRow>();
  for (const m of memberships) yearRows.set(m.cohort.year.id, m.cohort.year);
  for (const f of finals) yearRows.set(f.period.year.id, f.period.year);
  const years = [...yearRows.values()].sort((a, b) => a.startDate.getTime() - b.startDate.getTime());
  const yearIds = years.map((y) => y.id);
  const cohortIds = [...new Set(memberships.map((m) => m.cohort.id))];
  const first = years[0];
  const last = years.at(-1);

  const [periods, items, attendance] = await Promise.all([
    db.period.findMany({
      where: { schoolId, yearId: { in: yearIds } },
      orderBy: [{ startDate: "asc" }, { endDate: "asc" }],
      select: { id: true, yearId: true, kind: true, name: true, gradeFrom: true, gradeTo: true },
    }),
    db.curriculumItem.findMany({
      where: {
        schoolId, cohortId: { in: cohortIds }, scale: { not: "NONE" },
        ...(access.scope === "OWN_SUBJECTS" ? { subjectId: { in: [...access.subjects] } } : {}),
      },
      select: { cohortId: true, subject: { select: { id: true, name: true, kind: true } } },
    }),
    first && last
      ? db.attendance.findMany({
          where: {
            schoolId, studentId, removedAt: null, date: { gte: first.startDate, lte: last.endDate },
            ...(access.scope === "OWN_SUBJECTS" ? { lesson: { subjectId: { in: [...access.subjects] } } } : {}),
          },
          select: { date: true, code: true },
        })
      : Promise.resolve([]),
  ]);

  const cohortKind = new Map(memberships.map((m) => [m.cohort.id, m.cohort.kind]));
  const spans = enrolments.map((e) => ({ from: dateToDay(e.startDate), to: e.endDate ? dateToDay(e.endDate) : null, program: e.program }));

  const recordYears: { year: RecordYear; programId: string | null }[] = years.map((y) => {
    const from = dateToDay(y.startDate);
    const to = dateToDay(y.endDate);
    const own = memberships.filter((m) => m.cohort.year.id === y.id);
    const cohorts: RecordCohort[] = own.map((m) => ({
      id: m.cohort.id, name: m.cohort.name, kind: m.cohort.kind, from: dateToDay(m.startDate), to: m.endDate ? dateToDay(m.endDate) : null,
    }));
    // the grade of the year: the last class (or individual plan) the student was in
    const main = [...own].reverse().find((m) => m.cohort.kind === "CLASS") ?? [...own].reverse().find((m) => m.cohort.kind === "INDIVIDUAL") ?? own.at(-1);
    const grade = main?.cohort.grade ?? null;
    const yearFinals = finals.filter((f) => f.period.year.id === y.id);
    const withFinals = new Set(yearFinals.map((f) => f.periodId));
    const ofYear = periods.filter((x) => x.yearId === y.id && (withFinals.has(x.id) || grade === null || (x.gradeFrom <= grade && grade <= x.gradeTo)));
    const columns: RecordColumn[] = ofYear.filter((x) => x.kind !== "YEAR").map((x) => ({ kind: "PERIOD", periodId: x.id, label: x.name }));
    for (const x of ofYear.filter((q) => q.kind === "YEAR")) {
      columns.push({ kind: "YEAR", periodId: x.id, label: COLUMN_LABEL.YEAR });
      for (const kind of ["EXAM", "FINAL"] as const) {
        if (yearFinals.some((f) => f.periodId === x.id && f.kind === kind)) columns.push({ kind, periodId: x.id, label: COLUMN_LABEL[kind] });
      }
    }

    // subjects: the curriculum of the student's cohorts that year, and whatever has a final mark
    const subjects = new Map<string, { id: string; name: string; kind: RecordSubject["kind"]; individual: boolean }>();
    const yearCohorts = new Set(own.map((m) => m.cohort.id));
    for (const i of items) {
      if (!yearCohorts.has(i.cohortId)) continue;
      const iup = cohortKind.get(i.cohortId) === "INDIVIDUAL";
      const had = subjects.get(i.subject.id);
      subjects.set(i.subject.id, { ...i.subject, individual: had ? had.individual && iup : iup });
    }
    for (const f of yearFinals) if (!subjects.has(f.subject.id)) subjects.set(f.subject.id, { ...f.subject, individual: false });
    const cellOf = new Map(yearFinals.map((f) => [`${f.subjectId}|${f.periodId}|${f.kind}`, markSymbol({ kind: f.markKind, value: f.value, text: f.text })]));
    const rows: RecordSubject[] = [...subjects.values()]
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, "ru"))
      .map((s) => ({
        ...s,
        cells: columns.map((c) => cellOf.get(`${s.id}|${c.periodId}|${c.kind}`) ?? ""),
      }));

    const counts: RecordAttendance = { missed: 0, ill: 0, excused: 0, late: 0 };
    for (const a of attendance) {
      const day = dateToDay(a.date);
      if (day < from || day > to) continue;
      if (a.code === "LATE") counts.late += 1;
      else {
        counts.missed += 1;
        if (a.code === "ILL") counts.ill += 1;
        if (a.code === "EXCUSED") counts.excused += 1;
      }
    }

    const held = spans.filter((s) => overlaps(s, from, to));
    // the program in force at the year's end, or at today for the year under way
    const end = today < to ? (today > from ? today : from) : to;
    const atEnd = [...held].reverse().find((s) => s.from <= end) ?? held.at(-1);
    return {
      programId: atEnd?.program.id ?? null,
      year: {
        id: y.id, name: y.name, startDate: from, endDate: to, grade, cohorts,
        programs: held.length > 1 ? held.map((s) => ({ name: s.program.name, from: s.from, to: s.to })) : [],
        columns, subjects: rows, attendance: counts,
      },
    };
  });

  // consecutive years of the same program make one section
  const sections: RecordSection[] = [];
  let currentId: string | null | undefined;
  for (const r of recordYears) {
    const lastSection = sections.at(-1);
    if (lastSection && currentId === r.programId) {
      lastSection.years.push(r.year);
      continue;
    }
    currentId = r.programId;
    const mine = spans.filter((s) => s.program.id === r.programId);
    const head = mine[0];
    sections.push({
      program: head
        ? {
            ...head.program,
            from: mine.map((s) => s.from).sort()[0] ?? head.from,
            to: mine.some((s) => s.to === null) ? null : (mine.map((s) => s.to ?? "").sort().at(-1) ?? null),
          }
        : null,
      years: [r.year],
    });
  }

  const nowClass = [...memberships].reverse().find((m) => m.cohort.kind === "CLASS" && dateToDay(m.startDate) <= today && (!m.endDate || dateToDay(m.endDate) >= today));
  return {
    student: {
      id: student.id, name: fullName(student), recordNumber: student.recordNumber, className: nowClass?.cohort.name ?? null,
      homeSchooling: student.homeSchooling, individualPlan: student.individualPlan, leftAt: student.leftAt ? dateToDay(student.leftAt) : null,
    },
    scope: access.scope,
    sections,
  };
}
