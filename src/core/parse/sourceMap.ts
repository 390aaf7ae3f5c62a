/**
 * A map from field paths (lines[1].units) to the YAML nodes and source spans of their keys
 * and values, so every finding and every fix can be located without searching text.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Span } from '../types';

export interface SourceEntry {
  /** Span of the key (mapping entries only). */
  key?: Span;
  /** Span of the value; for an empty value, a zero-length span after the key. */
  value: Span;
  node: Node | null;
  pair?: Pair;
}

export type SourceMap = Map<string, SourceEntry>;

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

function spanOf(node: Node | null | undefined, fallback: number): Span {
  const r = node?.range;
  if (!r) return { start: fallback, end: fallback };
  return { start: r[0], end: r[1] };
}

/** Walk a YAML node and record every path below `base` (inclusive). */
export function buildSourceMap(root: Node, base = '', map: SourceMap = new Map()): SourceMap {
  map.set(base, { value: spanOf(root, 0), node: root });
  walk(root, base, map);
  return map;
}

function walk(node: Node, path: string, map: SourceMap): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const keyText = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const child = joinPath(path, keyText);
      const key = spanOf(keyNode, 0);
      const valueNode = (pair.value as Node | null) ?? null;
      const value = valueNode?.range ? spanOf(valueNode, key.end) : { start: key.end + 1, end: key.end + 1 };
      map.set(child, { key, value, node: valueNode, pair: pair as Pair });
      if (valueNode) walk(valueNode, child, map);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = joinPath(path, i);
      const itemNode = item as Node | null;
      map.set(child, { value: spanOf(itemNode, node.range?.[0] ?? 0), node: itemNode });
      if (itemNode) walk(itemNode, child, map);
    });
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
