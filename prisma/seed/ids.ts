/**
 * Row ids made here rather than by the database: the generator links millions of rows
 * (a mark to its lesson) without reading anything back. UUID version 7, like the schema's
 * `@default(uuid(7))`: a millisecond timestamp, then a counter, then random bits, so ids
 * made in one run sort in creation order and index pages fill from the right.
 */
import { randomFillSync } from "node:crypto";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const pool = Buffer.alloc(8 * 4096);
let poolAt = pool.length;
let lastMs = 0;
let counter = 0;

function randomBytes8(): number {
  if (poolAt + 8 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += 8;
  return at;
}

export function uuidv7(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    counter = 0;
  } else {
    // Same millisecond (or the clock stepped back): count on, borrowing the next ms.
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
    ms = lastMs;
  }
  const at = randomBytes8();
  const b: number[] = [
    Math.floor(ms / 2 ** 40) & 0xff, Math.floor(ms / 2 ** 32) & 0xff, (ms >>> 24) & 0xff,
    (ms >>> 16) & 0xff, (ms >>> 8) & 0xff, ms & 0xff,
    0x70 | (counter >>> 8), counter & 0xff,
    0x80 | ((pool[at] ?? 0) & 0x3f), pool[at + 1] ?? 0, pool[at + 2] ?? 0, pool[at + 3] ?? 0,
    pool[at + 4] ?? 0, pool[at + 5] ?? 0, pool[at + 6] ?? 0, pool[at + 7] ?? 0,
  ];
  const h = b.map((x) => HEX[x] ?? "00");
  return (
    h.slice(0, 4).join("") + "-" + h.slice(4, 6).join("") + "-" + h.slice(6, 8).join("") + "-" +
    h.slice(8, 10).join("") + "-" + h.slice(10, 16).join("")
  );
}

/** Predictable ids for tests of the generator: "00000000-0000-7000-8000-000000000001", … */
export function counterIds(): () => string {
  let n = 0;
  return () => {
    n++;
    return `00000000-0000-7000-8000-${n.toString(16).padStart(12, "0")}`;
  };
}
