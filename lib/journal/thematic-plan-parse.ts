/**
 * Reads a thematic plan (тематическое планирование) pasted by a teacher: one topic per
 * line, as it comes from a Word document or a spreadsheet. Pure, so the page can show
 * how it was read before anything is saved, and the server reads it the same way.
 *
 *   1. Натуральные числа (3 ч)          numbering and hours are taken off the topic
 *   4–5. Сложение и вычитание           «lessons 4 to 5»: two hours
 *   6<TAB>Контрольная работа № 1<TAB>1  a row of a table: number, topic, hours
 *   Раздел 2. Дроби (20 ч)              a section heading: not a topic, left out
 *
 * A topic that begins with «Контрольная работа», «Проверочная работа» and so on gets
 * that lesson type; any other is an ordinary lesson.
 */
import type { LESSON_TYPES } from "@/lib/journal/lesson-schemas";

export type PlanLessonType = (typeof LESSON_TYPES)[number];

export type PlanTopic = { topic: string; hours: number; lessonType: PlanLessonType; line: number };
export type PlanProblem = { line: number; message: string };
export type ParsedPlan = {
  topics: PlanTopic[];
  /** lines that are not topics and were left out (headings, totals) */
  skipped: PlanProblem[];
  /** lines that stop the plan from being saved */
  errors: PlanProblem[];
  totalHours: number;
};

export const MAX_PLAN_TOPICS = 400;
export const MAX_TOPIC_HOURS = 30;
export const MAX_PLAN_TEXT = 60_000;
export const MAX_TOPIC_LENGTH = 500;

/** Lesson types recognised from the start of a topic, first match wins. */
const TYPE_WORDS: readonly (readonly [RegExp, PlanLessonType])[] = [
  [/^(?:(?:входная|итоговая|годовая|промежуточная|административная)\s+)?контрольная\s+работа/i, "TEST"],
  [/^(?:(?:входная|итоговая)\s+)?проверочная\s+работа/i, "QUIZ"],
  [/^самостоятельная\s+работа/i, "INDEPENDENT"],
  [/^лабораторная\s+работа/i, "LAB"],
  [/^практическая\s+работа/i, "PRACTICAL"],
  [/^(?:итоговый\s+)?зач[её]т/i, "CREDIT"],
  [/^экскурсия/i, "EXCURSION"],
];

export function lessonTypeOf(topic: string): PlanLessonType {
  for (const [re, type] of TYPE_WORDS) if (re.test(topic)) return type;
  return "LESSON";
}

const HOURS_WORD = String.raw`(?:ч|час|часа|часов)\.?`;
/** «(2 ч)», «(2 часа)», «– 2 ч.», «2ч» at the end of a line */
const HOURS_AT_END = new RegExp(String.raw`\s*(?:\(\s*(\d{1,3})\s*${HOURS_WORD}\s*\)|[-–—,;:]?\s*(\d{1,3})\s*${HOURS_WORD})\s*$`, "iu");
/** «1.», «1)», «№ 1.», «4–5.», «4-5)» at the start of a line */
const NUMBER_AT_START = /^(?:№\s*)?(\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?\s*[.)]\s*/u;
/** a spreadsheet cell holding only a lesson number or a range */
const NUMBER_CELL = /^(?:№\s*)?(\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?[.)]?$/u;
const HOURS_CELL = new RegExp(String.raw`^(\d{1,3})(?:\s*${HOURS_WORD})?$`, "iu");
const DATE_CELL = /^\d{1,2}\.\d{1,2}(?:\.\d{2,4})?$/u;
const HEADING = /^(?:раздел|глава|модуль|блок)(?:\s|\d|$)/iu;
const TOTAL = /^(?:итого|всего)(?![а-яё])/iu;
/** a cell of a table's header row: «№ п/п», «Тема урока», «Кол-во часов», «Дата» */
const HEADER_CELL = /^(?:№(?:\s*п\/п)?|тема(?:\s+урока)?|наименование.*|кол-?во\s+час.*|количество\s+час.*|часы|дата.*)$/iu;

const rangeHours = (from: string | undefined, to: string | undefined): number | null => {
  if (from === undefined || to === undefined) return null;
  const a = Number(from);
  const b = Number(to);
  return b >= a ? b - a + 1 : null;
};

