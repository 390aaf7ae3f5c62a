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
 * (the pipeline's findings, the patient index's): then each cross-claim finding goes where a
 * binary search of `own` puts it — after the own findings it does not come before, as the
 * stable sort keeps equal ones — instead of sorting ~8,000 findings at each edit.
 * `ownInOrder`: the caller knows `own` is in text order (an analysis's findings), so it is
 * not checked.
 */
export function combineFindings(own: readonly LocatedFinding[], cross: readonly LocatedFinding[], ownInOrder = false): LocatedFinding[] {
  if (!cross.length) return [...own];
  if (!(ownInOrder || inOrder(own)) || !inOrder(cross)) return [...own, ...cross].sort(byPlace);
  const out: LocatedFinding[] = new Array(own.length + cross.length);
  let i = 0;
  let k = 0;
  for (const c of cross) {
    // The first own finding from i on that c comes before (the ones after it all do: own is in order).
    let lo = i;
    let hi = own.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byPlace(c, own[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    while (i < lo) out[k++] = own[i++];
    out[k++] = c;
  }
  while (i < own.length) out[k++] = own[i++];
  return out;
}
