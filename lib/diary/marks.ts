/**
 * The family's marks by subject (issue 5, items 2 and 3): for one period of one child,
 * every mark with its date, work type and weight; the weighted average with its formula
 * spelled out; the period mark the school's rules suggest (and why when «н/а»); the final
 * mark once the teacher confirms it; and the forecast (R4) — projected mark, how sure,
 * what it takes, risks. All arithmetic is lib/grading's; this module only gathers facts.
 *
 * One plain DTO per screen (the offline diary ships it as is), read in a fixed number of
 * queries: the child with its memberships, the year's periods, then marks, lessons,
 * attendance, curriculum, final marks, rules and the reader's setting side by side.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { studentsVisibleTo } from "@/lib/auth/scope";
import { fullName } from "@/lib/people/names";
import { assertId } from "@/lib/people/students";
import { loadStudentMarks, type StudentMarkDto } from "@/lib/journal/student-marks-query";
import { loadGradingPolicy } from "@/lib/school/grading-policy";
import { DEFAULT_POLICY, type GradingPolicy } from "@/lib/grading/policy";
import { formatMean, formatWeight, formulaText } from "@/lib/grading/average";
import { markSymbol } from "@/lib/grading/display";
import { SUGGESTION_REASON, suggestYearMark, type Suggestion } from "@/lib/grading/finals";
import type { Forecast, Risk } from "@/lib/grading/forecast";
import { noForecastReason, plainSummary, type ForecastText, type PeriodKindName } from "@/lib/grading/forecast-text";
import { hundredths, markFromRow, markRow, type MarkValue, type Scale } from "@/lib/grading/marks";
import { activeOn, KIND_ORDER, periodUnderWay, subjectFacts, type Stay } from "@/lib/grading/subject-facts";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";

export type DiaryMark = {
  id: string;
  date: string;
  symbol: string;
  kind: StudentMarkDto["kind"];
  workType: string;
  /** «2», «1,5»: the weight of the work type on the mark's day */
  weight: string;
  /** enters the average (a number); «н/а», «осв», «зач» and text never do */
  counts: boolean;
  comment: string | null;
};

export type DiaryForecast = {
  projected: 2 | 3 | 4 | 5 | null;
  marksSoFar: number;
  lessonsLeft: number;
  confidence: "LOW" | "MEDIUM" | "HIGH";
  risks: Risk[];
  headline: string;
  sureness: string;
  steps: string[];
  riskTexts: string[];
};

export type DiarySubjectMarks = {
  subjectId: string;
  subjectName: string;
  scale: Scale;
  marks: DiaryMark[];
  /** null on a scale without numbers */
  average: { text: string; formula: string; count: number } | null;
  /** the plain-language first line: «Средняя оценка 4,25 — сейчас выходит «4»» */
  plain: string | null;
  suggestion: { symbol: string; reason: Suggestion["reason"]; reasonText: string } | null;
  /** the year: the confirmed period marks the year mark is suggested from */
  periodMarks: { period: string; symbol: string }[];
  final: { symbol: string; confirmedAt: string } | null;
  lessonsHeld: number;
  lessonsMissed: number;
  lessonsLeft: number;
  forecast: DiaryForecast | null;
  /** why there is no average or forecast on this scale */
  noForecast: string | null;
};

export type DiaryPeriod = { id: string; name: string; kind: PeriodKindName; startDate: string; endDate: string };

export type DiaryMarksPage = {
  student: { id: string; name: string };
  /** the reader's plain-language setting */
  plainLanguage: boolean;
  today: string;
  /** school years the child studied in, each with the period to open there */
  years: { id: string; name: string; periodId: string }[];
  year: { id: string; name: string };
  periods: DiaryPeriod[];
  period: DiaryPeriod & { closed: boolean };
  policy: { minMarks: number; maxAbsenceShare: number };
  subjects: DiarySubjectMarks[];
};

export type DiaryHomeworkItem = {
  id: string;
  dueDate: string;
  text: string;
  individual: boolean;
  files: { id: string; name: string; size: number; href: string }[];
};

export type DiarySubjectPage = Omit<DiaryMarksPage, "subjects"> & { subject: DiarySubjectMarks; homework: DiaryHomeworkItem[] };