/** One line: its topic and hours (null: not written), or why it is not a topic. */
function readLine(raw: string): { topic: string; hours: number | null } | { skip: string } {
  let topic: string;
  let hours: number | null = null;
  const cells = raw.split("\t").map((c) => c.trim()).filter((c) => c !== "");
  if (cells.length > 1) {
    if (cells.some((c) => HEADER_CELL.test(c)) && !cells.some((c) => /\d/.test(c))) return { skip: "заголовок таблицы" };
    // a row pasted from a table: number, topic, hours, date columns
    while (cells.length > 1 && DATE_CELL.test(cells[cells.length - 1] ?? "")) cells.pop();
    const first = NUMBER_CELL.exec(cells[0] ?? "");
    if (first) {
      cells.shift();
      hours = rangeHours(first[1], first[2]);
    }
    const last = cells.length > 1 ? HOURS_CELL.exec(cells[cells.length - 1] ?? "") : null;
    if (last) {
      cells.pop();
      hours = Number(last[1]);
    }
    topic = cells.join(" ");
  } else {
    topic = cells[0] ?? "";
  }
  topic = topic.replace(/\s+/g, " ").trim();
  if (/^№(?:\s*п\/п)?(?:\s|$)/u.test(topic) && !/\d/.test(topic)) return { skip: "заголовок таблицы" };
  if (TOTAL.test(topic)) return { skip: "итоговая строка" };
  const numbered = NUMBER_AT_START.exec(topic);
  if (numbered) {
    topic = topic.slice(numbered[0].length);
    hours = rangeHours(numbered[1], numbered[2]) ?? hours;
  }
  if (HEADING.test(topic)) return { skip: "заголовок раздела" };
  const h = HOURS_AT_END.exec(topic);
  if (h) {
    topic = topic.slice(0, h.index);
    hours = Number(h[1] ?? h[2]);
  }
  topic = topic.replace(/[\s.,;:–—-]+$/u, "").trim();
  return { topic, hours };
}

export function parseThematicPlan(text: string): ParsedPlan {
  const topics: PlanTopic[] = [];
  const skipped: PlanProblem[] = [];
  const errors: PlanProblem[] = [];
  if (text.length > MAX_PLAN_TEXT) {
    return { topics, skipped, errors: [{ line: 0, message: `План слишком длинный: не больше ${MAX_PLAN_TEXT} знаков.` }], totalHours: 0 };
  }
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    const read = readLine(raw);
    if ("skip" in read) {
      skipped.push({ line, message: `Строка ${line} пропущена: ${read.skip}.` });
      return;
    }
    if (!read.topic) {
      errors.push({ line, message: `Строка ${line}: нет названия темы.` });
      return;
    }
    if (read.topic.length > MAX_TOPIC_LENGTH) {
      errors.push({ line, message: `Строка ${line}: тема длиннее ${MAX_TOPIC_LENGTH} знаков.` });
      return;
    }
    const hours = read.hours ?? 1;
    if (hours < 1) {
      errors.push({ line, message: `Строка ${line}: у темы должен быть хотя бы 1 час.` });
      return;
    }
    if (hours > MAX_TOPIC_HOURS) {
      errors.push({
        line,
        message: `Строка ${line}: ${hours} ч — слишком много для одной темы (не больше ${MAX_TOPIC_HOURS}). Если это название раздела, начните строку со слова «Раздел».`,
      });
      return;
    }
    topics.push({ topic: read.topic, hours, lessonType: lessonTypeOf(read.topic), line });
  });
  if (topics.length > MAX_PLAN_TOPICS) {
    errors.push({ line: 0, message: `В плане ${topics.length} тем: не больше ${MAX_PLAN_TOPICS}.` });
  }
  return { topics, skipped, errors, totalHours: topics.reduce((s, t) => s + t.hours, 0) };
}

/** The plan written back as text, in the form the parser reads: «1. Тема (2 ч)». */
export function planToText(topics: readonly { topic: string; hours: number }[]): string {
  return topics.map((t, i) => `${i + 1}. ${t.topic}${t.hours === 1 ? "" : ` (${t.hours} ч)`}`).join("\n");
}

/**
 * How the plan lies over the year's lessons: the i-th hour of the plan goes to the
 * i-th lesson. The topic (index into `topics`) of each of the first `lessons` lessons,
 * and how many topics did not get all their hours.
 */
export function spreadPlan(topics: readonly { hours: number }[], lessons: number): { topicOfLesson: number[]; notFitted: number } {
  const topicOfLesson: number[] = [];
  let notFitted = 0;
  let end = 0;
  topics.forEach((t, i) => {
    for (let h = 0; h < t.hours && topicOfLesson.length < lessons; h++) topicOfLesson.push(i);
    end += t.hours;
    if (end > lessons) notFitted++;
  });
  return { topicOfLesson, notFitted };
}
