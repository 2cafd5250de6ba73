/**
 * Final marks of a period (issue 4, item 5): for each student the mark lib/grading
 * suggests, why, and how the average was counted; the teacher of the subject confirms it
 * or overrides it with a reason (the suggestion is kept). A closed period or year refuses
 * every change; every change is written to the audit history in the same transaction.
 *
 * On the year page of a graduating cohort (lib/grading/exam.ts says where) two more
 * columns: the exam mark (kind EXAM, entered by the teacher or the administrator, or
 * imported: `recordExamMark`) and the final (итоговая) mark (kind FINAL) suggested from
 * the confirmed year mark and the exam mark, confirmed like the others. All three are
 * stored on the YEAR period.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { journalReadableBy, journalWritableBy } from "@/lib/auth/scope";
import { shortName } from "@/lib/people/names";
import { assertId } from "@/lib/people/students";
import { assertDayOpen } from "@/lib/school/year-guard";
import { loadGradingPolicy, loadWorkTypeWeightHistories } from "@/lib/school/grading-policy";
import { formatMean, formulaText } from "@/lib/grading/average";
import {
  FINAL_REASON, SUGGESTION_REASON, missingPeriodsText, suggestFinalMark, suggestPeriodMark, suggestYearMark, type Suggestion,
} from "@/lib/grading/finals";
import { examFor, finalMarkApplies, type ExamKind } from "@/lib/grading/exam";
import { can } from "@/lib/auth/permissions";
import { markSymbol } from "@/lib/grading/display";
import { markFromRow, markRow, parseCellInput, type MarkValue, type Scale } from "@/lib/grading/marks";
import { weighByDate } from "@/lib/grading/weights";
import { dateToDay } from "@/lib/time";
import type { Prisma } from "@/generated/prisma/client";
import { notifyFinalMark } from "@/lib/notify/producers";

export type FinalRow = {
  studentId: string;
  name: string;
  marksCount: number;
  average: string;
  formula: string;
  /** for a year: the confirmed period marks it was suggested from */
  periodMarks: string[];
  /** for a year: the periods with no confirmed mark, in words ("нет отметки за 2 четверть") */
  missing: string | null;
  suggestion: { symbol: string; reason: string };
  final: { symbol: string; overridden: boolean; reason: string | null } | null;
};

export type FinalsPage = {
  cohort: { id: string; name: string };
  subject: { id: string; name: string };
  period: { id: string; name: string; kind: string; closed: boolean };
  periods: { id: string; name: string }[];
  scale: Scale;
  canWrite: boolean;
  rows: FinalRow[];
  /** on the year page of a graduating cohort: exam and final (итоговая) marks; else null */
  exam: ExamSection | null;
};

/** One student's exam mark and final (итоговая) mark on the year page. */
export type ExamRow = {
  studentId: string;
  name: string;
  /** the exam the student may sit in the subject; null: none, the final is the year mark */
  examKind: ExamKind | null;
  /** the confirmed year mark, or null while it is not set */
  year: string | null;
  /** the exam mark, or null: did not sit it */
  exam: string | null;
  suggestion: { symbol: string | null; reason: string };
  final: { symbol: string; overridden: boolean; reason: string | null } | null;
};

export type ExamSection = {
  /** whether any student of the cohort may sit an exam in the subject (the exam column) */
  hasExam: boolean;
  /** whether the user may enter exam marks: the subject's teacher or the administrator */
  canWriteExam: boolean;
  rows: ExamRow[];
};

type Computed = { row: FinalRow; suggestion: MarkValue; missing: number };

type Ctx = {
  cohort: { id: string; name: string; grade: number; parentId: string | null; yearId: string };
  subject: { id: string; name: string; kind: "SUBJECT" | "COURSE" | "CORRECTION" | "VOCATIONAL" };
  period: { id: string; name: string; kind: string; startDate: Date; endDate: Date; closedAt: Date | null; yearId: string };
  scale: Scale;
};

const MAX_REASON = 500;

