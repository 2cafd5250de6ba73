"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/action";
import { importFile } from "@/lib/imports/run-import";
import { importUploadSchema } from "@/lib/imports/schemas";

export const importAction = userAction(importUploadSchema, async (p, input) => {
  const report = await importFile(p, { kind: input.kind, fileName: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()) });
  revalidatePath("/admin/import");
  return report;
});
