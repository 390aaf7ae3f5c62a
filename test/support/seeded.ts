/**
 * A seeded pseudo-random source (a linear congruential generator) for the random-edit tests:
 * the same seed gives the same edits, so a failure can be replayed. `rand(n)` is in [0, n).
 */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % Math.max(1, n);
  };
}