function sameMark(a: MarkValue, b: MarkValue): boolean {
  const x = markRow(a);
  const y = markRow(b);
  return x.kind === y.kind && x.value === y.value && x.text === y.text;
}

async function loadContext(p: Principal, cohortId: string, subjectId: string, periodId: string): Promise<Ctx> {
  assertId(cohortId);
  assertId(subjectId);
  assertId(periodId);
  if (!(await db.cohort.count({ where: journalReadableBy(p, cohortId, subjectId) }))) throw new AppError("NOT_FOUND");
  const [cohort, subject, period] = await Promise.all([
    db.cohort.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: cohortId } }, select: { id: true, name: true, grade: true, parentId: true, yearId: true } }),
    db.subject.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: subjectId } }, select: { id: true, name: true, kind: true } }),
    db.period.findUnique({
      where: { schoolId_id: { schoolId: p.schoolId, id: periodId } },
      select: { id: true, name: true, kind: true, startDate: true, endDate: true, closedAt: true, yearId: true, gradeFrom: true, gradeTo: true },
    }),
  ]);
  if (!cohort || !subject || !period || period.yearId !== cohort.yearId) throw new AppError("NOT_FOUND", "Период не найден.");
  if (period.gradeFrom > cohort.grade || period.gradeTo < cohort.grade) throw new AppError("NOT_FOUND", "Период не найден.");
  const item = await db.curriculumItem.findFirst({
    where: {
      schoolId: p.schoolId, subjectId, cohortId: { in: [cohortId, ...(cohort.parentId ? [cohort.parentId] : [])] },
      validFrom: { lte: period.endDate },
    },
    orderBy: { validFrom: "desc" },
    select: { scale: true },
  });
  return { cohort, subject, period, scale: item?.scale ?? "FIVE_POINT" };
}

/** The periods of the cohort's year that apply to its grade, the year last. */
async function periodsOf(schoolId: string, cohort: Ctx["cohort"]) {
  const rows = await db.period.findMany({
    where: { schoolId, yearId: cohort.yearId, gradeFrom: { lte: cohort.grade }, gradeTo: { gte: cohort.grade } },
    orderBy: [{ startDate: "asc" }, { endDate: "asc" }],
    select: { id: true, name: true, kind: true },
  });
  return [...rows.filter((r) => r.kind !== "YEAR"), ...rows.filter((r) => r.kind === "YEAR")];
}

function membersOf(schoolId: string, ctx: Ctx) {
  const { cohort, period } = ctx;
  return db.cohortMembership.findMany({
    where: { schoolId, cohortId: cohort.id, startDate: { lte: period.endDate }, OR: [{ endDate: null }, { endDate: { gte: period.startDate } }] },
    select: { studentId: true, startDate: true, endDate: true, student: { select: { lastName: true, firstName: true, middleName: true } } },
  });
}

