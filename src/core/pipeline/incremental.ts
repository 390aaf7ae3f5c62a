/**
 * The analysis after an edit, from the one before it: in a file that is one claims list,
 * items before the edit are kept, items after it shifted (their placed findings too, see
 * place.ts), and only the items the edit touches are cut, guarded and parsed again.
 */
import { cachedUnit, type AuditCache } from './cache';
import { guardEdited } from '../parse/guard';
import { rescanItems } from '../parse/split';
import { parseItemUnit } from './unit';
import { lastAtOrBefore } from '../search';
import { directivesAfterEdit } from '../directives';
import { Analysis, type PlacedUnit, type TextChange } from './analysis';
import type { Placement } from './place';

/**
 * The analysis after an edit, from the previous one: items before the edit are kept,
 * items after it shifted, and only the items the edit touches are cut, guarded and parsed
 * again. Undefined when the edit is not inside the claims of a one-list file, or when only
 * a full guard can tell whether the text is within the limits.
 */
export function reanalyze(text: string, prev: Analysis, change: TextChange, ckey: string, cache: AuditCache | undefined): Analysis | undefined {
  const { list, units } = prev;
  const { start, end, delta } = change;
  if (!list?.toEnd || prev.configKey !== ckey || text.length - prev.text.length !== delta || units.length === 0) return undefined;
  if (start < units[0].base || start > end || end > text.length) return undefined;
  const endOld = end - delta;
  // The item holding the character before the edit (an edit at an item's start may join
  // it to the one above) through the item holding the edit's end.
  const baseOf = (k: number) => units[k].base;
  const i = lastAtOrBefore(units.length, baseOf, Math.max(units[0].base, start - 1));
  const j = lastAtOrBefore(units.length, baseOf, endOld);
  const from = units[i].base;
  const to = j + 1 < units.length ? units[j + 1].base + delta : text.length;
  const items = rescanItems(text, from, to, list.seqIndent);
  if (!items) return undefined;
  // The guard, before the parser sees the new items: the changed lines only.
  const before = prev.depthStates();
  const states = before && guardEdited(text, from, to, before[i], before[j + 1], items.map((it) => it.start));
  if (!states) return undefined;
  const placed: PlacedUnit[] = units.slice(0, i);
  // The kept units' placements (of this or an earlier version): reused or shifted when findings are wanted.
  const placements: (Placement | undefined)[] = [];
  for (let k = 0; k < i; k++) placements.push(prev.placementOf(k));
  for (const item of items) {
    const unit = cachedUnit(cache, 'c', text.slice(item.start, item.end), parseItemUnit);
    if (unit.unusable) return undefined;
    placed.push({ unit, base: item.start, prefix: `claims[${placed.length}]`, document: 0 });
    placements.push(undefined);
  }
  for (let k = j + 1; k < units.length; k++) {
    placed.push({ unit: units[k].unit, base: units[k].base + delta, prefix: `claims[${placed.length}]`, document: 0 });
    placements.push(prev.placementOf(k));
  }
  const next = new Analysis(text, prev.config, ckey, placed, cache, prev.data, prev.lines.edited(text, start, end, delta), list, true, placements);
  next.setDepthStates([...before.slice(0, i), ...states, ...before.slice(j + 1)]);
  directivesAfterEdit(prev.lines, next.lines, start, end);
  return next;
}
