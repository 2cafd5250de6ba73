/**
 * The journal grid of one cohort × subject × period (issue 4, item 1): students as rows,
 * the period's lessons as columns, what is written in each cell, and each student's
 * weighted average with its formula. One query per kind of data, never one per row, so
 * a class of 30 with 60 lessons costs the same handful of queries as a class of 3.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { journalReadableBy, journalWritableBy, studentsVisibleTo } from "@/lib/auth/scope";
import { assertId } from "@/lib/people/students";
import { formatMean, formulaText, weightedAverage } from "@/lib/grading/average";
import { markSymbol } from "@/lib/grading/display";
import { ATTENDANCE_SYMBOL, type AttendanceCode, type MarkValue, type Scale } from "@/lib/grading/marks";
import { weighByDate, type WeightHistory } from "@/lib/grading/weights";
import { loadWorkTypeWeightHistories } from "@/lib/school/grading-policy";
import { sharedOfSchool } from "@/lib/school/shared";
import { listCellHistory, recordCell } from "@/lib/journal/record-cell";
import { dateToDay, dayToDate, formatDateTime, schoolToday } from "@/lib/time";

export type GridPeriod = { id: string; name: string; startDate: string; endDate: string; closed: boolean };
export type GridLesson = {
  id: string; date: string; lessonNumber: number; lessonType: string; topic: string | null; status: string;
  workTypeId: string | null; workTypeName: string | null;
};
/** A work type a column can be given, with its weights (a mark weighs what its type weighed on its date). */
export type GridWorkType = { id: string; name: string } & WeightHistory;
export type GridStudent = {
  id: string; name: string;
  /** days of the period the student was in the cohort: cells outside them cannot be written */
  ranges: { from: string; to: string | null }[];
  average: string; formula: string;
};
export type JournalGrid = {
  cohort: { id: string; name: string };
  subject: { id: string; name: string };
  periods: GridPeriod[];
  period: GridPeriod;
  lessons: GridLesson[];
  students: GridStudent[];
  /** what a cell shows, by `${lessonId}:${studentId}`; empty cells are absent */
  cells: Record<string, string>;
  writable: boolean;
  scale: Scale;
  /** the school's work types in use (not archived), for the columns' "Вид работы" */
  workTypes: GridWorkType[];
};

export function cellKey(lessonId: string, studentId: string): string {
  return `${lessonId}:${studentId}`;
}

function markValue(m: { kind: string; value: number | null; text: string | null }): MarkValue | null {
  if (m.kind === "NUMERIC") return m.value !== null && m.value >= 1 && m.value <= 5 ? { kind: "NUMERIC", value: m.value as 1 | 2 | 3 | 4 | 5 } : null;
  if (m.kind === "DESCRIPTIVE") return { kind: "DESCRIPTIVE", text: m.text ?? "" };
  if (m.kind === "PASS" || m.kind === "FAIL" || m.kind === "NOT_ATTESTED" || m.kind === "EXEMPT") return { kind: m.kind };
  return null;
}

/** The period containing today, else the last one already begun, else the first. */
function pickPeriod(periods: GridPeriod[], today: string): GridPeriod | undefined {
  return periods.find((q) => q.startDate <= today && today <= q.endDate)
    ?? [...periods].reverse().find((q) => q.startDate <= today)
    ?? periods[0];
}

