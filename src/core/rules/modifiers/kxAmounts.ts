/**
 * This claim's allowed amounts per KX bucket (PT+SLP, OT) and the year's thresholds.
 *
 * A line's amount is the fee-schedule price (national amount × units, 85% on CQ/CO lines
 * from 2022, capped by the line's charge when that is lower, as Medicare allows the lower
 * of the two). A charge is what was billed, not what is allowed, so it is used alone only
 * when no fee is known for the code and date. Codes Medicare never pays separately count 0.
 */
import { kxBucketFor, kxThreshold, type KxBucket, type KxThreshold } from '../../data';
import type { ClaimContext, IndexedLine } from '../../types';
import { claimDiscipline } from './shared';

export const BUCKET_LABEL: Record<KxBucket, string> = { pt_slp: 'PT+SLP', ot: 'OT' };

export interface KxBucketTotal {
  bucket: KxBucket;
  threshold: number;
  /** Allowed so far this year before this claim, when the claim says. */
  ytd?: number;
  claim: number;
  total: number;
  lines: IndexedLine[];
}

export interface KxPicture {
  year: string;
  threshold: KxThreshold;
  buckets: KxBucketTotal[];
}

export function lineAllowed(ctx: ClaimContext, l: IndexedLine): number {
  if (l.line.units <= 0 || (ctx.claim.payer.type === 'medicare' && l.info?.medicare)) return 0;
  const priced = ctx.data.priceLine({ code: l.line.code, units: l.line.units, modifiers: l.line.modifiers ?? [], date: ctx.date, charge: l.line.charge }, ctx.config.locality);
  return priced ? priced.amount : (l.line.charge ?? 0);
}

export function kxPicture(ctx: ClaimContext): KxPicture | undefined {
  const threshold = kxThreshold(ctx.date);
  if (!threshold) return undefined;
  const discipline = claimDiscipline(ctx.claim)?.discipline;
  const byBucket = new Map<KxBucket, KxBucketTotal>();
  for (const l of ctx.lines) {
    if (!l.info || l.line.units <= 0) continue;
    if (l.info.therapy === 'sometimes' && !ctx.claim.plan_of_care) continue; // not a therapy service here
    const bucket = kxBucketFor(l.line.modifiers ?? [], discipline);
    if (!bucket) continue;
    let entry = byBucket.get(bucket);
    if (!entry) {
      const ytd = ctx.claim.patient?.ytd_allowed?.[bucket];
      entry = { bucket, threshold: threshold[bucket], ytd, claim: 0, total: 0, lines: [] };
      byBucket.set(bucket, entry);
    }
    entry.claim = round(entry.claim + lineAllowed(ctx, l));
    entry.lines.push(l);
  }
  const buckets = [...byBucket.values()].map((b) => ({ ...b, total: round((b.ytd ?? 0) + b.claim) }));
  return { year: ctx.date.slice(0, 4), threshold, buckets };
}

export function money(x: number): string {
  return `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "year to date $2,300.00 + this claim $64.13 = $2,364.13" */
export function describeTotal(b: KxBucketTotal): string {
  const ytd = b.ytd === undefined ? 'year to date not given' : `year to date ${money(b.ytd)}`;
  return `${ytd} + this claim ${money(b.claim)} = ${money(b.total)}`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
