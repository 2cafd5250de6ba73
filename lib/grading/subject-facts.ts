/**
 * One student's standing per subject over a span, as the family's diary (lib/diary/marks.ts)
 * and the paper extract (lib/reports/extract-data.ts) both show it — one computation, so
 * paper and screen never disagree. Pure: the callers read the rows (each its own queries)
 * and this module decides which subjects there are, which lessons count, and every number.
 *
 * - The subjects: the curriculum of the student's cohorts (a group's also from its class,
 *   the student's own cohort's item winning the scale), and any subject with a mark (on the
 *   five-point scale when no item names it). A subject without marks on no scale is left out.
 * - The lessons: planned and held lessons of a cohort on a day the student was in it; held
 *   ones are the base of the absence share, missed ones those with an attendance code but
 *   «оп»; lessons left are those after today.
 * - The numbers (five-point scale only): the weighted average with the period mark the
 *   school's rules suggest, and the forecast (R4) for a term under way.
 *
 * Also the shared rules of reporting periods: the order terms-then-year, and the period to
 * open when none is asked for.
 */
import type { WeightedMark } from "@/lib/grading/average";
import { suggestPeriodMark, type Suggestion } from "@/lib/grading/finals";
import { forecastPeriod, type Forecast } from "@/lib/grading/forecast";
import { describeForecast, type ForecastText, type PeriodKindName } from "@/lib/grading/forecast-text";
import { hundredths, markFromRow, type Scale } from "@/lib/grading/marks";
import type { GradingPolicy } from "@/lib/grading/policy";
import { dateToDay } from "@/lib/time";

// ───────────────────────────── reporting periods

/** Terms (quarters, trimesters, semesters) before the year. */
export const KIND_ORDER: Record<PeriodKindName, number> = { QUARTER: 0, TRIMESTER: 0, SEMESTER: 0, YEAR: 1 };

/** The period to open when none is asked for: the term under way, else the last begun, else the first (the year only when there is no term). */
export function periodUnderWay<P extends { kind: PeriodKindName; startDate: string; endDate: string }>(periods: readonly P[], today: string): P | undefined {
  const terms = periods.filter((x) => x.kind !== "YEAR");
  const list = terms.length ? terms : periods;
  return list.find((x) => x.startDate <= today && today <= x.endDate) ?? list.filter((x) => x.startDate <= today).at(-1) ?? list[0];
}

/** A forecast is given for a term still under way (not for the year, a range of days, or a period that has ended). */
export function forecastApplies(period: { kind: PeriodKindName; endDate: string } | null, today: string): boolean {
  return period !== null && period.kind !== "YEAR" && today <= period.endDate;
}

// ───────────────────────────── the facts per subject

/** A stay of the student in a cohort: "YYYY-MM-DD" days, `end` null while it lasts. */
export type Stay = { cohortId: string; start: string; end: string | null };

/** Was the student in this cohort on this day? */
export function activeOn(stays: readonly Stay[], cohortId: string, day: string): boolean {
  return stays.some((s) => s.cohortId === cohortId && s.start <= day && (s.end === null || s.end >= day));
}

/** A mark as lib/journal/student-marks-query.ts reads it (only what the computation needs). */
export type FactsMark = {
  subjectId: string;
  subjectName: string;
  kind: string;
  value: number | null;
  text: string | null;
  /** the weight in force on the mark's day, as exact decimal text ("1.50") */
  workType: { weight: string };
};

export type SubjectFactsInput<M extends FactsMark> = {
  /** the student's stays in cohorts during the span; their cohorts' own curriculum items set the scale */
  stays: readonly Stay[];
  /** curriculum items of those cohorts and of the classes their groups belong to, oldest first */
  items: readonly { cohortId: string; subjectId: string; scale: Scale; subject: { name: string } }[];
  /** the student's marks of the span (of one subject, for a one-subject page) */
  marks: readonly M[];
  /** the planned and held lessons of those cohorts in the span */
  lessons: readonly { id: string; cohortId: string; subjectId: string; date: Date; status: string }[];
  /** the student's attendance entries of the span; «оп» (LATE) is not a miss, an entry without its code is */
  absences: readonly { lessonId: string; code?: string }[];
  /** the period the span is, null for a range of days; it decides whether there is a forecast */
  period: { kind: PeriodKindName; endDate: string } | null;
  today: string;
  policy: GradingPolicy;
};

export type SubjectFacts<M extends FactsMark> = {
  subjectId: string;
  name: string;
  scale: Scale;
  /** the subject's marks, in the order given */
  marks: M[];
  /** the same marks with their weights (hundredths), as the average takes them */
  weighed: WeightedMark[];
  /** lessons held while the student was in the cohort */
  lessonsHeld: number;
  /** of those, missed (any attendance code but «оп») */
  lessonsMissed: number;
  /** lessons after today */
  lessonsLeft: number;
  /** on the five-point scale: the period mark the marks suggest, with the weighted average; else null */
  suggestion: Suggestion | null;
  /** on the five-point scale, for a term under way (`forecastApplies`): the forecast and its words */
  forecast: { forecast: Forecast; text: ForecastText } | null;
};

/** The subjects of the span with their facts, by name (Russian order). */
export function subjectFacts<M extends FactsMark>(input: SubjectFactsInput<M>): SubjectFacts<M>[] {
  const { stays, items, marks, lessons, period, today, policy } = input;
  const cohortIds = new Set(stays.map((s) => s.cohortId));

  const subjects = new Map<string, { name: string; scale: Scale }>();
  // the scale: the student's own cohort's item wins over the class a group belongs to
  for (const it of items) subjects.set(it.subjectId, { name: it.subject.name, scale: it.scale });
  for (const it of items) if (cohortIds.has(it.cohortId)) subjects.set(it.subjectId, { name: it.subject.name, scale: it.scale });
  for (const m of marks) if (!subjects.has(m.subjectId)) subjects.set(m.subjectId, { name: m.subjectName, scale: "FIVE_POINT" });

  const counted = lessons.filter((l) => activeOn(stays, l.cohortId, dateToDay(l.date)));
  const missed = new Set(input.absences.filter((a) => a.code !== "LATE").map((a) => a.lessonId));
  const forecastKind = period && forecastApplies(period, today) ? period.kind : null;

  const out: SubjectFacts<M>[] = [];
  for (const [subjectId, info] of subjects) {
    const own = marks.filter((m) => m.subjectId === subjectId);
    if (info.scale === "NONE" && own.length === 0) continue;
    const weighed: WeightedMark[] = own.map((m) => ({ mark: markFromRow(m), weight: hundredths(m.workType.weight) }));
    const subjectLessons = counted.filter((l) => l.subjectId === subjectId);
    const held = subjectLessons.filter((l) => l.status === "HELD");
    const lessonsHeld = held.length;
    const lessonsMissed = held.filter((l) => missed.has(l.id)).length;
    const lessonsLeft = subjectLessons.filter((l) => dateToDay(l.date) > today).length;
    const numeric = info.scale === "FIVE_POINT";
    const facts = { marks: weighed, lessonsHeld, lessonsMissed };
    let forecast: SubjectFacts<M>["forecast"] = null;
    if (numeric && forecastKind) {
      const f = forecastPeriod({ ...facts, lessonsLeft }, policy);
      forecast = { forecast: f, text: describeForecast(f, policy, forecastKind) };
    }
    out.push({
      subjectId,
      name: info.name,
      scale: info.scale,
      marks: own,
      weighed,
      lessonsHeld,
      lessonsMissed,
      lessonsLeft,
      suggestion: numeric ? suggestPeriodMark(facts, policy) : null,
      forecast,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, "ru"));
}
