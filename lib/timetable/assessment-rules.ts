/**
 * Rules of the test schedule (графика оценочных процедур), from the federal
 * recommendations of 6 Aug 2021 (DOMAIN.md): for a cohort at most one per day; for a
 * subject no more than 10 % of its hours in the year and no more often than once in
 * 2.5 weeks. The numbers are school settings; the defaults are the federal ones.
 */
export type AssessmentRuleSettings = {
  maxPerDayPerCohort: number;
  /** share of the subject's yearly hours, in percent */
  maxShareOfHours: number;
  /** minimum gap between two events of one subject in one cohort, in days (17.5 = 2.5 weeks) */
  minGapDays: number;
};

export const FEDERAL_RULES: AssessmentRuleSettings = { maxPerDayPerCohort: 1, maxShareOfHours: 10, minGapDays: 17.5 };

export type EventPlan = { id: string; cohortId: string; subjectId: string; date: string };

export type RuleWarning =
  | { rule: "PER_DAY"; cohortId: string; date: string; eventIds: string[] }
  | { rule: "SHARE_OF_HOURS"; cohortId: string; subjectId: string; count: number; yearlyHours: number; limit: number }
  | { rule: "TOO_CLOSE"; cohortId: string; subjectId: string; eventIds: [string, string]; days: number };

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * All warnings for a cohort's events of a year. `yearlyHours` gives the planned hours of
 * each subject of the cohort (hours a week × school weeks, or hours fixed for the year).
 */
export function checkAssessmentSchedule(
  events: readonly EventPlan[],
  yearlyHours: ReadonlyMap<string, number>,
  rules: AssessmentRuleSettings = FEDERAL_RULES,
): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  const byDay = new Map<string, EventPlan[]>();
  const bySubject = new Map<string, EventPlan[]>();
  for (const e of events) {
    const d = `${e.cohortId}|${e.date}`;
    byDay.set(d, [...(byDay.get(d) ?? []), e]);
    const s = `${e.cohortId}|${e.subjectId}`;
    bySubject.set(s, [...(bySubject.get(s) ?? []), e]);
  }
  for (const list of byDay.values()) {
    const first = list[0];
    if (first && list.length > rules.maxPerDayPerCohort) {
      warnings.push({ rule: "PER_DAY", cohortId: first.cohortId, date: first.date, eventIds: list.map((e) => e.id) });
    }
  }
  for (const list of bySubject.values()) {
    const first = list[0];
    if (!first) continue;
    const hours = yearlyHours.get(first.subjectId) ?? 0;
    // count ≤ share% × hours  ⇔  100·count ≤ share·hours (no rounding)
    if (100 * list.length > rules.maxShareOfHours * hours) {
      warnings.push({
        rule: "SHARE_OF_HOURS", cohortId: first.cohortId, subjectId: first.subjectId, count: list.length, yearlyHours: hours,
        limit: Math.floor((rules.maxShareOfHours * hours) / 100),
      });
    }
    const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date));
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1];
      const b = sorted[i];
      if (!a || !b) continue;
      const days = daysBetween(a.date, b.date);
      if (days < rules.minGapDays) warnings.push({ rule: "TOO_CLOSE", cohortId: a.cohortId, subjectId: a.subjectId, eventIds: [a.id, b.id], days });
    }
  }
  return warnings;
}

/** "2,5" for 17.5 days: the gap as people say it, in weeks. */
function weeksText(days: number): string {
  const weeks = Math.round((days / 7) * 10) / 10;
  return String(weeks).replace(".", ",");
}

export function describeWarning(w: RuleWarning, names: { subject?: string; cohort?: string } = {}, rules: AssessmentRuleSettings = FEDERAL_RULES): string {
  const cohort = names.cohort ? `у ${names.cohort}` : "у класса";
  switch (w.rule) {
    case "PER_DAY":
      return rules.maxPerDayPerCohort === 1
        ? `В один день (${w.date}) ${cohort} ${w.eventIds.length} оценочные процедуры; рекомендуется не больше одной.`
        : `В один день (${w.date}) ${cohort} ${w.eventIds.length} оценочные процедуры; рекомендуется не больше ${rules.maxPerDayPerCohort}.`;
    case "SHARE_OF_HOURS":
      return `${names.subject ?? "Предмет"}: ${w.count} оценочных процедур за год при ${w.yearlyHours} ч — больше ${rules.maxShareOfHours} % часов (допустимо ${w.limit}).`;
    case "TOO_CLOSE":
      return `${names.subject ?? "Предмет"}: две оценочные процедуры с промежутком ${w.days} дн.; рекомендуется не чаще одного раза в ${weeksText(rules.minGapDays)} недели.`;
  }
}
