/**
 * The one short phrase every surface shows for a priced line (hover, Code Details, code
 * lens, report, Audit Summary): "$27.72 national 2026, MPPR applied as the 2nd service".
 * Made once, by the pricing of the whole date of service (pricing.ts), so no surface can
 * word or reduce a line differently.
 */
import type { ClaimLinePrice } from './pricing';

/** One formatter for every line (toLocaleString builds one per call: most of the pricing's time). */
const USD = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function usd(n: number): string {
  return `$${USD.format(n)}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** `basis`: "national" or "locality 01112-05". */
export function linePhrase(p: ClaimLinePrice, date: string, basis: string): string {
  const year = date.slice(0, 4);
  if (p.unpriced !== undefined) return `no amount for ${year}: ${p.unpriced}`;
  const parts = [`${usd(p.amount)} ${basis} ${year}`];
  if (p.mppr && p.units > 0) {
    if (p.mpprRank === 1) parts.push(p.reducedUnits > 0 ? `MPPR: 1st unit in full, ${p.reducedUnits} more at 50% practice expense` : 'MPPR: paid in full as the 1st service');
    else if (p.mpprRank !== undefined) parts.push(`MPPR applied as the ${ordinal(p.mpprRank)} service`);
  } else if (p.multProc !== undefined && p.multProc !== '5') {
    parts.push(`no MPPR (CMS MULT PROC ${p.multProc})`);
  }
  if (p.assistantRate !== 1) parts.push(`CQ/CO at ${Math.round(p.assistantRate * 100)}%`);
  if (p.limitedByCharge) parts.push('limited to the billed charge');
  return parts.join(', ');
}
