/**
 * The exam centre's file (docs/exam-results-format.md): its columns, and each row read
 * into what it says, with every mistake a person can see without the database (an empty
 * cell, a date that is not a date, an unknown exam, a score that is not a number, the
 * same result twice). Reading the bytes (UTF-8 with or without a BOM, or Windows-1251;
 * «;» or «,») is lib/imports/table.ts; the words and dates are lib/imports/values.ts and
 * lib/time.ts. Pure apart from the sheet reader: unit-tested directly.
 */
import type { ExamKind } from "@/generated/prisma/enums";
import { headerKey } from "@/lib/imports/columns";
import type { RowError } from "@/lib/imports/row-check";
import type { Sheet } from "@/lib/imports/table";
import { isNamePart, nameKey, parseInteger, tidy } from "@/lib/imports/values";
import { localTime, localToInstant } from "@/lib/delivery/schedule";
import { parseDay } from "@/lib/time";
import { EXAM_KIND_SHORT, parseExamKind, SCORE_LIMIT } from "@/lib/exams/scale";

export type ExamColumnKey = "kind" | "examDate" | "lastName" | "firstName" | "middleName" | "birthDate" | "subject" | "score";

export const EXAM_COLUMNS: readonly { key: ExamColumnKey; header: string; aliases: readonly string[]; required: boolean; example: string }[] = [
  { key: "kind", header: "Экзамен", aliases: ["Форма", "Форма экзамена", "Вид экзамена", "Форма ГИА"], required: true, example: "ОГЭ" },
  { key: "examDate", header: "Дата экзамена", aliases: ["Дата"], required: true, example: "20.05.2026" },
  { key: "lastName", header: "Фамилия", aliases: [], required: true, example: "Иванов" },
  { key: "firstName", header: "Имя", aliases: [], required: true, example: "Пётр" },
  { key: "middleName", header: "Отчество", aliases: [], required: false, example: "Сергеевич" },
  { key: "birthDate", header: "Дата рождения", aliases: ["Дата рожд"], required: true, example: "12.03.2010" },
  { key: "subject", header: "Предмет", aliases: ["Учебный предмет"], required: true, example: "Математика" },
  { key: "score", header: "Первичный балл", aliases: ["Балл", "Первичные баллы", "Сумма баллов", "Сумма первичных баллов"], required: true, example: "18" },
];

const HEADER: Record<ExamColumnKey, string> = Object.fromEntries(EXAM_COLUMNS.map((c) => [c.key, c.header])) as Record<ExamColumnKey, string>;

/** One row as the file says it, checked on its own. */
export type ExamRowInput = {
  line: number;
  kind: ExamKind;
  examDate: string;
  lastName: string;
  firstName: string;
  /** empty: the file gave none */
  middleName: string;
  birthDate: string;
  subject: string;
  score: number;
};

export type ExamFileRead = { rows: ExamRowInput[]; errors: RowError[] };

/** Which column holds which field; a missing required column or a repeated one is a problem on line 1. */
export function matchExamHeaders(headers: readonly string[]): { index: Map<ExamColumnKey, number>; errors: RowError[] } {
  const byHeader = new Map<string, ExamColumnKey>();
  for (const c of EXAM_COLUMNS) for (const h of [c.header, ...c.aliases]) byHeader.set(headerKey(h), c.key);
  const index = new Map<ExamColumnKey, number>();
  const errors: RowError[] = [];
  headers.forEach((h, i) => {
    const key = byHeader.get(headerKey(h));
    if (!key) return;
    if (index.has(key)) errors.push({ line: 1, column: h, value: "", message: `Столбец «${HEADER[key]}» встречается в файле дважды.` });
    else index.set(key, i);
  });
  for (const c of EXAM_COLUMNS) {
    if (c.required && !index.has(c.key)) {
      errors.push({ line: 1, column: c.header, value: "", message: `В файле нет столбца «${c.header}». Названия столбцов описаны в памятке о формате файла.` });
    }
  }
  return { index, errors };
}

/** The key a result is unique by in one school: student (as named), subject, exam and day. */
function resultKey(r: ExamRowInput): string {
  return [r.kind, r.examDate, nameKey(r.lastName), nameKey(r.firstName), nameKey(r.middleName), r.birthDate, nameKey(r.subject)].join("|");
}