async function compute(schoolId: string, ctx: Ctx): Promise<Computed[]> {
  const { cohort, subject, period } = ctx;
  const members = await membersOf(schoolId, ctx);
  const byStudent = new Map<string, (typeof members)[number][]>();
  for (const m of members) byStudent.set(m.studentId, [...(byStudent.get(m.studentId) ?? []), m]);
  const studentIds = [...byStudent.keys()];
  const isYear = period.kind === "YEAR";
  const finalKind = isYear ? "YEAR" : "PERIOD";
  const endDay = dateToDay(period.endDate);
  const [policy, confirmed] = await Promise.all([
    loadGradingPolicy(schoolId, endDay),
    db.finalMark.findMany({
      where: { schoolId, subjectId: subject.id, periodId: period.id, kind: finalKind, studentId: { in: studentIds }, removedAt: null },
      select: { studentId: true, markKind: true, value: true, text: true, overrideReason: true },
    }),
  ]);
  const finalOf = new Map(confirmed.map((f) => [f.studentId, f]));
  const suggestions = new Map<string, { s: Suggestion; periodMarks: string[]; missing: string[] }>();

  if (isYear) {
    const terms = await db.period.findMany({
      where: { schoolId, yearId: cohort.yearId, kind: { not: "YEAR" }, gradeFrom: { lte: cohort.grade }, gradeTo: { gte: cohort.grade } },
      orderBy: { startDate: "asc" },
      select: { id: true, name: true },
    });
    const termMarks = await db.finalMark.findMany({
      where: { schoolId, subjectId: subject.id, kind: "PERIOD", periodId: { in: terms.map((x) => x.id) }, studentId: { in: studentIds }, removedAt: null },
      select: { studentId: true, periodId: true, markKind: true, value: true, text: true },
    });
    const order = new Map(terms.map((x, i) => [x.id, i]));
    for (const id of studentIds) {
      const own = termMarks.filter((m) => m.studentId === id).sort((a, b) => (order.get(a.periodId) ?? 0) - (order.get(b.periodId) ?? 0));
      const values = own.map((m) => markFromRow({ kind: m.markKind, value: m.value, text: m.text }));
      const has = new Set(own.map((m) => m.periodId));
      suggestions.set(id, {
        s: suggestYearMark(values, policy),
        periodMarks: own.map((m) => markSymbol({ kind: m.markKind, value: m.value, text: m.text })),
        missing: terms.filter((x) => !has.has(x.id)).map((x) => x.name),
      });
    }
  } else {
    const date = { gte: period.startDate, lte: period.endDate };
    const [marks, lessons, histories] = await Promise.all([
      db.mark.findMany({
        where: { schoolId, cohortId: cohort.id, subjectId: subject.id, date, removedAt: null, studentId: { in: studentIds } },
        select: { studentId: true, date: true, workTypeId: true, kind: true, value: true, text: true },
        orderBy: [{ date: "asc" }, { part: "asc" }],
      }),
      db.lesson.findMany({ where: { schoolId, cohortId: cohort.id, subjectId: subject.id, date, status: "HELD" }, select: { id: true, date: true } }),
      loadWorkTypeWeightHistories(schoolId),
    ]);
    const absences = await db.attendance.findMany({
      where: { schoolId, lessonId: { in: lessons.map((l) => l.id) }, removedAt: null, code: { not: "LATE" } },
      select: { studentId: true, lessonId: true },
    });
    const lessonDate = new Map(lessons.map((l) => [l.id, l.date.getTime()]));
    for (const id of studentIds) {
      const spans = byStudent.get(id) ?? [];
      const inCohort = (t: number) => spans.some((s) => s.startDate.getTime() <= t && (!s.endDate || s.endDate.getTime() >= t));
      const held = lessons.filter((l) => inCohort(l.date.getTime()));
      const missed = absences.filter((a) => a.studentId === id && inCohort(lessonDate.get(a.lessonId) ?? Number.NaN)).length;
      const weighed = weighByDate(
        marks.filter((m) => m.studentId === id).map((m) => ({ date: dateToDay(m.date), workTypeId: m.workTypeId, mark: markFromRow(m) })),
        histories,
      );
      suggestions.set(id, { s: suggestPeriodMark({ marks: weighed, lessonsHeld: held.length, lessonsMissed: missed }, policy), periodMarks: [], missing: [] });
    }
  }

  const rows: Computed[] = [];
  for (const id of studentIds) {
    const name = byStudent.get(id)?.[0]?.student;
    const sg = suggestions.get(id);
    if (!name || !sg) continue;
    const f = finalOf.get(id);
    const fm = f ? markFromRow({ kind: f.markKind, value: f.value, text: f.text }) : null;
    rows.push({
      suggestion: sg.s.mark,
      missing: sg.missing.length,
      row: {
        studentId: id,
        name: shortName(name),
        marksCount: sg.s.average.count,
        average: formatMean(sg.s.average),
        formula: formulaText(sg.s.average),
        periodMarks: sg.periodMarks,
        missing: missingPeriodsText(sg.missing),
        suggestion: { symbol: markSymbol(markRow(sg.s.mark)), reason: SUGGESTION_REASON[sg.s.reason] },
        final: f && fm ? { symbol: markSymbol(markRow(fm)), overridden: !sameMark(fm, sg.s.mark), reason: f.overrideReason } : null,
      },
    });
  }
  return rows.sort((a, b) => a.row.name.localeCompare(b.row.name, "ru"));
}

