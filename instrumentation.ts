/**
 * Runs once when the server starts: pending migrations are applied before the first
 * request, in this process, on the same embedded database instance the app uses.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureMigrated } = await import("@/lib/db/ensure-migrated");
  await ensureMigrated();
}
