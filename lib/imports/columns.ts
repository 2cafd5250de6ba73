/**
 * The columns of each kind of import file: the Russian header written in templates and
 * exports, the other ways people title the same column, whether it must be filled, and
 * the template's example value. Headers are matched forgivingly (case, ё/е, spaces,
 * «№», punctuation), so a file typed by hand or saved from another system still reads.
 */
export const IMPORT_KINDS = ["STUDENTS", "GUARDIANS", "STAFF", "COHORTS", "TIMETABLE"] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export function parseImportKind(input: string): ImportKindName | null {
  const k = input.trim().toUpperCase();
  return (IMPORT_KINDS as readonly string[]).includes(k) ? (k as ImportKindName) : null;
}

export type ColumnSpec = {
  key: string;
  header: string;
  aliases?: readonly string[];
  required: boolean;
  example: string;
  /** read when present, never written: «ФИО» in one column instead of three */
  readOnly?: boolean;
};

const NAME: readonly ColumnSpec[] = [
  { key: "lastName", header: "Фамилия", required: true, example: "" },
  { key: "firstName", header: "Имя", required: true, example: "" },
  { key: "middleName", header: "Отчество", required: false, example: "" },
  { key: "fullName", header: "ФИО", aliases: ["Фамилия Имя Отчество", "Фамилия, имя, отчество"], required: false, example: "", readOnly: true },
];

function named(examples: [string, string, string], rest: readonly ColumnSpec[]): readonly ColumnSpec[] {
  return [...NAME.map((c, i) => (i < 3 ? { ...c, example: examples[i] ?? "" } : c)), ...rest];
}

export const COLUMNS: Record<ImportKindName, readonly ColumnSpec[]> = {
  STUDENTS: named(["Иванов", "Пётр", "Сергеевич"], [
    { key: "birthDate", header: "Дата рождения", aliases: ["Дата рожд"], required: true, example: "12.03.2015" },
    { key: "gender", header: "Пол", required: true, example: "м" },
    { key: "recordNumber", header: "Номер личного дела", aliases: ["Личное дело", "Номер дела"], required: true, example: "2019-001" },
    { key: "className", header: "Класс", required: false, example: "5А" },
    { key: "program", header: "Программа", aliases: ["Образовательная программа"], required: false, example: "Основная образовательная программа основного общего образования" },
    { key: "individualPlan", header: "ИУП", aliases: ["Индивидуальный учебный план", "Обучение по ИУП"], required: false, example: "нет" },
    { key: "homeSchooling", header: "Надомное обучение", aliases: ["Надомное"], required: false, example: "нет" },
    { key: "since", header: "Дата зачисления", aliases: ["В классе с", "С даты"], required: false, example: "01.09.2026" },
  ]),
  GUARDIANS: named(["Иванова", "Светлана", "Петровна"], [
    { key: "childRecord", header: "Номер личного дела ребёнка", aliases: ["Личное дело ребёнка", "Номер личного дела"], required: true, example: "2019-001" },
    { key: "relation", header: "Кем приходится", aliases: ["Родство", "Степень родства"], required: true, example: "мать" },
    { key: "phone", header: "Телефон", aliases: ["Мобильный телефон", "Номер телефона"], required: false, example: "8 912 345-67-89" },
    { key: "email", header: "Эл. почта", aliases: ["E-mail", "Email", "Электронная почта", "Адрес электронной почты"], required: false, example: "ivanova@example.ru" },
    { key: "applicationNumber", header: "Номер заявления", required: false, example: "15" },
    { key: "applicationDate", header: "Дата заявления", required: false, example: "28.08.2026" },
  ]),
  STAFF: named(["Числова", "Мария", "Сергеевна"], [
    { key: "position", header: "Должность", required: true, example: "учитель математики" },
    { key: "roles", header: "Роли", aliases: ["Роль"], required: true, example: "учитель" },
    { key: "personnelNumber", header: "Табельный номер", aliases: ["Таб. номер", "Табельный"], required: false, example: "0042" },
  ]),
  COHORTS: [
    { key: "name", header: "Название", aliases: ["Класс", "Название класса или группы"], required: true, example: "5А" },
    { key: "kind", header: "Вид", aliases: ["Тип"], required: true, example: "класс" },
    { key: "grade", header: "Параллель", aliases: ["Год обучения"], required: false, example: "5" },
    { key: "parent", header: "Класс-родитель", aliases: ["Класс группы", "Родительский класс"], required: false, example: "" },
    { key: "classTeacher", header: "Классный руководитель", aliases: ["Руководитель"], required: false, example: "Числова Мария Сергеевна" },
  ],
  TIMETABLE: [
    { key: "cohort", header: "Класс", aliases: ["Класс или группа", "Группа"], required: true, example: "5А" },
    { key: "weekday", header: "День недели", aliases: ["День"], required: true, example: "понедельник" },
    { key: "lessonNumber", header: "Номер урока", aliases: ["Урок"], required: true, example: "1" },
    { key: "subject", header: "Предмет", required: true, example: "Математика" },
    { key: "teacher", header: "Учитель", aliases: ["Педагог", "Преподаватель"], required: true, example: "Числова Мария Сергеевна" },
    { key: "room", header: "Кабинет", aliases: ["Помещение"], required: false, example: "201" },
    { key: "validFrom", header: "Действует с", aliases: ["С"], required: true, example: "01.09.2026" },
    { key: "validTo", header: "Действует по", aliases: ["По"], required: false, example: "" },
  ],
};

/** The columns a template or an export writes, in order. */
export function writtenColumns(kind: ImportKindName): ColumnSpec[] {
  return COLUMNS[kind].filter((c) => !c.readOnly);
}

export function headerKey(input: string): string {
  return input
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/№/g, " номер ")
    .replace(/[.,:;*()"«»_\-–—]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export type HeaderProblem = { column: string; message: string };

/**
 * Which column of the file holds which field. A required column may be missing only
 * when another column stands for it (the names, given as one «ФИО» column).
 */
export function matchHeaders(kind: ImportKindName, headers: readonly string[]): { index: Map<string, number>; problems: HeaderProblem[] } {
  const specs = COLUMNS[kind];
  const byHeader = new Map<string, ColumnSpec>();
  for (const spec of specs) for (const h of [spec.header, ...(spec.aliases ?? [])]) byHeader.set(headerKey(h), spec);
  const index = new Map<string, number>();
  const problems: HeaderProblem[] = [];
  headers.forEach((h, i) => {
    const spec = byHeader.get(headerKey(h));
    if (!spec) return;
    if (index.has(spec.key)) problems.push({ column: h, message: `Столбец «${spec.header}» встречается в файле дважды.` });
    else index.set(spec.key, i);
  });
  const hasFullName = index.has("fullName");
  for (const spec of specs) {
    if (!spec.required || index.has(spec.key)) continue;
    if (hasFullName && (spec.key === "lastName" || spec.key === "firstName")) continue;
    problems.push({ column: spec.header, message: `В файле нет столбца «${spec.header}». Возьмите заголовки из шаблона.` });
  }
  return { index, problems };
}
