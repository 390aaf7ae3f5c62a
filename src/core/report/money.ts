/**
 * National, unadjusted Medicare amounts for the units of one date of service, as the
 * audit report estimates them: the fee schedule amount of each unit, the multiple
 * procedure payment reduction (MPPR: the "always therapy" unit with the highest practice
 * expense is paid in full, every other such unit that day with 50% of its practice
 * expense; Pub 100-04 ch. 5 §10.7, billing-rules §13.9) and the 85% CQ/CO rate
 * (billing-rules §4.2). No locality (GPCI) adjustment; no lower-of-charge limit.
 */
import { codeInfo, priceClaimLines } from '../data';

export interface UnitsItem {
  code: string;
  units: number;
  modifiers: readonly string[];
}

export interface DayPrice {
  /** Sum of the priced units, US dollars. */
  amount: number;
  /** Units of codes with no national amount for the date (left out of `amount`). */
  unpricedUnits: number;
}

/** The day's units priced together by the core pricing (src/core/data/pricing.ts). */
export function priceDay(items: readonly UnitsItem[], date: string): DayPrice {
  const priced = priceClaimLines(
    items.map((i) => ({ code: i.code, units: i.units, modifiers: i.modifiers, info: codeInfo(i.code, date) })),
    date,
  );
  const unpricedUnits = priced.lines.reduce((s, p) => s + (p.unpriced !== undefined ? p.units : 0), 0);
  return { amount: priced.total, unpricedUnits };
}
