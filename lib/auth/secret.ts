import { env } from "@/lib/env";

// Outside production a fixed development secret keeps `npm run dev` and the tests
// working with no set-up. A production server refuses to serve without AUTH_SECRET;
// `next build` serves nothing, so it may go without.
const DEV_SECRET = "zhurnal-development-secret-not-for-production-use";

export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("Неверные настройки окружения:\n  AUTH_SECRET: нужен в production (не короче 32 символов)");
  }
  return DEV_SECRET;
}
