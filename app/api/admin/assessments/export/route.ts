/**
 * GET /api/admin/assessments/export?format=pdf|xlsx&periodId=…&cohortId=…
 * The test schedule as a file. Who may download it is checked in the domain function.
 */
import { getPrincipal } from "@/lib/auth/session";
import { AppError, GENERIC_ERROR_MESSAGE, httpStatusOf } from "@/lib/errors";
import { exportAssessmentSchedule } from "@/lib/timetable/assessment-export";
import { exportSchema } from "@/lib/timetable/schemas";

export async function GET(request: Request): Promise<Response> {
  const p = await getPrincipal();
  if (!p) return text(new AppError("UNAUTHENTICATED").message, 401);
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const parsed = exportSchema.safeParse(params);
  if (!parsed.success) return text(parsed.error.issues.map((i) => i.message).join(" "), 400);
  try {
    const file = await exportAssessmentSchedule(p, parsed.data);
    return new Response(new Blob([file.body as Uint8Array<ArrayBuffer>]), {
      headers: {
        "Content-Type": file.contentType,
        // the name in Russian for browsers that read it, an ASCII one for the rest
        "Content-Disposition": `attachment; filename="schedule.${parsed.data.format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return text(error.message, httpStatusOf(error));
    console.error("Выгрузка графика оценочных процедур не удалась:", error);
    return text(GENERIC_ERROR_MESSAGE, 500);
  }
}

function text(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
