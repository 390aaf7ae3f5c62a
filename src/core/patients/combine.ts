/** A file's own findings and its kept cross-claim findings in one list, in text order (the pipeline's order). */
import type { LocatedFinding } from '../types';

export function combineFindings(own: readonly LocatedFinding[], cross: readonly LocatedFinding[]): LocatedFinding[] {
  if (!cross.length) return [...own];
  return [...own, ...cross].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
}
