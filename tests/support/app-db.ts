/**
 * Points the app's one Prisma client (lib/db.ts) at a test database, so domain functions
 * run unchanged against a real, fresh database.
 */
import { useDb, type Db } from "../../lib/db";

export function bindAppDb(db: Db): void {
  useDb(db);
}
