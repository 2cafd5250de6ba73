// Small helpers shared by the project's Node scripts (demo, tests, e2e server).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

/** Runs a command to completion with inherited output; exits the script on failure. */
export function run(cmd, args, { env = {}, label } = {}) {
  const res = spawnSync(cmd === "tsx" || cmd === "vitest" || cmd === "eslint" || cmd === "tsc" || cmd === "playwright" ? bin(cmd) : cmd, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (res.status !== 0) {
    console.error(`\n✗ ${label ?? [cmd, ...args].join(" ")}: завершилось с кодом ${res.status ?? res.signal}`);
    process.exit(res.status || 1);
  }
}

/** Starts the production Next server directly (not through npx, which can orphan it). */
export function startNext({ port, env = {} }) {
  // scripts/serve.mjs: `next start`, one process per core on PostgreSQL
  return spawn(process.execPath, [join(root, "scripts/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", ...env },
  });
}

/** A secret kept in the data folder, so sessions survive a restart of the demo. */
export function persistentSecret(dataDir) {
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** The build is reused when no source file is newer than it. */
export function needsBuild() {
  const stamp = join(root, ".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const res = spawnSync("find", ["app", "components", "lib", "public", "generated", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "-newer", stamp, "-type", "f", "-print", "-quit"], { cwd: root, encoding: "utf8" });
  return Boolean(res.stdout.trim());
}

export async function waitForHealth(url, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
