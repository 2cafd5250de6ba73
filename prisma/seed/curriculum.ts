/**
 * Weekly hours by program and grade, after the federal curricula (ФОП НОО/ООО, ФАООП
 * НОО for ЗПР variant 7.2, ФАООП УО variants 1 and 2), trimmed to a five-day week of a
 * special school. Each line names the kind of teacher who gives it; the school builders
 * turn that into a person.
 */
import type { Scale } from "./plan";
import { subjectDef } from "./subjects";

export type Track = "NOO_ZPR" | "OOO_ZPR" | "UO1" | "UO2" | "GENERAL";

export type TeacherRole =
  | "class" | "russian" | "math" | "english" | "history" | "geobio" | "science"
  | "art" | "music" | "pe" | "speech" | "psych" | "trade";

export type ItemTemplate = { subject: string; hours: number; role: TeacherRole };

type Row = readonly [subject: string, hours: number, role: TeacherRole];

const rows = (list: readonly (Row | false)[]): ItemTemplate[] =>
  list.filter((r): r is Row => r !== false).map(([subject, hours, role]) => ({ subject, hours, role }));

function nooZpr(g: number): ItemTemplate[] {
  return rows([
    ["Русский язык", 4, "class"],
    ["Литературное чтение", g === 4 ? 3 : 4, "class"],
    g >= 2 && ["Иностранный язык (английский)", 2, "english"],
    ["Математика", 4, "class"],
    ["Окружающий мир", 2, "class"],
    g === 4 && ["Основы религиозных культур и светской этики", 1, "history"],
    ["Изобразительное искусство", 1, "art"],
    ["Музыка", 1, "music"],
    ["Технология", 1, "art"],
    ["Физическая культура (адаптивная)", 2, "pe"],
    ["Логопедические занятия", g === 1 ? 1 : 2, "speech"],
    g <= 3 && ["Ритмика", 1, "music"],
    (g === 2 || g === 3) && ["Развитие психомоторики и сенсорных процессов", 1, "psych"],
    g === 4 && ["Коррекционно-развивающие занятия", 1, "psych"],
  ]);
}

function oooZpr(g: number): ItemTemplate[] {
  const upper = g >= 7;
  return rows([
    ["Русский язык", g === 5 ? 5 : g === 6 ? 6 : 3, "russian"],
    ["Литература", 3, "russian"],
    ["Иностранный язык (английский)", 3, "english"],
    !upper && ["Математика", 5, "math"],
    upper && ["Алгебра", 3, "math"],
    upper && ["Геометрия", 2, "math"],
    upper && ["Информатика", 1, "science"],
    ["История", 2, "history"],
    g >= 6 && ["Обществознание", 1, "history"],
    ["География", upper ? 2 : 1, "geobio"],
    ["Биология", upper ? 2 : 1, "geobio"],
    upper && ["Физика", 3, "science"],
    g >= 8 && ["Химия", 2, "science"],
    g >= 8 && ["Основы безопасности и защиты Родины", 1, "science"],
    !upper && ["Изобразительное искусство", 1, "art"],
    !upper && ["Музыка", 1, "music"],
    !upper && ["Технология", 2, "art"],
    ["Физическая культура (адаптивная)", 2, "pe"],
    g <= 6 && ["Логопедические занятия", 1, "speech"],
    g !== 6 && ["Коррекционно-развивающие занятия", 1, "psych"],
  ]);
}

function uo1(g: number): ItemTemplate[] {
  if (g <= 4) {
    return rows([
      ["Русский язык", 3, "class"],
      ["Литературное чтение", 4, "class"],
      ["Математика", 4, "class"],
      ["Мир природы и человека", 1, "class"],
      ["Музыка", 1, "music"],
      ["Изобразительное искусство", 1, "art"],
      ["Ручной труд", 1, "art"],
      ["Физическая культура (адаптивная)", 2, "pe"],
      ["Логопедические занятия", 2, "speech"],
      ["Ритмика", 1, "music"],
      ["Развитие психомоторики и сенсорных процессов", 1, "psych"],
    ]);
  }
  return rows([
    ["Русский язык", 4, "class"],
    ["Литературное чтение", g <= 6 ? 4 : 3, "class"],
    ["Математика", g <= 6 ? 4 : 3, "class"],
    g >= 7 && ["Информатика", 1, "science"],
    g <= 6 && ["Природоведение", 2, "geobio"],
    g >= 7 && ["Биология", 2, "geobio"],
    g >= 6 && ["География", 2, "geobio"],
    g === 6 && ["Мир истории", 2, "history"],
    g >= 7 && ["История отечества", 2, "history"],
    ["Социально-бытовая ориентировка", g <= 6 ? 1 : 2, "class"],
    g <= 7 && ["Изобразительное искусство", 1, "art"],
    ["Физическая культура (адаптивная)", 2, "pe"],
    ["Профильный труд", g <= 6 ? 4 : g === 7 ? 5 : 4, "trade"],
    ["Логопедические занятия", 1, "speech"],
    g <= 6 && ["Развитие психомоторики и сенсорных процессов", 1, "psych"],
  ]);
}

