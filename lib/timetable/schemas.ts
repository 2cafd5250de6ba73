/** Form schemas of the timetable, lessons, substitutions and the test schedule. */
import { z } from "zod";

import { day, intIn, optionalDay, optionalPick, optionalText, pick, text } from "@/lib/curriculum/schema-parts";

export const slotSchema = z
  .object({
    cohortId: pick("Выберите класс или группу."),
    weekday: intIn(1, 6, "Выберите день недели: с понедельника по субботу."),
    lessonNumber: intIn(0, 12, "Номер урока: число от 0 до 12."),
    subjectId: pick("Выберите предмет из учебного плана класса."),
    teacherId: pick("Выберите учителя."),
    room: optionalText(40, "Кабинет — не длиннее 40 знаков."),
    validFrom: day("Укажите, с какого дня действует урок в расписании."),
    validTo: optionalDay("Дата окончания: выберите день или оставьте пустым."),
  })
  .refine((v) => v.validTo === undefined || v.validTo >= v.validFrom, { path: ["validTo"], message: "Дата окончания не может быть раньше начала." });
export type SlotInput = z.infer<typeof slotSchema>;

export const endSlotSchema = z.object({
  slotId: pick("Урок расписания не найден."),
  from: day("Укажите, с какого дня урока больше нет в расписании."),
});
export type EndSlotInput = z.infer<typeof endSlotSchema>;

export const generateSchema = z
  .object({
    from: day("Укажите первый день периода."),
    to: day("Укажите последний день периода."),
    cohortId: optionalPick("Выберите класс из списка или «Все классы»."),
  })
  .refine((v) => v.to >= v.from, { path: ["to"], message: "Последний день не может быть раньше первого." })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 400 * 86_400_000, { path: ["to"], message: "Период — не больше учебного года." });
export type GenerateInput = z.infer<typeof generateSchema>;

const reason = text("Укажите причину — её увидят родители в дневнике.", 300, "Причина — не длиннее 300 знаков.");

export const substituteSchema = z.object({
  lessonId: pick("Урок не найден."),
  teacherId: pick("Выберите учителя, который проведёт урок."),
  subjectId: optionalPick("Выберите предмет из списка или оставьте прежний."),
  room: optionalText(40, "Кабинет — не длиннее 40 знаков."),
  reason,
});
export type SubstituteInput = z.infer<typeof substituteSchema>;

export const moveSchema = z.object({
  lessonId: pick("Урок не найден."),
  date: day("Укажите день, на который переносится урок."),
  lessonNumber: intIn(0, 12, "Номер урока: число от 0 до 12."),
  reason,
});
export type MoveInput = z.infer<typeof moveSchema>;

export const cancelSchema = z.object({ lessonId: pick("Урок не найден."), reason });
export type CancelInput = z.infer<typeof cancelSchema>;

export const assessmentSchema = z.object({
  cohortId: pick("Выберите класс."),
  subjectId: pick("Выберите предмет."),
  workTypeId: pick("Выберите вид работы."),
  date: day("Укажите дату оценочной процедуры."),
  title: text("Введите название работы, например «Контрольная работа по теме „Дроби“».", 200, "Название — не длиннее 200 знаков."),
});
export type AssessmentInput = z.infer<typeof assessmentSchema>;

export const removeAssessmentSchema = z.object({ eventId: pick("Оценочная процедура не найдена.") });

export const exportSchema = z.object({
  format: z.enum(["pdf", "xlsx"], "Формат: pdf или xlsx."),
  periodId: pick("Выберите период."),
  cohortId: optionalPick("Выберите класс или всю школу."),
});
export type ExportInput = z.infer<typeof exportSchema>;
