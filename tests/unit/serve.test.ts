import { describe, expect, it } from "vitest";

import { workerCount } from "../../scripts/serve.mjs";

describe("npm start: how many server processes", () => {
  const pg = { DATABASE_URL: "postgresql://postgres@127.0.0.1/school" };
  it("is one on the embedded database, whatever is asked (PGlite has one owner)", () => {
    expect(workerCount({}, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "4" }, 8)).toBe(1);
  });
  it("is one per core on PostgreSQL, or WEB_CONCURRENCY", () => {
    expect(workerCount(pg, 2)).toBe(2);
    expect(workerCount({ ...pg, WEB_CONCURRENCY: "3" }, 2)).toBe(3);
    expect(workerCount({ ...pg, WEB_CONCURRENCY: "" }, 4)).toBe(4);
  });
  it("refuses a number that is not one, in Russian", () => {
    expect(() => workerCount({ ...pg, WEB_CONCURRENCY: "два" }, 2)).toThrow(/WEB_CONCURRENCY должно быть целым числом/);
    expect(() => workerCount({ ...pg, WEB_CONCURRENCY: "0" }, 2)).toThrow(/от 1 до 64/);
  });
});