function uo2(): ItemTemplate[] {
  return rows([
    ["Речь и альтернативная коммуникация", 3, "class"],
    ["Математические представления", 2, "class"],
    ["Окружающий природный мир", 2, "class"],
    ["Человек", 2, "class"],
    ["Окружающий социальный мир", 2, "class"],
    ["Домоводство", 4, "trade"],
    ["Музыка и движение", 2, "music"],
    ["Изобразительная деятельность", 2, "art"],
    ["Физическая культура (адаптивная)", 2, "pe"],
    ["Сенсорное развитие", 1, "psych"],
    ["Предметно-практические действия", 1, "class"],
    ["Двигательное развитие", 1, "pe"],
    ["Альтернативная коммуникация", 1, "speech"],
  ]);
}

/** An ordinary school of the region (ФОП НОО, ООО, СОО), grades 1–11. */
function general(g: number): ItemTemplate[] {
  if (g <= 4) {
    return rows([
      ["Русский язык", 5, "class"],
      ["Литературное чтение", g === 4 ? 3 : 4, "class"],
      g >= 2 && ["Иностранный язык (английский)", 2, "english"],
      ["Математика", 4, "class"],
      ["Окружающий мир", 2, "class"],
      g === 4 && ["Основы религиозных культур и светской этики", 1, "class"],
      ["Изобразительное искусство", 1, "class"],
      ["Музыка", 1, "music"],
      ["Технология", 1, "class"],
      ["Физическая культура", 2, "pe"],
    ]);
  }
  const senior = g >= 10;
  return rows([
    ["Русский язык", senior ? 2 : g === 5 ? 5 : g === 6 ? 6 : g === 7 ? 4 : 3, "russian"],
    ["Литература", g === 7 || g === 8 ? 2 : 3, "russian"],
    ["Иностранный язык (английский)", 3, "english"],
    g <= 6 && ["Математика", 5, "math"],
    g >= 7 && ["Алгебра", 3, "math"],
    g >= 7 && ["Геометрия", 2, "math"],
    g >= 7 && ["Информатика", 1, "science"],
    ["История", 2, "history"],
    g >= 6 && ["Обществознание", senior ? 2 : 1, "history"],
    ["География", g <= 6 || senior ? 1 : 2, "geobio"],
    ["Биология", g <= 7 || senior ? 1 : 2, "geobio"],
    g >= 7 && ["Физика", g === 9 ? 3 : 2, "science"],
    g >= 8 && ["Химия", senior ? 1 : 2, "science"],
    g >= 8 && ["Основы безопасности и защиты Родины", 1, "science"],
    g <= 7 && ["Изобразительное искусство", 1, "art"],
    g <= 8 && ["Музыка", 1, "music"],
    g <= 8 && ["Технология", g === 8 ? 1 : 2, "art"],
    ["Физическая культура", 2, "pe"],
    g === 10 && ["Индивидуальный проект", 1, "history"],
  ]);
}

export function curriculumTemplate(track: Track, grade: number): ItemTemplate[] {
  switch (track) {
    case "NOO_ZPR":
      return nooZpr(grade);
    case "OOO_ZPR":
      return oooZpr(grade);
    case "UO1":
      return uo1(grade);
    case "UO2":
      return uo2();
    case "GENERAL":
      return general(grade);
  }
}

/**
 * The scale of a curriculum line: grade 1 and ФАООП УО variant 2 are assessed in words;
 * correction courses mostly carry no marks, except the ones that teach everyday skills.
 */
export function scaleFor(track: Track, grade: number, subject: string): Scale {
  const def = subjectDef(subject);
  if (grade === 1) return def.kind === "CORRECTION" ? "NONE" : "DESCRIPTIVE";
  if (track === "UO2") return def.kind === "CORRECTION" ? "NONE" : "DESCRIPTIVE";
  if (def.kind === "COURSE") return "PASS_FAIL";
  if (def.kind === "CORRECTION") {
    if (subject === "Социально-бытовая ориентировка") return "FIVE_POINT";
    if (subject === "Развитие психомоторики и сенсорных процессов") return "DESCRIPTIVE";
    return "NONE";
  }
  return "FIVE_POINT";
}

/** Double lessons are usual in workshops and for housekeeping. */
export function maxPerDay(subject: string, hours: number): number {
  const def = subjectDef(subject);
  const base = Math.ceil(hours / 5);
  return def.kind === "VOCATIONAL" || subject === "Домоводство" ? Math.max(2, base) : base;
}
