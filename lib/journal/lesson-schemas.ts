import { z } from "zod";

/** The lesson types a teacher chooses from; the order is the order of the list. */
export const LESSON_TYPES = [
  "LESSON", "TEST", "QUIZ", "INDEPENDENT", "LAB", "PRACTICAL", "CREDIT", "EXCURSION", "CORRECTION", "INDIVIDUAL",
] as const;

const lessonId = z.string().uuid("Урок не найден.");

export const updateLessonSchema = z.object({
  lessonId,
  topic: z.string().trim().max(500, "Тема урока слишком длинная: не больше 500 знаков.").default(""),
  lessonType: z.enum(LESSON_TYPES, { message: "Тип урока: выберите из списка." }),
  // an unchecked checkbox sends nothing: the lesson is then planned, not held
  held: z.string().optional().transform((v) => v === "on"),
});

export const addHomeworkSchema = z.object({
  lessonId,
  text: z.string().trim().min(1, "Что задано: напишите задание.").max(2000, "Домашнее задание слишком длинное: не больше 2000 знаков."),
  dueDate: z.string().trim().min(1, "Срок выполнения: укажите дату, например 05.12.2026."),
  // "" means the whole class
  studentId: z.union([z.literal(""), z.string().uuid("Для кого: выберите ученика из списка.")]).default(""),
});

export const removeHomeworkSchema = z.object({
  homeworkId: z.string().uuid("Задание не найдено."),
});

export const addRecommendationSchema = z.object({
  lessonId,
  recStudentId: z.string().min(1, "Ученик: выберите ученика из списка.").uuid("Ученик: выберите ученика из списка."),
  recText: z.string().trim().min(1, "Рекомендация: напишите текст.").max(2000, "Рекомендация слишком длинная: не больше 2000 знаков."),
});
