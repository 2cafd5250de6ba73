// The migration command on the engine selected by DATABASE_URL (see tests/support/test-db.ts):
// the history in prisma/migrations must build the schema from nothing, and say so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  applyMigrations,
  defaultPaths,
  migrationStatus,
  pendingSchemaChanges,
  readMigrationList,
} from "../../lib/db/migrate";
import { createEmptyTestDb, createTestDb, testEngine, type EmptyTestDb } from "../support/test-db";

describe(`migrations on ${testEngine()}`, () => {
  let empty: EmptyTestDb;
  let local: string[];

  beforeAll(async () => {
    empty = await createEmptyTestDb();
    local = (await readMigrationList(defaultPaths().migrationsDir)).migrationDirectories.map((d) => d.path);
  });
  afterAll(async () => {
    await empty.close();
  });

  it("has at least one migration, with a lock file for PostgreSQL", async () => {
    const list = await readMigrationList(defaultPaths().migrationsDir);
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    expect(list.lockfile.content).toMatch(/provider = "postgresql"/);
  });

  it("reports every migration as pending on an empty database", async () => {
    const status = await migrationStatus(empty.target);
    expect(status.hasMigrationsTable).toBe(false);
    expect(status.pending).toEqual(local);
    expect(status.upToDate).toBe(false);
  });

  it("applies every migration, in order, on an empty database", async () => {
    const result = await applyMigrations(empty.target);
    expect(result.applied).toEqual(local);
    const recorded = await empty.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
        ORDER BY migration_name`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(local);
  });

  // PGlite's own driver parses arrays by the types it knew when it opened (node-pg on
  // PostgreSQL leaves arrays of an enum as text for Prisma's adapter to read, whenever
  // the type was made): the embedded engine's case only
  if (testEngine() === "pglite") it("right after migrating, the same connection reads an array of a new enum as an array (a fresh install's first requests)", async () => {
    // PGlite parses arrays by the types it knew when it opened: without learning the new
    // enum types after the migrations, «roles» came back as the text "{TEACHER}"
    const rows = await empty.query<{ roles: unknown }>(`SELECT ARRAY['TEACHER', 'ADMIN']::"UserRole"[] AS roles`);
    expect(rows[0]?.roles).toEqual(["TEACHER", "ADMIN"]);
  });

  it("applies nothing when run again", async () => {
    const again = await applyMigrations(empty.target);
    expect(again.applied).toEqual([]);
  });

  it("reports nothing pending afterwards", async () => {
    const status = await migrationStatus(empty.target);
    expect(status).toMatchObject({
      hasMigrationsTable: true,
      pending: [],
      unknownInDatabase: [],
      failed: [],
      edited: [],
      upToDate: true,
    });
  });

  it("builds school-owned tables with the composite primary key (schoolId, id)", async () => {
    const rows = await empty.query<{ table_name: string; columns: string }>(
      `SELECT tc.table_name,
              string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) AS columns
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
        WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public'
          AND tc.table_name IN ('Mark', 'Student')
        GROUP BY tc.table_name
        ORDER BY tc.table_name`,
    );
    expect(rows).toEqual([
      { table_name: "Mark", columns: "schoolId,id" },
      { table_name: "Student", columns: "schoolId,id" },
    ]);
  });
});

describe("the migrations history", () => {
  it("matches prisma/schema.prisma (every schema change has its migration)", async () => {
    // Not the engine under test: migrations are always made on PGlite.
    await expect(pendingSchemaChanges()).resolves.toBeUndefined();
  });
});

describe(`test databases on ${testEngine()}`, () => {
  it("start migrated and empty, and are independent of each other", async () => {
    const a = await createTestDb();
    const b = await createTestDb();
    try {
      await expect(a.db.school.count()).resolves.toBe(0);
      await a.db.school.create({
        data: { name: "МБОУ СОШ № 1", shortName: "СОШ № 1", address: "Ханты-Мансийск", region: "ХМАО — Югра" },
      });
      await expect(a.db.school.count()).resolves.toBe(1);
      await expect(b.db.school.count()).resolves.toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
