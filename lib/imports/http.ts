/**
 * Route handlers of templates and exports: who asks, which kind and format, and the
 * answer as a download. An expected error is told in Russian with its status; anything
 * else is logged and answered with the generic message.
 */
import "server-only";

import { getPrincipal } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/principal";
import { AppError, GENERIC_ERROR_MESSAGE, httpStatusOf } from "@/lib/errors";
import { parseImportKind, type ImportKindName } from "@/lib/imports/columns";
import type { DownloadFile } from "@/lib/imports/export";
import type { FileFormat } from "@/lib/imports/table";

type Build = (p: Principal, kind: ImportKindName, format: FileFormat) => Promise<DownloadFile>;

export async function downloadResponse(request: Request, kindParam: string, build: Build): Promise<Response> {
  try {
    const p = await getPrincipal();
    if (!p) throw new AppError("UNAUTHENTICATED");
    const kind = parseImportKind(kindParam);
    if (!kind) throw new AppError("NOT_FOUND");
    const formatParam = new URL(request.url).searchParams.get("format") ?? "xlsx";
    if (formatParam !== "csv" && formatParam !== "xlsx") throw new AppError("BAD_INPUT", "Формат файла: csv или xlsx.");
    const file = await build(p, kind, formatParam);
    return new Response(file.body.slice().buffer, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof AppError)) console.error("Ошибка выгрузки:", error);
    const message = error instanceof AppError ? error.message : GENERIC_ERROR_MESSAGE;
    return new Response(message, { status: httpStatusOf(error), headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
