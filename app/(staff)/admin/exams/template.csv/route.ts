/** A sample of the exam centre's file: the header line and one example row (docs/exam-results-format.md). */
import { getPrincipal } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { EXAM_COLUMNS } from "@/lib/exams/file";
import { writeCsv } from "@/lib/imports/table";

export async function GET(): Promise<Response> {
  const p = await getPrincipal();
  if (!p) return new Response("Войдите в систему, чтобы продолжить.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!can(p, "exams.manage")) return new Response("У вас нет прав на это действие.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const body = writeCsv(EXAM_COLUMNS.map((c) => c.header), [EXAM_COLUMNS.map((c) => c.example)]);
  return new Response(body.slice().buffer, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="exam-results-sample.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
