/**
 * The report as plain tables of text, in Russian: what the PDF term report and the XLSX
 * print, so that both say the same. Pure.
 */
import { formatFraction } from "@/lib/grading/statistics";
import { formatTenths } from "@/lib/curriculum/school-weeks";
import { LESSON_TYPES, type Completion, type LessonTypeName } from "@/lib/stats/completion";
import type { AttendanceTally } from "@/lib/stats/attendance";
import type { StatsReport } from "@/lib/stats/build";
import type { ResultsSummary } from "@/lib/stats/results";
import type { PeriodKindName } from "@/lib/stats/facts";

export type DocTable = {
  /** a stable id, for sheet names */
  id: string;
  title: string;
  /** a line under the title: how it is counted */
  note?: string;
  headers: string[];
  rows: string[][];
  total?: string[];
  empty: string;
};

export const LESSON_TYPE_RU: Record<LessonTypeName, string> = {
  LESSON: "урок", TEST: "контрольная работа", QUIZ: "проверочная работа", INDEPENDENT: "самостоятельная работа", LAB: "лабораторная работа",
  PRACTICAL: "практическая работа", CREDIT: "зачёт", EXCURSION: "экскурсия", CORRECTION: "коррекционное занятие", INDIVIDUAL: "индивидуальное занятие",
};

/** «Отчёт за четверть», «… за полугодие», «… за учебный год». */
export function reportTitle(kind: PeriodKindName): string {
  return { QUARTER: "Отчёт за четверть", TRIMESTER: "Отчёт за триместр", SEMESTER: "Отчёт за полугодие", YEAR: "Отчёт за учебный год" }[kind];
}

export function percent(f: { num: number; den: number }): string {
  return formatFraction(f, 1);
}

export function mean(f: { num: number; den: number }): string {
  return formatFraction(f, 2);
}

export function hours(tenths: number): string {
  return formatTenths(tenths);
}

const RESULTS_HEAD = ["N", "«5»", "«4»", "«3»", "«2»", "н/а", "осв", "Успеваемость, %", "Качество, %", "Средний балл", "СОУ, %"];

function resultsCells(s: ResultsSummary): string[] {
  const c = s.counts;
  return [String(s.n), String(c[5]), String(c[4]), String(c[3]), String(c[2]), String(c.notAttested), String(c.exempt), percent(s.successRate), percent(s.qualityRate), mean(s.mean), percent(s.sou)];
}

/** the lesson types held in any row, in the enum's order */
function typesUsed(items: readonly Completion[]): LessonTypeName[] {
  return LESSON_TYPES.filter((t) => items.some((c) => (c.heldByType[t] ?? 0) > 0));
}

function completionCells(c: Completion, types: readonly LessonTypeName[], inProgress: boolean): string[] {
  return [
    hours(c.plannedTenths), ...(inProgress ? [hours(c.dueTenths)] : []), String(c.held),
    ...types.map((t) => String(c.heldByType[t] ?? 0)),
    hours(c.shortfallTenths), percent(c.shortfallRate),
  ];
}

function attendanceCells(t: AttendanceTally): string[] {
  return [String(t.ABSENT), String(t.ILL), String(t.EXCUSED), String(t.missed), String(t.LATE)];
}

const RESULT_TITLES: Record<StatsReport["results"][number]["id"], { title: string; first: string; note: string }> = {
  byClass: { title: "Успеваемость по классам", first: "Класс", note: "N — учащиеся с итоговыми отметками (освобождённые не считаются, н/а считаются); успеваемость и качество — доля учащихся, средний балл и СОУ — по всем итоговым отметкам." },
  bySubject: { title: "Успеваемость по предметам", first: "Предмет", note: "Каждая итоговая отметка — один учащийся по предмету; освобождённые не считаются, н/а считаются." },
  byClassOfSubject: { title: "Успеваемость по классам", first: "Класс", note: "Каждая итоговая отметка — один учащийся по предмету; освобождённые не считаются, н/а считаются." },
  byPair: { title: "Успеваемость по классам и предметам", first: "Класс, предмет", note: "Каждая итоговая отметка — один учащийся по предмету; освобождённые не считаются, н/а считаются." },
};

export function reportTables(r: StatsReport): DocTable[] {
  const tables: DocTable[] = [];
  for (const t of r.results) {
    const meta = RESULT_TITLES[t.id];
    tables.push({
      id: `results-${t.id}`,
      title: meta.title,
      note: meta.note,
      headers: [meta.first, ...RESULTS_HEAD],
      rows: t.rows.map((row) => [row.label, ...resultsCells(row.summary)]),
      ...(t.total && t.rows.length > 0 ? { total: [r.view === "school" ? "Всего по школе" : "Итого", ...resultsCells(t.total)] } : {}),
      empty: "Итоговые отметки за этот период ещё не выставлены.",
    });
  }
  const items = [...r.completion.rows.map((x) => x.completion), r.completion.total];
  const types = typesUsed(items);
  const first = { byClass: "Класс", bySubject: "Предмет", byPair: "Класс, предмет" }[r.completion.id];
  tables.push({
    id: "completion",
    title: "Выполнение учебного плана",
    note: r.inProgress
      ? `Период ещё идёт: отставание считается от плана на ${r.today.split("-").reverse().join(".")}. Часы — по учебному плану, проведено — уроки со статусом «проведён».`
      : "Часы — по учебному плану (часов в неделю × учебные недели периода); проведено — уроки со статусом «проведён».",
    headers: [first, "План, ч", ...(r.inProgress ? ["План на сегодня, ч"] : []), "Проведено", ...types.map((t) => `в т. ч. ${LESSON_TYPE_RU[t]}`), "Отставание, ч", "Отставание, %"],
    rows: r.completion.rows.map((x) => [x.label, ...completionCells(x.completion, types, r.inProgress)]),
    ...(r.completion.rows.length > 0 ? { total: ["Итого", ...completionCells(r.completion.total, types, r.inProgress)] } : {}),
    empty: "В учебном плане нет предметов на этот период, и уроки не проводились.",
  });
  tables.push({
    id: "attendance",
    title: r.attendance.id === "byStudent" ? "Пропуски уроков по учащимся" : "Пропуски уроков по классам",
    note: "н — без причины, б — по болезни, у — по уважительной причине; опоздания (оп) пропуском не считаются.",
    headers: [r.attendance.id === "byStudent" ? "Учащийся" : "Класс", "н", "б", "у", "Всего пропущено", "оп"],
    rows: r.attendance.rows.map((x) => [x.label, ...attendanceCells(x.tally)]),
    ...(r.attendance.rows.length > 0 ? { total: ["Итого", ...attendanceCells(r.attendance.total)] } : {}),
    empty: "Пропусков за этот период нет.",
  });
  return tables;
}

/** «вся школа», «класс 5А», «предмет Математика», «учитель Числова М. С.» */
export function scopeLabel(r: StatsReport): string {
  if (r.view === "school" || !r.focus) return "вся школа";
  return `${{ class: "класс", subject: "предмет", teacher: "учитель" }[r.view]} ${r.focus.name}`;
}
