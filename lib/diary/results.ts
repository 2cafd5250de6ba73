/**
 * The diary's results (R6): the child's final marks of the school year — per period,
 * for the year, the exam and the final mark — per subject, shown as soon as the teacher
 * confirms them, each with the time it was confirmed; and the state-exam results (ОГЭ,
 * ГВЭ, the vocational exam) imported from the regional exam centre, once published, each
 * with its primary score of the maximum, the mark and the time it was published.
 */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { loadChild } from "@/lib/diary/pick-child";
import { markSymbol } from "@/lib/grading/display";
import { EXAM_KIND_SHORT } from "@/lib/exams/scale";
import { dateToDay } from "@/lib/time";

export type DiaryFinal = { symbol: string; confirmedAt: string };
export type DiaryResultRow = {
  subjectName: string;
  periods: { periodId: string; mark: DiaryFinal | null }[];
  year: DiaryFinal | null;
  exam: DiaryFinal | null;
  final: DiaryFinal | null;
};
export type DiaryStateExam = {
  id: string;
  subjectName: string;
  /** «ОГЭ», «ГВЭ», «ПО» */
  exam: string;
  /** the exam's day, "YYYY-MM-DD" */
  examDate: string;
  primaryScore: number;
  maxScore: number;
  mark: string;
  publishedAt: string;
};

export type DiaryResults = {
  yearName: string | null;
  periods: { id: string; name: string }[];
  subjects: DiaryResultRow[];
  stateExams: DiaryStateExam[];
};

export async function getDiaryResults(p: Principal, studentId: string): Promise<DiaryResults> {
  const child = await loadChild(p, studentId);
  const stateExams = await publishedExams(p, child.id);
  if (!child.yearId) return { yearName: null, periods: [], subjects: [], stateExams };
  const byGrade = child.grade !== null ? { gradeFrom: { lte: child.grade }, gradeTo: { gte: child.grade } } : {};
  const [year, marks] = await Promise.all([
    db.academicYear.findUnique({
      where: { schoolId_id: { schoolId: p.schoolId, id: child.yearId } },
      select: { name: true, periods: { where: { kind: { not: "YEAR" }, ...byGrade }, orderBy: { startDate: "asc" }, select: { id: true, name: true, startDate: true } } },
    }),
    db.finalMark.findMany({
      where: { schoolId: p.schoolId, studentId: child.id, removedAt: null, period: { yearId: child.yearId } },
      select: {
        kind: true, markKind: true, value: true, text: true, confirmedAt: true, periodId: true,
        subject: { select: { name: true } },
        period: { select: { id: true, name: true, startDate: true } },
      },
    }),
  ]);
  // the grade's periods, and any other period a mark was set in (a child who changed class)
  const periodRows = new Map((year?.periods ?? []).map((x) => [x.id, x]));
  for (const m of marks) if (m.kind === "PERIOD" && !periodRows.has(m.periodId)) periodRows.set(m.periodId, m.period);
  const periods = [...periodRows.values()].sort((a, b) => a.startDate.getTime() - b.startDate.getTime()).map((x) => ({ id: x.id, name: x.name }));
  const bySubject = new Map<string, Omit<DiaryResultRow, "periods"> & { byPeriod: Map<string, DiaryFinal> }>();
  for (const m of marks) {
    const name = m.subject.name;
    let row = bySubject.get(name);
    if (!row) {
      row = { subjectName: name, year: null, exam: null, final: null, byPeriod: new Map() };
      bySubject.set(name, row);
    }
    const shown: DiaryFinal = { symbol: markSymbol({ kind: m.markKind, value: m.value, text: m.text }), confirmedAt: m.confirmedAt.toISOString() };
    if (m.kind === "PERIOD") row.byPeriod.set(m.periodId, shown);
    else if (m.kind === "YEAR") row.year = shown;
    else if (m.kind === "EXAM") row.exam = shown;
    else row.final = shown;
  }
  const subjects = [...bySubject.values()]
    .sort((a, b) => a.subjectName.localeCompare(b.subjectName, "ru"))
    .map(({ byPeriod, ...rest }) => ({ ...rest, periods: periods.map((x) => ({ periodId: x.id, mark: byPeriod.get(x.id) ?? null })) }));
  return { yearName: year?.name ?? null, periods, subjects, stateExams };
}

/** The child's published exam results, the latest exam first; unpublished ones are not the family's yet. */
async function publishedExams(p: Principal, studentId: string): Promise<DiaryStateExam[]> {
  const rows = await db.examResult.findMany({
    where: { schoolId: p.schoolId, studentId, publishedAt: { not: null, lte: new Date() } },
    orderBy: [{ examDate: "desc" }, { kind: "asc" }],
    select: { id: true, kind: true, examDate: true, primaryScore: true, maxScore: true, mark: true, publishedAt: true, subject: { select: { name: true } } },
  });
  return rows
    .map((r) => ({
      id: r.id,
      subjectName: r.subject.name,
      exam: EXAM_KIND_SHORT[r.kind],
      examDate: dateToDay(r.examDate),
      primaryScore: r.primaryScore,
      maxScore: r.maxScore,
      mark: String(r.mark),
      publishedAt: (r.publishedAt ?? new Date(0)).toISOString(),
    }))
    .sort((a, b) => (a.examDate === b.examDate ? a.subjectName.localeCompare(b.subjectName, "ru") : a.examDate < b.examDate ? 1 : -1));
}