function symbolOf(m: MarkValue): string {
  return markSymbol(markRow(m));
}


type Context = {
  student: { id: string; name: string };
  spans: (Stay & { yearId: string })[];
  parentOf: Map<string, string | null>;
  years: { id: string; name: string; periodId: string }[];
  year: { id: string; name: string };
  periods: DiaryPeriod[];
  /** the same periods, each with whether it is closed: any of them can be the page's */
  periodStates: (DiaryPeriod & { closed: boolean })[];
  period: DiaryPeriod & { closed: boolean };
  today: string;
};

/** The child (scoped), its years and the periods of the chosen year; NOT_FOUND for anything else. */
async function loadContext(p: Principal, studentId: string, periodId: string | undefined): Promise<Context> {
  assertCan(p, "diary.read");
  assertId(studentId);
  if (periodId !== undefined) assertId(periodId);
  const today = schoolToday(p.timeZone);
  const s = await db.student.findFirst({
    where: { AND: [studentsVisibleTo(p), { id: studentId }] },
    select: {
      id: true, lastName: true, firstName: true, middleName: true,
      memberships: {
        where: { schoolId: p.schoolId },
        orderBy: { startDate: "asc" },
        select: { cohortId: true, startDate: true, endDate: true, cohort: { select: { kind: true, grade: true, parentId: true, yearId: true } } },
      },
    },
  });
  if (!s) throw new AppError("NOT_FOUND");
  const spans = s.memberships.map((m) => ({
    cohortId: m.cohortId, start: dateToDay(m.startDate), end: m.endDate ? dateToDay(m.endDate) : null, yearId: m.cohort.yearId,
  }));
  const parentOf = new Map(s.memberships.map((m) => [m.cohortId, m.cohort.parentId]));
  const yearIds = [...new Set(s.memberships.map((m) => m.cohort.yearId))];
  // the grade of each year: the class's (the last one that year), else any cohort's
  const gradeOf = new Map<string, number>();
  for (const m of s.memberships) if (m.cohort.kind === "CLASS" || !gradeOf.has(m.cohort.yearId)) gradeOf.set(m.cohort.yearId, m.cohort.grade);

  const [yearRows, periodRows] = await Promise.all([
    db.academicYear.findMany({ where: { schoolId: p.schoolId, id: { in: yearIds } }, orderBy: { startDate: "asc" }, select: { id: true, name: true, startDate: true, endDate: true } }),
    db.period.findMany({
      where: { schoolId: p.schoolId, yearId: { in: yearIds } },
      orderBy: [{ startDate: "asc" }, { endDate: "asc" }],
      select: { id: true, yearId: true, name: true, kind: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true, closedAt: true },
    }),
  ]);
  const periodsOf = (yearId: string) => {
    const grade = gradeOf.get(yearId);
    return periodRows
      .filter((x) => x.yearId === yearId && grade !== undefined && x.gradeFrom <= grade && grade <= x.gradeTo)
      .map((x) => ({ id: x.id, name: x.name, kind: x.kind, startDate: dateToDay(x.startDate), endDate: dateToDay(x.endDate), closed: x.closedAt !== null }))
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  };
  const years = yearRows
    .map((y) => ({ id: y.id, name: y.name, start: dateToDay(y.startDate), end: dateToDay(y.endDate), periodId: periodUnderWay(periodsOf(y.id), today)?.id }))
    .filter((y): y is typeof y & { periodId: string } => y.periodId !== undefined);

  let yearId: string | undefined;
  let chosen: (DiaryPeriod & { closed: boolean }) | undefined;
  if (periodId !== undefined) {
    const row = periodRows.find((x) => x.id === periodId);
    chosen = row ? periodsOf(row.yearId).find((x) => x.id === periodId) : undefined;
    if (!row || !chosen) throw new AppError("NOT_FOUND", "Период не найден.");
    yearId = row.yearId;
  } else {
    const year = years.find((y) => y.start <= today && today <= y.end) ?? years.filter((y) => y.start <= today).at(-1) ?? years[0];
    if (!year) throw new AppError("NOT_FOUND", "У ребёнка нет учебного года с отчётными периодами.");
    yearId = year.id;
    chosen = periodsOf(year.id).find((x) => x.id === year.periodId);
  }
  const year = years.find((y) => y.id === yearId);
  if (!year || !chosen) throw new AppError("NOT_FOUND", "Период не найден.");
  return {
    student: { id: s.id, name: fullName(s) },
    spans: spans.filter((x) => x.yearId === yearId),
    parentOf,
    years: years.map(({ id, name, periodId: pid }) => ({ id, name, periodId: pid })),
    year: { id: year.id, name: year.name },
    periods: periodsOf(year.id).map(({ closed: _closed, ...rest }) => rest),
    periodStates: periodsOf(year.id),
    period: chosen,
    today,
  };
}


