/**
 * This claim's allowed amounts per KX bucket (PT+SLP, OT) and the year's thresholds.
 *
 * A line's amount is the fee-schedule price (national amounts with the multiple procedure
 * payment reduction, 85% on CQ/CO lines from 2022, capped by the line's charge when that
 * is lower, as Medicare allows the lower of the two). A charge is what was billed, not what is allowed, so it is used alone only
 * when no fee is known for the code and date. Codes Medicare never pays separately count 0.
 */
import { kxBucketFor, type KxBucket, type KxThreshold } from '../data';
import type { ClaimContext, IndexedLine } from '../types';
import { claimDiscipline } from './therapyModifiers';

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

/**
 * Allowed amounts of the claim's lines (same order as ctx.lines): the fee schedule with the
 * multiple procedure payment reduction and the CQ/CO rate, never more than a line's charge.
 * A line with no national amount counts at its charge (a charge is what was billed, so it
 * is used alone only then), or 0 without one; codes Medicare never pays count 0. Read-only.
 */
export function claimAllowed(ctx: ClaimContext): number[] {
  const memo = memoOf(ctx);
  return (memo.allowed ??= computeAllowed(ctx));
}

/**
 * Priced once per claim, not per context: the rules' context and the patient facts' context
 * of one validated claim share it (the same claim object), so the facts do not re-price the
 * lines. Kept only while the data and the locality are the ones it was priced with.
 */
interface ClaimMemo {
  data: ClaimContext['data'];
  locality: string | undefined;
  allowed?: number[];
  picture?: { value: KxPicture | undefined };
}
const memos = new WeakMap<ClaimContext['claim'], ClaimMemo>();

function memoOf(ctx: ClaimContext): ClaimMemo {
  let memo = memos.get(ctx.claim);
  if (!memo || memo.data !== ctx.data || memo.locality !== ctx.config.locality) {
    memo = { data: ctx.data, locality: ctx.config.locality };
    memos.set(ctx.claim, memo);
  }
  return memo;
}

function computeAllowed(ctx: ClaimContext): number[] {
  const medicare = ctx.claim.payer.type === 'medicare';
  const priced = ctx.data.priceClaimLines(
    ctx.lines.map((l) => ({ code: l.line.code, units: l.line.units, modifiers: l.line.modifiers ?? [], charge: l.line.charge, info: l.info })),
    ctx.date,
    // Only the amounts are read here: the lines' phrases (money formatting) are not written.
    { medicare, phrases: false },
    ctx.config.locality,
  );
  return ctx.lines.map((l, i) => {
    const p = priced.lines[i];
    if (l.line.units <= 0) return 0;
    if (p.unpriced === undefined) return p.amount;
    if (p.notPayable) return 0; // Medicare pays nothing for it (CMS status B, N, I …): its charge does not count
    return l.line.charge ?? 0;
  });
}

/** The KX picture of a claim: allowed amounts per therapy bucket against the year's threshold. Read-only; one per claim (three rules and the facts read it). */
export function kxPicture(ctx: ClaimContext): KxPicture | undefined {
  const memo = memoOf(ctx);
  return (memo.picture ??= { value: computeKxPicture(ctx) }).value;
}

function computeKxPicture(ctx: ClaimContext): KxPicture | undefined {
  const threshold = ctx.data.kxThreshold(ctx.date);
  if (!threshold) return undefined;
  const discipline = claimDiscipline(ctx.claim)?.discipline;
  const allowed = claimAllowed(ctx);
  const byBucket = new Map<KxBucket, KxBucketTotal>();
  ctx.lines.forEach((l, i) => {
    if (!l.info || l.line.units <= 0) return;
    if (l.info.therapy === 'sometimes' && !ctx.claim.plan_of_care) return; // not a therapy service here
    const bucket = kxBucketFor(l.line.modifiers ?? [], discipline);
    if (!bucket) return;
    let entry = byBucket.get(bucket);
    if (!entry) {
      const ytd = ctx.claim.patient?.ytd_allowed?.[bucket];
      entry = { bucket, threshold: threshold[bucket], ytd, claim: 0, total: 0, lines: [] };
      byBucket.set(bucket, entry);
    }
    entry.claim = round(entry.claim + allowed[i]);
    entry.lines.push(l);
  });
  // Each total set on its own entry (no spread copy: the copy of an object whose number field
  // changes kind, 0 then cents, is read slowly).
  const buckets = [...byBucket.values()];
  for (const b of buckets) b.total = round((b.ytd ?? 0) + b.claim);
  return { year: ctx.date.slice(0, 4), threshold, buckets };
}

/** One formatter for every amount (toLocaleString builds one per call, slow in long claims). */
const USD = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function money(x: number): string {
  return `$${USD.format(x)}`;
}

/** "year to date $2,300.00 + this claim $64.13 = $2,364.13" */
export function describeTotal(b: KxBucketTotal): string {
  const ytd = b.ytd === undefined ? 'year to date not given' : `year to date ${money(b.ytd)}`;
  return `${ytd} + this claim ${money(b.claim)} = ${money(b.total)}`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
