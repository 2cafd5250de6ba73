/** What the consent forms send; the domain functions check everything again. */
import { z } from "zod";

const uuid = (message: string) => z.string().uuid(message);

export const paperDecisionSchema = z.object({
  guardianId: uuid("Родитель не найден."),
  studentId: z.string().min(1, "Ребёнок: выберите из списка.").uuid("Ребёнок: выберите из списка."),
  decision: z.enum(["GRANTED", "REFUSED", "WITHDRAWN"], { message: "Решение: выберите из списка." }),
  documentNumber: z.string().trim().min(1, "Впишите номер документа.").max(50, "Номер документа — не длиннее 50 знаков."),
  documentDate: z.string().trim().min(1, "Впишите дату документа, например 01.09.2026."),
  // an empty file chooser sends a nameless empty file: that is «no scan»
  scan: z.custom<File>((v) => v instanceof Blob, "Файл не получен: выберите его ещё раз.").optional(),
});

export const publishTextSchema = z.object({
  title: z.string().trim().min(1, "Впишите название.").max(300, "Название — не длиннее 300 знаков."),
  purpose: z.string().trim().min(1, "Впишите цель обработки.").max(2000, "Цель — не длиннее 2000 знаков."),
  body: z.string().trim().min(1, "Впишите текст согласия.").max(30000, "Текст — не длиннее 30 000 знаков."),
});

export const electronicDecisionSchema = z.object({
  studentId: uuid("Ребёнок не найден."),
  decision: z.enum(["GRANTED", "REFUSED"], { message: "Выберите: даю согласие или не даю." }),
});

export const withdrawSchema = z.object({ studentId: uuid("Ребёнок не найден.") });

/** One form per child on the guardian's page: give, refuse, or withdraw. */
export const familyChoiceSchema = z.object({
  studentId: uuid("Ребёнок не найден."),
  decision: z.enum(["GRANTED", "REFUSED", "WITHDRAW"], { message: "Выберите: даю согласие или не даю." }),
});