/** The student's program at the end of the period (the last one begun by then), if any. */
async function programsAt(schoolId: string, studentIds: string[], period: Ctx["period"]) {
  const rows = await db.programEnrolment.findMany({
    where: { schoolId, studentId: { in: studentIds }, startDate: { lte: period.endDate }, OR: [{ endDate: null }, { endDate: { gte: period.startDate } }] },
    orderBy: { startDate: "asc" },
    select: { studentId: true, program: { select: { level: true, variant: true } } },
  });
  return new Map(rows.map((r) => [r.studentId, r.program]));
}

type ExamComputed = { row: ExamRow; suggestion: MarkValue | null };

/**
 * The exam and final marks of a year page: for each student the final applies to
 * (lib/grading/exam.ts), the confirmed year mark, the exam mark and the suggested final.
 * Null when the final applies to no student (not a graduating cohort, or not the year).
 */
async function computeExam(schoolId: string, ctx: Ctx): Promise<{ hasExam: boolean; rows: ExamComputed[] } | null> {
  if (ctx.period.kind !== "YEAR") return null;
  const members = await membersOf(schoolId, ctx);
  const names = new Map(members.map((m) => [m.studentId, shortName(m.student)]));
  const studentIds = [...names.keys()];
  const programs = await programsAt(schoolId, studentIds, ctx.period);
  const facts = (id: string) => ({ grade: ctx.cohort.grade, subjectKind: ctx.subject.kind, program: programs.get(id) ?? null });
  const ids = studentIds.filter((id) => finalMarkApplies(facts(id)));
  if (ids.length === 0) return null;
  const stored = await db.finalMark.findMany({
    where: { schoolId, subjectId: ctx.subject.id, periodId: ctx.period.id, kind: { in: ["YEAR", "EXAM", "FINAL"] }, studentId: { in: ids }, removedAt: null },
    select: { studentId: true, kind: true, markKind: true, value: true, text: true, overrideReason: true },
  });
  const find = (id: string, kind: "YEAR" | "EXAM" | "FINAL") => stored.find((f) => f.studentId === id && f.kind === kind);
  const value = (f: { markKind: string; value: number | null; text: string | null } | undefined) =>
    f ? markFromRow({ kind: f.markKind, value: f.value, text: f.text }) : null;
  const rows: ExamComputed[] = ids.map((id) => {
    const examKind = examFor(facts(id));
    const year = value(find(id, "YEAR"));
    const exam = examKind ? value(find(id, "EXAM")) : null;
    const s = suggestFinalMark(year, exam);
    const f = find(id, "FINAL");
    const fm = value(f);
    return {
      suggestion: s.mark,
      row: {
        studentId: id,
        name: names.get(id) ?? "",
        examKind,
        year: year ? markSymbol(markRow(year)) : null,
        exam: exam ? markSymbol(markRow(exam)) : null,
        suggestion: { symbol: s.mark ? markSymbol(markRow(s.mark)) : null, reason: FINAL_REASON[s.reason] },
        final: f && fm ? { symbol: markSymbol(markRow(fm)), overridden: !s.mark || !sameMark(fm, s.mark), reason: f.overrideReason } : null,
      },
    };
  });
  rows.sort((a, b) => a.row.name.localeCompare(b.row.name, "ru"));
  return { hasExam: rows.some((r) => r.row.examKind !== null), rows };
}

/** Who may enter exam marks: the administrator of the school, or the subject's teacher in the cohort. */
async function mayWriteExam(p: Principal, cohortId: string, subjectId: string): Promise<boolean> {
  if (!p.staffId) return false;
  if (can(p, "school.manage")) return true;
  return can(p, "journal.write") && (await db.cohort.count({ where: journalWritableBy(p, cohortId, subjectId) })) > 0;
}

