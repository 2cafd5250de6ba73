/**
 * `npm run faults`: the fault suite (tests/integration/fault-*.test.ts) at full strength.
 * In the ordinary integration run those files do the short version (one killed writer,
 * two killed imports) to stay under a minute each; FAULT_ROUNDS=3 here kills the writer
 * three times and the import a third time at a random moment. Arguments are passed on
 * to vitest.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

// vitest's own launcher (its package "exports" do not list it)
const vitest = join(import.meta.dirname, "..", "..", "node_modules", "vitest", "vitest.mjs");
const result = spawnSync(process.execPath, [vitest, "run", "--project", "integration", "tests/integration/fault-", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, FAULT_ROUNDS: process.env.FAULT_ROUNDS ?? "3" },
});
process.exitCode = result.status ?? 1;
