/**
 * Russian personal names for generated people: the forms a school register needs
 * (фамилия, имя, отчество) in the right gender.
 *
 * Patronymics are listed with each male name rather than derived by a rule, because the
 * rule has too many exceptions (Илья → Ильич / Ильинична, Никита → Никитич / Никитична,
 * Юрий → Юрьевич). Surnames are kept in the male form and turned into the female form by
 * the regular rules; surnames that do not change (Шевченко, Черных) are listed apart.
 * The lists reflect Khanty-Mansi Okrug: Russian, Ukrainian, Tatar, Bashkir and a few
 * Khanty and Mansi family names.
 */
import type { Rng } from "./rng";

export type Gender = "MALE" | "FEMALE";

export type FullName = { lastName: string; firstName: string; middleName: string };

/** [name, patronymic of his son, patronymic of his daughter] */
type MaleName = readonly [string, string, string];

export const MALE_NAMES: readonly MaleName[] = [
  ["Александр", "Александрович", "Александровна"],
  ["Алексей", "Алексеевич", "Алексеевна"],
  ["Андрей", "Андреевич", "Андреевна"],
  ["Антон", "Антонович", "Антоновна"],
  ["Артём", "Артёмович", "Артёмовна"],
  ["Борис", "Борисович", "Борисовна"],
  ["Вадим", "Вадимович", "Вадимовна"],
  ["Василий", "Васильевич", "Васильевна"],
  ["Виктор", "Викторович", "Викторовна"],
  ["Виталий", "Витальевич", "Витальевна"],
  ["Владимир", "Владимирович", "Владимировна"],
  ["Вячеслав", "Вячеславович", "Вячеславовна"],
  ["Геннадий", "Геннадьевич", "Геннадьевна"],
  ["Георгий", "Георгиевич", "Георгиевна"],
  ["Григорий", "Григорьевич", "Григорьевна"],
  ["Денис", "Денисович", "Денисовна"],
  ["Дмитрий", "Дмитриевич", "Дмитриевна"],
  ["Евгений", "Евгеньевич", "Евгеньевна"],
  ["Егор", "Егорович", "Егоровна"],
  ["Иван", "Иванович", "Ивановна"],
  ["Игорь", "Игоревич", "Игоревна"],
  ["Илья", "Ильич", "Ильинична"],
  ["Кирилл", "Кириллович", "Кирилловна"],
  ["Константин", "Константинович", "Константиновна"],
  ["Максим", "Максимович", "Максимовна"],
  ["Матвей", "Матвеевич", "Матвеевна"],
  ["Михаил", "Михайлович", "Михайловна"],
  ["Никита", "Никитич", "Никитична"],
  ["Николай", "Николаевич", "Николаевна"],
  ["Олег", "Олегович", "Олеговна"],
  ["Павел", "Павлович", "Павловна"],
  ["Пётр", "Петрович", "Петровна"],
  ["Роман", "Романович", "Романовна"],
  ["Руслан", "Русланович", "Руслановна"],
  ["Сергей", "Сергеевич", "Сергеевна"],
  ["Станислав", "Станиславович", "Станиславовна"],
  ["Степан", "Степанович", "Степановна"],
  ["Тимофей", "Тимофеевич", "Тимофеевна"],
  ["Фёдор", "Фёдорович", "Фёдоровна"],
  ["Юрий", "Юрьевич", "Юрьевна"],
  ["Ярослав", "Ярославович", "Ярославовна"],
  ["Лев", "Львович", "Львовна"],
  ["Тимур", "Тимурович", "Тимуровна"],
  ["Ринат", "Ринатович", "Ринатовна"],
  ["Ильдар", "Ильдарович", "Ильдаровна"],
  ["Айдар", "Айдарович", "Айдаровна"],
  ["Рустам", "Рустамович", "Рустамовна"],
  ["Марат", "Маратович", "Маратовна"],
];

/** Names given to boys born after 2010 lean on a shorter list. */
export const BOY_NAMES: readonly string[] = [
  "Александр", "Артём", "Михаил", "Максим", "Иван", "Матвей", "Кирилл", "Дмитрий",
  "Тимофей", "Егор", "Никита", "Илья", "Роман", "Лев", "Марк", "Даниил", "Арсений",
  "Глеб", "Степан", "Фёдор", "Ярослав", "Тимур", "Платон", "Савелий", "Амир", "Алексей",
];

export const WOMAN_NAMES: readonly string[] = [
  "Анна", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Юлия",
  "Екатерина", "Марина", "Оксана", "Галина", "Людмила", "Надежда", "Валентина",
  "Лариса", "Евгения", "Алёна", "Виктория", "Ксения", "Анастасия", "Мария", "Гульнара",
  "Лилия", "Альбина", "Эльвира", "Вера", "Любовь", "Жанна", "Дарья",
];

export const GIRL_NAMES: readonly string[] = [
  "Анна", "Мария", "София", "Алиса", "Виктория", "Полина", "Варвара", "Ева",
  "Дарья", "Александра", "Вероника", "Ксения", "Арина", "Василиса", "Милана",
  "Екатерина", "Ульяна", "Кира", "Таисия", "Амина", "Алсу", "Есения", "Злата", "Мирослава",
];