/** The final marks page of a cohort × subject × period: suggestions and confirmed marks. */
export async function listFinalsForPeriod(p: Principal, cohortId: string, subjectId: string, periodId: string): Promise<FinalsPage> {
  assertCan(p, "journal.read");
  const ctx = await loadContext(p, cohortId, subjectId, periodId);
  const [rows, periods, writable, exam, examWriter] = await Promise.all([
    compute(p.schoolId, ctx),
    periodsOf(p.schoolId, ctx.cohort),
    db.cohort.count({ where: journalWritableBy(p, cohortId, subjectId) }),
    computeExam(p.schoolId, ctx),
    mayWriteExam(p, cohortId, subjectId),
  ]);
  return {
    cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
    subject: { id: ctx.subject.id, name: ctx.subject.name },
    period: { id: ctx.period.id, name: ctx.period.name, kind: ctx.period.kind, closed: ctx.period.closedAt !== null },
    periods: periods.map(({ id, name }) => ({ id, name })),
    scale: ctx.scale,
    canWrite: writable > 0,
    rows: rows.map((r) => r.row),
    exam: exam ? { hasExam: exam.hasExam, canWriteExam: examWriter, rows: exam.rows.map((r) => r.row) } : null,
  };
}

/** The period to open when none is asked for: the one under way, else the last begun. */
export async function defaultPeriodId(p: Principal, cohortId: string, today: string): Promise<string | null> {
  assertCan(p, "journal.read");
  assertId(cohortId);
  const cohort = await db.cohort.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: cohortId } }, select: { yearId: true, grade: true } });
  if (!cohort) return null;
  const periods = await db.period.findMany({
    where: { schoolId: p.schoolId, yearId: cohort.yearId, kind: { not: "YEAR" }, gradeFrom: { lte: cohort.grade }, gradeTo: { gte: cohort.grade } },
    orderBy: { startDate: "asc" },
    select: { id: true, startDate: true },
  });
  const begun = periods.filter((x) => dateToDay(x.startDate) <= today);
  return (begun.at(-1) ?? periods[0])?.id ?? null;
}

export type FinalWrite = { cohortId: string; subjectId: string; periodId: string; studentId: string; value: string; reason?: string | undefined };

/** "1 четверть закрыта", "1 полугодие закрыто", "Учебный год закрыт": a closed period, in Russian. */
function closedMessage(period: Ctx["period"]): string {
  const [closed, it] = period.kind === "QUARTER" ? ["закрыта", "её"] : period.kind === "SEMESTER" ? ["закрыто", "его"] : ["закрыт", "его"];
  return `${period.name} ${closed} для изменений. Открыть ${it} может администратор.`;
}

async function assertOpen(p: Principal, ctx: Ctx): Promise<void> {
  if (ctx.period.closedAt) throw new AppError("PERIOD_CLOSED", closedMessage(ctx.period));
  await assertDayOpen(p, dateToDay(ctx.period.endDate));
}

async function loadWritable(p: Principal, cohortId: string, subjectId: string, periodId: string): Promise<Ctx & { staffId: string }> {
  assertCan(p, "journal.write");
  assertId(cohortId);
  assertId(subjectId);
  if (!(await db.cohort.count({ where: journalWritableBy(p, cohortId, subjectId) })) || !p.staffId) {
    throw new AppError("FORBIDDEN", "Итоговые отметки ставит учитель, который ведёт этот предмет в классе.");
  }
  const ctx = await loadContext(p, cohortId, subjectId, periodId);
  await assertOpen(p, ctx);
  return { ...ctx, staffId: p.staffId };
}

function parseFinal(raw: string, scale: Scale): MarkValue {
  const bad = (message: string) => new AppError("BAD_INPUT", message, { value: [message] });
  if (raw.trim() === "") throw bad("Итоговая отметка: выберите отметку.");
  const parsed = parseCellInput(raw, scale);
  if (parsed.type === "invalid") throw bad(`Итоговая отметка: ${parsed.message}`);
  const [mark, ...rest] = parsed.type === "marks" ? parsed.marks : [];
  if (!mark || rest.length > 0 || (mark.kind === "NUMERIC" && mark.value < 2)) {
    throw bad(scale === "PASS_FAIL" ? "Итоговая отметка: выберите «зач», «незач», «н/а» или «осв»." : "Итоговая отметка: выберите 5, 4, 3, 2, «н/а» или «осв».");
  }
  return mark;
}

