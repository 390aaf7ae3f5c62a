/**
 * Source-map entries as the quick scanner fills them: the same spans, range end and shape
 * (mapping, sequence or scalar style) that parse/sourceMap.ts nodeEntry reads off a `yaml` node.
 */
import type { SourceEntry } from '../sourceMap';

export type Shape = Pick<SourceEntry, 'kind' | 'flow' | 'keys' | 'count' | 'style'>;

/** An entry whose value is still to be read: spans and shape are filled in by `place`. */
export function openEntry(at: number, key?: SourceEntry['key']): SourceEntry {
  const entry: SourceEntry = { value: { start: at, end: at }, kind: 'none', flow: false, end: at };
  if (key) entry.key = key;
  return entry;
}

/** Record a read node in its entry: value span, range end, shape and (scalars) value. */
export function place(entry: SourceEntry, start: number, end: number, after: number, shape: Shape, value: unknown): void {
  entry.value.start = start;
  entry.value.end = end;
  entry.end = after;
  entry.kind = shape.kind;
  entry.flow = shape.flow;
  if (shape.keys) entry.keys = shape.keys;
  else if (shape.count !== undefined) entry.count = shape.count;
  else if (shape.style) {
    entry.style = shape.style;
    entry.scalar = value;
  }
}

export const PLAIN: Shape = { kind: 'scalar', flow: false, style: 'PLAIN' };
const DOUBLE: Shape = { kind: 'scalar', flow: false, style: 'QUOTE_DOUBLE' };
const SINGLE: Shape = { kind: 'scalar', flow: false, style: 'QUOTE_SINGLE' };
export const LITERAL: Shape = { kind: 'scalar', flow: false, style: 'BLOCK_LITERAL' };
export const FOLDED: Shape = { kind: 'scalar', flow: false, style: 'BLOCK_FOLDED' };

/** The shape of a scalar written starting with `c`. */
export function scalarShape(c: string): Shape {
  return c === '"' ? DOUBLE : c === "'" ? SINGLE : PLAIN;
}
