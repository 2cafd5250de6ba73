/**
 * A stored file (homework, a consent scan) as a download for a route handler: the
 * domain function decides who may have it; this turns its answer, or its refusal, into a
 * response. Always an attachment, with the type found from the content, nosniff, never
 * cached, and a sandbox: should a browser show it anyway, it runs nothing and reaches
 * nothing. A refusal is plain text with the domain's message; anything else is logged and
 * answered with the generic message (no stack trace leaves the server).
 */
import "server-only";

import type { Principal } from "@/lib/auth/principal";
import { getPrincipal } from "@/lib/auth/session";
import { AppError, GENERIC_ERROR_MESSAGE, httpStatusOf } from "@/lib/errors";
import { contentDisposition } from "@/lib/journal/file-check";

export type StoredFile = { fileName: string; mimeType: string; data: Uint8Array };

const NEVER_CACHED = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

export async function fileDownload(what: string, read: (p: Principal) => Promise<StoredFile>): Promise<Response> {
  try {
    const p = await getPrincipal();
    if (!p) throw new AppError("UNAUTHENTICATED");
    const file = await read(p);
    return new Response(new Uint8Array(file.data), {
      headers: {
        ...NEVER_CACHED,
        "Content-Type": file.mimeType,
        "Content-Length": String(file.data.byteLength),
        "Content-Disposition": contentDisposition(file.fileName),
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (!(error instanceof AppError)) console.error(`${what}:`, error);
    return new Response(error instanceof AppError ? error.message : GENERIC_ERROR_MESSAGE, {
      status: httpStatusOf(error),
      headers: { ...NEVER_CACHED, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
