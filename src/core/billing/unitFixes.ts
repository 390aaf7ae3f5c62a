/** Fixes shared by the unit rules: set a code's units when it sits on a single line. */
import type { Fix, ClaimContext } from '../types';
import type { TimedCode } from './disciplinePools';

/** Edits that bill `units` for `code`, or undefined when its units span several lines. */
export function setCodeUnits(ctx: ClaimContext, code: TimedCode, units: number) {
  if (code.billedUnits === units) return [];
  if (code.lines.length !== 1) return undefined;
  return ctx.fix.setValue(`lines[${code.lines[0].index}].units`, String(units));
}

/** One fix that bills a whole allocation (units per code, in `codes` order). */
export function allocationFix(ctx: ClaimContext, codes: TimedCode[], allocation: number[], preferred: boolean): Fix | undefined {
  const edits = [];
  for (let i = 0; i < codes.length; i++) {
    const e = setCodeUnits(ctx, codes[i], allocation[i]);
    if (!e) return undefined;
    edits.push(...e);
  }
  return {
    id: `units:${codes.map((c, i) => `${c.code}=${allocation[i]}`).join(',')}`,
    title: `Bill ${describeAllocation(codes, allocation)}`,
    edits,
    preferred,
  };
}

export function describeAllocation(codes: TimedCode[], allocation: number[]): string {
  return codes.map((c, i) => `${allocation[i]} × ${c.code}`).join(' + ');
}

export function unitsPath(code: TimedCode): string {
  return `lines[${code.lines[0].index}].units`;
}