export async function loadJournalGrid(p: Principal, cohortId: string, subjectId: string, periodId?: string): Promise<JournalGrid> {
  assertCan(p, "journal.read");
  assertId(cohortId);
  assertId(subjectId);
  if (periodId !== undefined) assertId(periodId);
  const cohort = await db.cohort.findFirst({
    where: journalReadableBy(p, cohortId, subjectId),
    select: { id: true, name: true, grade: true, yearId: true, parentId: true },
  });
  const subject = await db.subject.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: subjectId } }, select: { id: true, name: true } });
  if (!cohort || !subject) throw new AppError("NOT_FOUND", "Такого журнала нет или он вам недоступен.");

  const periodRows = await db.period.findMany({
    where: { schoolId: p.schoolId, yearId: cohort.yearId, gradeFrom: { lte: cohort.grade }, gradeTo: { gte: cohort.grade } },
    orderBy: { startDate: "asc" },
    select: { id: true, kind: true, name: true, startDate: true, endDate: true, closedAt: true },
  });
  // the journal is kept by terms; a school that has not set its terms yet still gets the year
  const terms = periodRows.some((q) => q.kind !== "YEAR") ? periodRows.filter((q) => q.kind !== "YEAR") : periodRows;
  const periods = terms.map((q) => ({ id: q.id, name: q.name, startDate: dateToDay(q.startDate), endDate: dateToDay(q.endDate), closed: q.closedAt !== null }));
  const period = periodId ? periods.find((q) => q.id === periodId) : pickPeriod(periods, schoolToday(p.timeZone));
  if (!period) throw new AppError("NOT_FOUND", "Такого учебного периода нет.");
  const from = dayToDate(period.startDate);
  const to = dayToDate(period.endDate);
  const date = { gte: from, lte: to };

  const [memberships, lessons, marks, attendance, item, writable, histories, workTypes] = await Promise.all([
    db.cohortMembership.findMany({
      where: {
        schoolId: p.schoolId, cohortId, startDate: { lte: to }, OR: [{ endDate: null }, { endDate: { gte: from } }],
        student: studentsVisibleTo(p),
      },
      orderBy: { startDate: "asc" },
      select: { startDate: true, endDate: true, student: { select: { id: true, lastName: true, firstName: true } } },
    }),
    db.lesson.findMany({
      where: { schoolId: p.schoolId, cohortId, subjectId, date },
      orderBy: [{ date: "asc" }, { lessonNumber: "asc" }],
      select: { id: true, date: true, lessonNumber: true, lessonType: true, topic: true, status: true, workTypeId: true, workType: { select: { name: true } } },
    }),
    db.mark.findMany({
      where: { schoolId: p.schoolId, cohortId, subjectId, date, removedAt: null },
      orderBy: { part: "asc" },
      select: { lessonId: true, studentId: true, date: true, kind: true, value: true, text: true, workTypeId: true },
    }),
    db.attendance.findMany({
      where: { schoolId: p.schoolId, date, removedAt: null, lesson: { cohortId, subjectId } },
      select: { lessonId: true, studentId: true, code: true },
    }),
    db.curriculumItem.findFirst({
      where: {
        schoolId: p.schoolId, subjectId, cohortId: { in: [cohortId, ...(cohort.parentId ? [cohort.parentId] : [])] },
        validFrom: { lte: to }, OR: [{ validTo: null }, { validTo: { gte: from } }],
      },
      orderBy: { validFrom: "desc" },
      select: { scale: true },
    }),
    db.cohort.count({ where: journalWritableBy(p, cohortId, subjectId) }),
    loadWorkTypeWeightHistories(p.schoolId, p.schoolVersion),
    sharedOfSchool(p.schoolId, p.schoolVersion, "work-types-in-use", () =>
      db.workType.findMany({ where: { schoolId: p.schoolId, archived: false }, select: { id: true, name: true } }),
    ),
  ]);

  const byStudent = new Map<string, { id: string; name: string; ranges: { from: string; to: string | null }[] }>();
  for (const m of memberships) {
    const s = byStudent.get(m.student.id) ?? { id: m.student.id, name: `${m.student.lastName} ${m.student.firstName}`, ranges: [] };
    s.ranges.push({ from: dateToDay(m.startDate), to: m.endDate ? dateToDay(m.endDate) : null });
    byStudent.set(s.id, s);
  }
  const visible = new Set(byStudent.keys());

  const parts = new Map<string, string[]>();
  const marksOf = new Map<string, { date: string; workTypeId: string; mark: MarkValue }[]>();
  for (const m of marks) {
    if (!visible.has(m.studentId)) continue;
    const key = cellKey(m.lessonId, m.studentId);
    const list = parts.get(key) ?? [];
    list.push(markSymbol(m));
    parts.set(key, list);
    const value = markValue(m);
    if (value) {
      const own = marksOf.get(m.studentId) ?? [];
      own.push({ date: dateToDay(m.date), workTypeId: m.workTypeId, mark: value });
      marksOf.set(m.studentId, own);
    }
  }
  const cells: Record<string, string> = {};
  for (const [key, list] of parts) cells[key] = list.join("/");
  for (const a of attendance) {
    if (!visible.has(a.studentId)) continue;
    const key = cellKey(a.lessonId, a.studentId);
    const symbol = ATTENDANCE_SYMBOL[a.code];
    cells[key] = cells[key] ? `${symbol} ${cells[key]}` : symbol;
  }

  const collator = new Intl.Collator("ru");
  const students = [...byStudent.values()]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((s) => {
      const avg = weightedAverage(weighByDate(marksOf.get(s.id) ?? [], histories));
      return { ...s, average: formatMean(avg), formula: formulaText(avg) };
    });

  return {
    cohort: { id: cohort.id, name: cohort.name },
    subject,
    periods,
    period,
    lessons: lessons.map((l) => ({
      id: l.id, date: dateToDay(l.date), lessonNumber: l.lessonNumber, lessonType: l.lessonType, topic: l.topic, status: l.status,
      workTypeId: l.workTypeId, workTypeName: l.workType?.name ?? null,
    })),
    students,
    cells,
    writable: writable > 0 && !period.closed,
    scale: item?.scale ?? "FIVE_POINT",
    workTypes: workTypes
      .map((w) => ({ id: w.id, name: w.name, base: histories.get(w.id)?.base ?? 0, versions: histories.get(w.id)?.versions ?? [] }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}

export type MyJournal = { cohortId: string; cohortName: string; subjectId: string; subjectName: string };

/** The cohort × subject pairs a teacher teaches this school year, for links to their grids. */
export async function listMyJournals(p: Principal): Promise<MyJournal[]> {
  assertCan(p, "journal.read");
  if (!p.staffId) return [];
  const today = dayToDate(schoolToday(p.timeZone));
  const inYear = { year: { startDate: { lte: today }, endDate: { gte: today } } };
  const current = { OR: [{ validTo: null }, { validTo: { gte: today } }] };
  const select = { cohort: { select: { id: true, name: true } }, subject: { select: { id: true, name: true } } } as const;
  const [items, slots] = await Promise.all([
    db.curriculumItem.findMany({
      where: { schoolId: p.schoolId, ...current, cohort: inYear, teachers: { some: { staffId: p.staffId } } },
      select,
    }),
    db.timetableSlot.findMany({
      where: { schoolId: p.schoolId, ...current, cohort: inYear, teacherId: p.staffId },
      select,
    }),
  ]);
  const out = new Map<string, MyJournal>();
  for (const r of [...items, ...slots]) {
    out.set(cellKey(r.cohort.id, r.subject.id), { cohortId: r.cohort.id, cohortName: r.cohort.name, subjectId: r.subject.id, subjectName: r.subject.name });
  }
  const collator = new Intl.Collator("ru", { numeric: true });
  return [...out.values()].sort((a, b) => collator.compare(a.cohortName, b.cohortName) || collator.compare(a.subjectName, b.subjectName));
}

/** Writes one cell (lib/journal/record-cell.ts) and returns what the cell now shows. */
export type SavedCell = {
  lessonId: string;
  studentId: string;
  text: string;
  /** the student's average in the lesson's term after the change, so the page need not reload */
  average: { average: string; formula: string } | null;
};

export async function saveGridCell(p: Principal, w: { lessonId: string; studentId: string; input: string }): Promise<SavedCell> {
  const state = await recordCell(p, w);
  const marks = state.marks.map((m) => markSymbol(m)).join("/");
  const att = state.attendance ? ATTENDANCE_SYMBOL[state.attendance as AttendanceCode] : "";
  return { lessonId: w.lessonId, studentId: w.studentId, text: [att, marks].filter(Boolean).join(" "), average: await studentTermAverage(p.schoolId, p.schoolVersion, w.lessonId, w.studentId) };
}

/**
 * One student's weighted average in the journal's term around a lesson, as the grid
 * shows it (the same marks and dated weights as loadJournalGrid, for one row). The
 * caller has just written to the lesson, so the access was checked.
 */
async function studentTermAverage(schoolId: string, schoolVersion: number | undefined, lessonId: string, studentId: string): Promise<{ average: string; formula: string } | null> {
  const lesson = await db.lesson.findUnique({
    where: { schoolId_id: { schoolId, id: lessonId } },
    select: { date: true, cohortId: true, subjectId: true, cohort: { select: { grade: true, yearId: true } } },
  });
  if (!lesson) return null;
  const periods = await db.period.findMany({
    where: { schoolId, yearId: lesson.cohort.yearId, gradeFrom: { lte: lesson.cohort.grade }, gradeTo: { gte: lesson.cohort.grade }, startDate: { lte: lesson.date }, endDate: { gte: lesson.date } },
    select: { kind: true, startDate: true, endDate: true },
  });
  const term = periods.find((q) => q.kind !== "YEAR") ?? periods[0];
  if (!term) return null;
  const [marks, histories] = await Promise.all([
    db.mark.findMany({
      where: { schoolId, studentId, cohortId: lesson.cohortId, subjectId: lesson.subjectId, date: { gte: term.startDate, lte: term.endDate }, removedAt: null },
      select: { date: true, kind: true, value: true, text: true, workTypeId: true },
    }),
    loadWorkTypeWeightHistories(schoolId, schoolVersion),
  ]);
  const own = marks.flatMap((m) => {
    const mark = markValue(m);
    return mark ? [{ date: dateToDay(m.date), workTypeId: m.workTypeId, mark }] : [];
  });
  const avg = weightedAverage(weighByDate(own, histories));
  return { average: formatMean(avg), formula: formulaText(avg) };
}

/**
 * One change of a cell, ready to show: when (in the school's zone), who, what the cell
 * part held before and after (as the journal writes it: «5», «н», «зач», a text; null for
 * nothing), the work type before and after, and the reason when one was given.
 */
export type CellHistoryRow = {
  at: string;
  atText: string;
  actor: string | null;
  entity: "MARK" | "ATTENDANCE";
  action: "CREATE" | "UPDATE" | "REMOVE" | "RESTORE";
  /** for a double mark «4/5»: which of the two (1 or 2) */
  part: number | null;
  before: string | null;
  after: string | null;
  workTypeBefore: string | null;
  workTypeAfter: string | null;
  reason: string | null;
};

type Snapshot = { symbol: string; workTypeId: string | null; part: number | null };

function record(v: unknown): Record<string, unknown> | null {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** What an audit snapshot of a mark or an attendance record shows in the cell. */
function readSnapshot(entity: string, v: unknown): Snapshot | null {
  const r = record(v);
  if (!r) return null;
  if (entity === "ATTENDANCE") {
    const code = r.code;
    return typeof code === "string" && code in ATTENDANCE_SYMBOL ? { symbol: ATTENDANCE_SYMBOL[code as AttendanceCode], workTypeId: null, part: null } : null;
  }
  const kind = typeof r.kind === "string" ? r.kind : "";
  const value = typeof r.value === "number" ? r.value : null;
  const text = typeof r.text === "string" ? r.text : null;
  return {
    symbol: markSymbol({ kind, value, text }),
    workTypeId: typeof r.workTypeId === "string" ? r.workTypeId : null,
    part: typeof r.part === "number" ? r.part : null,
  };
}

const ACTIONS = new Set(["CREATE", "UPDATE", "REMOVE", "RESTORE"]);

/** The history of one cell (lib/journal/record-cell.ts listCellHistory), newest first, in words. */
export async function loadCellHistory(p: Principal, lessonId: string, studentId: string): Promise<CellHistoryRow[]> {
  const entries = await listCellHistory(p, lessonId, studentId);
  const types = await db.workType.findMany({ where: { schoolId: p.schoolId }, select: { id: true, name: true } });
  const typeName = new Map(types.map((w) => [w.id, w.name]));
  const rows: CellHistoryRow[] = [];
  for (const e of entries) {
    if ((e.entity !== "MARK" && e.entity !== "ATTENDANCE") || !ACTIONS.has(e.action)) continue;
    const before = readSnapshot(e.entity, e.oldValue);
    const after = readSnapshot(e.entity, e.newValue);
    const wtBefore = before?.workTypeId ? typeName.get(before.workTypeId) ?? null : null;
    const wtAfter = after?.workTypeId ? typeName.get(after.workTypeId) ?? null : null;
    rows.push({
      at: e.at,
      atText: formatDateTime(new Date(e.at), p.timeZone),
      actor: e.actor,
      entity: e.entity,
      action: e.action as CellHistoryRow["action"],
      part: after?.part ?? before?.part ?? null,
      before: before?.symbol ?? null,
      after: after?.symbol ?? null,
      workTypeBefore: wtBefore,
      workTypeAfter: wtAfter,
      // the reason, where the history keeps one (a work type changed for the whole column)
      reason: "reason" in e && typeof e.reason === "string" ? e.reason : null,
    });
  }
  return rows;
}
