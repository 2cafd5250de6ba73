/**
 * Form schemas of the people screens, shared by the forms and the server actions.
 * Messages name the field in plain Russian; nothing reaches the database unless the
 * whole form is valid.
 */
import { parseDay } from "@/lib/time";
import { z } from "zod";

import { LOGIN_PATTERN } from "@/lib/auth/schemas";
import { normaliseEmail, normaliseRussianMobile, tidyName } from "@/lib/people/format";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const idField = (message = "Не выбрано.") => z.string().trim().regex(UUID, message);

export const optionalIdField = (message = "Не выбрано.") =>
  z.string().trim().optional().transform((v) => (v ? v : undefined)).refine((v) => v === undefined || UUID.test(v), message);

export const nameField = (what: string, max = 100) =>
  z.string().transform(tidyName).pipe(z.string().min(1, `Введите ${what}.`).max(max, `Слишком длинно: не больше ${max} символов.`));

export const optionalText = (max: number) =>
  z.string().optional().transform((v) => (v ? tidyName(v) : "")).pipe(z.string().max(max, `Слишком длинно: не больше ${max} символов.`))
    .transform((v) => (v ? v : null));

/** A day typed as 01.09.2025; the message says which field and how to write it. */
export const dayField = (what: string) =>
  z.string().trim().min(1, `Укажите ${what}.`).transform((v, ctx) => {
    const day = parseDay(v);
    if (!day) {
      ctx.addIssue({ code: "custom", message: `${capitalise(what)}: напишите дату так: 01.09.2025.` });
      return z.NEVER;
    }
    return day;
  });

export const optionalDayField = (what: string) =>
  z.string().trim().optional().transform((v, ctx) => {
    if (!v) return undefined;
    const day = parseDay(v);
    if (!day) {
      ctx.addIssue({ code: "custom", message: `${capitalise(what)}: напишите дату так: 01.09.2025.` });
      return z.NEVER;
    }
    return day;
  });

export const checkbox = z.string().optional().transform((v) => v === "on");

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ───────────── students

export const GENDERS = ["MALE", "FEMALE"] as const;

const studentFields = {
  lastName: nameField("фамилию"),
  firstName: nameField("имя"),
  middleName: optionalText(100),
  birthDate: dayField("дату рождения"),
  gender: z.enum(GENDERS, "Выберите пол."),
  recordNumber: z.string().trim().min(1, "Введите номер личного дела.").max(40, "Номер личного дела: не больше 40 символов."),
  individualPlan: checkbox,
  homeSchooling: checkbox,
};

export const createStudentSchema = z.object({
  ...studentFields,
  programId: optionalIdField("Выберите программу из списка."),
  programStart: optionalDayField("дату начала обучения по программе"),
});
export type CreateStudentInput = z.infer<typeof createStudentSchema>;

export const updateStudentSchema = z.object({ id: idField(), ...studentFields });
export type UpdateStudentInput = z.infer<typeof updateStudentSchema>;

export const changeProgramSchema = z.object({
  id: idField(),
  programId: idField("Выберите программу из списка."),
  programStart: dayField("дату начала обучения по новой программе"),
});
export type ChangeProgramInput = z.infer<typeof changeProgramSchema>;

export const studentLeftSchema = z.object({ id: idField(), leftAt: dayField("дату выбытия") });

// ───────────── guardians

export const RELATIONS = ["MOTHER", "FATHER", "GUARDIAN", "TRUSTEE", "OTHER"] as const;

export const guardianSchema = z.object({
  id: optionalIdField(),
  lastName: nameField("фамилию"),
  firstName: nameField("имя"),
  middleName: optionalText(100),
  address: optionalText(300),
});
/** id absent: a new guardian */
export type GuardianInput = Omit<z.infer<typeof guardianSchema>, "id"> & { id?: string | undefined };

export const linkChildSchema = z.object({
  guardianId: idField(),
  studentId: idField("Выберите ребёнка из списка."),
  relation: z.enum(RELATIONS, "Выберите, кем приходится ребёнку."),
  linkStart: optionalDayField("дату начала"),
});
export type LinkChildInput = z.infer<typeof linkChildSchema>;

export const endGuardianshipSchema = z.object({
  guardianId: idField(),
  guardianshipId: idField("Выберите ребёнка из списка."),
  guardianshipEnd: dayField("дату окончания"),
});

export const CONTACT_CHANNELS = ["EMAIL", "SMS"] as const;

export const contactSchema = z
  .object({
    guardianId: idField(),
    replacesId: optionalIdField("Выберите контакт из списка."),
    channel: z.enum(CONTACT_CHANNELS, "Выберите способ связи."),
    contactValue: z.string().trim().min(1, "Введите адрес электронной почты или номер телефона."),
    applicationNumber: z.string().trim().min(1, "Введите номер заявления.").max(40, "Номер заявления: не больше 40 символов."),
    applicationDate: dayField("дату заявления"),
  })
  .transform((v, ctx) => {
    const value = v.channel === "EMAIL" ? normaliseEmail(v.contactValue) : normaliseRussianMobile(v.contactValue);
    if (!value) {
      ctx.addIssue({
        code: "custom",
        path: ["contactValue"],
        message:
          v.channel === "EMAIL"
            ? "Адрес электронной почты записан неверно. Пример: ivanova@mail.ru"
            : "Номер мобильного телефона записан неверно. Пример: +7 912 345-67-89",
      });
      return z.NEVER;
    }
    return { ...v, value };
  });
export type ContactInput = z.infer<typeof contactSchema>;

export const removeContactSchema = z.object({ guardianId: idField(), contactId: idField("Выберите контакт из списка.") });

export const guardianInvitationSchema = z.object({ guardianId: idField() });

// ───────────── staff

export const staffSchema = z
  .object({
    id: optionalIdField(),
    lastName: nameField("фамилию"),
    firstName: nameField("имя"),
    middleName: optionalText(100),
    position: nameField("должность", 200),
    roleAdmin: checkbox,
    roleTeacher: checkbox,
    personnelNumber: optionalText(40),
  })
  .refine((v) => v.roleAdmin || v.roleTeacher, { path: ["roles"], message: "Отметьте хотя бы одну роль: администратор или учитель." })
  .transform(({ roleAdmin, roleTeacher, ...rest }) => ({
    ...rest,
    roles: [...(roleAdmin ? (["ADMIN"] as const) : []), ...(roleTeacher ? (["TEACHER"] as const) : [])],
  }));
/** id absent: a new staff member */
export type StaffInput = Omit<z.infer<typeof staffSchema>, "id"> & { id?: string | undefined };

export const staffLeftSchema = z.object({ id: idField(), staffLeftAt: dayField("дату увольнения") });

export const staffLoginSchema = z.object({
  staffId: idField(),
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(LOGIN_PATTERN, "Логин: от 3 до 32 латинских букв, цифр, точек, дефисов; начинается с буквы или цифры."),
});

export const staffResetSchema = z.object({ staffId: idField() });

// ───────────── list filters (from the address bar, so never trusted)

export const studentFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  cohortId: optionalIdField().catch(undefined),
  left: z.enum(["on"]).optional().catch(undefined),
});
