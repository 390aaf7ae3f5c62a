/** Groups a claim's timed lines by code: the unit rules count per code, not per line. */
import type { ClaimContext, IndexedLine } from '../types';

export interface TimedCode {
  code: string;
  lines: IndexedLine[];
  minutes: number;
  billedUnits: number;
}

/**
 * The visit's 15-minute timed codes with their minutes and billed units, or undefined when
 * some line is unusable (schema failure, timed line without minutes): totals would be wrong.
 */
export function timedCodes(ctx: ClaimContext): TimedCode[] | undefined {
  if (!ctx.complete) return undefined;
  const byCode = new Map<string, TimedCode>();
  for (const l of ctx.lines) {
    if (l.info?.kind !== 'timed15') continue;
    if (l.line.minutes === undefined) return undefined;
    let entry = byCode.get(l.line.code);
    if (!entry) byCode.set(l.line.code, (entry = { code: l.line.code, lines: [], minutes: 0, billedUnits: 0 }));
    entry.lines.push(l);
    entry.minutes += l.line.minutes;
    entry.billedUnits += l.line.units;
  }
  // Unknown codes are left out of the count; unknown-code reports them.
  return [...byCode.values()];
}

