/** The rostering service's address (GUIDRef hrefs must be absolute URIs); no database here, so the worker can use it. */
import { env } from "@/lib/env";

export const ROSTERING_BASE = "/ims/oneroster/rostering/v1p2";

export function rosteringBaseUrl(): string {
  return `${env.APP_URL.replace(/\/+$/, "")}${ROSTERING_BASE}`;
}
