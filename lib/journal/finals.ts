/**
 * Final marks of a period (issue 4, item 5): for each student the mark lib/grading
 * suggests, why, and how the average was counted; the teacher of the subject confirms it
 * or overrides it with a reason (the suggestion is kept). A closed period or year refuses
 * every change; every change is written to the audit history in the same transaction.
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
import { SUGGESTION_REASON, suggestPeriodMark, suggestYearMark, type Suggestion } from "@/lib/grading/finals";
import { markSymbol } from "@/lib/grading/display";
import { parseCellInput, type MarkValue, type Scale } from "@/lib/grading/marks";
import { weighByDate } from "@/lib/grading/weights";
import { dateToDay } from "@/lib/time";
import type { Prisma } from "@/generated/prisma/client";

export type FinalRow = {
  studentId: string;
  name: string;
  marksCount: number;
  average: string;
  formula: string;
  /** for a year: the confirmed period marks it was suggested from */
  periodMarks: string[];
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
};

type Computed = { row: FinalRow; suggestion: MarkValue };

type Ctx = {
  cohort: { id: string; name: string; grade: number; parentId: string | null; yearId: string };
  subject: { id: string; name: string };
  period: { id: string; name: string; kind: string; startDate: Date; endDate: Date; closedAt: Date | null; yearId: string };
  scale: Scale;
};

const MAX_REASON = 500;

function markValueOf(r: { kind: string; value: number | null; text: string | null }): MarkValue {
  if (r.kind === "NUMERIC" && r.value !== null && r.value >= 1 && r.value <= 5) return { kind: "NUMERIC", value: r.value as 1 | 2 | 3 | 4 | 5 };
  if (r.kind === "DESCRIPTIVE") return { kind: "DESCRIPTIVE", text: r.text ?? "" };
  if (r.kind === "PASS" || r.kind === "FAIL" || r.kind === "EXEMPT") return { kind: r.kind };
  return { kind: "NOT_ATTESTED" };
}

function fields(m: MarkValue): { kind: MarkValue["kind"]; value: number | null; text: string | null } {
  return { kind: m.kind, value: m.kind === "NUMERIC" ? m.value : null, text: m.kind === "DESCRIPTIVE" ? m.text : null };
}

function sameMark(a: MarkValue, b: MarkValue): boolean {
  const x = fields(a);
  const y = fields(b);
  return x.kind === y.kind && x.value === y.value && x.text === y.text;
}

async function loadContext(p: Principal, cohortId: string, subjectId: string, periodId: string): Promise<Ctx> {
  assertId(cohortId);
  assertId(subjectId);
  assertId(periodId);
  if (!(await db.cohort.count({ where: journalReadableBy(p, cohortId, subjectId) }))) throw new AppError("NOT_FOUND");
  const [cohort, subject, period] = await Promise.all([
    db.cohort.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: cohortId } }, select: { id: true, name: true, grade: true, parentId: true, yearId: true } }),
    db.subject.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: subjectId } }, select: { id: true, name: true } }),
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

async function compute(schoolId: string, ctx: Ctx): Promise<Computed[]> {
  const { cohort, subject, period } = ctx;
  const members = await db.cohortMembership.findMany({
    where: { schoolId, cohortId: cohort.id, startDate: { lte: period.endDate }, OR: [{ endDate: null }, { endDate: { gte: period.startDate } }] },
    select: { studentId: true, startDate: true, endDate: true, student: { select: { lastName: true, firstName: true, middleName: true } } },
  });
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
  const suggestions = new Map<string, { s: Suggestion; periodMarks: string[] }>();

  if (isYear) {
    const terms = await db.period.findMany({
      where: { schoolId, yearId: cohort.yearId, kind: { not: "YEAR" }, gradeFrom: { lte: cohort.grade }, gradeTo: { gte: cohort.grade } },
      orderBy: { startDate: "asc" },
      select: { id: true },
    });
    const termMarks = await db.finalMark.findMany({
      where: { schoolId, subjectId: subject.id, kind: "PERIOD", periodId: { in: terms.map((x) => x.id) }, studentId: { in: studentIds }, removedAt: null },
      select: { studentId: true, periodId: true, markKind: true, value: true, text: true },
    });
    const order = new Map(terms.map((x, i) => [x.id, i]));
    for (const id of studentIds) {
      const own = termMarks.filter((m) => m.studentId === id).sort((a, b) => (order.get(a.periodId) ?? 0) - (order.get(b.periodId) ?? 0));
      const values = own.map((m) => markValueOf({ kind: m.markKind, value: m.value, text: m.text }));
      suggestions.set(id, { s: suggestYearMark(values, policy), periodMarks: own.map((m) => markSymbol({ kind: m.markKind, value: m.value, text: m.text })) });
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
        marks.filter((m) => m.studentId === id).map((m) => ({ date: dateToDay(m.date), workTypeId: m.workTypeId, mark: markValueOf(m) })),
        histories,
      );
      suggestions.set(id, { s: suggestPeriodMark({ marks: weighed, lessonsHeld: held.length, lessonsMissed: missed }, policy), periodMarks: [] });
    }
  }

  const rows: Computed[] = [];
  for (const id of studentIds) {
    const name = byStudent.get(id)?.[0]?.student;
    const sg = suggestions.get(id);
    if (!name || !sg) continue;
    const f = finalOf.get(id);
    const fm = f ? markValueOf({ kind: f.markKind, value: f.value, text: f.text }) : null;
    rows.push({
      suggestion: sg.s.mark,
      row: {
        studentId: id,
        name: shortName(name),
        marksCount: sg.s.average.count,
        average: formatMean(sg.s.average),
        formula: formulaText(sg.s.average),
        periodMarks: sg.periodMarks,
        suggestion: { symbol: markSymbol(fields(sg.s.mark)), reason: SUGGESTION_REASON[sg.s.reason] },
        final: f && fm ? { symbol: markSymbol(fields(fm)), overridden: !sameMark(fm, sg.s.mark), reason: f.overrideReason } : null,
      },
    });
  }
  return rows.sort((a, b) => a.row.name.localeCompare(b.row.name, "ru"));
}

