/**
 * A file attached to homework, as a download. The domain function decides who may have
 * it (lib/journal/homework.ts: the journal's teachers and administration, the family of
 * a student the homework was for); anyone else, and a missing file, gets 404 alike.
 * lib/file-download.ts makes it an attachment with the type found from the content,
 * nosniff and a sandbox, so a file is never shown as a page of this site.
 */
import { fileDownload } from "@/lib/file-download";
import { readHomeworkFile } from "@/lib/journal/homework";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  return fileDownload("Файл домашнего задания", (p) => readHomeworkFile(p, fileId));
}
