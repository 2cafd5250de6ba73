import js from "@eslint/js";
import tseslint from "typescript-eslint";
import nextPlugin from "@next/eslint-plugin-next";

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "tmp/", "data/", "generated/", "bench/results/", "test-results/", "playwright-report/", "next-env.d.ts", "public/sw.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-floating-promises": "error",
      // async methods that satisfy an interface (adapters, handlers) need no await
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read the environment through lib/env.ts only." }],
    },
  },
  {
    // Components never reach the database; routes go through lib/<domain>.
    files: ["components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/generated/*", "**/generated/prisma*", "@prisma/client", "@/lib/db", "@/lib/db/*"], message: "Routes and components reach data through lib/<domain> only." }] }],
    },
  },
  {
    files: ["lib/env.ts", "instrumentation.ts", "scripts/**", "bench/**", "tests/**", "playwright.config.ts", "*.config.*"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", fetch: "readonly" } },
  },
);