/** The final marks page of a cohort × subject × period: suggestions and confirmed marks. */
export async function listFinalsForPeriod(p: Principal, cohortId: string, subjectId: string, periodId: string): Promise<FinalsPage> {
  assertCan(p, "journal.read");
  const ctx = await loadContext(p, cohortId, subjectId, periodId);
  const [rows, periods, writable] = await Promise.all([
    compute(p.schoolId, ctx),
    periodsOf(p.schoolId, ctx.cohort),
    db.cohort.count({ where: journalWritableBy(p, cohortId, subjectId) }),
  ]);
  return {
    cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
    subject: ctx.subject,
    period: { id: ctx.period.id, name: ctx.period.name, kind: ctx.period.kind, closed: ctx.period.closedAt !== null },
    periods: periods.map(({ id, name }) => ({ id, name })),
    scale: ctx.scale,
    canWrite: writable > 0,
    rows: rows.map((r) => r.row),
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

async function loadWritable(p: Principal, cohortId: string, subjectId: string, periodId: string): Promise<Ctx & { staffId: string }> {
  assertCan(p, "journal.write");
  assertId(cohortId);
  assertId(subjectId);
  if (!(await db.cohort.count({ where: journalWritableBy(p, cohortId, subjectId) })) || !p.staffId) {
    throw new AppError("FORBIDDEN", "Итоговые отметки ставит учитель, который ведёт этот предмет в классе.");
  }
  const ctx = await loadContext(p, cohortId, subjectId, periodId);
  if (ctx.period.closedAt) throw new AppError("PERIOD_CLOSED", `${ctx.period.name} закрыта для изменений. Открыть её может администратор.`);
  await assertDayOpen(p, dateToDay(ctx.period.endDate));
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

type Tx = Prisma.TransactionClient;

async function writeFinal(
  tx: Tx, p: Principal, ctx: Ctx & { staffId: string }, studentId: string, mark: MarkValue, suggestion: MarkValue, reason: string | null,
): Promise<boolean> {
  const schoolId = p.schoolId;
  const kind = ctx.period.kind === "YEAR" ? "YEAR" : "PERIOD";
  const key = { schoolId, studentId, subjectId: ctx.subject.id, periodId: ctx.period.id, kind } as const;
  const m = fields(mark);
  const s = fields(suggestion);
  const next = { kind: m.kind, value: m.value, text: m.text, suggestedKind: s.kind, suggestedValue: s.value, period: ctx.period.name };
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
      oldValue: old && !old.removedAt ? { kind: old.markKind, value: old.value, text: old.text, reason: old.overrideReason } : undefined,
      newValue: next,
    },
  });
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
  const reason = (w.reason ?? "").trim();
  const overriding = !sameMark(mark, row.suggestion);
  if (overriding && reason.length < 3) {
    const msg = `Причина: укажите, почему итоговая отметка отличается от предложенной («${row.row.suggestion.symbol}»).`;
    throw new AppError("BAD_INPUT", msg, { reason: [msg] });
  }
  if (reason.length > MAX_REASON) {
    const msg = `Причина: не больше ${MAX_REASON} знаков.`;
    throw new AppError("BAD_INPUT", msg, { reason: [msg] });
  }
  await db.$transaction((tx) => writeFinal(tx, p, ctx, w.studentId, mark, row.suggestion, overriding ? reason : null));
  const after = await compute(p.schoolId, ctx);
  const updated = after.find((r) => r.row.studentId === w.studentId);
  if (!updated) throw new AppError("NOT_FOUND");
  return updated.row;
}

/** Accepts every suggestion for the students who have no confirmed mark yet. */
export async function confirmAllSuggested(p: Principal, w: { cohortId: string; subjectId: string; periodId: string }): Promise<{ confirmed: number }> {
  const ctx = await loadWritable(p, w.cohortId, w.subjectId, w.periodId);
  const rows = await compute(p.schoolId, ctx);
  // a mark the teacher already confirmed (perhaps overridden with a reason) is kept
  const todo = rows.filter((r) => r.row.final === null);
  let confirmed = 0;
  await db.$transaction(async (tx) => {
    for (const r of todo) if (await writeFinal(tx, p, ctx, r.row.studentId, r.suggestion, r.suggestion, null)) confirmed += 1;
  });
  return { confirmed };
}
