/**
 * A child process that runs one big import of students through the administrator's
 * import (lib/imports/run-import.ts importFile, what the import page calls), as the demo
 * school's administrator, and is meant to be killed while it runs. Run by
 * tests/integration/fault-kill.test.ts:
 *
 *   node --import tsx tests/faults/import-child.ts
 *     DATABASE_URL=… or PGLITE_DIR=<data dir>, and FAULT_IMPORT_TAG=<letters>: the tag
 *     makes this run's record numbers new, so a second run imports again
 *     FAULT_KILL_AFTER_WRITES=n: optional: the process SIGKILLs itself right after the
 *     import's n-th bulk insert returned, i.e. surely inside its transaction
 *
 * It tells the test: `READY`, `START` just before the call, `WRITE <model> <rows>` after
 * each bulk insert of the import, `APPLIED <created>` after the call returned, or
 * `REJECTED <json errors>`.
 */
import { app, principalOf, tell } from "./child";
import { letterSuffix } from "../../prisma/seed/names";

/** Students in the file: enough that the import's transaction takes seconds, not milliseconds. */
export const IMPORT_STUDENTS = 1500;

const HEAD = ["Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "Номер личного дела", "Класс", "ИУП", "Надомное обучение"];
const CLASSES = ["5А", "6А", "7А", "8А", "9А"];

export function studentsFile(tag: string, n = IMPORT_STUDENTS): Uint8Array {
  const rows = Array.from({ length: n }, (_, i) => [
    `Новиков-${letterSuffix(i)}`, "Иван", "Петрович", `1${i % 9}.0${1 + (i % 9)}.${2011 + (i % 5)}`, i % 2 ? "м" : "ж",
    `F-${tag}-${String(i).padStart(5, "0")}`, CLASSES[i % CLASSES.length] ?? "5А", "нет", "нет",
  ]);
  return new TextEncoder().encode([HEAD, ...rows].map((r) => r.join(";")).join("\r\n"));
}

async function main(): Promise<void> {
  const a = await app();
  const admin = await principalOf(a, "admin");
  const killAfter = Number(process.env["FAULT_KILL_AFTER_WRITES"] ?? 0);
  let writes = 0;
  // the app's client, watched: every bulk insert the import makes is told as it returns
  const watched = a.getDb().$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const result: unknown = await query(args);
        if (operation === "createMany") {
          tell("WRITE", model ?? "?", (result as { count?: number }).count ?? 0);
          if (++writes === killAfter) {
            tell("KILLING");
            process.kill(process.pid, "SIGKILL");
          }
        }
        return result;
      },
    },
  });
  a.useDb(watched as unknown as typeof a.db);
  const bytes = studentsFile(process.env["FAULT_IMPORT_TAG"] ?? "a");
  tell("READY");
  tell("START");
  const report = await a.importFile(admin, { kind: "STUDENTS", fileName: "ученики.csv", bytes });
  if (report.status === "APPLIED") tell("APPLIED", report.counts.created);
  else tell("REJECTED", JSON.stringify(report.errors.slice(0, 5)));
  tell("DONE");
  await a.disconnectDb();
}

// run only as a process, not when the test imports IMPORT_STUDENTS from here
if (process.argv[1]?.endsWith("import-child.ts")) {
  main().catch((error: unknown) => {
    tell("CRASHED", JSON.stringify(error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
    process.exitCode = 1;
  });
}
