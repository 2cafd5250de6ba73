"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { receivedAtValue } from "@/lib/exams/file";
import { applyExamImport, previewExamImport, type ExamImportReport } from "@/lib/exams/import";
import { examConfirmSchema, examFileSchema, saveScaleSchema } from "@/lib/exams/schemas";
import { saveScale } from "@/lib/exams/scales";

export type ExamPreview = {
  id: string;
  report: ExamImportReport;
  /** the good file, to be confirmed: its bytes and the receipt time as the field gives it */
  file: { name: string; data: string; receivedAt: string } | null;
};

/** Checks the uploaded file; a good one comes back with its bytes, to be confirmed. */
export const previewExamsAction = userAction(examFileSchema, async (p, input): Promise<ExamPreview> => {
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const report = await previewExamImport(p, { fileName: input.file.name, bytes, receivedAt: input.receivedAt });
  const file = report.status === "PREVIEW" ? { name: report.fileName, data: Buffer.from(bytes).toString("base64"), receivedAt: receivedAtValue(report.receivedAt, p.timeZone) } : null;
  return { id: crypto.randomUUID(), report, file };
});

/** Applies the confirmed file: checked again, all or nothing. */
export const applyExamsAction = userAction(examConfirmSchema, async (p, input): Promise<ExamImportReport> => {
  if (!/^[A-Za-z0-9+/]+=*$/.test(input.data)) throw new AppError("BAD_INPUT", "Файл повреждён при передаче: загрузите его ещё раз.");
  const report = await applyExamImport(p, { fileName: input.fileName, bytes: new Uint8Array(Buffer.from(input.data, "base64")), receivedAt: input.receivedAt });
  revalidatePath("/admin/exams");
  return report;
});

export const saveScaleAction = userAction(saveScaleSchema, async (p, input) => {
  const saved = await saveScale(p, input);
  revalidatePath("/admin/exams");
  return saved;
});
