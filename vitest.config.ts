import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    // A test that logs console.error fails (tests/support/no-console-error.ts).
    setupFiles: ["tests/support/no-console-error.ts"],
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", setupFiles: ["tests/support/no-console-error.ts"] },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/no-console-error.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // one database engine instance per file; two cores
          fileParallelism: false,
        },
      },
    ],
  },
});
