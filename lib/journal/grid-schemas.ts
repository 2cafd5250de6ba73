import { z } from "zod";

/** One journal cell as the grid sends it: the value exactly as typed (empty clears). */
export const saveCellSchema = z.object({
  lessonId: z.string().uuid("Урок не найден."),
  studentId: z.string().uuid("Ученик не найден."),
  input: z.string().max(200, "Слишком длинная запись: не больше 200 знаков.").default(""),
});