type Built = { page: Omit<DiaryMarksPage, "subjects">; subjects: DiarySubjectMarks[]; ctx: Context };

/**
 * What the cards are made of, for a span of days that covers one period or several: the
 * child's marks, the cohorts' lessons, the misses, the curriculum and the final marks of
 * the given periods. `cardsOf` cuts each period's part out of it, so the year's pages can
 * be read in one go (the offline diary's sync) and still equal the pages read one by one.
 */
async function loadFacts(p: Principal, studentId: string, ctx: Context, span: { from: string; to: string }, periodIds: string[], onlySubject?: string) {
  const cohortIds = [...new Set(ctx.spans.map((x) => x.cohortId))];
  const withParents = [...new Set([...cohortIds, ...cohortIds.map((c) => ctx.parentOf.get(c)).filter((x): x is string => !!x)])];
  const from = dayToDate(span.from);
  const to = dayToDate(span.to);
  const subjectWhere = onlySubject ? { subjectId: onlySubject } : {};
  const [marks, lessons, absences, items, finals] = await Promise.all([
    loadStudentMarks(db, { schoolId: p.schoolId, studentId, from: span.from, to: span.to }),
    db.lesson.findMany({
      where: { schoolId: p.schoolId, cohortId: { in: cohortIds }, date: { gte: from, lte: to }, status: { in: ["PLANNED", "HELD"] }, ...subjectWhere },
      select: { id: true, cohortId: true, subjectId: true, date: true, status: true },
    }),
    db.attendance.findMany({
      where: { schoolId: p.schoolId, studentId, date: { gte: from, lte: to }, removedAt: null, code: { not: "LATE" } },
      select: { lessonId: true, date: true },
    }),
    db.curriculumItem.findMany({
      where: { schoolId: p.schoolId, cohortId: { in: withParents }, validFrom: { lte: to }, OR: [{ validTo: null }, { validTo: { gte: from } }], ...subjectWhere },
      orderBy: { validFrom: "asc" },
      select: { cohortId: true, subjectId: true, scale: true, validFrom: true, validTo: true, subject: { select: { name: true } } },
    }),
    // the periods' own final marks, and for the year the terms' ones it is suggested from
    db.finalMark.findMany({
      where: { schoolId: p.schoolId, studentId, removedAt: null, periodId: { in: periodIds }, ...subjectWhere },
      select: { subjectId: true, periodId: true, kind: true, markKind: true, value: true, text: true, confirmedAt: true },
    }),
  ]);
  return { marks, lessons, absences, items, finals };
}

type Facts = Awaited<ReturnType<typeof loadFacts>>;

