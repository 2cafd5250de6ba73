/**
 * The scan of a signed paper consent, as a download: administrators only; anyone else,
 * and a missing scan, gets 404 alike (lib/file-download.ts: attachment, nosniff, no-store).
 */
import { fileDownload } from "@/lib/file-download";
import { readConsentScan } from "@/lib/consent/events";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  return fileDownload("Скан согласия", (p) => readConsentScan(p, eventId));
}
