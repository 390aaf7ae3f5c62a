/**
 * The numbers of one visit that the code lens and the units hover show: timed minutes,
 * the units they support under the claim's unit rule, the units billed, the allowed
 * split across codes, and an estimated national payment.
 */
import { BUILTIN_DATA, type ReferenceData, type Claim, type ResolvedConfig } from '../core';
import { allowedAllocations, cmsAllocation, poolLines, roundCents, unitRuleFor, unitsForMinutes, type CodeInfo, type Discipline, type UnitRule } from '../core/explain';

export interface TimedCodeTotal {
  code: string;
  minutes: number;
  billedUnits: number;
  /** Original indices of the code's lines. */
  lines: number[];
}

/** One discipline's 8-minute pool (billing-rules §13.2). */
export interface PoolSummary {
  /** PT, OT or SLP; undefined when neither the lines nor the claim say. */
  discipline?: Discipline;
  timed: TimedCodeTotal[];
  timedMinutes: number;
  /** Timed units the minutes support under the unit rule. */
  supportedUnits: number;
  /** Timed units billed. */
  billedUnits: number;
  /** Allowed units per code (same order as `timed`): several when remainders tie (CMS). */
  allowedSplits: number[][];
  /** True when some timed line has no minutes, so the arithmetic is incomplete. */
  missingMinutes: boolean;
}

export interface VisitSummary {
  date: string;
  unitRule: UnitRule;
  /** One pool per discipline with timed lines (none when the claim has no timed codes). */
  pools: PoolSummary[];
  /** All pools together. */
  timed: TimedCodeTotal[];
  timedMinutes: number;
  supportedUnits: number;
  billedUnits: number;
  /** Untimed codes on the claim (one unit per day; minutes do not count). */
  untimed: string[];
  missingMinutes: boolean;
  /** False when some lines failed validation and were left out. */
  complete: boolean;
  /** `locality` is set (MAC-locality) when every priced line used that locality's GPCIs. */
  /** The estimate is for `units` billed units, on `priced` lines (`unpriced` lines left out). */
  estimate: { amount: number; units: number; priced: number; unpriced: number; locality?: string };
}

export function visitSummary(claim: Claim, lineIndex: number[], complete: boolean, config: ResolvedConfig, data: ReferenceData = BUILTIN_DATA): VisitSummary {
  const date = claim.date_of_service;
  const unitRule = unitRuleFor(claim, config);
  const untimed = new Set<string>();
  const estimate: VisitSummary['estimate'] = { amount: 0, units: 0, priced: 0, unpriced: 0 };
  let local = config.locality !== undefined;
  const timedLines: { line: Claim['lines'][number]; index: number; code: string }[] = [];

  claim.lines.forEach((line, i) => {
    const info: CodeInfo | undefined = data.codeInfo(line.code, date);
    if (info?.kind === 'timed15') timedLines.push({ line, index: lineIndex[i] ?? i, code: info.code });
    else if (info?.kind === 'untimed') untimed.add(info.code);
  });
  // The day's lines priced together: MPPR and the CQ/CO rate, national and unadjusted.
  const priced = data.priceClaimLines(
    claim.lines.map((line) => ({ code: line.code, units: line.units, modifiers: line.modifiers ?? [], charge: line.charge, info: data.codeInfo(line.code, date) })),
    date,
    { medicare: claim.payer.type === 'medicare' },
    config.locality,
  );
  if (!priced.locality) local = false;
  for (const p of priced.lines) {
    if (p.units <= 0) continue;
    if (p.unpriced === undefined) {
      estimate.amount += p.amount;
      estimate.units += p.units;
      estimate.priced++;
    } else estimate.unpriced++;
  }

  const pools = poolLines(timedLines, claim).map((p): PoolSummary => {
    const byCode = new Map<string, TimedCodeTotal>();
    let missingMinutes = false;
    for (const { line, index, code } of p.lines) {
      if (line.minutes === undefined) missingMinutes = true;
      let total = byCode.get(code);
      if (!total) byCode.set(code, (total = { code, minutes: 0, billedUnits: 0, lines: [] }));
      total.minutes += line.minutes ?? 0;
      total.billedUnits += line.units;
      total.lines.push(index);
    }
    const timed = [...byCode.values()];
    const timedMinutes = timed.reduce((s, c) => s + c.minutes, 0);
    const billedUnits = timed.reduce((s, c) => s + c.billedUnits, 0);
    let supportedUnits: number;
    let allowedSplits: number[][];
    if (unitRule === 'cms') {
      const alloc = cmsAllocation(timed);
      supportedUnits = alloc.totalUnits;
      allowedSplits = allowedAllocations(alloc);
    } else {
      const perCode = timed.map((c) => unitsForMinutes(c.minutes));
      supportedUnits = perCode.reduce((s, u) => s + u, 0);
      allowedSplits = [perCode];
    }
    return { discipline: p.discipline, timed, timedMinutes, supportedUnits, billedUnits, allowedSplits, missingMinutes };
  });
  estimate.amount = roundCents(estimate.amount);
  if (local && estimate.priced > 0) estimate.locality = config.locality;
  const sum = (f: (p: PoolSummary) => number): number => pools.reduce((s, p) => s + f(p), 0);
  return {
    date,
    unitRule,
    pools,
    timed: pools.flatMap((p) => p.timed),
    timedMinutes: sum((p) => p.timedMinutes),
    supportedUnits: sum((p) => p.supportedUnits),
    billedUnits: sum((p) => p.billedUnits),
    untimed: [...untimed],
    missingMinutes: pools.some((p) => p.missingMinutes),
    complete,
    estimate,
  };
}

/** One formatter (toLocaleString with options would build one per call). */
const DOLLARS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function dollars(amount: number): string {
  return `$${DOLLARS.format(amount)}`;
}

