/**
 * A map from field paths (lines[1].units) to the source spans of their keys and values and
 * the shape of each value (mapping, sequence or scalar, how it is written), so every
 * finding and every fix can be located without searching text. The entries hold no YAML
 * nodes: the quick scanner (./quick/) builds the same map without the `yaml` parser, and a
 * cached claim does not keep its document's node tree alive.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../types';

/** How a scalar is written (the `yaml` package's Scalar.type). */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface SourceEntry {
  /** Span of the key (mapping entries only). */
  key?: Span;
  /** Span of the value; for an empty value, a zero-length span after the key. */
  value: Span;
  /** The value's node: 'none' where there is none (an entry the parser left without one). */
  kind: 'map' | 'seq' | 'scalar' | 'none';
  /** A flow collection (`[…]`, `{…}`); false for block collections and scalars. */
  flow: boolean;
  /**
   * Where the node's range ends (the `yaml` range[2]): a block node's range runs on past
   * its trailing comment and line break.
   */
  end: number;
  /** A mapping's keys, in order. */
  keys?: string[];
  /** A sequence's number of items. */
  count?: number;
  /** A scalar's style and value. */
  style?: ScalarStyle;
  scalar?: unknown;
}

export type SourceMap = Map<string, SourceEntry>;

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** The entry for a node (or for no node: an empty span at `fallback`). */
export function nodeEntry(node: Node | null | undefined, fallback: number, key?: Span): SourceEntry {
  const r = node?.range;
  const value = r ? { start: r[0], end: r[1] } : { start: fallback, end: fallback };
  const entry: SourceEntry = { value, kind: 'none', flow: false, end: r ? r[2] : fallback };
  if (key) entry.key = key;
  if (isMap(node)) {
    entry.kind = 'map';
    entry.flow = !!node.flow;
    entry.keys = node.items.map((p) => keyText(p.key as Node | null));
  } else if (isSeq(node)) {
    entry.kind = 'seq';
    entry.flow = !!node.flow;
    entry.count = node.items.length;
  } else if (isScalar(node)) {
    entry.kind = 'scalar';
    entry.style = node.type as ScalarStyle;
    entry.scalar = node.value;
  }
  return entry;
}

function keyText(keyNode: Node | null): string {
  return isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
}

/** Walk a YAML node and record every path below `base` (inclusive). */
export function buildSourceMap(root: Node, base = '', map: SourceMap = new Map()): SourceMap {
  map.set(base, nodeEntry(root, 0));
  walk(root, base, map);
  return map;
}

function walk(node: Node, path: string, map: SourceMap): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const child = joinPath(path, keyText(keyNode));
      const kr = keyNode?.range;
      const key = kr ? { start: kr[0], end: kr[1] } : { start: 0, end: 0 };
      const valueNode = (pair.value as Node | null) ?? null;
      map.set(child, nodeEntry(valueNode?.range ? valueNode : null, key.end + 1, key));
      if (valueNode) walk(valueNode, child, map);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = joinPath(path, i);
      const itemNode = item as Node | null;
      map.set(child, nodeEntry(itemNode, node.range?.[0] ?? 0));
      if (itemNode) walk(itemNode, child, map);
    });
  }
}

/**
 * End of the content at `path`: a block collection's own range may run on through trailing
 * comments and blank lines that belong to what follows it, so this is the value end of its
 * last item (of that item's last item, and so on).
 */
export function contentEnd(map: SourceMap, path: string): number {
  let p = path;
  for (;;) {
    const e = map.get(p)!;
    let last: string | undefined;
    if (e.kind === 'map' && e.keys!.length) last = joinPath(p, e.keys![e.keys!.length - 1]);
    else if (e.kind === 'seq' && e.count) last = joinPath(p, e.count - 1);
    const inner = last === undefined ? undefined : map.get(last);
    if (!inner) return e.value.end;
    // A pair without a value node ends at its key; an empty item leaves the collection's own end.
    if (inner.kind === 'none') return inner.key ? inner.key.end : e.value.end;
    p = last!;
  }
}

/** A claim-relative path placed under its document prefix (claims[3] + lines[0].units). */
export function prefixPath(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
}

/** Nearest recorded ancestor of a path (the path itself when present). */
export function nearestEntry(map: SourceMap, path: string): { path: string; entry: SourceEntry } | undefined {
  let p = path;
  for (;;) {
    const entry = map.get(p);
    if (entry) return { path: p, entry };
    if (!p) return undefined;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut <= 0 ? '' : p.slice(0, cut);
  }
}

/** Turn a zod/JS path array into our path string. */
export function pathFromKeys(keys: readonly PropertyKey[], base = ''): string {
  return keys.reduce<string>((acc, k) => joinPath(acc, typeof k === 'number' ? k : String(k)), base);
}
