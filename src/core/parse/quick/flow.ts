/**
 * One-line flow collections, `[a, "b"]` and `{ k: v, n: [1, 2] }`, read as the `yaml` package
 * reads them: values, and the source-map spans of the collection, each item and each key.
 * Anything else inside the brackets (empty items, trailing commas, keys that are not
 * identifiers, a ':' or '#' in a plain scalar, lines that go on) declines.
 */
import { joinPath, type SourceMap } from '../sourceMap';
import { openEntry, place, scalarShape, type Shape } from './entry';
import { decline, keyEnd } from './lines';
import { plainValue, quotedScalar } from './scalars';

export interface FlowValue {
  value: unknown;
  /** Offset after the closing bracket. */
  end: number;
  shape: Shape;
}

/** Characters that end a plain scalar in a flow collection (or that the scanner leaves to the parser). */
const FLOW_STOP = /[,[\]{}#:"']/;
/** First characters of a plain scalar the scanner does not read (YAML indicators). */
const BAD_FIRST = /[-?:,[\]{}#&*!|>'"%@`]/;

function skipSpaces(text: string, i: number): number {
  while (text.charCodeAt(i) === 32) i++;
  return i;
}

/** Flow collections nest at most this deep here (claims nest two: `{ modifiers: [GP] }`). */
const MAX_FLOW_DEPTH = 8;

/** An item at `at` (a scalar or a nested collection): its value, span and the offset after it and the spaces that follow. */
function flowItem(text: string, at: number, lineEnd: number, path: string, src: SourceMap, depth: number): { value: unknown; start: number; end: number; next: number; shape: Shape } {
  const c = text[at];
  if (c === '[' || c === '{') {
    if (depth >= MAX_FLOW_DEPTH) decline();
    const f = (c === '[' ? flowSeq : flowMap)(text, at, lineEnd, path, src, depth + 1);
    return { value: f.value, start: at, end: f.end, next: skipSpaces(text, f.end), shape: f.shape };
  }
  if (c === '"' || c === "'") {
    const q = quotedScalar(text, at, lineEnd);
    if (!q) decline();
    return { value: q.value, start: at, end: q.end, next: skipSpaces(text, q.end), shape: scalarShape(c) };
  }
  if (BAD_FIRST.test(c) && !(c === '-' && at + 1 < lineEnd && !/[\s,[\]{}]/.test(text[at + 1]))) decline();
  let j = at;
  while (j < lineEnd && !FLOW_STOP.test(text[j])) j++;
  let e = j;
  while (e > at && text.charCodeAt(e - 1) === 32) e--;
  if (e === at) decline();
  return { value: plainValue(text.slice(at, e)), start: at, end: e, next: j, shape: scalarShape(c) };
}

/** `[...]` starting at `at` (the bracket), within the line. */
export function flowSeq(text: string, at: number, lineEnd: number, path: string, src: SourceMap, depth = 0): FlowValue {
  const out: unknown[] = [];
  let i = skipSpaces(text, at + 1);
  if (text[i] === ']') return { value: out, end: i + 1, shape: { kind: 'seq', flow: true, count: 0 } };
  for (;;) {
    if (i >= lineEnd) decline();
    const entry = openEntry(i);
    src.set(joinPath(path, out.length), entry);
    const item = flowItem(text, i, lineEnd, joinPath(path, out.length), src, depth);
    place(entry, item.start, item.end, item.next, item.shape, item.value);
    out.push(item.value);
    const sep = text[item.next];
    if (sep === ']') return { value: out, end: item.next + 1, shape: { kind: 'seq', flow: true, count: out.length } };
    if (sep !== ',') decline();
    i = skipSpaces(text, item.next + 1);
    if (text[i] === ']' || text[i] === ',') decline();
  }
}

/** `{...}` starting at `at` (the brace), within the line. */
export function flowMap(text: string, at: number, lineEnd: number, path: string, src: SourceMap, depth = 0): FlowValue {
  const out: Record<string, unknown> = {};
  const keys: string[] = [];
  let i = skipSpaces(text, at + 1);
  if (text[i] === '}') return { value: out, end: i + 1, shape: { kind: 'map', flow: true, keys } };
  for (;;) {
    const k = keyEnd(text, i, lineEnd);
    if (k < 0 || text.charCodeAt(k + 1) !== 32) decline();
    const key = text.slice(i, k);
    if (Object.prototype.hasOwnProperty.call(out, key)) decline();
    const v = skipSpaces(text, k + 1);
    if (v >= lineEnd) decline();
    keys.push(key);
    const entry = openEntry(v, { start: i, end: k });
    src.set(joinPath(path, key), entry);
    const item = flowItem(text, v, lineEnd, joinPath(path, key), src, depth);
    place(entry, item.start, item.end, item.next, item.shape, item.value);
    out[key] = item.value;
    const sep = text[item.next];
    if (sep === '}') return { value: out, end: item.next + 1, shape: { kind: 'map', flow: true, keys } };
    if (sep !== ',') decline();
    i = skipSpaces(text, item.next + 1);
    if (text[i] === '}' || text[i] === ',') decline();
  }
}
