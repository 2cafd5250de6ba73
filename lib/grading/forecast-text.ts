/**
 * The forecast (lib/grading/forecast.ts) in words a parent or a grandmother reads at a
 * glance (R4): where the student stands, how sure that is, what it takes to reach each
 * higher mark or to keep the current one, and what puts the period at risk. Pure: no
 * database, no dates; Russian, as the rest of lib/grading's texts.
 */
import { formatMean, type Average } from "@/lib/grading/average";
import type { Suggestion } from "@/lib/grading/finals";
import type { Forecast, Risk, Step } from "@/lib/grading/forecast";
import type { Scale } from "@/lib/grading/marks";
import type { GradingPolicy } from "@/lib/grading/policy";

export type PeriodKindName = "QUARTER" | "TRIMESTER" | "SEMESTER" | "YEAR";

export type ForecastText = {
  /** «Сейчас выходит «4»» */
  headline: string;
  /** «Прогноз примерный: по 7 отметкам, осталось 12 уроков» */
  sureness: string;
  /** «Чтобы получить «5»: ещё две пятёрки», «4» уже надёжна…» */
  steps: string[];
  /** «Риск «н/а»: …» */
  risks: string[];
};

/** Russian plural form of a noun for n: 1 пятёрка, 2 пятёрки, 5 пятёрок, 21 пятёрка. */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const FEMININE = ["ноль", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"];

/** A count of feminine things in words up to ten, in digits beyond: «две пятёрки», «12 пятёрок». */
export function countFeminine(n: number, one: string, few: string, many: string): string {
  const word = Number.isInteger(n) && n >= 0 && n <= 10 ? FEMININE[n] : String(n);
  return `${word} ${plural(n, one, few, many)}`;
}

const fives = (n: number) => countFeminine(n, "пятёрка", "пятёрки", "пятёрок");
const twos = (n: number) => countFeminine(n, "двойка", "двойки", "двоек");

/** «по 7 отметкам», «по 1 отметке», «отметок пока нет». */
export function marksSoFarText(n: number): string {
  if (n === 0) return "отметок пока нет";
  return `по ${n} ${plural(n, "отметке", "отметкам", "отметкам")}`;
}

/** «осталось 12 уроков», «остался 1 урок», «уроков больше нет». */
export function lessonsLeftText(n: number): string {
  if (n <= 0) return "уроков больше нет";
  return `${plural(n, "остался", "осталось", "осталось")} ${n} ${plural(n, "урок", "урока", "уроков")}`;
}

/** «до конца четверти», «до конца полугодия». */
export function untilEndOf(kind: PeriodKindName | undefined): string {
  switch (kind) {
    case "QUARTER": return "до конца четверти";
    case "TRIMESTER": return "до конца триместра";
    case "SEMESTER": return "до конца полугодия";
    case "YEAR": return "до конца года";
    default: return "до конца периода";
  }
}

const CONFIDENCE: Record<Forecast["confidence"], string> = {
  LOW: "Прогноз пока неточный",
  MEDIUM: "Прогноз примерный",
  HIGH: "Прогноз надёжный",
};

/** One step of "what it takes", in plain words. */
export function stepText(step: Step, f: Pick<Forecast, "marksSoFar" | "lessonsLeft">, kind?: PeriodKindName): string {
  if (step.kind === "SAFE") {
    if (step.twos === Number.POSITIVE_INFINITY) return `«${step.target}» уже надёжна.`;
    if (step.twos < 0) return `«${step.target}» под угрозой.`;
    if (step.twos === 0) return `«${step.target}» пока держится, но одна двойка её опустит.`;
    return `«${step.target}» уже надёжна: её не ${plural(step.twos, "опустит", "опустят", "опустят")} даже ${twos(step.twos)}.`;
  }
  if (step.fives === 0) return `Для «${step.target}» уже хватает.`;
  const more = f.marksSoFar > 0 ? "ещё " : "нужны ";
  const what = `Чтобы получить «${step.target}»: ${more}${fives(step.fives)}`;
  if (step.reachable) return `${what}.`;
  return `${what}, а ${untilEndOf(kind)} ${lessonsLeftText(f.lessonsLeft)}.`;
}

/** A risk flag in plain words. */
export function riskText(risk: Risk, policy: Pick<GradingPolicy, "minMarks" | "maxAbsenceShare">): string {
  switch (risk) {
    case "PROJECTED_TWO":
      return "Сейчас выходит «2».";
    case "TOO_FEW_MARKS":
      return `Может выйти «н/а» (не аттестован): мало отметок, а нужно не меньше ${policy.minMarks}.`;
    case "TOO_MANY_ABSENCES":
      return `Может выйти «н/а» (не аттестован): пропущено больше ${policy.maxAbsenceShare} % уроков.`;
  }
}

/**
 * The whole forecast in words. With no mark yet only the way to the top mark is told
 * (the same fives lead to every mark); an exempt student gets no steps.
 */
export function describeForecast(f: Forecast, policy: GradingPolicy, kind?: PeriodKindName): ForecastText {
  const exempt = f.suggestion.reason === "EXEMPT";
  let headline: string;
  if (exempt) headline = "Освобождён (осв): отметка за период не ставится.";
  else if (f.projected === null) headline = "Отметок пока нет, поэтому прогноза нет.";
  else if (f.suggestion.mark.kind === "NOT_ATTESTED") headline = `По средней выходит «${f.projected}», но пока это «н/а»: ${reasonWords(f.suggestion.reason, policy)}.`;
  else headline = `Сейчас выходит «${f.projected}».`;
  const sureness = `${CONFIDENCE[f.confidence]}: ${marksSoFarText(f.marksSoFar)}, ${lessonsLeftText(f.lessonsLeft)}.`;
  let steps: Step[] = exempt ? [] : f.steps;
  if (f.projected === null && !exempt) steps = steps.filter((s) => s.target === 5);
  return {
    headline,
    sureness,
    steps: steps.map((s) => stepText(s, f, kind)),
    risks: exempt ? [] : f.risks.map((r) => riskText(r, policy)),
  };
}

function reasonWords(reason: Suggestion["reason"], policy: GradingPolicy): string {
  switch (reason) {
    case "TOO_FEW_MARKS": return `нужно не меньше ${policy.minMarks} ${plural(policy.minMarks, "отметки", "отметок", "отметок")}`;
    case "TOO_MANY_ABSENCES": return `пропущено больше ${policy.maxAbsenceShare} % уроков`;
    case "NO_MARKS": return "нет отметок";
    case "EXEMPT": return "освобождён";
    default: return "по средней";
  }
}

/** Why no forecast is made for a subject's scale, or null when one is. */
export function noForecastReason(scale: Scale): string | null {
  switch (scale) {
    case "FIVE_POINT": return null;
    case "PASS_FAIL": return "По этому предмету ставится «зачёт» или «незачёт», без баллов: средней и прогноза нет.";
    case "DESCRIPTIVE": return "По этому предмету успехи описываются словами, без баллов: средней и прогноза нет.";
    case "NONE": return "По этому предмету отметки не ставятся.";
  }
}

/**
 * The plain-language first line: «Средняя оценка 4,25 — сейчас выходит «4»», with no
 * weights and no formula (those are behind «Как посчитано»).
 */
export function plainSummary(average: Average, suggestion: Suggestion, policy: GradingPolicy): string {
  if (suggestion.reason === "EXEMPT") return "Освобождён: отметка за период не ставится.";
  if (average.count === 0) return "Отметок пока нет.";
  const mean = `Средняя оценка ${formatMean(average)}`;
  if (suggestion.mark.kind === "NUMERIC") return `${mean} — сейчас выходит «${suggestion.mark.value}».`;
  return `${mean} — но пока выходит «н/а»: ${reasonWords(suggestion.reason, policy)}.`;
}