/** The period's cards from facts that cover at least that period. */
function cardsOf(p: Principal, ctx: Context, facts: Facts, policy: GradingPolicy, onlySubject?: string): Built {
  const { period, spans, today } = ctx;
  const isYear = period.kind === "YEAR";
  const within = (day: string) => period.startDate <= day && day <= period.endDate;
  const marks = facts.marks.filter((m) => within(m.date) && (!onlySubject || m.subjectId === onlySubject));
  const lessons = facts.lessons.filter((l) => within(dateToDay(l.date)));
  const absences = facts.absences.filter((a) => within(dateToDay(a.date)));
  const items = facts.items.filter((it) => dateToDay(it.validFrom) <= period.endDate && (it.validTo === null || dateToDay(it.validTo) >= period.startDate));
  const finals = facts.finals.filter((f) => f.periodId === period.id && f.kind === (isYear ? "YEAR" : "PERIOD"));
  const termIds = new Set(ctx.periods.filter((x) => x.kind !== "YEAR").map((x) => x.id));
  const termFinals = isYear ? facts.finals.filter((f) => f.kind === "PERIOD" && termIds.has(f.periodId)) : [];
  const plainLanguage = p.display.plainLanguage;

  // the subjects, their lessons and numbers: lib/grading/subject-facts.ts, as the paper extract has them
  const subjectList = subjectFacts({ stays: spans, items, marks, lessons, absences, period, today, policy });
  const periodName = new Map(ctx.periods.map((x) => [x.id, x.name]));
  const periodOrder = new Map(ctx.periods.map((x, i) => [x.id, i]));

  const cards: DiarySubjectMarks[] = [];
  for (const s of subjectList) {
    const { subjectId } = s;
    let suggestion: Suggestion | null = null;
    let periodMarks: DiarySubjectMarks["periodMarks"] = [];
    if (s.suggestion && isYear) {
      const terms = termFinals
        .filter((f) => f.subjectId === subjectId)
        .sort((a, b) => (periodOrder.get(a.periodId) ?? 0) - (periodOrder.get(b.periodId) ?? 0));
      const values = terms.map((f) => markFromRow({ kind: f.markKind, value: f.value, text: f.text }));
      suggestion = suggestYearMark(values, policy);
      periodMarks = terms.map((f, i) => ({ period: periodName.get(f.periodId) ?? "", symbol: symbolOf(values[i] ?? { kind: "NOT_ATTESTED" }) }));
    } else {
      suggestion = s.suggestion;
    }
    // the average shown is always that of the marks listed (for the year: all the year's marks)
    const average = s.suggestion?.average ?? null;
    const f = finals.find((x) => x.subjectId === subjectId);
    cards.push({
      subjectId,
      subjectName: s.name,
      scale: s.scale,
      marks: s.marks.map((m) => ({
        id: m.id,
        date: m.date,
        symbol: markSymbol(m),
        kind: m.kind,
        workType: m.workType.name,
        weight: formatWeight(hundredths(m.workType.weight)),
        counts: m.kind === "NUMERIC",
        comment: m.comment,
      })),
      average: average ? { text: formatMean(average), formula: formulaText(average), count: average.count } : null,
      plain: average && suggestion && !isYear ? plainSummary(average, suggestion, policy) : average && average.count > 0 ? `Средняя оценка ${formatMean(average)}.` : null,
      suggestion: suggestion ? { symbol: symbolOf(suggestion.mark), reason: suggestion.reason, reasonText: SUGGESTION_REASON[suggestion.reason] } : null,
      periodMarks,
      final: f ? { symbol: symbolOf(markFromRow({ kind: f.markKind, value: f.value, text: f.text })), confirmedAt: f.confirmedAt.toISOString() } : null,
      lessonsHeld: s.lessonsHeld,
      lessonsMissed: s.lessonsMissed,
      lessonsLeft: s.lessonsLeft,
      forecast: s.forecast ? diaryForecast(s.forecast) : null,
      noForecast: noForecastReason(s.scale),
    });
  }
  return {
    ctx,
    subjects: cards,
    page: {
      student: ctx.student,
      plainLanguage,
      today,
      years: ctx.years,
      year: ctx.year,
      periods: ctx.periods,
      period: ctx.period,
      policy: { minMarks: policy.minMarks, maxAbsenceShare: policy.maxAbsenceShare },
    },
  };
}

async function build(p: Principal, studentId: string, periodId: string | undefined, onlySubject?: string): Promise<Built> {
  const ctx = await loadContext(p, studentId, periodId);
  const { period } = ctx;
  const periodIds = period.kind === "YEAR" ? ctx.periods.map((x) => x.id) : [period.id];
  const [facts, policy] = await Promise.all([
    loadFacts(p, studentId, ctx, { from: period.startDate, to: period.endDate }, periodIds, onlySubject),
    loadGradingPolicy(p.schoolId, period.endDate, p.schoolVersion),
  ]);
  return cardsOf(p, ctx, facts, policy, onlySubject);
}

