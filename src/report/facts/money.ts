/**
 * Medicare amounts for the units of one date of service, as the audit report estimates
 * them: the fee schedule amount of each unit from the reference data in force (the
 * built-in tables overlaid by the configured data packs), the multiple procedure payment
 * reduction (MPPR: the "always therapy" unit with the highest practice expense is paid in
 * full, every other such unit that day with 50% of its practice expense; Pub 100-04 ch. 5
 * §10.7, billing-rules §13.9) and the 85% CQ/CO rate (billing-rules §4.2); `medicare` false
 * (another payer) prices a code Medicare does not pay at its national amount, as the hovers
 * and the KX accrual do. With the
 * configured `locality` and a pack holding its GPCIs for the date, the amounts are GPCI-
 * adjusted, as in hovers and code lenses; otherwise they are national and unadjusted.
 * No lower-of-charge limit.
 */
import { BUILTIN_DATA, type ReferenceData } from '../../core';

export interface UnitsItem {
  code: string;
  units: number;
  modifiers: readonly string[];
}

export interface DayPrice {
  /** Sum of the priced units, US dollars. */
  amount: number;
  /** Units of codes with no amount for the date (left out of `amount`). */
  unpricedUnits: number;
  /** "01112-05 (SAN FRANCISCO)" when the locality's GPCIs adjusted the amounts; else national. */
  locality?: string;
}

/** The day's units priced together by the core pricing (ReferenceData.priceClaimLines). */
export function priceDay(items: readonly UnitsItem[], date: string, data: ReferenceData = BUILTIN_DATA, locality?: string, medicare = true): DayPrice {
  const priced = data.priceClaimLines(
    items.map((i) => ({ code: i.code, units: i.units, modifiers: i.modifiers, info: data.codeInfo(i.code, date) })),
    date,
    { medicare },
    locality,
  );
  const unpricedUnits = priced.lines.reduce((s, p) => s + (p.unpriced !== undefined ? p.units : 0), 0);
  const out: DayPrice = { amount: priced.total, unpricedUnits };
  if (priced.locality) out.locality = `${priced.locality.mac}-${priced.locality.locality} (${priced.locality.name})`;
  return out;
}
