/**
 * A small seeded pseudo-random generator for the demo and region data sets.
 *
 * The data must come out the same for the same seed on every machine, so nothing here
 * touches Math.random. The core is splitmix32 (a 32-bit finaliser over a Weyl sequence):
 * fast, passes the usual statistical smoke tests, and any 32-bit state is a valid seed.
 *
 * `fork(label)` derives an independent stream from the current seed and a label, without
 * consuming the parent stream. Each student, cohort and school gets its own stream, so
 * adding a lesson to one class does not reshuffle the marks of another.
 */

const GOLDEN = 0x9e3779b9;

/** FNV-1a over the text form of the parts, then a splitmix finaliser: a 32-bit seed. */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join("\u0001");
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

function mix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Rng {
  private state: number;
  readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.state = this.seed;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + GOLDEN) >>> 0;
    return mix32(this.state);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, max). `max` must be a positive integer. */
  below(max: number): number {
    if (!Number.isInteger(max) || max <= 0) throw new RangeError(`below(${max}): нужна положительная граница`);
    return Math.floor(this.next() * max);
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new RangeError("pick() из пустого списка");
    return item;
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new RangeError("weighted() из пустого списка");
    return last[0];
  }

  /** A normally distributed number (Box–Muller; one of the pair is dropped for simplicity). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A new shuffled array (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }

  /** An independent stream named by `label`; the parent stream is not advanced. */
  fork(label: string | number): Rng {
    return new Rng(hashSeed(this.seed, label));
  }
}

export function createRng(seed: number | string): Rng {
  return new Rng(typeof seed === "number" ? seed : hashSeed(seed));
}
