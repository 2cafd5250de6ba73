/**
 * What the school's messages say (issue 6, item 5): for each kind of message a subject
 * and a body for e-mail, a text for one SMS and the diary page it opens. Pure: no
 * database, no clock. Russian, in plain words; the SMS always fits one UCS-2 message
 * (70 characters): a long subject name or a long surname is shortened with «…», never
 * the mark, the date or the code.
 */
import { markSymbol, type MarkLike } from "@/lib/grading/display";
import { shortName, type PersonName } from "@/lib/people/names";
import type { MessageText } from "@/lib/delivery/outbox";
import { formatDay } from "@/lib/time";
import { plural } from "@/lib/grading/forecast-text";

/** One UCS-2 SMS. */
export const SMS_LIMIT = 70;

const MONTHS_SHORT = ["янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."] as const;

/** «3 дек.» for "2026-12-03". */
export function shortDay(day: string): string {
  const [, m, d] = day.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS_SHORT[m - 1] ?? ""}`.trim();
}

/** «четверг, 3 декабря». */
function longDay(day: string): string {
  return formatDay(day, "ru-RU", true);
}

/** The text cut to `max` characters with «…» at the end when it was longer. */
export function cut(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  if (max <= 1) return "…";
  return `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * An SMS from a fixed part, the child's name and one part that may be shortened (a
 * subject's name). `build` puts them together. First the flexible part is shortened (to
 * no fewer than six letters: «русск…» still says which subject), then the name loses its
 * patronymic initial, then the surname is shortened; whatever is still over is cut.
 */
export function fitSms(build: (name: string, flexible: string) => string, who: PersonName, flexible: string): string {
  const full = shortName(who);
  const first = build(full, flexible);
  if (first.length <= SMS_LIMIT) return first;
  const over = first.length - SMS_LIMIT;
  const flexKeep = Math.max(flexible.length - over, Math.min(6, flexible.length));
  const flex = flexKeep < flexible.length ? cut(flexible, flexKeep) : flexible;
  const initial = who.firstName ? ` ${who.firstName.charAt(0)}.` : "";
  const names = [full, `${who.lastName}${initial}`];
  for (const name of names) {
    const text = build(name, flex);
    if (text.length <= SMS_LIMIT) return text;
  }
  const shortest = build(`${who.lastName}${initial}`, flex);
  const surnameKeep = Math.max(who.lastName.length - (shortest.length - SMS_LIMIT), 4);
  const last = build(`${cut(who.lastName, surnameKeep)}${initial}`, flex);
  return last.length <= SMS_LIMIT ? last : cut(last, SMS_LIMIT);
}

