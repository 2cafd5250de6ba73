// The server the browser tests talk to: a fresh embedded database in a temporary folder,
// migrated and seeded with the demo school (or left empty with E2E_EMPTY=1, for the
// first-run tests), then the production build on E2E_PORT.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { root, run, startNext } from "./lib.mjs";

const port = Number(process.env.E2E_PORT || 3100);
const dir = mkdtempSync(join(tmpdir(), "zhurnal-e2e-"));
const env = {
  PGLITE_DIR: join(dir, "pglite"),
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  APP_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: "",
};
run("tsx", ["scripts/db.ts", "migrate"], { env });
const empty = process.env.E2E_EMPTY === "1";
// The seed prints the demo logins and the first invitation codes; the browser tests
// need a code, so the printed ones are kept in test-results/e2e-seed.json.
const seeded = empty ? { status: 0, stdout: "", stderr: "" } : spawnSync(join(root, "node_modules/.bin/tsx"), ["scripts/db.ts", "seed"], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
process.stdout.write(seeded.stdout ?? "");
process.stderr.write(seeded.stderr ?? "");
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
const invitations = [...(seeded.stdout ?? "").matchAll(/^\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\s+(.+)$/gm)].map((m) => ({ code: m[1], guardian: m[2] }));
if (!empty) {
  mkdirSync(join(root, "test-results"), { recursive: true });
  writeFileSync(join(root, "test-results", "e2e-seed.json"), JSON.stringify({ invitations }, null, 2));
}
const server = startNext({ port, env });
const stop = () => {
  server.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
