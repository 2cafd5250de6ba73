/**
 * Short Russian texts of a journal: homework, descriptive marks, teachers'
 * recommendations, reasons, addresses.
 */
import type { HomeworkStyle } from "./subjects";
import type { Rng } from "./rng";

/**
 * Homework for the k-th lesson of the subject in a cohort. Page and exercise numbers
 * grow through the year like a textbook's.
 */
export function homeworkText(style: HomeworkStyle, k: number, topic: string | undefined, rng: Rng): string | undefined {
  const page = 4 + Math.floor(k * 1.4) + rng.int(0, 1);
  const ex = 3 + Math.floor(k * 2.6) + rng.int(0, 2);
  switch (style) {
    case "ru":
      return rng.pick([
        `Упр. ${ex}, с. ${page}`,
        `Упр. ${ex} (письменно), правило на с. ${page} выучить`,
        `Выучить словарные слова на с. ${page}, упр. ${ex}`,
        `Упр. ${ex}, ${ex + 1}`,
      ]);
    case "math":
      return rng.pick([
        `№ ${ex}, ${ex + 2} (с. ${page})`,
        `№ ${ex} (а, б), № ${ex + 3}`,
        `С. ${page}, задача ${ex % 9 + 1}, примеры в столбик`,
        `Повторить таблицу умножения, № ${ex}`,
      ]);
    case "read":
      return rng.pick([
        `Прочитать с. ${page}–${page + 3}, ответить на вопросы`,
        `Выразительное чтение с. ${page}–${page + 2}`,
        `Выучить стихотворение наизусть (с. ${page})`,
        `Пересказ текста на с. ${page}–${page + 4}`,
      ]);
    case "sci":
      return rng.pick([
        `§ ${Math.floor(k / 2) + 1}, вопросы 1–3 на с. ${page}`,
        `§ ${Math.floor(k / 2) + 1}, пересказ`,
        topic ? `Прочитать параграф «${topic}», ответить на вопросы` : `§ ${Math.floor(k / 2) + 1}, ответить на вопросы`,
        `§ ${Math.floor(k / 2) + 1}, заполнить таблицу в тетради`,
      ]);
    case "lang":
      return rng.pick([
        `Учебник с. ${page}, упр. ${ex % 12 + 1} (письменно)`,
        `Выучить новые слова (с. ${page})`,
        `Рабочая тетрадь с. ${Math.floor(page / 2) + 2}, упр. ${ex % 6 + 1}`,
      ]);
    case "inf":
      return rng.pick([`Повторить записи в тетради`, `§ ${Math.floor(k / 2) + 1}, вопросы 1–4`]);
    case "none":
      return undefined;
  }
}

/** Descriptive marks (grade 1, ФАООП УО variant 2): what the child does, and how. */
export const DESCRIPTIVE_STRONG: readonly string[] = [
  "Выполняет самостоятельно",
  "Справился с заданием полностью",
  "Выполняет по словесной инструкции",
  "Работал активно, задание выполнено верно",
];
export const DESCRIPTIVE_MIDDLE: readonly string[] = [
  "Выполняет с частичной помощью",
  "Выполняет по образцу",
  "Выполняет после показа",
  "Задание выполнено с небольшой помощью учителя",
];
export const DESCRIPTIVE_WEAK: readonly string[] = [
  "Выполняет с помощью взрослого",
  "Выполняет совместно с педагогом",
  "Нуждается в постоянной помощи",
  "Действие сформировано частично",
];

export function descriptiveText(ability: number, rng: Rng): string {
  const r = ability + rng.normal(0, 0.5);
  if (r >= 4.2) return rng.pick(DESCRIPTIVE_STRONG);
  if (r >= 3.3) return rng.pick(DESCRIPTIVE_MIDDLE);
  return rng.pick(DESCRIPTIVE_WEAK);
}

export const RECOMMENDATIONS: readonly string[] = [
  "Рекомендуется ежедневно читать вслух 10–15 минут вместе со взрослым.",
  "Повторить таблицу умножения; заниматься по 10 минут в день.",
  "Выполнять артикуляционную гимнастику дома перед зеркалом каждый день.",
  "Следить за аккуратностью ведения тетради, проверять работу перед сдачей.",
  "Обратить внимание на пропуски уроков: пропущенные темы нужно разобрать с учителем.",
  "Ребёнок быстро устаёт: рекомендуется соблюдать режим дня и сна.",
  "Хорошие успехи на уроках. Рекомендуем участие в школьном конкурсе чтецов.",
  "Рекомендована консультация педагога-психолога по вопросам адаптации.",
  "Закреплять навыки самообслуживания дома: одевание, уход за одеждой.",
  "Писать под диктовку 3–4 предложения в день, проверять по образцу.",
];

export const CANCEL_REASONS: readonly string[] = [
  "Учитель на курсах повышения квалификации",
  "Класс на экскурсии в музее природы и человека",
  "Проведение общешкольного мероприятия",
];

export const FROST_DAY_REASON = "Актированный день: температура воздуха ниже −32 °C, занятия 1–4 классов отменены";

export const SUBSTITUTION_REASONS: readonly string[] = [
  "Болезнь учителя",
  "Учитель на городском методическом объединении",
];

/** Where the families of a Surgut boarding school live: the city and the district. */
const PLACES: readonly string[] = [
  "г. Сургут", "г. Сургут", "г. Сургут", "г. Сургут", "г. Сургут", "г. Сургут",
  "г. Лянтор", "пгт Белый Яр", "п. Солнечный", "пгт Фёдоровский", "с. Угут",
  "п. Барсово", "д. Русскинская", "г. Когалым", "г. Нефтеюганск",
];
const STREETS: readonly string[] = [
  "ул. Ленина", "пр. Мира", "ул. 30 лет Победы", "ул. Энергетиков", "ул. Университетская",
  "ул. Югорская", "ул. Профсоюзов", "ул. Островского", "ул. Губкина", "ул. Майская",
  "ул. Нефтяников", "ул. Геологическая", "ул. Энтузиастов", "ул. Быстринская",
  "ул. Комсомольская", "ул. Набережная", "ул. Таёжная", "ул. Сибирская",
];

export function familyAddress(rng: Rng): string {
  const place = rng.pick(PLACES);
  const house = rng.int(1, 64);
  const flat = rng.chance(0.8) ? `, кв. ${rng.int(1, 180)}` : "";
  return `ХМАО — Югра, ${place}, ${rng.pick(STREETS)}, д. ${house}${flat}`;
}
