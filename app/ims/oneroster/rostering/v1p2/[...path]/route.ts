/**
 * The OneRoster 1.2 rostering service (read only): every GET of the official document,
 * answered by the shared pipeline (lib/oneroster/http.ts) from the route table
 * (lib/oneroster/rostering-routes.ts). Any other method is refused in the imsx format.
 */
import { authenticate, logCall, requireScope } from "@/lib/oneroster/auth";
import { handleOneRoster, methodNotAllowed } from "@/lib/oneroster/http";
import { ROSTERING_ROUTES } from "@/lib/oneroster/rostering-routes";

// personal data of children, read per caller: never prerendered, never cached
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleOneRoster(request, ROSTERING_ROUTES, { authenticate, requireScope, logCall });
}

function refuse(): Response {
  return methodNotAllowed(["GET"]);
}

export const POST = refuse;
export const PUT = refuse;
export const PATCH = refuse;
export const DELETE = refuse;
