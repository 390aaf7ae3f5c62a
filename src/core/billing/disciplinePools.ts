/**
 * Groups a claim's timed lines into 8-minute pools, one per discipline, and each pool's
 * lines by code: the unit rules count per pool and per code, not per line.
 *
 * Timed minutes are pooled per discipline (billing-rules §13.2): when one date has timed
 * lines under more than one of GP/GO/GN, each discipline's lines have their own total,
 * allocation and unit count. A line without a therapy modifier joins the claim's
 * discipline; when the claim names none it joins the only discipline on the claim, or,
 * with several, a pool of its own.
 */
import type { Discipline } from '../data/types';
import type { ClaimContext, IndexedLine } from '../types';
import { lineLead } from '../text';
import { claimDisciplineOf, DISCIPLINE_LABEL, modifierDiscipline } from './discipline';

export interface TimedCode {
  code: string;
  /** The pool's discipline, when known. */
  discipline?: Discipline;
  lines: IndexedLine[];
  minutes: number;
  billedUnits: number;
}

export interface TimedPool {
  discipline?: Discipline;
  codes: TimedCode[];
  /** True when the claim has more than one pool (messages then name the pool). */
  several: boolean;
}

/** Whose timed minutes a message totals: "the visit's", or with several pools "the PT (GP) pool's". */
export function poolOwner(pool: TimedPool): string {
  if (!pool.several) return "the visit's";
  return pool.discipline ? `the ${DISCIPLINE_LABEL[pool.discipline]} pool's` : "the no-discipline pool's";
}

/**
 * The lead of a finding about one code's units: "Service line 2 (97110): ", or, when the
 * code's units are spread over several lines, "Service lines 2 and 4 (97110): ".
 */
export function codeLead(code: TimedCode): string {
  const [first, ...rest] = code.lines;
  if (!rest.length) return lineLead(first.index, code.code);
  const numbers = code.lines.map((l) => l.index + 1);
  return `Service lines ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]} (${code.code}): `;
}

/** Pools of the given lines (any kind filter applied by the caller). */
export function poolLines<L extends { line: { modifiers?: string[] } }>(
  lines: L[],
  claim: ClaimContext['claim'],
): { discipline?: Discipline; lines: L[] }[] {
  const claimDisc = claimDisciplineOf(claim);
  const own = lines.map((l) => modifierDiscipline(l.line) ?? claimDisc);
  const known = new Set(own.filter((d) => d !== undefined));
  const only = known.size === 1 ? [...known][0] : undefined;
  const byDisc = new Map<Discipline | undefined, L[]>();
  lines.forEach((l, i) => {
    const d = own[i] ?? only;
    const list = byDisc.get(d);
    if (list) list.push(l);
    else byDisc.set(d, [l]);
  });
  return [...byDisc.entries()].map(([discipline, ls]) => ({ discipline, lines: ls }));
}

/** What pooling reads of a claim: a rule's ClaimContext, or the audit report's facts of the same claim. */
export type PoolInput = Pick<ClaimContext, 'claim' | 'lines' | 'complete'>;

/**
 * The visit's 15-minute timed pools, or undefined when some line is unusable (schema
 * failure, timed line without minutes): totals would be wrong. The unit rules and the audit
 * report's timed-unit figures both count from these pools.
 */
export function timedPools(ctx: PoolInput): TimedPool[] | undefined {
  if (!ctx.complete) return undefined;
  const timed = ctx.lines.filter((l) => l.info?.kind === 'timed15');
  if (timed.some((l) => l.line.minutes === undefined)) return undefined;
  // Unknown codes are left out of the count; unknown-code reports them.
  const pools = poolLines(timed, ctx.claim);
  return pools.map((p) => {
    const byCode = new Map<string, TimedCode>();
    for (const l of p.lines) {
      let entry = byCode.get(l.line.code);
      if (!entry) byCode.set(l.line.code, (entry = { code: l.line.code, discipline: p.discipline, lines: [], minutes: 0, billedUnits: 0 }));
      entry.lines.push(l);
      entry.minutes += l.line.minutes ?? 0;
      entry.billedUnits += l.line.units;
    }
    return { discipline: p.discipline, codes: [...byCode.values()], several: pools.length > 1 };
  });
}

/** Every timed code of every pool (a code under two disciplines appears twice). */
export function timedCodes(ctx: PoolInput): TimedCode[] | undefined {
  return timedPools(ctx)?.flatMap((p) => p.codes);
}