function checkReason(raw: string | undefined, overriding: boolean, suggested: string): string | null {
  const reason = (raw ?? "").trim();
  if (overriding && reason.length < 3) {
    const msg = `Причина: укажите, почему итоговая отметка отличается от предложенной («${suggested}»).`;
    throw new AppError("BAD_INPUT", msg, { reason: [msg] });
  }
  if (reason.length > MAX_REASON) {
    const msg = `Причина: не больше ${MAX_REASON} знаков.`;
    throw new AppError("BAD_INPUT", msg, { reason: [msg] });
  }
  return overriding ? reason : null;
}

type Tx = Prisma.TransactionClient;
type FinalKind = "PERIOD" | "YEAR" | "EXAM" | "FINAL";

const auditValue = (m: { markKind: string; value: number | null; text: string | null; overrideReason: string | null }) => ({
  kind: m.markKind, value: m.value, text: m.text, reason: m.overrideReason,
});

async function writeFinal(
  tx: Tx, p: Principal, ctx: Ctx & { staffId: string }, kind: FinalKind, studentId: string, mark: MarkValue, suggestion: MarkValue | null, reason: string | null,
): Promise<boolean> {
  const schoolId = p.schoolId;
  const key = { schoolId, studentId, subjectId: ctx.subject.id, periodId: ctx.period.id, kind } as const;
  const m = markRow(mark);
  const s = suggestion ? markRow(suggestion) : { kind: null, value: null };
  const next = { finalKind: kind, kind: m.kind, value: m.value, text: m.text, suggestedKind: s.kind, suggestedValue: s.value, period: ctx.period.name };
  const old = await tx.finalMark.findUnique({ where: { schoolId_studentId_subjectId_periodId_kind: key } });
  const data = {
    markKind: m.kind, value: m.value, text: m.text, suggestedKind: s.kind, suggestedValue: s.value, overrideReason: reason,
    cohortId: ctx.cohort.id, confirmedById: ctx.staffId, confirmedAt: new Date(), removedAt: null,
  };
  let id: string;
  let action: "CREATE" | "UPDATE" | "RESTORE";
  if (!old) {
    id = (await tx.finalMark.create({ data: { ...key, ...data }, select: { id: true } })).id;
    action = "CREATE";
  } else {
    if (!old.removedAt && old.markKind === m.kind && old.value === m.value && old.text === m.text && old.overrideReason === reason) return false;
    await tx.finalMark.update({ where: { schoolId_id: { schoolId, id: old.id } }, data: { ...data, version: { increment: 1 } } });
    id = old.id;
    action = old.removedAt ? "RESTORE" : "UPDATE";
  }
  await tx.auditEvent.create({
    data: {
      schoolId, entity: "FINAL_MARK", entityId: id, studentId, action, actorUserId: p.userId, reason,
      oldValue: old && !old.removedAt ? auditValue(old) : undefined,
      newValue: next,
    },
  });
  await notifyFinalMark(tx, { schoolId, finalMarkId: id });
  return true;
}

/** Takes a final mark back (an exam not sat after all): the row is kept, marked removed, and audited. */
async function removeFinal(tx: Tx, p: Principal, ctx: Ctx, kind: FinalKind, studentId: string): Promise<boolean> {
  const key = { schoolId: p.schoolId, studentId, subjectId: ctx.subject.id, periodId: ctx.period.id, kind } as const;
  const old = await tx.finalMark.findUnique({ where: { schoolId_studentId_subjectId_periodId_kind: key } });
  if (!old || old.removedAt) return false;
  await tx.finalMark.update({ where: { schoolId_id: { schoolId: p.schoolId, id: old.id } }, data: { removedAt: new Date(), version: { increment: 1 } } });
  await tx.auditEvent.create({
    data: { schoolId: p.schoolId, entity: "FINAL_MARK", entityId: old.id, studentId, action: "REMOVE", actorUserId: p.userId, oldValue: auditValue(old) },
  });
  await notifyFinalMark(tx, { schoolId: p.schoolId, finalMarkId: old.id });
  return true;
}

