import { buildTemplate } from "@/lib/imports/export";
import { downloadResponse } from "@/lib/imports/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  return downloadResponse(request, (await params).kind, buildTemplate);
}
