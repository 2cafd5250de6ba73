/**
 * What a request for paper extracts may say, checked before anything is read or written:
 * the student or the class (ids), the span (a reporting period, or a range of days typed
 * the Russian way or as a browser sends it), whom of the class to print (the paper list
 * or everyone) and large print. Pure: the page shows these errors next to its fields, the
 * PDF routes answer them with a 400 page, and nothing is printed or recorded.
 */
import { addDays, parseDay } from "@/lib/time";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The longest range one extract may cover: a school year and a little. */
export const MAX_RANGE_DAYS = 400;

export type ExtractSpan = { kind: "period"; periodId: string } | { kind: "range"; from: string; to: string } | { kind: "default" };
export type ExtractWho = "paper" | "all";

export type ExtractQuery = {
  span: ExtractSpan;
  largePrint: boolean;
};
export type StudentExtractQuery = ExtractQuery & { studentId: string };
export type ClassExtractQuery = ExtractQuery & { cohortId: string; who: ExtractWho };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

type Params = { get(name: string): string | null };

const text = (q: Params, name: string) => (q.get(name) ?? "").trim();

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** "1", "on", "true" (a checkbox, a link) turn large print on; anything else leaves it off. */
export function parseLargePrint(q: Params): boolean {
  return ["1", "on", "true", "yes"].includes(text(q, "large").toLowerCase());
}

/**
 * The span: `span=period` with `period`, `span=dates` with `from` and `to`; without
 * `span`, a given period wins, then given dates, else the default period (the one under
 * way) when `allowDefault`.
 */
export function parseSpan(q: Params, errors: Record<string, string[]>, allowDefault: boolean): ExtractSpan {
  const mode = text(q, "span");
  const period = text(q, "period");
  const from = text(q, "from");
  const to = text(q, "to");
  const wantsDates = mode === "dates" || (mode === "" && period === "" && (from !== "" || to !== ""));
  if (mode !== "" && mode !== "dates" && mode !== "period") {
    errors["span"] = ["Выберите: за отчётный период или за даты."];
    return { kind: "default" };
  }
  if (!wantsDates) {
    if (period === "") {
      if (allowDefault && mode === "") return { kind: "default" };
      errors["period"] = ["Выберите период."];
      return { kind: "default" };
    }
    if (!isUuid(period)) {
      errors["period"] = ["Такого периода нет: выберите период из списка."];
      return { kind: "default" };
    }
    return { kind: "period", periodId: period.toLowerCase() };
  }
  const fromDay = parseDay(from);
  const toDay = parseDay(to);
  if (from === "") errors["from"] = ["Впишите первый день, например 01.11.2026."];
  else if (!fromDay) errors["from"] = [`«${from.slice(0, 20)}» — не дата. Впишите дату так: 01.11.2026.`];
  if (to === "") errors["to"] = ["Впишите последний день, например 30.11.2026."];
  else if (!toDay) errors["to"] = [`«${to.slice(0, 20)}» — не дата. Впишите дату так: 30.11.2026.`];
  if (fromDay && toDay) {
    if (toDay < fromDay) errors["to"] = ["Последний день раньше первого: поменяйте даты местами."];
    else if (addDays(fromDay, MAX_RANGE_DAYS) < toDay) errors["to"] = ["Выписка — не больше чем за учебный год (400 дней)."];
  }
  return fromDay && toDay ? { kind: "range", from: fromDay, to: toDay } : { kind: "default" };
}

function done<T>(errors: Record<string, string[]>, value: T): Parsed<T> {
  if (Object.keys(errors).length > 0) {
    const first = Object.values(errors)[0]?.[0] ?? "Проверьте данные.";
    return { ok: false, message: first, fieldErrors: errors };
  }
  return { ok: true, value };
}

/** ?student=&period= | ?student=&from=&to= [&large=1]; no span: the period under way. */
export function parseStudentExtractQuery(q: Params): Parsed<StudentExtractQuery> {
  const errors: Record<string, string[]> = {};
  const studentId = text(q, "student");
  if (!isUuid(studentId)) errors["student"] = [studentId === "" ? "Не выбран ученик." : "Неверная ссылка на ученика: откройте выписку со страницы ученика."];
  const span = parseSpan(q, errors, true);
  return done(errors, { studentId: studentId.toLowerCase(), span, largePrint: parseLargePrint(q) });
}

/** ?cohort=&period= | &from=&to=, &who=paper|all [&large=1]: a span must be chosen. */
export function parseClassExtractQuery(q: Params): Parsed<ClassExtractQuery> {
  const errors: Record<string, string[]> = {};
  const cohortId = text(q, "cohort");
  if (cohortId === "") errors["cohort"] = ["Выберите класс."];
  else if (!isUuid(cohortId)) errors["cohort"] = ["Такого класса нет: выберите класс из списка."];
  const span = parseSpan(q, errors, false);
  const whoText = text(q, "who") || "paper";
  if (whoText !== "paper" && whoText !== "all") errors["who"] = ["Выберите, кому печатать: по бумажному списку или всему классу."];
  const who: ExtractWho = whoText === "all" ? "all" : "paper";
  return done(errors, { cohortId: cohortId.toLowerCase(), span, who, largePrint: parseLargePrint(q) });
}
