/**
 * GET /api/stats/term-report?format=pdf|xlsx&period=…&view=school|class|subject|teacher&id=…
 * The term report as a file. Who may have it, and what it shows, is decided in the
 * domain function (reports.read; a teacher sees only their own classes and subjects).
 */
import { getPrincipal } from "@/lib/auth/session";
import { AppError, GENERIC_ERROR_MESSAGE, httpStatusOf } from "@/lib/errors";
import { exportTermReport } from "@/lib/stats/export";
import { statsExportSchema } from "@/lib/stats/schemas";

export const dynamic = "force-dynamic";

const NEVER_CACHED = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

function text(message: string, status: number): Response {
  return new Response(message, { status, headers: { ...NEVER_CACHED, "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: Request): Promise<Response> {
  const p = await getPrincipal();
  if (!p) return text(new AppError("UNAUTHENTICATED").message, 401);
  const params = Object.fromEntries([...new URL(request.url).searchParams.entries()].filter(([, v]) => v !== ""));
  const parsed = statsExportSchema.safeParse(params);
  if (!parsed.success) return text(parsed.error.issues.map((i) => i.message).join(" "), 400);
  try {
    const file = await exportTermReport(p, parsed.data);
    return new Response(new Blob([file.body as Uint8Array<ArrayBuffer>]), {
      headers: {
        ...NEVER_CACHED,
        "Content-Type": file.contentType,
        // the Russian name for browsers that read it, an ASCII one for the rest
        "Content-Disposition": `attachment; filename="otchet.${parsed.data.format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      },
    });
  } catch (error) {
    if (error instanceof AppError) return text(error.message, httpStatusOf(error));
    console.error("Выгрузка отчёта за период не удалась:", error);
    return text(GENERIC_ERROR_MESSAGE, 500);
  }
}
