/**
 * Backups (issue 10, item 4): the demo school is backed up, destroyed, restored from the
 * copy, and every row of every table is found again (counts and checksums). On the
 * engine the tests run on: PGlite by default, PostgreSQL with DATABASE_URL (pg_dump and
 * pg_restore, as `npm run backup` / `npm run restore` use them).
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { seedDemoSchool } from "../../prisma/seed/demo-school";
import {
  backupPglite,
  backupPostgres,
  compareFingerprints,
  fingerprint,
  pgliteQuery,
  postgresQuery,
  readManifest,
  readPgliteBackup,
  restorePostgres,
  totalRows,
  type Fingerprint,
} from "../../lib/db/backup";

let t: TestDb;
let dir: string;
let before: Fingerprint;
let closed = false;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemoSchool(t.db, { today: new Date() });
  dir = await mkdtemp(join(tmpdir(), "zhurnal-backup-"));
});
afterAll(async () => {
  if (!closed) await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function liveQuery() {
  return t.pglite ? pgliteQuery(t.pglite) : postgresQuery(t.url ?? "");
}

describe("a backup of the demo school", () => {
  it("is restored after the school is destroyed, with every row of every table", async () => {
    before = await fingerprint(liveQuery());
    // the demo school has real data in the tables that matter
    expect(before["Mark"]?.rows).toBeGreaterThan(100);
    expect(before["ConsentEvent"]?.rows).toBeGreaterThan(0);
    expect(before["_prisma_migrations"]?.rows).toBeGreaterThan(0);

    if (t.pglite) {
      const file = join(dir, "school.tar.gz");
      const manifest = await backupPglite(t.pglite, file);
      expect((await stat(file)).size).toBeGreaterThan(0);
      expect(manifest.tables).toEqual(before);
      expect((await readManifest(file)).migration).toMatch(/^\d{14}_/);
      // destroyed: the instance and everything in it is gone
      await t.close();
      closed = true;
      const restored = new PGlite({ loadDataDir: await readPgliteBackup(file) });
      try {
        const after = await fingerprint(pgliteQuery(restored));
        expect(compareFingerprints(manifest.tables, after)).toEqual([]);
        expect(totalRows(after)).toBe(totalRows(before));
        // the check is not blind: one row gone is named
        await restored.query(`DELETE FROM "Recommendation" WHERE id = (SELECT id FROM "Recommendation" LIMIT 1)`);
        expect(compareFingerprints(manifest.tables, await fingerprint(pgliteQuery(restored)))).toEqual([
          expect.stringMatching(/^Recommendation: строк \d+, в копии \d+$/),
        ]);
      } finally {
        await restored.close();
      }
    } else {
      const url = t.url ?? "";
      const file = join(dir, "school.dump");
      const manifest = await backupPostgres(url, file);
      expect(manifest.tables).toEqual(before);
      // destroyed: every table, type and row of the school's schema
      await t.db.$disconnect();
      const q = postgresQuery(url);
      await q("DROP SCHEMA public CASCADE");
      await q("CREATE SCHEMA public");
      expect(await fingerprint(q)).toEqual({});
      await restorePostgres(url, file);
      const after = await fingerprint(q);
      expect(compareFingerprints(manifest.tables, after)).toEqual([]);
      expect(totalRows(after)).toBe(totalRows(before));
      await q(`DELETE FROM "Recommendation" WHERE id = (SELECT id FROM "Recommendation" LIMIT 1)`);
      expect(compareFingerprints(manifest.tables, await fingerprint(q))).toEqual([expect.stringMatching(/^Recommendation: строк \d+, в копии \d+$/)]);
    }
  });
});
