// The server the browser tests talk to: a fresh embedded database in a temporary folder,
// migrated and seeded with the demo school, then the production build on E2E_PORT.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { run, startNext } from "./lib.mjs";

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
run("tsx", ["scripts/db.ts", "seed"], { env });
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
