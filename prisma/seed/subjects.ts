/**
 * The subjects a generated school may teach, with what the generator needs to fill a
 * journal for them: which topic list, how homework is written, which special lesson types
 * occur (laboratory and practical work).
 */

export type SubjectKind = "SUBJECT" | "COURSE" | "CORRECTION" | "VOCATIONAL";

/** How homework in the subject is written (see texts.ts). */
export type HomeworkStyle = "ru" | "math" | "read" | "sci" | "lang" | "inf" | "none";

export type SubjectDef = {
  name: string;
  shortName: string;
  kind: SubjectKind;
  homework: HomeworkStyle;
  /** key into TOPICS (topics.ts) */
  topics: string;
  /** every n-th lesson is a laboratory or practical work */
  practice?: { type: "LAB" | "PRACTICAL"; every: number };
};

const s = (
  name: string,
  shortName: string,
  homework: HomeworkStyle,
  topics: string,
  kind: SubjectKind = "SUBJECT",
  practice?: SubjectDef["practice"],
): SubjectDef => ({ name, shortName, kind, homework, topics, ...(practice ? { practice } : {}) });

export const SUBJECTS: readonly SubjectDef[] = [
  s("Русский язык", "Рус. яз.", "ru", "russian"),
  s("Литературное чтение", "Лит. чт.", "read", "reading"),
  s("Литература", "Лит-ра", "read", "literature"),
  s("Иностранный язык (английский)", "Англ. яз.", "lang", "english"),
  s("Математика", "Матем.", "math", "math"),
  s("Алгебра", "Алгебра", "math", "algebra"),
  s("Геометрия", "Геом.", "math", "geometry"),
  s("Информатика", "Информ.", "inf", "informatics", "SUBJECT", { type: "PRACTICAL", every: 4 }),
  s("Окружающий мир", "Окр. мир", "sci", "world"),
  s("Мир природы и человека", "Мир прир.", "none", "nature"),
  s("Природоведение", "Природовед.", "sci", "nature"),
  s("История", "История", "sci", "history"),
  s("Мир истории", "Мир ист.", "sci", "history"),
  s("История отечества", "Ист. отеч.", "sci", "history"),
  s("Обществознание", "Общество.", "sci", "social"),
  s("Основы религиозных культур и светской этики", "ОРКСЭ", "none", "orkse"),
  s("География", "Геогр.", "sci", "geography", "SUBJECT", { type: "PRACTICAL", every: 6 }),
  s("Биология", "Биол.", "sci", "biology", "SUBJECT", { type: "LAB", every: 6 }),
  s("Физика", "Физика", "sci", "physics", "SUBJECT", { type: "LAB", every: 5 }),
  s("Химия", "Химия", "sci", "chemistry", "SUBJECT", { type: "LAB", every: 5 }),
  s("Основы безопасности и защиты Родины", "ОБЗР", "none", "safety"),
  s("Изобразительное искусство", "ИЗО", "none", "art"),
  s("Музыка", "Музыка", "none", "music"),
  s("Технология", "Технол.", "none", "technology", "SUBJECT", { type: "PRACTICAL", every: 3 }),
  s("Ручной труд", "Руч. труд", "none", "technology", "SUBJECT", { type: "PRACTICAL", every: 3 }),
  s("Физическая культура (адаптивная)", "Физ-ра", "none", "pe"),
  s("Физическая культура", "Физ-ра", "none", "pe"),
  s("Профильный труд", "Проф. труд", "none", "trade", "VOCATIONAL", { type: "PRACTICAL", every: 2 }),
  s("Основы профессионального самоопределения", "Профсамоопр.", "none", "career", "COURSE"),
  s("Индивидуальный проект", "Инд. проект", "none", "project", "COURSE"),
  // correction courses
  s("Логопедические занятия", "Логопед.", "none", "speech", "CORRECTION"),
  s("Ритмика", "Ритмика", "none", "rhythm", "CORRECTION"),
  s("Развитие психомоторики и сенсорных процессов", "Психомот.", "none", "psychomotor", "CORRECTION"),
  s("Социально-бытовая ориентировка", "СБО", "none", "household", "CORRECTION"),
  s("Коррекционно-развивающие занятия", "Корр.-разв.", "none", "psychomotor", "CORRECTION"),
  // ФАООП УО, variant 2
  s("Речь и альтернативная коммуникация", "Речь и АК", "none", "uo2", "SUBJECT"),
  s("Математические представления", "Мат. пред.", "none", "uo2math"),
  s("Окружающий природный мир", "Окр. прир. мир", "none", "nature"),
  s("Человек", "Человек", "none", "uo2"),
  s("Домоводство", "Домовод.", "none", "household"),
  s("Окружающий социальный мир", "Окр. соц. мир", "none", "uo2"),
  s("Музыка и движение", "Муз. и движ.", "none", "rhythm"),
  s("Изобразительная деятельность", "Изо. деят.", "none", "art"),
  s("Сенсорное развитие", "Сенс. разв.", "none", "psychomotor", "CORRECTION"),
  s("Предметно-практические действия", "ППД", "none", "uo2", "CORRECTION"),
  s("Двигательное развитие", "Двиг. разв.", "none", "pe", "CORRECTION"),
  s("Альтернативная коммуникация", "Альт. ком.", "none", "speech", "CORRECTION"),
];

const BY_NAME = new Map(SUBJECTS.map((d) => [d.name, d]));

export function subjectDef(name: string): SubjectDef {
  const def = BY_NAME.get(name);
  if (!def) throw new Error(`Нет предмета «${name}» в каталоге генератора`);
  return def;
}

/** Physical education: students with a medical exemption get «осв» here. */
export function isPhysicalEducation(name: string): boolean {
  return name.startsWith("Физическая культура");
}
