import { defineConfig } from "@playwright/test";

// scripts/test-all.mjs and scripts/e2e.mjs find the browser and pass it in CHROMIUM_PATH.
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT || 3100);
// a second server on an empty database, for the first-run tests
const emptyPort = port + 1;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  // No retries: a flaky test is a bug to fix, not to hide.
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  // artifacts apart from test-results/e2e-seed.json, which the server writes before the run
  outputDir: "test-results/e2e-artifacts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "ru-RU",
    timezoneId: "Asia/Yekaterinburg",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "demo", testIgnore: [/first-run\.spec\.ts$/, /\.after-all\.spec\.ts$/] },
    { name: "first-run", testMatch: /first-run\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${emptyPort}` } },
    // tests that change the demo school for good (closing its year) run after all the others
    { name: "after-all", testMatch: /\.after-all\.spec\.ts$/, dependencies: ["demo"] },
  ],
  webServer: [
    {
      command: "node scripts/e2e-server.mjs",
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node scripts/e2e-server.mjs",
      env: { E2E_PORT: String(emptyPort), E2E_EMPTY: "1" },
      url: `http://127.0.0.1:${emptyPort}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
