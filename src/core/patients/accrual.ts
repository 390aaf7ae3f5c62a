/**
 * The year's accrued allowed amount per KX bucket (PT+SLP, OT) across one patient's claims:
 * the earliest claim of the year's stated patient.ytd_allowed as the baseline (when given),
 * plus every claim's lines priced by the one pricing function (facts.ts), in date order.
 * KX rules, the review-threshold rule, the code lens and the report all read this.
 */
import type { KxBucket } from '../data/types';
import { BUCKET_LABEL, money } from '../billing/kx';
import type { PatientClaim, PatientRuleContext } from './types';

export interface BucketAccrual {
  bucket: KxBucket;
  label: string;
  /** Baseline + every earlier claim of the year (date order), USD. */
  before: number;
  /** This claim's priced amount in the bucket. */
  thisClaim: number;
  after: number;
  /** KX threshold of the year (KX applies strictly above it). */
  threshold: number;
  /** The targeted medical review threshold. */
  review: number;
  /** The claim has lines in the bucket. */
  billed: boolean;
}

export interface ClaimYear {
  claim: PatientClaim;
  year: string;
  /** Claims of the patient's year before this one (date order), all of them counted. */
  earlier: readonly PatientClaim[];
  /** The earliest claim of the year and its stated baseline per bucket, when given. */
  baselineClaim: PatientClaim;
  baseline: Partial<Record<KxBucket, number>>;
  buckets: Record<KxBucket, BucketAccrual>;
}

const BUCKETS: KxBucket[] = ['pt_slp', 'ot'];



/**
 * The accrual at each counted claim. `counts` says whether a claim's payer is one the KX
 * rules apply to (others neither add nor are judged). Claims must be in date order.
 */
export function accrue(claims: readonly PatientClaim[], counts: (c: PatientClaim) => boolean): Map<PatientClaim, ClaimYear> {
  const out = new Map<PatientClaim, ClaimYear>();
  const byYear = new Map<string, PatientClaim[]>();
  for (const c of claims) {
    if (!c.kx || !counts(c)) continue;
    const y = c.date.slice(0, 4);
    const list = byYear.get(y);
    if (list) list.push(c);
    else byYear.set(y, [c]);
  }
  for (const [year, list] of byYear) {
    const first = list[0];
    const baseline: Partial<Record<KxBucket, number>> = {};
    for (const b of BUCKETS) if (first.ytd?.[b] !== undefined) baseline[b] = first.ytd[b];
    const running: Record<KxBucket, number> = { pt_slp: baseline.pt_slp ?? 0, ot: baseline.ot ?? 0 };
    list.forEach((c, k) => {
      const buckets = {} as Record<KxBucket, BucketAccrual>;
      for (const b of BUCKETS) {
        const lines = c.lines.filter((l) => l.bucket === b);
        const thisClaim = cents(lines.reduce((s, l) => s + l.allowed, 0));
        const before = running[b];
        buckets[b] = {
          bucket: b,
          label: BUCKET_LABEL[b],
          before,
          thisClaim,
          after: cents(before + thisClaim),
          threshold: c.kx![b],
          review: c.kx!.reviewThreshold,
          billed: lines.length > 0,
        };
        running[b] = cents(before + thisClaim);
      }
      out.set(c, { claim: c, year, earlier: list.slice(0, k), baselineClaim: first, baseline, buckets });
    });
  }
  return out;
}

/**
 * The claims a rule over the year's accrual judges, each with its year: those with an earlier
 * claim of the year (a claim on its own is its per-claim twin's) whose payer the running rule
 * applies to — the one loop of kx-accrual-missing, kx-accrual-premature, ytd-allowed-mismatch
 * and review-threshold-accrual. Nothing in the file-level pass.
 */
export function accruedClaims<O extends object>(ctx: PatientRuleContext<O>): { claim: PatientClaim; year: ClaimYear; options: O }[] {
  if (ctx.fileLevel) return [];
  const years = ctx.accrual();
  const out: { claim: PatientClaim; year: ClaimYear; options: O }[] = [];
  for (const claim of ctx.claims) {
    const year = years.get(claim);
    if (year?.earlier.length && ctx.applies(claim)) out.push({ claim, year, options: ctx.options(claim) });
  }
  return out;
}

/** "$2,212.40 PT+SLP before this visit; KX from $2,480" (the code lens). */
export function accrualText(a: BucketAccrual): string {
  return `${money(a.before)} ${a.label} before this visit; KX from ${wholeMoney(a.threshold)}`;
}

/**
 * "baseline $300.00 (claim C-1 (a.yaml) patient.ytd_allowed.pt_slp) + 3 earlier claims $912.40 = $1,212.40"
 * — how an accrued amount before a claim is made up, without naming patient values.
 */
export function describeBefore(y: ClaimYear, bucket: KxBucket): string {
  const base = y.baseline[bucket];
  const earlier = y.earlier.filter((c) => c.lines.some((l) => l.bucket === bucket));
  const sum = cents(earlier.reduce((s, c) => s + c.lines.filter((l) => l.bucket === bucket).reduce((t, l) => t + l.allowed, 0), 0));
  const parts: string[] = [];
  if (base !== undefined) parts.push(`year-to-date baseline ${money(base)} (patient.ytd_allowed of the year's earliest claim)`);
  parts.push(`${earlier.length} earlier claim${earlier.length === 1 ? '' : 's'} ${money(sum)}`);
  return `${parts.join(' + ')} = ${money(y.buckets[bucket].before)}`;
}

function wholeMoney(x: number): string {
  return Number.isInteger(x) ? money(x).replace(/\.00$/, '') : money(x);
}

export function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The earlier claims of the year with lines in the bucket (the last `max`), as related locations of a finding. */
export function earlierInBucket(y: ClaimYear, bucket: KxBucket, max = 10): { claim: PatientClaim; path: string; message: string }[] {
  const earlier = y.earlier.filter((c) => c.lines.some((l) => l.bucket === bucket)).slice(-max);
  const out = earlier.map((c) => ({
    claim: c,
    path: 'date_of_service',
    message: `earlier claim: ${money(cents(c.lines.filter((l) => l.bucket === bucket).reduce((s, l) => s + l.allowed, 0)))} ${BUCKET_LABEL[bucket]}`,
  }));
  if (y.baseline[bucket] !== undefined && y.baselineClaim !== y.claim) {
    out.unshift({ claim: y.baselineClaim, path: `patient.ytd_allowed.${bucket}`, message: `year-to-date baseline ${money(y.baseline[bucket]!)} ${BUCKET_LABEL[bucket]}` });
  }
  return out;
}
