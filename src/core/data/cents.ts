/** Money and RVU arithmetic shared by the fee tables and pricing. */

/** Cent rounding that is not fooled by binary floating point (e.g. 2980.95 → 29.81). */
export function roundCents(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}

/** RVU sums without floating-point dust (0.44 + 0.6 + 0.01 = 1.05). */
export function rvuSum(...xs: number[]): number {
  return Math.round(xs.reduce((s, x) => s + x, 0) * 10000) / 10000;
}
