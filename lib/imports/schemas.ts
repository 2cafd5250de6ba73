/** The upload form, checked the same way by the server action and described for the form. */
import { z } from "zod";

import { IMPORT_KINDS } from "@/lib/imports/columns";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const importUploadSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "Выберите, какие данные в файле." }),
  file: z
    .custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0 && v.name !== "", { error: "Выберите файл CSV или Excel (XLSX)." })
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, { error: "Файл больше 5 МБ. Разделите его на несколько файлов поменьше." }),
});
