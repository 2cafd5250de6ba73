/**
 * The scan of a signed paper consent, as a download: administrators only; anyone else,
 * and a missing scan, gets 404 alike. Always an attachment, nosniff, never cached.
 */
import { getPrincipal } from "@/lib/auth/session";
import { AppError, GENERIC_ERROR_MESSAGE, httpStatusOf } from "@/lib/errors";
import { contentDisposition } from "@/lib/journal/file-check";
import { readConsentScan } from "@/lib/consent/events";

export const dynamic = "force-dynamic";

const text = (message: string, status: number) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });

export async function GET(_request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  try {
    const p = await getPrincipal();
    if (!p) throw new AppError("UNAUTHENTICATED");
    const file = await readConsentScan(p, (await params).eventId);
    return new Response(new Uint8Array(file.data), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.data.byteLength),
        "Content-Disposition": contentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (!(error instanceof AppError)) console.error("Скан согласия:", error);
    return text(error instanceof AppError ? error.message : GENERIC_ERROR_MESSAGE, httpStatusOf(error));
  }
}
