/**
 * The school's first consent text (version 1), with every item 152-ФЗ art. 9 p. 4 asks of
 * a written consent: the operator's name and address (the school's), the purpose, the
 * list of data, the actions, the way they are done, the term and how to withdraw. The
 * subject's (the guardian's) full name, address and identity document, and the child's
 * name, are the fields of the printed form (lib/reports/consent-form.tsx) or come from
 * the guardian's account when given electronically.
 *
 * Pure (no database, no "server-only"): the seed and first-run set-up use it too.
 */
import { createHash } from "node:crypto";

export type ConsentTextDraft = { title: string; purpose: string; body: string };

export const DEFAULT_CONSENT_TITLE = "Согласие на обработку персональных данных в электронном журнале и электронном дневнике";

export const DEFAULT_CONSENT_PURPOSE =
  "Ведение электронного журнала успеваемости и электронного дневника обучающегося; информирование родителей (законных представителей) о ходе и результатах обучения через личный кабинет, электронную почту, СМС и уведомления в браузере.";

/** The body: plain paragraphs separated by blank lines; a line ending with «:» heads a list of «— » lines. */
export function defaultConsentBody(school: { name: string; address: string }): string {
  return [
    `Оператор персональных данных: ${school.name}, адрес: ${school.address}.`,
    `Я, родитель (законный представитель) ребёнка, в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» даю согласие оператору на обработку моих персональных данных и персональных данных моего ребёнка.`,
    `Цель обработки: ${DEFAULT_CONSENT_PURPOSE}`,
    [
      "Какие данные обрабатываются:",
      "— фамилия, имя, отчество ребёнка, дата рождения, класс, номер личного дела;",
      "— отметки, итоговые отметки, результаты экзаменов, посещаемость, замечания и рекомендации учителей, домашние задания;",
      "— мои фамилия, имя, отчество, степень родства, адрес электронной почты, номер телефона, данные входа в личный кабинет.",
    ].join("\n"),
    [
      "Какие действия с данными разрешены:",
      "— сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование;",
      "— передача (предоставление, доступ) только мне как законному представителю и работникам школы в пределах их обязанностей;",
      "— обезличивание, блокирование, удаление, уничтожение.",
      "Обработка ведётся с использованием средств автоматизации (электронный журнал) и без них (бумажные выписки).",
    ].join("\n"),
    `Срок действия согласия: на всё время обучения ребёнка в школе. После его окончания данные хранятся в сроки, установленные законодательством об архивном деле, и затем уничтожаются.`,
    `Как отозвать согласие: в любой момент — кнопкой «Отозвать согласие» в личном кабинете или письменным заявлением в школу по адресу: ${school.address}. После отзыва школа перестаёт присылать сведения о ребёнке в электронном виде; выписки из журнала выдаются на бумаге.`,
    `Я ознакомлен(а) с тем, что согласие даётся свободно, своей волей и в интересах ребёнка, и что могу не давать его: тогда сведения об успеваемости я получаю в школе на бумаге.`,
  ].join("\n\n");
}

export function defaultConsentText(school: { name: string; address: string }): ConsentTextDraft {
  return { title: DEFAULT_CONSENT_TITLE, purpose: DEFAULT_CONSENT_PURPOSE, body: defaultConsentBody(school) };
}

/** Hex sha-256 of the body as stored (UTF-8): proves which text a guardian was shown. */
export function consentBodyHash(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

/** Paragraphs of a body for showing it: blank lines separate them; lines inside stay lines. */
export function consentParagraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((para) => para.split("\n").map((l) => l.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
}
