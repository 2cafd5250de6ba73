/**
 * The summary sheet (сводная ведомость, issue 4, item 6): a class's students × subjects ×
 * periods and the year, from the confirmed final marks, with the class statistics of
 * DOMAIN.md under each column. Readable by the class teacher, the cohort's teachers and
 * the administration; anyone else is told it is not found.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { cohortsVisibleTo } from "@/lib/auth/scope";
import { shortName } from "@/lib/people/names";
import { assertId } from "@/lib/people/students";
import { markSymbol } from "@/lib/grading/display";
import { markFromRow, type MarkValue } from "@/lib/grading/marks";
import { cohortStatistics, formatFraction } from "@/lib/grading/statistics";

/** periodId is a period's id, or "<year period id>:EXAM" / ":FINAL" for the exam and final marks */
export type SummaryColumn = { subjectId: string; periodId: string };
export type ColumnStats = { n: number; success: string; quality: string; mean: string; sou: string };

export type SummarySheet = {
  cohort: { id: string; name: string; yearName: string };
  subjects: { id: string; name: string }[];
  /** the terms, the year, and for a graduating class the exam and the final (итоговая) */
  periods: { id: string; name: string; isYear: boolean }[];
  /** every subject × period, subjects outer */
  columns: SummaryColumn[];
  rows: { studentId: string; name: string; cells: string[] }[];
  stats: ColumnStats[];
};

export async function readSummarySheet(p: Principal, cohortId: string, yearId?: string): Promise<SummarySheet> {
  assertCan(p, "journal.read");
  assertId(cohortId);
  // families may see their child's cohort elsewhere, but not this sheet
  const visible = hasRole(p, "ADMIN") || hasRole(p, "TEACHER") ? await db.cohort.count({ where: { AND: [cohortsVisibleTo(p), { id: cohortId }] } }) : 0;
  if (!visible) throw new AppError("NOT_FOUND");
  const cohort = await db.cohort.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: cohortId } },
    select: { id: true, name: true, grade: true, yearId: true, year: { select: { name: true, startDate: true, endDate: true } } },
  });
  if (!cohort) throw new AppError("NOT_FOUND");
  if (yearId !== undefined && yearId !== cohort.yearId) throw new AppError("NOT_FOUND", "Учебный год не найден.");
  const schoolId = p.schoolId;
  const [periodRows, members, children] = await Promise.all([
    db.period.findMany({
      where: { schoolId, yearId: cohort.yearId, gradeFrom: { lte: cohort.grade }, gradeTo: { gte: cohort.grade } },
      orderBy: { startDate: "asc" },
      select: { id: true, name: true, kind: true },
    }),
    db.cohortMembership.findMany({
      where: { schoolId, cohortId, startDate: { lte: cohort.year.endDate }, OR: [{ endDate: null }, { endDate: { gte: cohort.year.startDate } }] },
      select: { studentId: true, student: { select: { lastName: true, firstName: true, middleName: true } } },
    }),
    db.cohort.findMany({ where: { schoolId, parentId: cohortId }, select: { id: true } }),
  ]);
  const periods = [...periodRows.filter((x) => x.kind !== "YEAR"), ...periodRows.filter((x) => x.kind === "YEAR")];
  const students = [...new Map(members.map((m) => [m.studentId, shortName(m.student)])).entries()]
    .map(([studentId, name]) => ({ studentId, name }))
    .sort((a, b) => a.name.localeCompare(b.name, "ru"));
  const studentIds = students.map((s) => s.studentId);
  const [items, finals] = await Promise.all([
    db.curriculumItem.findMany({
      where: { schoolId, cohortId: { in: [cohortId, ...children.map((c) => c.id)] }, scale: { not: "NONE" } },
      select: { subject: { select: { id: true, name: true } } },
    }),
    db.finalMark.findMany({
      where: { schoolId, studentId: { in: studentIds }, periodId: { in: periods.map((x) => x.id) }, kind: { in: ["PERIOD", "YEAR", "EXAM", "FINAL"] }, removedAt: null },
      select: { studentId: true, subjectId: true, periodId: true, kind: true, markKind: true, value: true, text: true, subject: { select: { id: true, name: true } } },
    }),
  ]);
  const subjectMap = new Map<string, string>();
  for (const i of items) subjectMap.set(i.subject.id, i.subject.name);
  for (const f of finals) subjectMap.set(f.subject.id, f.subject.name);
  const subjects = [...subjectMap.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "ru"));

  // a graduating class (or one with such marks) also has the exam and the final columns
  const yearPeriod = periods.find((x) => x.kind === "YEAR");
  const examColumns = yearPeriod && (cohort.grade === 9 || cohort.grade === 11 || finals.some((f) => f.kind === "EXAM" || f.kind === "FINAL"))
    ? [{ id: `${yearPeriod.id}:EXAM`, name: "Экзамен", isYear: false }, { id: `${yearPeriod.id}:FINAL`, name: "Итоговая", isYear: false }]
    : [];
  const allPeriods = [...periods.map((x) => ({ id: x.id, name: x.name, isYear: x.kind === "YEAR" })), ...examColumns];
  const columns: SummaryColumn[] = subjects.flatMap((s) => allPeriods.map((x) => ({ subjectId: s.id, periodId: x.id })));
  const key = (studentId: string, subjectId: string, periodId: string) => `${studentId}|${subjectId}|${periodId}`;
  const columnOf = (f: { periodId: string; kind: string }) => (f.kind === "EXAM" || f.kind === "FINAL" ? `${f.periodId}:${f.kind}` : f.periodId);
  const byKey = new Map(finals.map((f) => [key(f.studentId, f.subjectId, columnOf(f)), f]));

  const rows = students.map((s) => ({
    ...s,
    cells: columns.map((c) => {
      const f = byKey.get(key(s.studentId, c.subjectId, c.periodId));
      return f ? markSymbol({ kind: f.markKind, value: f.value, text: f.text }) : "";
    }),
  }));
  const stats = columns.map((c) => {
    const marks: MarkValue[] = [];
    for (const s of students) {
      const f = byKey.get(key(s.studentId, c.subjectId, c.periodId));
      if (f) marks.push(markFromRow({ kind: f.markKind, value: f.value, text: f.text }));
    }
    const st = cohortStatistics(marks);
    return { n: st.n, success: formatFraction(st.successRate), quality: formatFraction(st.qualityRate), mean: formatFraction(st.mean, 2), sou: formatFraction(st.sou) };
  });
  return {
    cohort: { id: cohort.id, name: cohort.name, yearName: cohort.year.name },
    subjects,
    periods: allPeriods,
    columns,
    rows,
    stats,
  };
}

