/**
 * The tests' seeded pseudo-random sources, so a failure can be replayed from its seed. The
 * property tests draw from fast-check (test/support/mutations.ts), seeded the same way.
 *
 * seededRandom: a linear congruential generator for the random-edit tests; `rand(n)` is in [0, n).
 */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % Math.max(1, n);
  };
}

/** mulberry32: numbers in [0, 1), for the import fuzz. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
