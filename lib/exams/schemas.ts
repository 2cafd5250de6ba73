/** The forms of the exams page, checked the same way by the server actions. */
import { z } from "zod";

import { EXAM_KINDS, EXAM_KIND_SHORT } from "@/lib/exams/scale";

const score = (what: string) =>
  z.string({ error: `${what}: введите число.` }).trim().regex(/^\d{1,3}$/, { error: `${what}: целое число от 0, например 18.` }).transform(Number);

export const saveScaleSchema = z.object({
  kind: z.enum(EXAM_KINDS, { error: `Выберите экзамен: ${EXAM_KINDS.map((k) => EXAM_KIND_SHORT[k]).join(", ")}.` }),
  subjectId: z.string().uuid("Предмет не найден."),
  maxScore: score("Максимальный балл"),
  min3: score("Балл для «3»"),
  min4: score("Балл для «4»"),
  min5: score("Балл для «5»"),
});
export type SaveScaleInput = z.infer<typeof saveScaleSchema>;

/** When the school received the file: the text of the date-and-time field, read by lib/exams/import.ts. */
const receivedAt = z
  .string({ error: "Укажите, когда школа получила файл от РЦОИ: дату и время." })
  .trim()
  .min(1, "Укажите, когда школа получила файл от РЦОИ: дату и время.")
  .max(40, "Дата и время получения не распознаны. Пишите так: 05.06.2026 14:30.");

export const examFileSchema = z.object({
  receivedAt,
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0 && v.name !== "", { error: "Выберите файл CSV с результатами экзаменов." }),
});

/** The confirmed file travels back with the preview: its bytes in base64 and its name. */
export const examConfirmSchema = z.object({
  fileName: z.string().min(1).max(200),
  data: z.string().min(1, "Файл не передан: загрузите его ещё раз.").max(2_000_000, "Файл слишком большой."),
  receivedAt,
});
