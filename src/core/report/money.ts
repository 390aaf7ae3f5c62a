/**
 * National, unadjusted Medicare amounts for the units of one date of service, as the
 * audit report estimates them: the fee schedule amount of each unit, the multiple
 * procedure payment reduction (MPPR: the "always therapy" unit with the highest practice
 * expense is paid in full, every other such unit that day with 50% of its practice
 * expense; Pub 100-04 ch. 5 §10.7, billing-rules §13.9) and the 85% CQ/CO rate
 * (billing-rules §4.2). No locality (GPCI) adjustment; no lower-of-charge limit.
 */
import { assistantDifferential, codeInfo, conversionFactor, feeFor, roundCents } from '../data';

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

interface PricedUnit {
  full: number;
  /** Amount with half the practice expense, when MPPR applies and the PE RVU is known. */
  reduced: number;
  pe: number;
}

export function priceDay(items: readonly UnitsItem[], date: string): DayPrice {
  const cf = conversionFactor(date)?.nonQp;
  const units: PricedUnit[] = [];
  let unpricedUnits = 0;
  for (const item of items) {
    const n = Number.isInteger(item.units) && item.units > 0 ? item.units : 0;
    if (!n) continue;
    const fee = feeFor(item.code, date);
    if (!fee) {
      unpricedUnits += n;
      continue;
    }
    const mods = item.modifiers.map((m) => m.toUpperCase());
    const rate = mods.includes('CQ') || mods.includes('CO') ? (assistantDifferential(date)?.rate ?? 1) : 1;
    const mppr = codeInfo(item.code, date)?.therapy === 'always' && fee.peRvu !== undefined && cf !== undefined;
    const pe = mppr ? fee.peRvu! : 0;
    const full = fee.nationalAmount * rate;
    const reduced = mppr ? (fee.totalRvu - pe / 2) * cf! * rate : full;
    for (let k = 0; k < n; k++) units.push({ full, reduced, pe });
  }
  // The unit paid in full: highest practice expense, then the highest amount.
  let top = -1;
  units.forEach((u, i) => {
    if (u.pe > 0 && (top < 0 || u.pe > units[top].pe || (u.pe === units[top].pe && u.full > units[top].full))) top = i;
  });
  const amount = units.reduce((s, u, i) => s + roundCents(i === top ? u.full : u.reduced), 0);
  return { amount: roundCents(amount), unpricedUnits };
}
