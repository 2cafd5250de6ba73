import { z } from "zod";

/** One journal cell as the grid sends it: the value exactly as typed (empty clears). */
export const saveCellSchema = z.object({
  lessonId: z.string().uuid("Урок не найден."),
  studentId: z.string().uuid("Ученик не найден."),
  // a descriptive mark (a few words about the work) may be as long as lib/grading allows
  input: z.string().max(500, "Слишком длинная запись: не больше 500 знаков.").default(""),
});

/** The work type of one column (lesson) of the grid. */
export const setWorkTypeSchema = z.object({
  lessonId: z.string().uuid("Урок не найден."),
  workTypeId: z.string().min(1, "Вид работы: выберите из списка.").uuid("Вид работы: выберите из списка."),
});

/** Which cell's history to show. */
export const cellHistorySchema = z.object({
  lessonId: z.string().uuid("Урок не найден."),
  studentId: z.string().uuid("Ученик не найден."),
});