function diaryForecast({ forecast: f, text }: { forecast: Forecast; text: ForecastText }): DiaryForecast {
  return {
    projected: f.projected,
    marksSoFar: f.marksSoFar,
    lessonsLeft: f.lessonsLeft,
    confidence: f.confidence,
    risks: f.risks,
    headline: text.headline,
    sureness: text.sureness,
    steps: text.steps,
    riskTexts: text.risks,
  };
}

/** The marks page: one card per subject of the chosen period (the current one by default). */
export async function readDiaryMarks(p: Principal, studentId: string, periodId?: string): Promise<DiaryMarksPage> {
  const { page, subjects } = await build(p, studentId, periodId);
  return { ...page, subjects };
}

/** The days a set of periods covers, first to last ("YYYY-MM-DD"); null for none. */
export function spanOf(periods: readonly { startDate: string; endDate: string }[]): { from: string; to: string } | null {
  const [first, ...rest] = periods;
  if (!first) return null;
  return {
    from: rest.reduce((a, x) => (x.startDate < a ? x.startDate : a), first.startDate),
    to: rest.reduce((a, x) => (x.endDate > a ? x.endDate : a), first.endDate),
  };
}

/**
 * Every marks page of the child's current year: the current period's first, then the
 * others in the order of `periods`. Each page equals `readDiaryMarks` of that period, but
 * the child, the year and the facts are read once for the whole year (the offline diary's
 * sync sends them all: about 12 statements instead of 12 a period).
 */
export async function readDiaryMarksOfYear(p: Principal, studentId: string): Promise<DiaryMarksPage[]> {
  const ctx = await loadContext(p, studentId, undefined);
  const periods = [ctx.period, ...ctx.periodStates.filter((x) => x.id !== ctx.period.id)];
  const span = spanOf(periods) ?? { from: ctx.period.startDate, to: ctx.period.endDate };
  const ends = [...new Set(periods.map((x) => x.endDate))];
  const [facts, policies] = await Promise.all([
    loadFacts(p, studentId, ctx, span, periods.map((x) => x.id)),
    Promise.all(ends.map((day) => loadGradingPolicy(p.schoolId, day, p.schoolVersion))),
  ]);
  const policyOn = new Map(ends.map((day, i) => [day, policies[i] ?? DEFAULT_POLICY]));
  return periods.map((period) => {
    const { page, subjects } = cardsOf(p, { ...ctx, period }, facts, policyOn.get(period.endDate) ?? DEFAULT_POLICY);
    return { ...page, subjects };
  });
}

/** One subject's page: every mark of the period, the forecast, and the subject's homework of the period. */
export async function readDiarySubject(p: Principal, studentId: string, subjectId: string, periodId?: string): Promise<DiarySubjectPage> {
  assertId(subjectId);
  const { page, subjects, ctx } = await build(p, studentId, periodId, subjectId);
  const subject = subjects.find((s) => s.subjectId === subjectId);
  if (!subject) throw new AppError("NOT_FOUND", "Предмет не найден.");
  const cohortIds = [...new Set(ctx.spans.map((x) => x.cohortId))];
  const rows = await db.homework.findMany({
    where: {
      schoolId: p.schoolId, subjectId, dueDate: { gte: dayToDate(ctx.period.startDate), lte: dayToDate(ctx.period.endDate) },
      OR: [{ studentId: null, cohortId: { in: cohortIds } }, { studentId }],
    },
    orderBy: [{ dueDate: "desc" }, { createdAt: "asc" }],
    select: { id: true, cohortId: true, studentId: true, dueDate: true, text: true, files: { orderBy: { fileName: "asc" }, select: { id: true, fileName: true, size: true } } },
  });
  const homework = rows
    .filter((h) => h.studentId === studentId || activeOn(ctx.spans, h.cohortId, dateToDay(h.dueDate)))
    .map((h) => ({
      id: h.id,
      dueDate: dateToDay(h.dueDate),
      text: h.text,
      individual: h.studentId !== null,
      files: h.files.map((f) => ({ id: f.id, name: f.fileName, size: f.size, href: `/api/homework-files/${f.id}` })),
    }));
  return { ...page, subject, homework };
}
