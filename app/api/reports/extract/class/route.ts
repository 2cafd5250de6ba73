/**
 * The extracts of a class as one PDF, each student from a new page: ?cohort=<id>,
 * ?period=<id> or ?from=&to=, ?who=paper (the class's paper list, the default) or all,
 * &large=1 for large print. Every extract in it is recorded under one batch id.
 */
import { AppError } from "@/lib/errors";
import { fileDownload } from "@/lib/file-download";
import { printClassExtracts } from "@/lib/reports/extract-pdf";
import { parseClassExtractQuery } from "@/lib/reports/extract-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return fileDownload("Выписки класса", async (p) => {
    const parsed = parseClassExtractQuery(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError("BAD_INPUT", parsed.message, parsed.fieldErrors);
    const out = await printClassExtracts(p, parsed.value);
    return { fileName: out.fileName, mimeType: "application/pdf", data: out.pdf };
  });
}