/** A subject's name as it stands inside a sentence: «математика», but «ОБЖ» stays. */
export function subjectInText(name: string): string {
  const first = name.slice(0, 2);
  return first === first.toUpperCase() ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

const diaryWeek = (studentId: string, day: string) => `/diary?child=${encodeURIComponent(studentId)}&week=${day}`;
const diarySubject = (studentId: string, subjectId: string) => `/diary/marks/${encodeURIComponent(subjectId)}?child=${encodeURIComponent(studentId)}`;

const SIGNATURE = "\n\nЭто сообщение из электронного дневника школы. Настроить, какие сообщения и как часто приходят, можно в дневнике: «Уведомления».";

function quoted(symbol: string): string {
  return `«${symbol}»`;
}

export type Child = PersonName & { id: string };

// ───────────────────────────── marks

export type MarkMessage = {
  student: Child;
  subject: { id: string; name: string };
  /** the lesson's day */
  day: string;
  /** the cell's marks, in order: «4/5» is two */
  marks: MarkLike[];
  /** a mark changed (not a new one) */
  changed: boolean;
};

/** «5», «4/5», «зач»; a descriptive mark is «отзыв учителя» in the SMS and whole in the e-mail. */
function cellSymbol(marks: MarkLike[], short: boolean): string {
  if (marks.some((m) => m.kind === "DESCRIPTIVE")) return short ? "отзыв учителя" : marks.map((m) => markSymbol(m)).join("; ");
  return quoted(marks.map((m) => markSymbol(m)).join("/"));
}

export function markText(m: MarkMessage): MessageText {
  const who = shortName(m.student);
  const subj = subjectInText(m.subject.name);
  const symbol = cellSymbol(m.marks, false);
  const verb = m.changed ? "Исправлена отметка" : "Новая отметка";
  const sms = fitSms((n, s) => `${n}, ${s}: ${m.changed ? "исправлено на " : ""}${cellSymbol(m.marks, true)}, ${shortDay(m.day)}`, m.student, subj);
  return {
    subject: `${verb}: ${who}, ${m.subject.name} — ${cut(symbol, 40)}`,
    body:
      `${verb} по предмету «${m.subject.name}».\n` +
      `Ученик: ${who}.\nУрок: ${longDay(m.day)}.\nОтметка: ${symbol}.` +
      (m.changed ? "\nПрежняя отметка заменена; в дневнике видна новая." : "") +
      SIGNATURE,
    sms: smsFallback(sms, `${who}: ${cellSymbol(m.marks, true)}, ${shortDay(m.day)}`),
    url: diarySubject(m.student.id, m.subject.id),
  };
}

/** The fitted SMS; if the parts could not be shortened into it (a very long mark text), a plainer one. */
function smsFallback(sms: string, plain: string): string {
  return sms.length <= SMS_LIMIT ? sms : cut(plain, SMS_LIMIT);
}

// ───────────────────────────── final marks and exams

export type FinalMessage = {
  student: Child;
  subject: { id: string; name: string };
  /** PERIOD: «за 2 четверть»; YEAR: «за год»; FINAL: «итоговая»; EXAM: the exam mark */
  kind: "PERIOD" | "YEAR" | "FINAL" | "EXAM";
  periodName: string;
  mark: MarkLike;
  changed: boolean;
};

function finalWhat(kind: FinalMessage["kind"], periodName: string): { title: string; sms: string } {
  switch (kind) {
    case "YEAR":
      return { title: "Годовая отметка", sms: "за год" };
    case "FINAL":
      return { title: "Итоговая отметка", sms: "итог" };
    case "EXAM":
      return { title: "Отметка за экзамен", sms: "экзамен" };
    default:
      return { title: `Отметка за период «${periodName}»`, sms: `за ${periodName.toLowerCase()}` };
  }
}

export function finalMarkText(m: FinalMessage): MessageText {
  const who = shortName(m.student);
  const subj = subjectInText(m.subject.name);
  const symbol = quoted(markSymbol(m.mark));
  const what = finalWhat(m.kind, m.periodName);
  const sms = fitSms((n, s) => `${n}, ${s}: ${symbol} ${what.sms}`, m.student, subj);
  return {
    subject: `${what.title}${m.changed ? " изменена" : ""}: ${who}, ${m.subject.name} — ${symbol}`,
    body:
      `${what.title} по предмету «${m.subject.name}»${m.changed ? " изменена" : ""}.\n` +
      `Ученик: ${who}.\nОтметка: ${symbol}.` +
      (m.kind === "EXAM" ? "\nРезультат экзамена внесён в электронный дневник." : "") +
      SIGNATURE,
    sms: smsFallback(sms, `${who}: ${symbol} ${what.sms}`),
    url: diarySubject(m.student.id, m.subject.id),
  };
}

// ───────────────────────────── state exam results (R6)

export type ExamResultMessage = {
  student: Child;
  subject: { id: string; name: string };
  /** «ОГЭ», «ГВЭ», «ПО» */
  exam: string;
  /** the exam's day */
  day: string;
  primaryScore: number;
  maxScore: number;
  /** 2–5 by the year's scale */
  mark: number;
  /** a corrected result (after an appeal), not a new one */
  changed: boolean;
};

/** A result of ОГЭ, ГВЭ or the vocational exam, imported from the regional exam centre's file. */
export function examResultText(m: ExamResultMessage): MessageText {
  const who = shortName(m.student);
  const subj = subjectInText(m.subject.name);
  const symbol = quoted(String(m.mark));
  const score = `${m.primaryScore} из ${m.maxScore}`;
  const title = `Результат ${m.exam}${m.changed ? " изменён" : ""}`;
  const sms = fitSms((n, s) => `${n}, ${m.exam}, ${s}: ${symbol}, ${score} б.`, m.student, subj);
  return {
    subject: `${title}: ${who}, ${m.subject.name} — ${symbol}`,
    body:
      `${title} по предмету «${m.subject.name}».\n` +
      `Ученик: ${who}.\nЭкзамен: ${m.exam}, ${longDay(m.day)}.\n` +
      `Первичный балл: ${score}.\nОтметка: ${symbol}.` +
      (m.changed ? "\nПрежний результат заменён; в дневнике виден новый." : "") +
      "\nРезультат опубликован в электронном дневнике, раздел «Итоги»." +
      SIGNATURE,
    sms: smsFallback(sms, `${who}: ${m.exam} ${symbol}, ${score} б.`),
    url: `/diary/results?child=${encodeURIComponent(m.student.id)}`,
  };
}

// ───────────────────────────── homework

export type HomeworkMessage = {
  student: Child;
  subject: { id: string; name: string };
  /** the day it is due */
  dueDay: string;
  text: string;
  /** given to this student alone */
  individual: boolean;
};

export function homeworkText(m: HomeworkMessage): MessageText {
  const who = shortName(m.student);
  const subj = subjectInText(m.subject.name);
  const sms = fitSms((n, s) => `${n}, ${s}: задание на ${shortDay(m.dueDay)}`, m.student, subj);
  return {
    subject: `Домашнее задание: ${who}, ${m.subject.name}, на ${shortDay(m.dueDay)}`,
    body:
      `${m.individual ? "Личное домашнее задание" : "Домашнее задание"} по предмету «${m.subject.name}».\n` +
      `Ученик: ${who}.\nСделать к: ${longDay(m.dueDay)}.\n\n${m.text}` +
      SIGNATURE,
    sms: smsFallback(sms, `${who}: задание на ${shortDay(m.dueDay)}`),
    url: diaryWeek(m.student.id, m.dueDay),
  };
}

// ───────────────────────────── recommendations

export type RecommendationMessage = {
  student: Child;
  subjectName: string | null;
  author: PersonName;
  day: string;
  text: string;
};

export function recommendationText(m: RecommendationMessage): MessageText {
  const who = shortName(m.student);
  const teacher = shortName(m.author);
  const sms = fitSms((n) => `${n}: новая рекомендация учителя`, m.student, "");
  return {
    subject: `Рекомендация учителя: ${who}${m.subjectName ? `, ${m.subjectName}` : ""}`,
    body:
      `Учитель ${teacher} написал(а) рекомендацию${m.subjectName ? ` по предмету «${m.subjectName}»` : ""}.\n` +
      `Ученик: ${who}.\nДень: ${longDay(m.day)}.\n\n${m.text}` +
      SIGNATURE,
    sms: smsFallback(sms, `${who}: рекомендация учителя`),
    url: `/diary/recommendations?child=${encodeURIComponent(m.student.id)}`,
  };
}

// ───────────────────────────── substitutions, cancelled and moved lessons

export type LessonChangeMessage = {
  student: Child;
  subjectName: string;
  day: string;
  lessonNumber: number;
} & (
  | { change: "SUBSTITUTION"; teacher: PersonName; room: string | null; newSubjectName: string | null }
  | { change: "CANCELLED"; reason: string }
  | { change: "MOVED"; to: { day: string; lessonNumber: number }; reason: string }
);

export function lessonChangeText(m: LessonChangeMessage): MessageText {
  const who = shortName(m.student);
  const subj = subjectInText(m.subjectName);
  const when = `${shortDay(m.day)}, ${m.lessonNumber} урок`;
  const whenLong = `${longDay(m.day)}, ${m.lessonNumber}-й урок`;
  let title: string;
  let details: string;
  let sms: string;
  switch (m.change) {
    case "SUBSTITUTION": {
      const teacher = shortName(m.teacher);
      title = "Замена урока";
      details =
        `Урок «${m.subjectName}» (${whenLong}) проведёт ${teacher}.` +
        (m.newSubjectName ? `\nВместо него будет предмет «${m.newSubjectName}».` : "") +
        (m.room ? `\nКабинет: ${m.room}.` : "");
      sms = fitSms((n, s) => `${n}, ${s}: замена, ${when}`, m.student, subj);
      break;
    }
    case "CANCELLED":
      title = "Урок отменён";
      details = `Урок «${m.subjectName}» (${whenLong}) отменён.${m.reason ? `\nПричина: ${m.reason}.` : ""}`;
      sms = fitSms((n, s) => `${n}, ${s}: урок отменён, ${when}`, m.student, subj);
      break;
    case "MOVED":
      title = "Урок перенесён";
      details =
        `Урок «${m.subjectName}» (${whenLong}) перенесён на ${longDay(m.to.day)}, ${m.to.lessonNumber}-й урок.` +
        (m.reason ? `\nПричина: ${m.reason}.` : "");
      sms = fitSms((n, s) => `${n}, ${s}: урок ${shortDay(m.day)} перенесён на ${shortDay(m.to.day)}`, m.student, subj);
      break;
  }
  return {
    subject: `${title}: ${who}, ${m.subjectName}, ${shortDay(m.day)}`,
    body: `${title}.\nУченик: ${who}.\n${details}${SIGNATURE}`,
    sms: smsFallback(sms, `${who}: ${title.toLowerCase()}, ${when}`),
    url: diaryWeek(m.student.id, m.day),
  };
}

// ───────────────────────────── the regular forecast (R4)

export type ForecastMessage = {
  student: Child;
  periodName: string;
  /** the mark each subject would get if the period ended today */
  subjects: { name: string; mark: MarkLike }[];
  /** subjects at risk: a «2», or «н/а» for too few marks or too many absences */
  atRisk: { name: string; why: string }[];
  /** the day the forecast was made */
  day: string;
};

export function forecastText(m: ForecastMessage): MessageText {
  const who = shortName(m.student);
  const lines = m.subjects.map((s) => `• ${s.name}: ${quoted(markSymbol(s.mark))}`);
  const risks = m.atRisk.map((r) => `• ${r.name}: ${r.why}`);
  const risky = m.atRisk.length;
  const smsRisk = risky === 0 ? "без угрозы «2» и «н/а»" : `под угрозой ${risky} ${plural(risky, "предмет", "предмета", "предметов")}`;
  const sms = fitSms((n) => `${n}: прогноз на ${m.periodName.toLowerCase()}, ${smsRisk}`, m.student, "");
  return {
    subject: `Прогноз на ${m.periodName.toLowerCase()}: ${who}${risky ? ` — под угрозой ${risky}` : ""}`,
    body:
      `Прогноз отметок за период «${m.periodName}» на ${longDay(m.day)}: так выйдет, если период закончится сегодня.\n` +
      `Ученик: ${who}.\n\n` +
      (lines.length ? `${lines.join("\n")}\n\n` : "Отметок пока нет.\n\n") +
      (risks.length ? `Требуют внимания:\n${risks.join("\n")}` : "Предметов под угрозой нет.") +
      `\n\nЭто прогноз, а не итоговая отметка: итоговую ставит учитель.` +
      SIGNATURE,
    sms: smsFallback(sms, `${who}: прогноз отметок в дневнике`),
    url: `/diary/marks?child=${encodeURIComponent(m.student.id)}`,
  };
}

// ───────────────────────────── the contact-confirmation code

export function contactCodeText(code: string): MessageText {
  const line = `Код подтверждения для «Журнала»: ${code}`;
  return {
    subject: "Код подтверждения для «Журнала»",
    body:
      `${line}\n\nВведите его в электронном дневнике на странице «Контакты». Код действует 15 минут.\n` +
      "Если вы не добавляли этот адрес в дневник школы, просто не отвечайте на это письмо.",
    sms: line,
  };
}
