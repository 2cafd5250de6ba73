import { z } from "zod";

/** The lesson types a teacher chooses from; the order is the order of the list. */
export const LESSON_TYPES = [
  "LESSON", "TEST", "QUIZ", "INDEPENDENT", "LAB", "PRACTICAL", "CREDIT", "EXCURSION", "CORRECTION", "INDIVIDUAL",
] as const;

const lessonId = z.string().uuid("Урок не найден.");

export const MAX_MATERIALS = 4000;

/**
 * The files chosen in the homework form. lib/action.ts reads one value per field name,
 * so the action numbers them «file0» … before parsing (see the lesson page's actions).
 */
const fileField = z.custom<File>((v) => v instanceof Blob, "Файл не получен: выберите его ещё раз.").optional();

export const HOMEWORK_FILE_FIELDS = ["file0", "file1", "file2", "file3", "file4"] as const;

export const updateLessonSchema = z.object({
  lessonId,
  topic: z.string().trim().max(500, "Тема урока слишком длинная: не больше 500 знаков.").default(""),
  lessonType: z.enum(LESSON_TYPES, { message: "Тип урока: выберите из списка." }),
  // an unchecked checkbox sends nothing: the lesson is then planned, not held
  held: z.string().optional().transform((v) => v === "on"),
  materials: z.string().max(MAX_MATERIALS, `Материалы: не больше ${MAX_MATERIALS} знаков.`).default(""),
});

export const addHomeworkSchema = z.object({
  lessonId,
  text: z.string().trim().min(1, "Что задано: напишите задание.").max(2000, "Домашнее задание слишком длинное: не больше 2000 знаков."),
  dueDate: z.string().trim().min(1, "Срок выполнения: укажите дату, например 05.12.2026."),
  // "" means the whole class
  studentId: z.union([z.literal(""), z.string().uuid("Для кого: выберите ученика из списка.")]).default(""),
  /** how many files were chosen, counted before they were numbered */
  fileCount: z.coerce.number().int().min(0).max(5, "Файлы: не больше 5 к одному заданию.").default(0),
  file0: fileField, file1: fileField, file2: fileField, file3: fileField, file4: fileField,
});

export const removeHomeworkSchema = z.object({
  homeworkId: z.string().uuid("Задание не найдено."),
});

export const addRecommendationSchema = z.object({
  lessonId,
  recStudentId: z.string().min(1, "Ученик: выберите ученика из списка.").uuid("Ученик: выберите ученика из списка."),
  recText: z.string().trim().min(1, "Рекомендация: напишите текст.").max(2000, "Рекомендация слишком длинная: не больше 2000 знаков."),
});

const cohortId = z.string().uuid("Журнал не найден.");
const subjectId = z.string().uuid("Журнал не найден.");

export const savePlanSchema = z.object({
  cohortId,
  subjectId,
  plan: z.string().max(60_000, "План слишком длинный: не больше 60 000 знаков.").default(""),
});

export const fillPlanSchema = z.object({
  cohortId,
  subjectId,
  from: z.string().trim().max(20, "Начиная с: напишите дату, например 01.09.2026.").default(""),
  overwrite: z.string().optional().transform((v) => v === "on"),
});

/** A piece of a line of the lesson's materials: plain text, or a web link. */
export type MaterialPart = { text: string; href?: string };

const URL_IN_TEXT = /https?:\/\/[^\s<>"«»]+/giu;

/**
 * The lesson's materials, line by line, with every http(s) address made a link and
 * nothing else: «javascript:», «file:» and bare words stay text. Punctuation that ends a
 * sentence after an address is not part of it.
 */
export function materialLines(materials: string | null): MaterialPart[][] {
  if (!materials) return [];
  return materials
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((line) => {
      const parts: MaterialPart[] = [];
      let at = 0;
      for (const m of line.matchAll(URL_IN_TEXT)) {
        let url = m[0];
        for (;;) {
          const count = (c: string) => url.split(c).length - 1;
          // a closing bracket belongs to the address only when one opened inside it
          if (/[.,;:!?\]]$/.test(url) || (url.endsWith(")") && count("(") < count(")"))) url = url.slice(0, -1);
          else break;
        }
        const start = m.index;
        let href: string | null = null;
        try {
          const u = new URL(url);
          if ((u.protocol === "http:" || u.protocol === "https:") && u.hostname) href = u.href;
        } catch {
          href = null;
        }
        if (!href) continue;
        if (start > at) parts.push({ text: line.slice(at, start) });
        parts.push({ text: url, href });
        at = start + url.length;
      }
      if (at < line.length) parts.push({ text: line.slice(at) });
      return parts;
    });
}