/** Every row of the sheet read and checked on its own; `today` ("YYYY-MM-DD") refuses results of exams not yet held. */
export function readExamSheet(sheet: Sheet, today: string): ExamFileRead {
  const { index, errors } = matchExamHeaders(sheet.headers);
  if (errors.length > 0) return { rows: [], errors };
  const rows: ExamRowInput[] = [];
  const seen = new Map<string, number>();
  for (const r of sheet.rows) {
    const raw = (key: ExamColumnKey): string => {
      const i = index.get(key);
      return i === undefined ? "" : tidy(r.cells[i] ?? "");
    };
    const problems: RowError[] = [];
    const fail = (key: ExamColumnKey, message: string): null => {
      problems.push({ line: r.line, column: HEADER[key], value: raw(key), message });
      return null;
    };
    const filled = (key: ExamColumnKey): string | null => (raw(key) === "" ? fail(key, `Не заполнен столбец «${HEADER[key]}».`) : raw(key));

    const kindText = filled("kind");
    const kind = kindText === null ? null : (parseExamKind(kindText) ?? fail("kind", "Экзамен не распознан. Пишите ОГЭ, ГВЭ или ПО (квалификационный экзамен по профессиональному обучению)."));
    const dateText = filled("examDate");
    let examDate = dateText === null ? null : (parseDay(dateText) ?? fail("examDate", "Дата экзамена не распознана. Пишите так: 20.05.2026."));
    if (examDate !== null && examDate > today) examDate = fail("examDate", "Этот день ещё не наступил: результатов экзамена не может быть.");
    const lastName = filled("lastName");
    const firstName = filled("firstName");
    const middleName = raw("middleName");
    for (const [key, v] of [["lastName", lastName], ["firstName", firstName], ["middleName", middleName]] as const) {
      if (v && !isNamePart(v)) fail(key, "Здесь могут быть только буквы, пробел, дефис и апостроф.");
    }
    const birthText = filled("birthDate");
    const birthDate = birthText === null ? null : (parseDay(birthText) ?? fail("birthDate", "Дата рождения не распознана. Пишите так: 12.03.2010."));
    const subject = filled("subject");
    const scoreText = filled("score");
    const score = scoreText === null ? null : (parseInteger(scoreText, 0, SCORE_LIMIT) ?? fail("score", "Первичный балл — целое число от 0, например 18."));

    if (problems.length > 0 || !kind || !examDate || !lastName || !firstName || !birthDate || !subject || score === null) {
      errors.push(...problems);
      continue;
    }
    const row: ExamRowInput = { line: r.line, kind, examDate, lastName, firstName, middleName, birthDate, subject, score };
    const key = resultKey(row);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line: r.line, column: HEADER.subject, value: subject, message: `Этот результат (${EXAM_KIND_SHORT[kind]}, тот же ученик, предмет и день) уже есть в строке ${first} этого файла.` });
      continue;
    }
    seen.set(key, r.line);
    rows.push(row);
  }
  return { rows, errors };
}

/** The file's header line, for the format's description and tests. */
export function examHeaderLine(delimiter = ";"): string {
  return EXAM_COLUMNS.map((c) => c.header).join(delimiter);
}

/**
 * When the school received the file, as a person or a browser writes it, in the school's
 * time zone: «2026-06-05T14:30» (a browser's date-and-time field), «05.06.2026 14:30» or
 * «05.06.2026, 14:30»; the instant, or null for anything else.
 */
export function parseReceivedAt(input: string, timeZone: string): Date | null {
  const m = /^(\S+?)(?:T|,?\s+)(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(input.trim());
  if (!m) return null;
  const day = parseDay(m[1] ?? "");
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (!day || hour > 23 || minute > 59) return null;
  return localToInstant(day, hour * 60 + minute, timeZone);
}

/** An instant as the browser's date-and-time field shows it in the school's zone: «2026-06-05T14:30». */
export function receivedAtValue(at: Date, timeZone: string): string {
  const t = localTime(at, timeZone);
  const hh = String(Math.floor(t.minute / 60)).padStart(2, "0");
  const mm = String(t.minute % 60).padStart(2, "0");
  return `${t.day}T${hh}:${mm}`;
}
