/** Form schemas of subjects and the curriculum, shared by the forms and the server. */
import { z } from "zod";

import { day, optionalDay, optionalPick, pick, text } from "@/lib/curriculum/schema-parts";

export const SUBJECT_KINDS = ["SUBJECT", "COURSE", "CORRECTION", "VOCATIONAL"] as const;
export const MARK_SCALES = ["FIVE_POINT", "PASS_FAIL", "DESCRIPTIVE", "NONE"] as const;

export const subjectSchema = z.object({
  name: text("Введите название предмета.", 120, "Название предмета — не длиннее 120 знаков."),
  shortName: text("Введите краткое название (для расписания и журнала).", 20, "Краткое название — не длиннее 20 знаков."),
  kind: z.enum(SUBJECT_KINDS, "Выберите вид: предмет, курс, коррекционный курс или профессиональная подготовка."),
});
export type SubjectInput = z.infer<typeof subjectSchema>;

/** "0,5" or "0.5": one decimal at most, as the column keeps it. */
const weeklyHours = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v.replace(",", ".") : undefined))
  .refine((v) => v === undefined || (/^\d{1,2}(\.\d)?$/.test(v) && Number(v) > 0 && Number(v) <= 40), "Часы в неделю: число от 0,5 до 40, например 2 или 0,5.");

const yearlyHours = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || (/^\d{1,4}$/.test(v) && Number(v) > 0 && Number(v) <= 2000), "Часы в год: целое число от 1 до 2000.")
  .transform((v) => (v === undefined ? undefined : Number(v)));

const hoursAndTeachers = {
  hoursPerWeek: weeklyHours,
  hoursPerYear: yearlyHours,
  scale: z.enum(MARK_SCALES, "Выберите, как оценивается предмет."),
  teacherId: optionalPick("Выберите учителя из списка."),
  teacher2Id: optionalPick("Выберите второго учителя из списка."),
};

function oneKindOfHours(v: { hoursPerWeek?: string | undefined; hoursPerYear?: number | undefined }, ctx: z.RefinementCtx): void {
  if ((v.hoursPerWeek === undefined) === (v.hoursPerYear === undefined)) {
    ctx.addIssue({ code: "custom", path: ["hoursPerWeek"], message: "Укажите часы в неделю или часы в год — что-то одно." });
  }
}

export const curriculumItemSchema = z
  .object({
    cohortId: pick("Класс не найден."),
    subjectId: pick("Выберите предмет."),
    ...hoursAndTeachers,
    validFrom: day("Укажите, с какого дня действует строка плана."),
    validTo: optionalDay("Дата окончания: выберите день или оставьте пустым."),
  })
  .superRefine(oneKindOfHours)
  .refine((v) => v.validTo === undefined || v.validTo >= v.validFrom, { path: ["validTo"], message: "Дата окончания не может быть раньше начала." });
export type CurriculumItemInput = z.infer<typeof curriculumItemSchema>;

/** A change of a line: a new version from a day; the old one ends the day before. */
export const curriculumRevisionSchema = z
  .object({
    itemId: pick("Строка плана не найдена."),
    ...hoursAndTeachers,
    from: day("Укажите, с какого дня действует изменение."),
  })
  .superRefine(oneKindOfHours);
export type CurriculumRevisionInput = z.infer<typeof curriculumRevisionSchema>;
