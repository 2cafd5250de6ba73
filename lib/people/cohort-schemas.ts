/** Form schemas of the cohort screens (classes, groups, streams, individual plans). */
import { z } from "zod";

import { dayField, idField, optionalIdField, optionalText } from "@/lib/people/schemas";

export const COHORT_KINDS = ["CLASS", "GROUP", "STREAM", "INDIVIDUAL"] as const;
export type CohortKindName = (typeof COHORT_KINDS)[number];

export const END_REASONS = ["LEFT", "MOVED", "GRADUATED", "PROMOTED", "REPEATED"] as const;

export const createCohortSchema = z
  .object({
    yearId: idField("Выберите учебный год."),
    kind: z.enum(COHORT_KINDS, "Выберите вид: класс, группа, поток или индивидуальный план."),
    name: optionalText(120),
    grade: z.coerce.number("Укажите класс (параллель) числом от 1 до 12.").int("Укажите класс (параллель) числом от 1 до 12.")
      .min(1, "Укажите класс (параллель) числом от 1 до 12.").max(12, "Укажите класс (параллель) числом от 1 до 12."),
    parentId: optionalIdField("Выберите класс из списка."),
    classTeacherId: optionalIdField("Выберите классного руководителя из списка."),
    studentId: optionalIdField("Выберите ученика из списка."),
    startDate: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "INDIVIDUAL" && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Введите название, например 5А." });
    if (v.kind === "GROUP" && !v.parentId) ctx.addIssue({ code: "custom", path: ["parentId"], message: "Для группы выберите класс, частью которого она является." });
    if (v.kind === "INDIVIDUAL" && !v.studentId) ctx.addIssue({ code: "custom", path: ["studentId"], message: "Для индивидуального плана выберите ученика." });
  })
  .transform((v, ctx) => {
    if (v.kind !== "INDIVIDUAL") return { ...v, startDate: undefined };
    const parsed = dayField("дату начала обучения по плану").safeParse(v.startDate ?? "");
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["startDate"], message: issue.message });
      return z.NEVER;
    }
    return { ...v, startDate: parsed.data };
  });
export type CreateCohortInput = z.infer<typeof createCohortSchema>;

export const updateCohortSchema = z.object({
  id: idField(),
  name: z.string().trim().min(1, "Введите название, например 5А.").max(120, "Название: не больше 120 символов."),
  classTeacherId: optionalIdField("Выберите классного руководителя из списка."),
});

const STUDENT_KEY = /^student-([0-9a-f-]{36})$/i;

/**
 * Checkboxes named student-<id>: a form posts many students at once, and the action
 * wrapper keeps one value per name, so the ids travel in the names.
 */
export const addMembersSchema = z
  .looseObject({
    cohortId: idField(),
    membersStart: dayField("дату, с которой ученики входят в состав"),
  })
  .transform((v, ctx) => {
    const studentIds = Object.entries(v)
      .filter(([k, val]) => STUDENT_KEY.test(k) && val === "on")
      .map(([k]) => STUDENT_KEY.exec(k)?.[1] ?? "")
      .filter(Boolean);
    if (studentIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["students"], message: "Отметьте хотя бы одного ученика." });
      return z.NEVER;
    }
    return { cohortId: v.cohortId, startDate: v.membersStart, studentIds };
  });
export type AddMembersInput = z.infer<typeof addMembersSchema>;

export const endMembershipSchema = z.object({
  cohortId: idField(),
  membershipId: idField("Выберите ученика из списка."),
  membershipEnd: dayField("последний день в составе"),
  endReason: z.enum(END_REASONS, "Выберите причину."),
});

export const moveStudentSchema = z.object({
  cohortId: idField(),
  moveStudentId: idField("Выберите ученика из списка."),
  toCohortId: idField("Выберите класс, в который переводится ученик."),
  moveDate: dayField("дату перевода"),
});

export const cohortFilterSchema = z.object({
  yearId: optionalIdField().catch(undefined),
  kind: z.enum(COHORT_KINDS).optional().catch(undefined),
});
