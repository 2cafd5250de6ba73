/**
 * One student's paper extract as a PDF: ?student=<id> and ?period=<id>, or ?from=&to=
 * (days), or neither for the period under way; &large=1 for large print. An
 * administrator, or the class teacher of the student's class. A bad id or date: 400 and
 * nothing printed or recorded; a student one may not see: 404. Each PDF is recorded.
 */
import { AppError } from "@/lib/errors";
import { fileDownload } from "@/lib/file-download";
import { printStudentExtract } from "@/lib/reports/extract-pdf";
import { parseStudentExtractQuery } from "@/lib/reports/extract-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return fileDownload("Выписка из журнала", async (p) => {
    const parsed = parseStudentExtractQuery(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError("BAD_INPUT", parsed.message, parsed.fieldErrors);
    const out = await printStudentExtract(p, parsed.value);
    return { fileName: out.fileName, mimeType: "application/pdf", data: out.pdf };
  });
}
