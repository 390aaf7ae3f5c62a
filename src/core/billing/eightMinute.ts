/**
 * CMS 8-minute rule arithmetic (Pub 100-04 ch. 5 §20.2 C) and the per-code "rule of
 * eights". Pure numbers in, numbers out; the rules turn them into findings.
 */

/** Units supported by a number of 15-minute timed minutes: 8–22 → 1, 23–37 → 2, … */
export function unitsForMinutes(minutes: number): number {
  if (!(minutes > 0)) return 0;
  return Math.floor(minutes / 15) + (minutes % 15 >= 8 ? 1 : 0);
}

/** Minute range [low, high] that supports exactly `units` units (0 → 0..7). */
export function minuteRangeForUnits(units: number): [number, number] {
  return units <= 0 ? [0, 7] : [15 * units - 7, 15 * units + 7];
}

export interface CodeMinutes {
  code: string;
  minutes: number;
}

/** One CMS-acceptable split of the visit's units: units per code, in input order. */
export type Allocation = number[];

export interface CmsAllocation {
  totalMinutes: number;
  totalUnits: number;
  /** Full 15-minute units each code earns on its own. */
  base: number[];
  /** Minutes left over after the full units. */
  remainders: number[];
  /** Units left to hand out by largest remainder. */
  extra: number;
}

/** The fixed part of the CMS allocation (§2.6 of the billing rules). */
export function cmsAllocation(codes: CodeMinutes[]): CmsAllocation {
  const totalMinutes = codes.reduce((s, c) => s + c.minutes, 0);
  const totalUnits = unitsForMinutes(totalMinutes);
  const base = codes.map((c) => Math.floor(c.minutes / 15));
  const remainders = codes.map((c) => c.minutes % 15);
  const extra = totalUnits - base.reduce((s, b) => s + b, 0);
  return { totalMinutes, totalUnits, base, remainders, extra };
}

/**
 * Is `billed` (units per code, same order) a split CMS allows? Each code keeps its full
 * units; the extra units go one each to codes with the largest remainders; ties are free.
 */
export function isAllowedAllocation(alloc: CmsAllocation, billed: number[]): boolean {
  if (billed.reduce((s, b) => s + b, 0) !== alloc.totalUnits) return false;
  const chosen: number[] = [];
  const notChosen: number[] = [];
  for (let i = 0; i < billed.length; i++) {
    const d = billed[i] - alloc.base[i];
    if (d === 1) chosen.push(alloc.remainders[i]);
    else if (d === 0) notChosen.push(alloc.remainders[i]);
    else return false;
  }
  if (chosen.length !== alloc.extra) return false;
  if (chosen.some((r) => r === 0)) return false;
  return chosen.length === 0 || notChosen.length === 0 || Math.min(...chosen) >= Math.max(...notChosen);
}

/**
 * Every allowed split, up to `limit` of them (ties can make many). Returned in a stable
 * order: earlier codes win ties first.
 */
export function allowedAllocations(alloc: CmsAllocation, limit = 12): Allocation[] {
  const n = alloc.base.length;
  if (alloc.extra <= 0) return alloc.extra === 0 ? [alloc.base.slice()] : [];
  const order = [...Array(n).keys()].filter((i) => alloc.remainders[i] > 0).sort((a, b) => alloc.remainders[b] - alloc.remainders[a] || a - b);
  if (order.length < alloc.extra) return [];
  // Remainders strictly above the cut are always chosen; the tie at the cut is free.
  const cutValue = alloc.remainders[order[alloc.extra - 1]];
  const sure = order.filter((i) => alloc.remainders[i] > cutValue);
  const tied = order.filter((i) => alloc.remainders[i] === cutValue);
  const need = alloc.extra - sure.length;
  const out: Allocation[] = [];
  const pick = (from: number, chosen: number[]): void => {
    if (out.length >= limit) return;
    if (chosen.length === need) {
      const a = alloc.base.slice();
      for (const i of [...sure, ...chosen]) a[i] += 1;
      out.push(a);
      return;
    }
    for (let k = from; k < tied.length; k++) pick(k + 1, [...chosen, tied[k]]);
  };
  pick(0, []);
  return out;
}

/** Per-code rule ("rule of eights"): each code's own minutes decide its units. */
export function perCodeUnits(codes: CodeMinutes[]): number[] {
  return codes.map((c) => unitsForMinutes(c.minutes));
}

/** Explain the arithmetic in words, e.g. "47 timed minutes support 3 units". */
export function describeTotal(minutes: number): string {
  const u = unitsForMinutes(minutes);
  return `${minutes} timed minute${minutes === 1 ? '' : 's'} support${minutes === 1 ? 's' : ''} ${u} unit${u === 1 ? '' : 's'}`;
}