/** Confirms one student's final mark; a mark other than the suggestion needs a reason. */
export async function confirmFinalMark(p: Principal, w: FinalWrite): Promise<FinalRow> {
  const ctx = await loadWritable(p, w.cohortId, w.subjectId, w.periodId);
  assertId(w.studentId);
  const mark = parseFinal(w.value, ctx.scale);
  const rows = await compute(p.schoolId, ctx);
  const row = rows.find((r) => r.row.studentId === w.studentId);
  if (!row) throw new AppError("BAD_INPUT", "Этот ученик не учился в классе в этом периоде.");
  const reason = checkReason(w.reason, !sameMark(mark, row.suggestion), row.row.suggestion.symbol);
  const kind = ctx.period.kind === "YEAR" ? "YEAR" : "PERIOD";
  await db.$transaction((tx) => writeFinal(tx, p, ctx, kind, w.studentId, mark, row.suggestion, reason));
  const after = await compute(p.schoolId, ctx);
  const updated = after.find((r) => r.row.studentId === w.studentId);
  if (!updated) throw new AppError("NOT_FOUND");
  return updated.row;
}

/**
 * Accepts every suggestion for the students who have no confirmed mark yet. On the year
 * page a student with a period mark missing is skipped: the teacher sets that one by hand.
 */
export async function confirmAllSuggested(
  p: Principal, w: { cohortId: string; subjectId: string; periodId: string },
): Promise<{ confirmed: number; skipped: number }> {
  const ctx = await loadWritable(p, w.cohortId, w.subjectId, w.periodId);
  const rows = await compute(p.schoolId, ctx);
  // a mark the teacher already confirmed (perhaps overridden with a reason) is kept
  const open = rows.filter((r) => r.row.final === null);
  const todo = open.filter((r) => r.missing === 0);
  const kind = ctx.period.kind === "YEAR" ? "YEAR" : "PERIOD";
  let confirmed = 0;
  await db.$transaction(async (tx) => {
    for (const r of todo) if (await writeFinal(tx, p, ctx, kind, r.row.studentId, r.suggestion, r.suggestion, null)) confirmed += 1;
  });
  return { confirmed, skipped: open.length - todo.length };
}

// ───────────────────────────── exam and final (итоговая) marks ─────────────────────────────

/** The YEAR period of the cohort's year for its grade: where exam and final marks are kept. */
async function yearPeriodOf(p: Principal, cohortId: string): Promise<string> {
  const cohort = await db.cohort.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: cohortId } }, select: { yearId: true, grade: true } });
  if (!cohort) throw new AppError("NOT_FOUND");
  const period = await db.period.findFirst({
    where: { schoolId: p.schoolId, yearId: cohort.yearId, kind: "YEAR", gradeFrom: { lte: cohort.grade }, gradeTo: { gte: cohort.grade } },
    select: { id: true },
  });
  if (!period) throw new AppError("NOT_FOUND", "Для этого класса не задан учебный год как период.");
  return period.id;
}

export type ExamWrite = {
  cohortId: string;
  subjectId: string;
  studentId: string;
  /** the exam mark, 2 to 5; null: the student did not sit the exam (a mark entered earlier is taken back) */
  mark: 2 | 3 | 4 | 5 | null;
};

/**
 * Records one student's exam mark (kind EXAM, on the year; no suggestion). For the
 * subject's teacher and the school's administrator, and for the import of exam results
 * (called as the administrator who runs it). Refused when the year is closed or when no
 * exam applies to the student in this subject. Audited like every final mark.
 */
