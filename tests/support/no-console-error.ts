import { afterEach, beforeEach, vi } from "vitest";

// A test that makes the code under test log an error fails: errors must not pass silently.
let logged: unknown[][] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (logged.length > 0) {
    const first = logged[0]?.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ");
    throw new Error(`console.error was called ${logged.length} time(s); first: ${first}`);
  }
});
