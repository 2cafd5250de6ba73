/**
 * The server's disk full under the embedded database (issue 10, item 2). A child process
 * opens PGlite on a data directory whose disk "fills up" after a few hundred kilobytes of
 * growth (tests/faults/disk-limit.ts: Node's fs calls under PGlite's NODEFS throw ENOSPC
 * for any write that lengthens a file) and writes marks through the journal until the
 * writes fail. The teacher must read a clear Russian reason, not a generic failure; and
 * after a restart without the limit the directory opens, every mark saved before the
 * failure is there with its audit event, and the write that failed is absent or whole.
 *
 * What this reaches is PostgreSQL extending a table or an index file (most writes that
 * grow the database). A new WAL segment is made by PGlite's NODEFS with writeFileSync
 * and filled in place, which this hook does not refuse; that path (a PANIC in
 * PostgreSQL) is not exercised here.
 *
 * PGlite only: on PostgreSQL the disk is the database server's, out of the app's reach
 * (PostgreSQL answers disk_full, SQLSTATE 53100, which lib/errors.ts maps the same way).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { faultDb, killChildren, removeFaultDirs, seededSchool, spawnChild, type Seeded } from "../faults/harness";
import { checkMarks, parseLines } from "../faults/marks-check";
import { testEngine } from "../support/test-db";

let seeded: Seeded;
let schoolId: string;

describe.skipIf(testEngine() !== "pglite")("the disk full under the embedded database", () => {
  beforeAll(async () => {
    ({ seeded, schoolId } = await seededSchool());
  }, 300_000);

  afterAll(async () => {
    await killChildren();
    await removeFaultDirs();
  });

  const cases = [
    { name: "a table or an index needs a new page", env: { FAULT_DISK_BYTES: String(256 * 1024) } },
  ];
  it.each(cases)("when $name: the write is refused with a clear Russian reason, and the reopened directory holds every mark saved before", async ({ name, env }) => {
    const fdb = await faultDb(seeded);
    const since = new Date();
    const child = spawnChild("write-marks-child.ts", fdb.child, { FAULT_CELLS: "400", ...env });
    await child.waitFor((l) => l.startsWith("READY"));
    // the child stops by itself after three refused writes; a hung database is killed
    const ended = await Promise.race([child.exited, new Promise<null>((r) => setTimeout(() => r(null), 90_000))]);
    if (!ended) child.kill();
    const { committed, refused } = parseLines(child.lines);
    const tagged = (word: string) => child.lines.filter((l) => l.startsWith(word)).map((l) => l.slice(word.length + 1));
    console.log(`[faults] disk-full (${name}): child ${ended ? `exited (${ended.code ?? ended.signal})` : "hung, killed"}; ${committed.size} cells saved, then refused: ${refused.map((r) => `${r.code} «${r.message}»`).join(" | ")}; the database's words: ${tagged("RAW").join(" | ")}; reads after each refusal: ${tagged("READS").join(", ")}; ${tagged("DISK").join("")} bytes grown`);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.code).toBe("STORAGE_FULL");
      expect(r.message).toBe("Не хватает места на диске сервера, изменение не сохранено. Сообщите администратору школы.");
    }
    // a refused write is an ERROR, not a crash: the database still answers
    expect(tagged("READS").every((x) => x === "ok")).toBe(true);

    const { db, close } = await fdb.open();
    try {
      const report = await checkMarks(db, schoolId, since, child.lines);
      console.log(`[faults] disk-full (${name}) reopened without the limit: ${report.reported} cells reported saved, ${report.inDatabase} in the database; the cell that failed: ${report.last}; problems: ${report.problems.length}`);
      expect(report.problems).toEqual([]);
    } finally {
      await close();
    }
    await fdb.dispose();
  }, 240_000);
});
