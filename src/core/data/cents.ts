/** Money and RVU arithmetic shared by the fee tables and pricing. */

/**
 * Cent rounding that is not fooled by binary floating point (e.g. 2980.95 → 29.81): the
 * cents rounded to 12 significant digits, then to a whole cent. Rounding to 12 digits moves a
 * value under a billion cents by at most 0.0005, so it changes the whole cent only for a value
 * that close to a half cent; any other is rounded at once (a string round trip per amount was
 * ~1.5% of an audit's time).
 */
export function roundCents(x: number): number {
  const cents = x * 100;
  if (Math.abs(cents) < 1e9 && Math.abs(cents - Math.floor(cents) - 0.5) > 0.001) return Math.round(cents) / 100;
  return Math.round(Number(cents.toPrecision(12))) / 100;
}

/** RVU sums without floating-point dust (0.44 + 0.6 + 0.01 = 1.05). */
export function rvuSum(...xs: number[]): number {
  return Math.round(xs.reduce((s, x) => s + x, 0) * 10000) / 10000;
}
