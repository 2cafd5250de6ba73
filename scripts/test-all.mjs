// `npm test`: every check, in order, stopping at the first failure:
// lint, types, unit tests, integration tests on the embedded database (and on PostgreSQL
// too when TEST_DATABASE_URL is set), the production build, browser tests in Chromium.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

import { findChromium, HOW_TO_GET_CHROMIUM } from "./find-chromium.mjs";
import { needsBuild, root, run } from "./lib.mjs";

const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

const results = join(root, "test-results");
rmSync(results, { recursive: true, force: true });
const step = (title) => console.log(`\n━━ ${title} ━━`);

step("1/6 Линтер (eslint)");
run("eslint", ["."], { label: "eslint" });
step("2/6 Типы (tsc)");
run("tsc", ["--noEmit"], { label: "tsc" });
step("3/6 Модульные тесты");
run("vitest", ["run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile=test-results/unit.json"]);
step("4/6 Интеграционные тесты: встроенная база PGlite");
run("vitest", ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile=test-results/integration-pglite.json"], {
  env: { DATABASE_URL: "" },
});
if (process.env.TEST_DATABASE_URL) {
  step("4b/6 Интеграционные тесты: PostgreSQL");
  run("vitest", ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile=test-results/integration-postgres.json"], {
    env: { DATABASE_URL: process.env.TEST_DATABASE_URL },
  });
}
step("5/6 Сборка");
if (needsBuild()) run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" }, label: "next build" });
else console.log("Сборка актуальна.");
step("6/6 Браузерные тесты (Chromium)");
run("playwright", ["test"], { env: { CHROMIUM_PATH: chromium } });

// One closing line with the totals of every runner.
let passed = 0;
let failed = 0;
let skipped = 0;
for (const f of ["unit.json", "integration-pglite.json", "integration-postgres.json"]) {
  const p = join(results, f);
  if (!existsSync(p)) continue;
  const r = JSON.parse(readFileSync(p, "utf8"));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
const e2e = join(results, "e2e.json");
if (existsSync(e2e)) {
  const s = JSON.parse(readFileSync(e2e, "utf8")).stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  skipped += s.skipped ?? 0;
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