export type SheetLink = { cohortId: string; cohortName: string; yearName: string };
export type FinalsLink = SheetLink & { subjectId: string; subjectName: string };

/** Where the user may go: classes for the summary sheet, cohort × subject for finals. */
export async function listFinalsLinks(p: Principal): Promise<{ sheets: SheetLink[]; finals: FinalsLink[] }> {
  assertCan(p, "journal.read");
  const cohorts = await db.cohort.findMany({
    where: { AND: [cohortsVisibleTo(p), { kind: { in: ["CLASS", "GROUP", "INDIVIDUAL", "STREAM"] } }] },
    orderBy: [{ year: { startDate: "desc" } }, { grade: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, classTeacherId: true, year: { select: { name: true } } },
  });
  const sheets = cohorts.filter((c) => c.kind === "CLASS").map((c) => ({ cohortId: c.id, cohortName: c.name, yearName: c.year.name }));
  const items = await db.curriculumItem.findMany({
    where: {
      schoolId: p.schoolId,
      cohortId: { in: cohorts.map((c) => c.id) },
      ...(hasRole(p, "ADMIN") ? {} : { OR: [{ teachers: { some: { staffId: p.staffId ?? "" } } }, { cohort: { classTeacherId: p.staffId ?? "" } }] }),
    },
    select: { cohortId: true, subject: { select: { id: true, name: true } } },
  });
  const cohortOf = new Map(cohorts.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const finals: FinalsLink[] = [];
  for (const c of cohorts) {
    for (const i of items.filter((x) => x.cohortId === c.id).sort((a, b) => a.subject.name.localeCompare(b.subject.name, "ru"))) {
      const k = `${c.id}|${i.subject.id}`;
      const cohort = cohortOf.get(c.id);
      if (seen.has(k) || !cohort) continue;
      seen.add(k);
      finals.push({ cohortId: c.id, cohortName: cohort.name, yearName: cohort.year.name, subjectId: i.subject.id, subjectName: i.subject.name });
    }
  }
  return { sheets, finals };
}
