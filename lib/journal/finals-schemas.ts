/**
 * Form schemas of the final marks page, shared by the form and the server action. The
 * mark itself is checked by lib/grading on the subject's scale in the domain function.
 */
import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idField = z.string().regex(UUID, "Запись не найдена. Обновите страницу.");

export const finalsPageSchema = z.object({
  cohortId: idField,
  subjectId: idField,
  periodId: idField,
});

export const confirmFinalSchema = finalsPageSchema.extend({
  studentId: idField,
  value: z.string({ error: "Итоговая отметка: выберите отметку." }).trim().min(1, "Итоговая отметка: выберите отметку."),
  reason: z
    .string()
    .trim()
    .max(500, "Причина: не больше 500 знаков.")
    .optional()
    .transform((s) => (s ? s : undefined)),
});

export type ConfirmFinalInput = z.infer<typeof confirmFinalSchema>;

const EXAM_VALUES = ["5", "4", "3", "2", "none"] as const;
const EXAM_MESSAGE = "Экзаменационная отметка: выберите 5, 4, 3, 2 или «не сдавал».";

/** An exam mark from the form: 2 to 5, or "none" (did not sit the exam) → null. */
export const recordExamSchema = z.object({
  cohortId: idField,
  subjectId: idField,
  studentId: idField,
  value: z
    .enum(EXAM_VALUES, { error: EXAM_MESSAGE })
    .transform((v) => (v === "none" ? null : (Number(v) as 2 | 3 | 4 | 5))),
});

export type RecordExamInput = z.infer<typeof recordExamSchema>;
