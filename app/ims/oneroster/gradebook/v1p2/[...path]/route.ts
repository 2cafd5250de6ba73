/**
 * The OneRoster 1.2 gradebook service: its reads and the two writes outside tools send
 * marks with (PUT results, PUT lineItems), answered by the shared pipeline
 * (lib/oneroster/http.ts) from the route table (lib/oneroster/gradebook-routes.ts). The
 * document's other operations (POST, DELETE, assessments) are in the table too and are
 * refused there with the reason; a method the document does not have at all is refused
 * here in the imsx format.
 */
import { authenticate, logCall, requireScope } from "@/lib/oneroster/auth";
import { handleOneRoster, methodNotAllowed } from "@/lib/oneroster/http";
import { GRADEBOOK_ROUTES } from "@/lib/oneroster/gradebook-routes";

// children's marks, read and written per caller: never prerendered, never cached
export const dynamic = "force-dynamic";

function handle(request: Request): Promise<Response> {
  return handleOneRoster(request, GRADEBOOK_ROUTES, { authenticate, requireScope, logCall });
}

export const GET = handle;
export const PUT = handle;
export const POST = handle;
export const DELETE = handle;

export function PATCH(): Response {
  return methodNotAllowed(["GET", "PUT", "POST", "DELETE"]);
}
