/**
 * The facts of a paper extract (выписка из электронного журнала, R2.3) for one student
 * and a span (a reporting period or a range of days): per subject the marks with their
 * dates, the weighted average, the period mark once the teacher has set it, absences by
 * code, and, for a period under way, the forecast in the diary's own words; then the
 * teachers' recommendations of the span. Every number is lib/grading's, reached the way
 * the family's diary reaches it (lib/diary/marks.ts): the same marks query, the same
 * lessons and absences, the same policy in force, so paper and screen never disagree.
 *
 * Who may print (least privilege): the administration, any student of the school; a
 * teacher, the students of a class they lead (Cohort.classTeacher) for a span that lies
 * wholly inside the student's time in that class — an extract reads everything of its
 * span, so a span reaching into another class would show that class's marks. Anyone
 * else, any other student or span: NOT_FOUND.
 *
 * The published exam results (ОГЭ, ГВЭ, the vocational exam) of the span close the
 * extract: families without internet learn them from paper too.
 */
import "server-only";

import type { ExamKind, PeriodKind, Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { consentedGuardianIds } from "@/lib/consent/gate";
import { loadStudentMarks } from "@/lib/journal/student-marks-query";
import { loadGradingPolicy } from "@/lib/school/grading-policy";
import { fullName, shortName } from "@/lib/people/names";
import { formatMean } from "@/lib/grading/average";
import { markSymbol } from "@/lib/grading/display";
import { noForecastReason } from "@/lib/grading/forecast-text";
import type { GradingPolicy } from "@/lib/grading/policy";
import { forecastApplies, KIND_ORDER, periodUnderWay, subjectFacts } from "@/lib/grading/subject-facts";
import { dateToDay, dayToDate, formatDayRu, schoolToday } from "@/lib/time";
import type { ExtractSpan } from "@/lib/reports/extract-params";

export type ExtractAbsences = { absent: number; ill: number; excused: number; late: number };
export type ExtractSubject = {
  name: string;
  marks: { date: string; symbol: string }[];
  /** «4,25»; null on a scale without numbers or with no numeric mark */
  average: string | null;
  /** the confirmed period (or year) mark; null when not set yet or for a range of days */
  periodMark: string | null;
  absences: ExtractAbsences;
  forecast: { headline: string; sureness: string; steps: string[]; risks: string[] } | null;
  /** why a subject has no average (зачёт, descriptive) */
  note: string | null;
};
export type ResolvedSpan = { periodId: string | null; kind: PeriodKind | null; name: string | null; yearName: string | null; from: string; to: string };
/** One published exam result: «ОГЭ», «Математика», the day, «23 из 31», «4». */
export type ExtractExam = { kind: string; subject: string; date: string; score: string; mark: string };
export type ExtractData = {
  school: { name: string; address: string };
  student: { id: string; name: string; birthDate: string };
  cohort: { id: string; name: string; classTeacher: string | null } | null;
  span: ResolvedSpan & { label: string };
  subjects: ExtractSubject[];
  absences: ExtractAbsences;
  recommendations: { date: string; subject: string | null; author: string; text: string }[];
  /** published exam results whose day falls in the span, by day; empty: no section */
  exams: ExtractExam[];
  /** why there is no forecast (a range, a closed period, the year) */
  forecastNote: string | null;
  printedOn: string;
};

const NO_ABSENCES: ExtractAbsences = { absent: 0, ill: 0, excused: 0, late: 0 };
const CODE_KEY = { ABSENT: "absent", ILL: "ill", EXCUSED: "excused", LATE: "late" } as const;
const EXAM_KIND: Record<ExamKind, string> = { OGE: "ОГЭ", GVE: "ГВЭ", VOCATIONAL: "квалификационный экзамен" };

export function today(p: Principal): string {
  return schoolToday(p.timeZone);
}

// ───────────────────────────── who may print

/** Students whose extracts this user may print (before the span is known). */
function printableStudents(p: Principal): Prisma.StudentWhereInput {
  assertCan(p, "reports.read");
  if (hasRole(p, "ADMIN")) return { schoolId: p.schoolId };
  if (hasRole(p, "TEACHER") && p.staffId) return { schoolId: p.schoolId, memberships: { some: { cohort: { schoolId: p.schoolId, classTeacherId: p.staffId } } } };
  return { schoolId: p.schoolId, id: { in: [] } };
}

/** Classes whose extracts this user may print as a batch. */
export function printableCohorts(p: Principal): Prisma.CohortWhereInput {
  assertCan(p, "reports.read");
  if (hasRole(p, "ADMIN")) return { schoolId: p.schoolId, kind: "CLASS" };
  if (hasRole(p, "TEACHER") && p.staffId) return { schoolId: p.schoolId, kind: "CLASS", classTeacherId: p.staffId };
  return { schoolId: p.schoolId, id: { in: [] } };
}

// ───────────────────────────── the span

type PeriodRow = { id: string; yearId: string; kind: PeriodKind; name: string; startDate: Date; endDate: Date; gradeFrom: number; gradeTo: number; year: { name: string } };
const PERIOD_SELECT = { id: true, yearId: true, kind: true, name: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true, year: { select: { name: true } } } as const;

function fromPeriod(x: PeriodRow): ResolvedSpan {
  return { periodId: x.id, kind: x.kind, name: x.name, yearName: x.year.name, from: dateToDay(x.startDate), to: dateToDay(x.endDate) };
}

function spanLabel(s: ResolvedSpan): string {
  const days = `${formatDayRu(s.from)} – ${formatDayRu(s.to)}`;
  if (s.name) return `${s.name}${s.yearName ? `, ${s.yearName} учебный год` : ""} (${days})`;
  return `с ${formatDayRu(s.from)} по ${formatDayRu(s.to)}`;
}

/** The reporting periods of a class (its year, its grade), terms first, then the year. */
export async function classPeriods(schoolId: string, cohort: { yearId: string; grade: number }): Promise<PeriodRow[]> {
  const rows = await db.period.findMany({
    where: { schoolId, yearId: cohort.yearId, gradeFrom: { lte: cohort.grade }, gradeTo: { gte: cohort.grade } },
    orderBy: [{ startDate: "asc" }, { endDate: "asc" }],
    select: PERIOD_SELECT,
  });
  return rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

const badPeriod = () => new AppError("BAD_INPUT", "Этот период не относится к классу: выберите период из списка.", { period: ["Этот период не относится к классу: выберите период из списка."] });

/** The span for a class: its own period, or a range; the default is the period under way. */
export async function resolveClassSpan(p: Principal, cohort: { yearId: string; grade: number }, span: ExtractSpan): Promise<ResolvedSpan> {
  if (span.kind === "range") return { periodId: null, kind: null, name: null, yearName: null, from: span.from, to: span.to };
  const periods = await classPeriods(p.schoolId, cohort);
  // the default: the period under way in the class (not the year), else the last begun, else the first
  const chosen = span.kind === "period"
    ? periods.find((x) => x.id === span.periodId)
    : periodUnderWay(periods.map((row) => ({ row, kind: row.kind, startDate: dateToDay(row.startDate), endDate: dateToDay(row.endDate) })), today(p))?.row;
  if (!chosen) {
    if (span.kind === "period") throw badPeriod();
    throw new AppError("BAD_INPUT", "У класса нет отчётных периодов: выберите даты.", { period: ["У класса нет отчётных периодов: выберите даты."] });
  }
  return fromPeriod(chosen);
}

// ───────────────────────────── one student's facts

type Member = { cohortId: string; start: string; end: string | null; kind: string; name: string; grade: number; yearId: string; parentId: string | null; classTeacher: string | null; classTeacherId: string | null };

const MEMBER_SELECT = {
  cohortId: true, startDate: true, endDate: true,
  cohort: { select: { kind: true, name: true, grade: true, yearId: true, parentId: true, classTeacherId: true, classTeacher: { select: { lastName: true, firstName: true, middleName: true } } } },
} as const;

type MemberRow = { cohortId: string; startDate: Date; endDate: Date | null; cohort: { kind: string; name: string; grade: number; yearId: string; parentId: string | null; classTeacherId: string | null; classTeacher: { lastName: string; firstName: string; middleName: string | null } | null } };

function toMember(m: MemberRow): Member {
  return {
    cohortId: m.cohortId, start: dateToDay(m.startDate), end: m.endDate ? dateToDay(m.endDate) : null, kind: m.cohort.kind, name: m.cohort.name,
    grade: m.cohort.grade, yearId: m.cohort.yearId, parentId: m.cohort.parentId, classTeacherId: m.cohort.classTeacherId,
    classTeacher: m.cohort.classTeacher ? shortName(m.cohort.classTeacher) : null,
  };
}

const overlaps = (m: Member, from: string, to: string) => m.start <= to && (m.end === null || m.end >= from);

/** The class the extract is of: the last class of the span, else the last cohort of any kind. */
function mainCohort(members: readonly Member[]): Member | undefined {
  return [...members].reverse().find((m) => m.kind === "CLASS") ?? members.at(-1);
}

type Common = { school: { name: string; address: string }; policy: GradingPolicy; today: string };

async function common(p: Principal, span: ResolvedSpan): Promise<Common> {
  const [school, policy] = await Promise.all([
    db.school.findUniqueOrThrow({ where: { id: p.schoolId }, select: { name: true, address: true } }),
    loadGradingPolicy(p.schoolId, span.to),
  ]);
  return { school, policy, today: today(p) };
}

async function buildExtract(p: Principal, c: Common, student: { id: string; name: string; birthDate: string }, allMembers: Member[], span: ResolvedSpan, cohortId?: string): Promise<ExtractData> {
  const schoolId = p.schoolId;
  const members = allMembers.filter((m) => overlaps(m, span.from, span.to));
  const cohortIds = [...new Set(members.map((m) => m.cohortId))];
  const withParents = [...new Set([...cohortIds, ...members.map((m) => m.parentId).filter((x): x is string => !!x)])];
  const from = dayToDate(span.from);
  const to = dayToDate(span.to);
  const isYear = span.kind === "YEAR";
  const finalKind = isYear ? "YEAR" : "PERIOD";

  const [marks, lessons, attendance, items, finals, recs, exams] = await Promise.all([
    loadStudentMarks(db, { schoolId, studentId: student.id, from: span.from, to: span.to }),
    db.lesson.findMany({
      where: { schoolId, cohortId: { in: cohortIds }, date: { gte: from, lte: to }, status: { in: ["PLANNED", "HELD"] } },
      select: { id: true, cohortId: true, subjectId: true, date: true, status: true },
    }),
    db.attendance.findMany({
      where: { schoolId, studentId: student.id, date: { gte: from, lte: to }, removedAt: null },
      select: { lessonId: true, code: true, lesson: { select: { subjectId: true } } },
    }),
    db.curriculumItem.findMany({
      where: { schoolId, cohortId: { in: withParents }, validFrom: { lte: to }, OR: [{ validTo: null }, { validTo: { gte: from } }] },
      orderBy: { validFrom: "asc" },
      select: { cohortId: true, subjectId: true, scale: true, subject: { select: { name: true } } },
    }),
    span.periodId
      ? db.finalMark.findMany({
          where: { schoolId, studentId: student.id, periodId: span.periodId, kind: finalKind, removedAt: null },
          select: { subjectId: true, markKind: true, value: true, text: true },
        })
      : Promise.resolve([]),
    db.recommendation.findMany({
      where: { schoolId, studentId: student.id, date: { gte: from, lte: to } },
      orderBy: [{ date: "asc" }, { createdAt: "asc" }],
      select: { date: true, text: true, subject: { select: { name: true } }, author: { select: { lastName: true, firstName: true, middleName: true } } },
    }),
    // only what the family has been shown: a result not yet published stays off paper too
    db.examResult.findMany({
      where: { schoolId, studentId: student.id, publishedAt: { not: null }, examDate: { gte: from, lte: to } },
      orderBy: [{ examDate: "asc" }, { kind: "asc" }],
      select: { kind: true, examDate: true, primaryScore: true, maxScore: true, mark: true, subject: { select: { name: true } } },
    }),
  ]);

  const total: ExtractAbsences = { ...NO_ABSENCES };
  const bySubject = new Map<string, ExtractAbsences>();
  for (const a of attendance) {
    const key = CODE_KEY[a.code];
    total[key] += 1;
    const own = bySubject.get(a.lesson.subjectId) ?? { ...NO_ABSENCES };
    own[key] += 1;
    bySubject.set(a.lesson.subjectId, own);
  }
  const period = span.periodId !== null && span.kind ? { kind: span.kind, endDate: span.to } : null;
  const open = forecastApplies(period, c.today);

  // the subjects, their lessons and numbers as the diary has them (lib/grading/subject-facts.ts)
  const out: ExtractSubject[] = subjectFacts({ stays: members, items, marks, lessons, absences: attendance, period, today: c.today, policy: c.policy }).map((s) => {
    const average = s.suggestion?.average ?? null;
    const f = finals.find((x) => x.subjectId === s.subjectId);
    const text = s.forecast?.text;
    return {
      name: s.name,
      marks: s.marks.map((m) => ({ date: m.date, symbol: markSymbol(m) })),
      average: average && average.count > 0 ? formatMean(average) : null,
      periodMark: f ? markSymbol({ kind: f.markKind, value: f.value, text: f.text }) : null,
      absences: bySubject.get(s.subjectId) ?? { ...NO_ABSENCES },
      forecast: text ? { headline: text.headline, sureness: text.sureness, steps: text.steps, risks: text.risks } : null,
      note: noForecastReason(s.scale),
    };
  });

  const main = (cohortId ? members.find((m) => m.cohortId === cohortId) : undefined) ?? mainCohort(members);
  let forecastNote: string | null = null;
  if (!span.periodId) forecastNote = "Прогноз даётся в выписке за отчётный период.";
  else if (isYear) forecastNote = "За год прогноз не даётся: годовая отметка выводится из отметок за периоды.";
  else if (!open) forecastNote = "Период закончился: прогноз не нужен, смотрите отметку за период.";
  return {
    school: c.school,
    student,
    cohort: main ? { id: main.cohortId, name: main.name, classTeacher: main.classTeacher } : null,
    span: { ...span, label: spanLabel(span) },
    subjects: out,
    absences: total,
    recommendations: recs.map((r) => ({ date: dateToDay(r.date), subject: r.subject?.name ?? null, author: fullName(r.author), text: r.text })),
    exams: exams
      .map((x) => ({ kind: EXAM_KIND[x.kind], subject: x.subject.name, date: dateToDay(x.examDate), score: `${x.primaryScore} из ${x.maxScore}`, mark: String(x.mark) }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.subject.localeCompare(b.subject, "ru")),
    forecastNote,
    printedOn: c.today,
  };
}

async function loadStudents(p: Principal, where: Prisma.StudentWhereInput) {
  const rows = await db.student.findMany({
    where: { AND: [printableStudents(p), where] },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { middleName: "asc" }],
    select: {
      id: true, lastName: true, firstName: true, middleName: true, birthDate: true,
      memberships: { where: { schoolId: p.schoolId }, orderBy: { startDate: "asc" }, select: MEMBER_SELECT },
    },
  });
  return rows.map((s) => ({ student: { id: s.id, name: fullName(s), birthDate: dateToDay(s.birthDate) }, members: s.memberships.map(toMember) }));
}

/** Does this stay in a cohort cover every day of the span? */
const covers = (m: Member, from: string, to: string) => m.start <= from && (m.end === null || m.end >= to);

/**
 * May this user print this student's extract for this span? An administrator, yes; a
 * class teacher only when the whole span lies inside the student's time in a class they
 * lead (`cohortId`: that class) — the extract reads every mark of the span, whichever
 * class it was given in.
 */
function mayPrintSpan(p: Principal, members: readonly Member[], span: ResolvedSpan, cohortId?: string): boolean {
  if (hasRole(p, "ADMIN")) return true;
  if (!p.staffId) return false;
  return members.some((m) => m.classTeacherId === p.staffId && (cohortId === undefined || m.cohortId === cohortId) && covers(m, span.from, span.to));
}

/** One student's extract; the span defaults to the period under way in the student's class. */
export async function readStudentExtract(p: Principal, studentId: string, span: ExtractSpan): Promise<ExtractData> {
  const [found] = await loadStudents(p, { id: studentId });
  if (!found) throw new AppError("NOT_FOUND", "Ученик не найден.");
  const day = today(p);
  let resolved: ResolvedSpan;
  if (span.kind === "range") {
    resolved = { periodId: null, kind: null, name: null, yearName: null, from: span.from, to: span.to };
  } else if (span.kind === "period") {
    const row = await db.period.findFirst({ where: { schoolId: p.schoolId, id: span.periodId }, select: PERIOD_SELECT });
    if (!row) throw badPeriod();
    // the student's class in that period decides whether the period is theirs (periods differ by grade)
    const inPeriod = found.members.filter((m) => m.yearId === row.yearId && overlaps(m, dateToDay(row.startDate), dateToDay(row.endDate)));
    const grade = mainCohort(inPeriod)?.grade;
    if (grade === undefined || grade < row.gradeFrom || grade > row.gradeTo) throw badPeriod();
    resolved = fromPeriod(row);
  } else {
    const now = found.members.filter((m) => overlaps(m, day, day));
    const cls = mainCohort(now) ?? mainCohort(found.members);
    if (!cls) throw new AppError("BAD_INPUT", "Ученик не состоит ни в одном классе: выберите даты.", { period: ["Ученик не состоит ни в одном классе."] });
    resolved = await resolveClassSpan(p, cls, { kind: "default" });
  }
  if (!mayPrintSpan(p, found.members, resolved)) throw new AppError("NOT_FOUND", "Ученик не найден.");
  return buildExtract(p, await common(p, resolved), found.student, found.members, resolved);
}

// ───────────────────────────── a class

export type ClassSelection = {
  cohort: { id: string; name: string; yearName: string };
  span: ResolvedSpan & { label: string };
  who: "paper" | "all";
  students: { id: string; name: string }[];
};

async function findClass(p: Principal, cohortId: string) {
  const cohort = await db.cohort.findFirst({
    where: { AND: [printableCohorts(p), { id: cohortId }] },
    select: { id: true, name: true, grade: true, yearId: true, year: { select: { name: true } } },
  });
  if (!cohort) throw new AppError("NOT_FOUND", "Класс не найден.");
  return cohort;
}

/**
 * Of these students, those about whom some guardian must get paper — the rule of the
 * consent registry's paper list (lib/consent/events.ts paperList), applied to given
 * students instead of today's class: no guardian recorded; a guardian (open
 * guardianship) whose current decision is not GRANTED (lib/consent/gate.ts decides);
 * or a guardian who chose «только на бумаге». lib/consent has this rule only for a
 * class as it is today, so the per-student form lives here, on its gate.
 */
export async function studentsOnPaper(schoolId: string, studentIds: readonly string[]): Promise<Set<string>> {
  if (studentIds.length === 0) return new Set();
  const links = await db.guardianship.findMany({ where: { schoolId, studentId: { in: [...studentIds] }, endDate: null }, select: { studentId: true, guardianId: true } });
  const paperOnly = new Set(
    (await db.deliveryPreference.findMany({
      where: { schoolId, frequency: "PAPER_ONLY", guardianId: { in: [...new Set(links.map((l) => l.guardianId))] } },
      select: { guardianId: true },
    })).map((x) => x.guardianId),
  );
  const out = new Set<string>();
  for (const id of studentIds) {
    const guardians = links.filter((l) => l.studentId === id).map((l) => l.guardianId);
    if (guardians.length === 0 || guardians.some((g) => paperOnly.has(g))) {
      out.add(id);
      continue;
    }
    const consented = new Set(await consentedGuardianIds(db, schoolId, id));
    if (guardians.some((g) => !consented.has(g))) out.add(id);
  }
  return out;
}

/**
 * Whom a class batch prints: everyone who was in the class during the span, or of them
 * those on the class's paper list (lib/consent: no current consent of a guardian, a
 * refusal or withdrawal, «только на бумаге», or no guardian at all).
 */
export async function selectClassExtracts(p: Principal, input: { cohortId: string; span: ExtractSpan; who: "paper" | "all" }): Promise<ClassSelection> {
  const cohort = await findClass(p, input.cohortId);
  const span = await resolveClassSpan(p, cohort, input.span);
  const members = await db.cohortMembership.findMany({
    where: { schoolId: p.schoolId, cohortId: cohort.id, startDate: { lte: dayToDate(span.to) }, OR: [{ endDate: null }, { endDate: { gte: dayToDate(span.from) } }] },
    orderBy: [{ student: { lastName: "asc" } }, { student: { firstName: "asc" } }, { student: { middleName: "asc" } }],
    select: { student: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
  });
  let students = [...new Map(members.map((m) => [m.student.id, { id: m.student.id, name: fullName(m.student) }])).values()];
  if (input.who === "paper") {
    // the children of the class during the span, not today's class list: a past period
    // keeps the children who have left since
    const onPaper = await studentsOnPaper(p.schoolId, students.map((s) => s.id));
    students = students.filter((s) => onPaper.has(s.id));
  }
  return { cohort: { id: cohort.id, name: cohort.name, yearName: cohort.year.name }, span: { ...span, label: spanLabel(span) }, who: input.who, students };
}

/** The extracts of a class batch, one per selected student, in the selection's order. */
export async function readClassExtracts(p: Principal, selection: ClassSelection): Promise<ExtractData[]> {
  const ids = selection.students.map((s) => s.id);
  if (ids.length === 0) return [];
  const c = await common(p, selection.span);
  const found = await loadStudents(p, { id: { in: ids } });
  const byId = new Map(found.map((f) => [f.student.id, f]));
  // a class teacher prints the batch only when every child was in the class the whole span
  if (ids.some((id) => { const f = byId.get(id); return !f || !mayPrintSpan(p, f.members, selection.span, selection.cohort.id); })) {
    throw new AppError("NOT_FOUND", "Класс не найден.");
  }
  const out: ExtractData[] = [];
  for (const id of ids) {
    const f = byId.get(id);
    if (f) out.push(await buildExtract(p, c, f.student, f.members, selection.span, selection.cohort.id));
  }
  return out;
}

// ───────────────────────────── the choices of the screen

export type ClassOption = { id: string; name: string; yearName: string; current: boolean; periods: { id: string; name: string; from: string; to: string }[] };

/** The classes the user may print for (this year's first), each with its periods. */
export async function extractClassOptions(p: Principal): Promise<ClassOption[]> {
  const day = dayToDate(today(p));
  const cohorts = await db.cohort.findMany({
    where: printableCohorts(p),
    orderBy: [{ year: { startDate: "desc" } }, { grade: "asc" }, { name: "asc" }],
    select: { id: true, name: true, grade: true, yearId: true, year: { select: { name: true, startDate: true, endDate: true } } },
  });
  const periods = await db.period.findMany({
    where: { schoolId: p.schoolId, yearId: { in: [...new Set(cohorts.map((c) => c.yearId))] } },
    orderBy: [{ startDate: "asc" }, { endDate: "asc" }],
    select: PERIOD_SELECT,
  });
  return cohorts.map((c) => ({
    id: c.id,
    name: c.name,
    yearName: c.year.name,
    current: c.year.startDate <= day && day <= c.year.endDate,
    periods: periods
      .filter((x) => x.yearId === c.yearId && x.gradeFrom <= c.grade && c.grade <= x.gradeTo)
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
      .map((x) => ({ id: x.id, name: x.name, from: dateToDay(x.startDate), to: dateToDay(x.endDate) })),
  }));
}
