/**
 * Form schemas of the guardian's contacts and notification settings, shared by the
 * server actions. Messages say which field and how to write it, in plain Russian.
 */
import { z } from "zod";

import { normaliseEmail, normaliseRussianMobile } from "@/lib/people/format";
import { idField } from "@/lib/people/schemas";
import { CHOOSABLE_KIND_LIST, FREQUENCY_LIST } from "@/lib/notify/kinds";

export const addContactSchema = z
  .object({
    channel: z.enum(["EMAIL", "SMS"], "Выберите, что добавить: почту или телефон."),
    contactValue: z.string().trim().min(1, "Введите адрес электронной почты или номер телефона.").max(254, "Слишком длинно."),
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
    return { channel: v.channel, value };
  });

export const contactIdSchema = z.object({ contactId: idField("Контакт не найден.") });

export const confirmContactSchema = z.object({
  contactId: idField("Контакт не найден."),
  code: z.string().transform((s) => s.replace(/\s/g, "")).pipe(z.string().regex(/^\d{6}$/, "Код — это 6 цифр из сообщения.")),
});

// an unchecked checkbox sends nothing
const checkbox = z.string().optional().transform((v) => v === "on");
const time = (what: string) => z.string().trim().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, `Тихие часы, ${what}: напишите время как 21:00.`);

export const preferencesSchema = z
  .object({
    email: checkbox,
    sms: checkbox,
    push: checkbox,
    frequency: z.enum(FREQUENCY_LIST, "Выберите, как часто присылать сообщения."),
    quietFrom: time("«с»"),
    quietTo: time("«до»"),
    ...Object.fromEntries(CHOOSABLE_KIND_LIST.map((k) => [`kind_${k}`, checkbox])),
  })
  .transform((v) => {
    const record = v as Record<string, unknown>;
    return {
      email: v.email, sms: v.sms, push: v.push, frequency: v.frequency, quietFrom: v.quietFrom, quietTo: v.quietTo,
      kinds: CHOOSABLE_KIND_LIST.filter((k) => record[`kind_${k}`] === true),
    };
  });
