/**
 * A file attached to homework, as a download. The domain function decides who may have
 * it (lib/journal/homework.ts: the journal's teachers and administration, the family of
 * a student the homework was for); anyone else, and a missing file, gets 404 alike.
 * Always an attachment, with the type found from the content and nosniff, so a file is
 * never shown as a page of this site.
 */
import { getPrincipal } from "@/lib/auth/session";
import { AppError, GENERIC_ERROR_MESSAGE, httpStatusOf } from "@/lib/errors";
import { contentDisposition } from "@/lib/journal/file-check";
import { readHomeworkFile } from "@/lib/journal/homework";

export const dynamic = "force-dynamic";

const text = (message: string, status: number) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });

export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  try {
    const p = await getPrincipal();
    if (!p) throw new AppError("UNAUTHENTICATED");
    const file = await readHomeworkFile(p, (await params).fileId);
    return new Response(new Uint8Array(file.data), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.data.byteLength),
        "Content-Disposition": contentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        // should a browser show it anyway, it runs nothing and reaches nothing
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (!(error instanceof AppError)) console.error("Файл домашнего задания:", error);
    return text(error instanceof AppError ? error.message : GENERIC_ERROR_MESSAGE, httpStatusOf(error));
  }
}
