import { describe, expect, it } from "vitest";

import { heapFlags, restartDelay, workerCount } from "../../scripts/serve.mjs";

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

describe("npm start: the workers", () => {
  it("get a larger young generation unless NODE_OPTIONS sets one", () => {
    expect(heapFlags("")).toEqual(["--max-semi-space-size=64"]);
    expect(heapFlags("--max-semi-space-size=16 --enable-source-maps")).toEqual([]);
  });
  it("are replaced after a wait that doubles with each death in a row, up to 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(restartDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
