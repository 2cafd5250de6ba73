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
