/** The query parameters of the statistics screen and its downloads. */
import { z } from "zod";

import { STATS_VIEWS } from "@/lib/stats/facts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const statsQuerySchema = z
  .object({
    period: z.string("Выберите период.").regex(UUID, "Выберите период из списка."),
    view: z.enum(STATS_VIEWS, "Разрез: вся школа, класс, предмет или учитель.").default("school"),
    id: z.string().regex(UUID, "Выберите класс, предмет или учителя из списка.").optional(),
  })
  .refine((v) => v.view === "school" || v.id !== undefined, {
    path: ["id"],
    message: "Выберите класс, предмет или учителя из списка.",
  });
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export const statsExportSchema = z
  .object({
    format: z.enum(["pdf", "xlsx"], "Формат файла: pdf или xlsx."),
    period: z.string("Выберите период.").regex(UUID, "Выберите период из списка."),
    view: z.enum(STATS_VIEWS, "Разрез: вся школа, класс, предмет или учитель.").default("school"),
    id: z.string().regex(UUID, "Выберите класс, предмет или учителя из списка.").optional(),
  })
  .refine((v) => v.view === "school" || v.id !== undefined, {
    path: ["id"],
    message: "Выберите класс, предмет или учителя из списка.",
  });
export type StatsExportQuery = z.infer<typeof statsExportSchema>;

/** The one «show» select of the screen: "school", "class:<id>", "subject:<id>", "teacher:<id>". */
export function parseShow(show: string | undefined): { view: (typeof STATS_VIEWS)[number]; id: string | undefined } {
  if (!show || show === "school") return { view: "school", id: undefined };
  const [view, id] = show.split(":");
  if ((view === "class" || view === "subject" || view === "teacher") && id && UUID.test(id)) return { view, id };
  return { view: "school", id: undefined };
}
