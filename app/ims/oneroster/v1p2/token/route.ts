/**
 * The OneRoster API's OAuth 2 token endpoint (client credentials): see
 * lib/oneroster/token-endpoint.ts. Only POST; any other method is 405 by Next.
 */
import { tokenEndpoint } from "@/lib/oneroster/token-endpoint";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return tokenEndpoint(request);
}
