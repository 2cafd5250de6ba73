// Prisma 7 reads this file for `prisma generate` (run through scripts/prisma-generate.mjs).
// No datasource here: the app connects through a driver adapter (lib/db/adapter.ts), and
// migrations run through our own command (scripts/db.ts), not `prisma migrate`, which
// needs a native engine that cannot be downloaded on a closed network.
// See docs/decisions/002-own-migration-command.md.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
});
