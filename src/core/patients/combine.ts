/** A file's own findings and its kept cross-claim findings in one list, in text order (the pipeline's order). */
import type { LocatedFinding } from '../types';

/** Text order: by span, then rule (the pipeline's order, pipeline/place.ts). */
function byPlace(a: LocatedFinding, b: LocatedFinding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.rule === b.rule ? 0 : a.rule.localeCompare(b.rule));
}

function inOrder(list: readonly LocatedFinding[]): boolean {
  for (let i = 1; i < list.length; i++) if (byPlace(list[i - 1], list[i]) > 0) return false;
  return true;
}

/**
 * The stable sort of `[...own, ...cross]` by place. Both lists normally come in text order
 * (the pipeline's findings, the patient index's): then one merge pass, equal findings taken
 * from `own` first as the stable sort would, instead of sorting ~8,000 findings at each edit.
 */
export function combineFindings(own: readonly LocatedFinding[], cross: readonly LocatedFinding[]): LocatedFinding[] {
  if (!cross.length) return [...own];
  if (!inOrder(own) || !inOrder(cross)) return [...own, ...cross].sort(byPlace);
  const out: LocatedFinding[] = new Array(own.length + cross.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < own.length && j < cross.length) out[k++] = byPlace(cross[j], own[i]) < 0 ? cross[j++] : own[i++];
  while (i < own.length) out[k++] = own[i++];
  while (j < cross.length) out[k++] = cross[j++];
  return out;
}
