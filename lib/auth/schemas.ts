/** Form schemas of sign-in and first login, shared by the forms and the server. */
import { z } from "zod";

import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { isWellFormedInvitationCode } from "@/lib/auth/invitation-code";

export const loginSchema = z.object({
  login: z.string().trim().min(1, "Введите логин.").max(64, "Логин слишком длинный."),
  password: z.string().min(1, "Введите пароль.").max(200, "Пароль слишком длинный."),
  next: z.string().optional(),
});

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

export const invitationSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, "Введите код приглашения.")
      .refine(isWellFormedInvitationCode, "Код состоит из 12 латинских букв и цифр, например ABCD-EFGH-2345. Проверьте, что он введён полностью."),
    login: z
      .string()
      .trim()
      .toLowerCase()
      .regex(LOGIN_PATTERN, "Логин: от 3 до 32 латинских букв, цифр, точек, дефисов; начинается с буквы или цифры."),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Пароль должен быть не короче ${PASSWORD_MIN_LENGTH} символов.`)
      .max(200, "Пароль слишком длинный."),
    password2: z.string(),
  })
  .refine((v) => v.password === v.password2, { path: ["password2"], message: "Пароли не совпадают." });

export const RUSSIAN_TIME_ZONES = [
  "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk",
  "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka",
] as const;

export const setupSchema = z
  .object({
    schoolName: z.string().trim().min(3, "Введите полное название школы.").max(300, "Название слишком длинное."),
    shortName: z.string().trim().min(2, "Введите краткое название.").max(100, "Краткое название слишком длинное."),
    address: z.string().trim().min(5, "Введите адрес школы.").max(300, "Адрес слишком длинный."),
    region: z.string().trim().min(3, "Введите регион.").max(200, "Название региона слишком длинное."),
    timeZone: z.enum(RUSSIAN_TIME_ZONES, "Выберите часовой пояс из списка."),
    lastName: z.string().trim().min(1, "Введите фамилию.").max(100),
    firstName: z.string().trim().min(1, "Введите имя.").max(100),
    middleName: z.string().trim().max(100).optional(),
    position: z.string().trim().min(2, "Введите должность.").max(200),
    login: z.string().trim().toLowerCase().regex(LOGIN_PATTERN, "Логин: от 3 до 32 латинских букв, цифр, точек, дефисов; начинается с буквы или цифры."),
    password: z.string().min(10, "Пароль администратора — не короче 10 символов.").max(200, "Пароль слишком длинный."),
    password2: z.string(),
  })
  .refine((v) => v.password === v.password2, { path: ["password2"], message: "Пароли не совпадают." });
