/**
 * The summary sheet of a class for the year as a PDF (landscape A4), for whoever may read
 * the sheet on screen: the administration and the class's teachers. ?year=<id> as the
 * screen takes it. Anything else: 404.
 */
import { fileDownload } from "@/lib/file-download";
import { printSummarySheet } from "@/lib/reports/summary-sheet";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ cohortId: string }> }) {
  const { cohortId } = await params;
  const year = new URL(request.url).searchParams.get("year") ?? undefined;
  return fileDownload("Сводная ведомость (PDF)", async (p) => {
    const out = await printSummarySheet(p, cohortId, year || undefined);
    return { fileName: out.fileName, mimeType: "application/pdf", data: out.pdf };
  });
}
