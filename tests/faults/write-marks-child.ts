/**
 * A child process that writes marks through the journal's real write (saveGridCell, the
 * grid's server action's function) as the demo teacher, one cell after another, until it
 * is killed or runs out of cells. Run by tests/integration/fault-*.test.ts:
 *
 *   node --import tsx tests/faults/write-marks-child.ts
 *     DATABASE_URL=…   or PGLITE_DIR=<data dir>     which database (as the app: lib/db.ts)
 *     FAULT_CELLS=200                               how many empty cells to write at most
 *     FAULT_DISK_BYTES=65536                        optional: the data directory's disk
 *                                                   "fills up" after this many new bytes
 *
 * It tells the test, one line each: `READY <cells>`; `BEGIN <lesson> <student> <input>`
 * before a write; `COMMITTED <lesson> <student> <input> <markIds>` only after the call has
 * returned; `REFUSED <lesson> <student> <code> <json message>` when the call threw (code:
 * the AppError's, or UNMAPPED for an error the user would see as a generic failure);
 * `RAW <json>` the error as the database gave it (for the developer reading the test);
 * `READS ok|failed` whether the database still answered a read after a refusal; `DONE`
 * at the end.
 */
import { limitDiskGrowth } from "./disk-limit";
import { app, emptyCells, inputFor, principalOf, tell } from "./child";

async function main(): Promise<void> {
  const diskBytes = process.env["FAULT_DISK_BYTES"];
  const dataDir = process.env["PGLITE_DIR"];
  // installed before the database opens, so every file of the data directory is watched
  const disk = diskBytes && dataDir ? limitDiskGrowth(dataDir) : null;
  const a = await app();
  const teacher = await principalOf(a, "teacher");
  const cells = await emptyCells(a, teacher, Number(process.env["FAULT_CELLS"] ?? 200));
  // the disk fills up only now: opening the database and reading the cells may grow files
  disk?.arm(Number(diskBytes));
  tell("READY", cells.length);
  let refusals = 0;
  for (const [i, c] of cells.entries()) {
    const input = inputFor(i);
    tell("BEGIN", c.lessonId, c.studentId, input);
    try {
      await a.saveGridCell(teacher, { ...c, input });
    } catch (error) {
      const known = a.toAppError(error);
      const text = known ? known.message : error instanceof Error ? error.message : String(error);
      tell("REFUSED", c.lessonId, c.studentId, known?.code ?? "UNMAPPED", JSON.stringify(text));
      tell("RAW", JSON.stringify(rawText(error)));
      const reads = await a.db.mark.count({ where: { schoolId: teacher.schoolId } }).then(() => "ok", () => "failed");
      tell("READS", reads);
      // a full disk: try two more cells to see whether the database still answers, then stop
      if (++refusals >= 3) break;
      continue;
    }
    const marks = await a.db.mark.findMany({
      where: { schoolId: teacher.schoolId, lessonId: c.lessonId, studentId: c.studentId, removedAt: null },
      orderBy: { part: "asc" },
      select: { id: true },
    });
    tell("COMMITTED", c.lessonId, c.studentId, input, marks.map((m) => m.id).join(","));
  }
  if (disk) tell("DISK", disk.grown());
  tell("DONE");
  await a.disconnectDb().catch(() => undefined);
}

/** The error's own words and those of its causes, shortened. */
function rawText(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let i = 0; i < 4 && e; i++) {
    if (e instanceof Error) parts.push(`${e.name}: ${e.message}`);
    else parts.push(typeof e === "string" ? e : JSON.stringify(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(" ← ").replace(/\s+/g, " ").slice(0, 600);
}

main().catch((error: unknown) => {
  tell("CRASHED", JSON.stringify(error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
  process.exitCode = 1;
});