export async function recordExamMark(p: Principal, w: ExamWrite): Promise<ExamRow> {
  assertCan(p, "journal.read");
  assertId(w.cohortId);
  assertId(w.subjectId);
  assertId(w.studentId);
  if (w.mark !== null && ![2, 3, 4, 5].includes(w.mark)) {
    throw new AppError("BAD_INPUT", "Экзаменационная отметка: выберите 5, 4, 3, 2 или «не сдавал».", { value: ["Экзаменационная отметка: выберите 5, 4, 3, 2 или «не сдавал»."] });
  }
  const ctx = await loadContext(p, w.cohortId, w.subjectId, await yearPeriodOf(p, w.cohortId));
  if (!(await mayWriteExam(p, w.cohortId, w.subjectId)) || !p.staffId) {
    throw new AppError("FORBIDDEN", "Экзаменационные отметки вносит учитель, который ведёт этот предмет в классе, или администратор.");
  }
  const staffId = p.staffId;
  await assertOpen(p, ctx);
  const row = (await computeExam(p.schoolId, ctx))?.rows.find((r) => r.row.studentId === w.studentId);
  if (!row) throw new AppError("BAD_INPUT", "Этот ученик не учился в классе в этом году.");
  if (!row.row.examKind) throw new AppError("BAD_INPUT", `${row.row.name}: экзамен по предмету «${ctx.subject.name}» не предусмотрен.`);
  const mark = w.mark;
  await db.$transaction((tx) =>
    mark === null ? removeFinal(tx, p, ctx, "EXAM", w.studentId) : writeFinal(tx, p, { ...ctx, staffId }, "EXAM", w.studentId, { kind: "NUMERIC", value: mark }, null, null),
  );
  const updated = (await computeExam(p.schoolId, ctx))?.rows.find((r) => r.row.studentId === w.studentId);
  if (!updated) throw new AppError("NOT_FOUND");
  return updated.row;
}

async function loadFinalWritable(p: Principal, w: { cohortId: string; subjectId: string; periodId: string }) {
  const ctx = await loadWritable(p, w.cohortId, w.subjectId, w.periodId);
  const exam = ctx.period.kind === "YEAR" ? await computeExam(p.schoolId, ctx) : null;
  if (!exam) throw new AppError("BAD_INPUT", "Итоговая отметка (за курс) ставится за учебный год в выпускном классе.");
  return { ctx, exam };
}

/**
 * Confirms one student's final (итоговая) mark (kind FINAL): the suggestion comes from
 * the confirmed year mark and the exam mark; another mark needs a reason.
 */
export async function confirmOverallMark(p: Principal, w: FinalWrite): Promise<ExamRow> {
  const { ctx, exam } = await loadFinalWritable(p, w);
  assertId(w.studentId);
  const mark = parseFinal(w.value, ctx.scale);
  const row = exam.rows.find((r) => r.row.studentId === w.studentId);
  if (!row) throw new AppError("BAD_INPUT", "Этот ученик не учился в классе в этом году.");
  if (!row.suggestion) {
    const msg = "Сначала выставьте годовую отметку: итоговая считается от неё.";
    throw new AppError("BAD_INPUT", msg, { value: [msg] });
  }
  const suggestion = row.suggestion;
  const reason = checkReason(w.reason, !sameMark(mark, suggestion), row.row.suggestion.symbol ?? "");
  await db.$transaction((tx) => writeFinal(tx, p, ctx, "FINAL", w.studentId, mark, suggestion, reason));
  const updated = (await computeExam(p.schoolId, ctx))?.rows.find((r) => r.row.studentId === w.studentId);
  if (!updated) throw new AppError("NOT_FOUND");
  return updated.row;
}

/** Accepts every suggested final (итоговая) mark still unset; students with no year mark are skipped. */
export async function confirmAllOverallSuggested(
  p: Principal, w: { cohortId: string; subjectId: string; periodId: string },
): Promise<{ confirmed: number; skipped: number }> {
  const { ctx, exam } = await loadFinalWritable(p, w);
  const open = exam.rows.filter((r) => r.row.final === null);
  let confirmed = 0;
  await db.$transaction(async (tx) => {
    for (const r of open) if (r.suggestion && (await writeFinal(tx, p, ctx, "FINAL", r.row.studentId, r.suggestion, r.suggestion, null))) confirmed += 1;
  });
  return { confirmed, skipped: open.filter((r) => !r.suggestion).length };
}
