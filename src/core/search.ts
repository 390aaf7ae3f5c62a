/**
 * Index of the last of `count` ascending keys that is at or before `x` (0 when none is):
 * a binary search, shared by the line index and the incremental re-cut.
 */
export function lastAtOrBefore(count: number, keyAt: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keyAt(mid) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