/** Surnames in the male form that take -а / -ая in the female form. */
export const SURNAMES: readonly string[] = [
  "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
  "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
  "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
  "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
  "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
  "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев",
  "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев",
  "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов",
  "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов",
  "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов",
  "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Чернышёв",
  "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов",
  "Пономарёв", "Голубев", "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлёв",
  "Овчинников", "Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров",
  "Емельянов", "Никифоров", "Грачёв", "Котов", "Гришин", "Ефремов", "Архипов", "Громов",
  "Кириллов", "Малышев", "Панов", "Моисеев", "Румянцев", "Акимов", "Кондратьев", "Бирюков",
  "Горбунов", "Анисимов", "Ерёмин", "Тихомиров", "Галкин", "Лукьянов", "Михеев", "Скворцов",
  "Юдин", "Белоусов", "Нестеров", "Симонов", "Прокофьев", "Харитонов", "Князев", "Цветков",
  "Левин", "Митрофанов", "Воронов", "Аксёнов", "Софронов", "Мальцев", "Логинов", "Горшков",
  "Савин", "Краснов", "Майоров", "Демидов", "Елисеев", "Рыбаков", "Сафонов", "Плотников",
  "Хабибуллин", "Галиев", "Сафин", "Гарипов", "Хайруллин", "Ахметов", "Валиев", "Шарипов",
  "Зарипов", "Мухаметов", "Нуриев", "Юсупов", "Латыпов", "Гатауллин",
  "Молданов", "Кантеров", "Сенгепов", "Айпин", "Хозумов", "Рандымов", "Тарлин", "Сайнахов",
  "Бахтияров", "Анямов",
  "Ковальский", "Высоцкий", "Покровский", "Успенский", "Заречный", "Береговой",
];

/** Surnames that are the same for men and women. */
export const INVARIABLE_SURNAMES: readonly string[] = [
  "Шевченко", "Бондаренко", "Ткаченко", "Коваленко", "Кравченко", "Олейник", "Лысенко",
  "Черных", "Седых", "Белых", "Долгих", "Мороз", "Гук", "Сязи",
];

const INVARIABLE = new Set(INVARIABLE_SURNAMES);

/**
 * The female form of a surname given in the male form: Иванов → Иванова, Ильин →
 * Ильина, Покровский → Покровская, Высоцкий → Высоцкая, Береговой → Береговая,
 * Заречный → Заречная; Шевченко, Черных, Олейник stay as they are.
 */
export function femaleSurname(male: string): string {
  if (INVARIABLE.has(male)) return male;
  if (/(ов|ев|ёв|ин|ын)$/.test(male)) return `${male}а`;
  if (/(ский|цкий)$/.test(male)) return male.replace(/ий$/, "ая");
  if (/ой$/.test(male)) return male.replace(/ой$/, "ая");
  if (/ый$/.test(male)) return male.replace(/ый$/, "ая");
  if (/[кгх]ий$/.test(male)) return male.replace(/ий$/, "ая");
  return male;
}

export function surnameFor(maleForm: string, gender: Gender): string {
  return gender === "MALE" ? maleForm : femaleSurname(maleForm);
}

export function patronymicFor(father: MaleName, gender: Gender): string {
  return gender === "MALE" ? father[1] : father[2];
}

export function maleNameEntry(name: string): MaleName | undefined {
  return MALE_NAMES.find((n) => n[0] === name);
}

/** A family surname in the male form, sometimes one that does not change. */
export function pickSurname(rng: Rng): string {
  return rng.chance(0.08) ? rng.pick(INVARIABLE_SURNAMES) : rng.pick(SURNAMES);
}

/** An adult: a random father's name gives the patronymic. */
export function adultName(rng: Rng, gender: Gender, surname: string = pickSurname(rng)): FullName {
  const father = rng.pick(MALE_NAMES);
  if (gender === "MALE") {
    return { lastName: surname, firstName: rng.pick(MALE_NAMES)[0], middleName: father[1] };
  }
  return { lastName: femaleSurname(surname), firstName: rng.pick(WOMAN_NAMES), middleName: father[2] };
}

/** A child: surname of the family, patronymic from the father's first name. */
export function childName(rng: Rng, gender: Gender, surname: string, father: MaleName): FullName {
  return {
    lastName: surnameFor(surname, gender),
    firstName: gender === "MALE" ? rng.pick(BOY_NAMES) : rng.pick(GIRL_NAMES),
    middleName: patronymicFor(father, gender),
  };
}

/** «Петрова А. С.» */
export function shortName(n: { lastName: string; firstName: string; middleName?: string | null }): string {
  const initials = [n.firstName, n.middleName ?? ""]
    .filter((p) => p.length > 0)
    .map((p) => `${p.charAt(0)}.`)
    .join(" ");
  return `${n.lastName} ${initials}`;
}

export function fullName(n: { lastName: string; firstName: string; middleName?: string | null }): string {
  return [n.lastName, n.firstName, n.middleName ?? ""].filter((p) => p.length > 0).join(" ");
}

export type { MaleName };

const SUFFIX_LETTERS = "абвгдежзиклмнопрстуфхцчшэюя";

/**
 * A distinct suffix of Russian letters for the i-th generated person («Новиков-б»):
 * imported names may not hold digits, and bulk files (the import benchmark, the import
 * killed mid-way) need thousands of different surnames.
 */
export function letterSuffix(i: number): string {
  let out = "";
  let n = i;
  do {
    out += SUFFIX_LETTERS[n % SUFFIX_LETTERS.length] ?? "";
    n = Math.floor(n / SUFFIX_LETTERS.length);
  } while (n > 0);
  return out;
}
