/**
 * The report as plain tables of text: what the screen, the PDF term report and the XLSX
 * show, so that all three say the same — the same rows, columns and notes. The words
 * come from the "stats" messages: the screen passes its translator (the user's
 * language), the documents are always Russian (RU_STATS). Pure.
 */
import { createTranslator } from "next-intl";

import { formatFraction } from "@/lib/grading/statistics";
import { formatTenths } from "@/lib/curriculum/school-weeks";
import { LESSON_TYPES, type Completion, type LessonTypeName } from "@/lib/stats/completion";
import type { AttendanceTally } from "@/lib/stats/attendance";
import type { StatsReport } from "@/lib/stats/build";
import type { ResultsSummary } from "@/lib/stats/results";
import type { PeriodKindName } from "@/lib/stats/facts";
import ruStats from "@/lib/i18n/messages/ru/stats.json";

/** a translator of the "stats" namespace (next-intl's, from getTranslations("stats")) */
export type StatsTr = (key: string, values?: Record<string, string | number>) => string;

const ruTranslator = createTranslator({ locale: "ru", messages: ruStats, namespace: "stats" }) as unknown as StatsTr;
/** the documents' words: the Russian "stats" messages */
export const RU_STATS: StatsTr = (key, values) => ruTranslator(key, values);

export type DocTable = {
  /** a stable id, for sheet names and the screen's anchors */
  id: string;
  title: string;
  /** a line under the title: how it is counted */
  note?: string;
  headers: string[];
  rows: string[][];
  /** one stable key a row (for the screen) */
  keys: string[];
  total?: string[];
  empty: string;
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

/** «зач» / «незач» columns are shown only where a table has such marks */
function hasPassFail(list: readonly ResultsSummary[]): boolean {
  return list.some((s) => s.counts.pass + s.counts.fail > 0);
}

function resultsHead(t: StatsTr, passFail: boolean): string[] {
  return [
    t("col.n"), t("col.five"), t("col.four"), t("col.three"), t("col.two"), t("col.na"),
    ...(passFail ? [t("col.pass"), t("col.fail")] : []),
    t("col.exempt"), t("col.success"), t("col.quality"), t("col.mean"), t("col.sou"),
  ];
}

export function resultsCells(s: ResultsSummary, passFail: boolean): string[] {
  const c = s.counts;
  return [
    String(s.n), String(c[5]), String(c[4]), String(c[3]), String(c[2]), String(c.notAttested),
    ...(passFail ? [String(c.pass), String(c.fail)] : []),
    String(c.exempt), percent(s.successRate), percent(s.qualityRate), mean(s.mean), percent(s.sou),
  ];
}

/** the lesson types held in any row, in the enum's order */
export function typesUsed(items: readonly Completion[]): LessonTypeName[] {
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

const FIRST_COLUMN = { byClass: "col.class", bySubject: "col.subject", byClassOfSubject: "col.class", byPair: "col.pair" } as const;

/** how a results table is counted: students (a class or the school), marks (one subject), or both (a class's subjects and its total) */
function resultsNote(r: StatsReport, id: StatsReport["results"][number]["id"]): "note.students" | "note.marks" | "note.classView" {
  if (id === "byClass") return "note.students";
  if (r.view === "class") return "note.classView";
  return "note.marks";
}

/** The tables of a report, in the words of `t` (Russian for the documents). */
export function reportTables(r: StatsReport, t: StatsTr = RU_STATS): DocTable[] {
  const tables: DocTable[] = [];
  for (const table of r.results) {
    const passFail = hasPassFail([...table.rows.map((x) => x.summary), ...(table.total ? [table.total] : [])]);
    tables.push({
      id: `results-${table.id}`,
      title: t(`caption.${table.id}`),
      note: passFail ? `${t(resultsNote(r, table.id))} ${t("note.passFail")}` : t(resultsNote(r, table.id)),
      headers: [t(FIRST_COLUMN[table.id]), ...resultsHead(t, passFail)],
      rows: table.rows.map((row) => [row.label, ...resultsCells(row.summary, passFail)]),
      keys: table.rows.map((row) => row.key),
      ...(table.total && table.rows.length > 0 ? { total: [r.view === "school" ? t("totalSchool") : t("total"), ...resultsCells(table.total, passFail)] } : {}),
      empty: t("emptyResults"),
    });
  }
  const c = r.completion;
  const types = typesUsed([...c.rows.map((x) => x.completion), c.total]);
  const completionNote = t("note.completion");
  tables.push({
    id: "completion",
    title: t({ byClass: "caption.completionByClass", bySubject: "caption.completionBySubject", byPair: "caption.completionByPair" }[c.id]),
    note: r.inProgress ? `${completionNote} ${t("note.completionInProgress", { today: r.today.split("-").reverse().join(".") })}` : completionNote,
    headers: [
      t({ byClass: "col.class", bySubject: "col.subject", byPair: "col.pair" }[c.id]),
      t("col.planned"), ...(r.inProgress ? [t("col.due")] : []), t("col.held"),
      ...types.map((ty) => t("col.heldType", { type: t(`lessonTypes.${ty}`) })),
      t("col.shortfall"), t("col.shortfallPct"),
    ],
    rows: c.rows.map((x) => [x.label, ...completionCells(x.completion, types, r.inProgress)]),
    keys: c.rows.map((x) => x.key),
    ...(c.rows.length > 0 ? { total: [t("total"), ...completionCells(c.total, types, r.inProgress)] } : {}),
    empty: t("emptyCompletion"),
  });
  const a = r.attendance;
  tables.push({
    id: "attendance",
    title: t(a.id === "byStudent" ? "caption.attendanceByStudent" : "caption.attendanceByClass"),
    note: t("note.attendance"),
    headers: [a.id === "byStudent" ? t("col.student") : t("col.class"), t("col.absent"), t("col.ill"), t("col.excused"), t("col.missed"), t("col.late")],
    rows: a.rows.map((x) => [x.label, ...attendanceCells(x.tally)]),
    keys: a.rows.map((x) => x.key),
    ...(a.rows.length > 0 ? { total: [t("total"), ...attendanceCells(a.total)] } : {}),
    empty: t("emptyAttendance"),
  });
  return tables;
}

/** «вся школа», «класс 5А», «предмет Математика», «учитель Числова М. С.» */
export function scopeLabel(r: StatsReport): string {
  if (r.view === "school" || !r.focus) return "вся школа";
  return `${{ class: "класс", subject: "предмет", teacher: "учитель" }[r.view]} ${r.focus.name}`;
}
