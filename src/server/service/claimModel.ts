/**
 * The claims of a document with their source maps, for the features that need to know
 * what is under the cursor (hover, completion) or where each claim starts (code lens).
 * Like the engine, a `claims:` list is cut into its items (src/core/parse/split.ts) and
 * each item is parsed on its own and cached by its text, so a large file costs little
 * per keystroke. The YAML parser is tolerant: a half-typed file still yields its claims.
 */
import { isMap, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node } from 'yaml';
import { PARSE_OPTIONS } from '../../core/audit/document';
import { validateClaim } from '../../core/audit/validate';
import type { ResolvedConfig } from '../../core/config/schema';
import type { Claim } from '../../core/model/claim';
import { buildSourceMap, type SourceEntry, type SourceMap } from '../../core/parse/sourceMap';
import { documentLayout, splitDocuments } from '../../core/parse/split';
import type { Span } from '../../core/types';

export interface ValidatedView {
  claim?: Claim;
  /** Original line index of each kept line. */
  lineIndex: number[];
  complete: boolean;
}

/** A claim as parsed from some text; spans are relative to that text. */
interface ParsedClaim {
  node: Node;
  /** Where the claim's lens goes: the `claim:` key or the first key of the list item. */
  anchor: number;
  start: number;
  end: number;
  /** Paths relative to the claim. */
  src: SourceMap;
  /** The claim as plain data, before validation (may be partial while typing). */
  raw: unknown;
  /** Validated (and repaired) claim, computed on first use. */
  validated(): ValidatedView;
}

/** A claim placed in the document: anchor, start and end are document offsets. */
export interface ClaimNode extends ParsedClaim {
  /** Index of the YAML document in the stream. */
  document: number;
  /** Path of the claim in its document: claim or claims[3]. */
  prefix: string;
  /** Offset in the document of the text the claim was parsed from: add it to src spans. */
  base: number;
}

export interface NodeAt {
  claim: ClaimNode;
  /** Path relative to the claim, e.g. lines[1].modifiers[0]. */
  path: string;
  on: 'key' | 'value';
  entry: SourceEntry;
  /** The key or value under the cursor, in document offsets. */
  span: Span;
}

export class ClaimModel {
  constructor(readonly claims: ClaimNode[]) {}

  claimAt(offset: number): ClaimNode | undefined {
    return this.claims.find((c) => offset >= c.start && offset <= c.end);
  }

  /** The innermost key or value under `offset` (end inclusive, so the end of a word counts). */
  nodeAt(offset: number): NodeAt | undefined {
    const claim = this.claimAt(offset);
    if (!claim) return undefined;
    const at = offset - claim.base;
    let best: NodeAt | undefined;
    let bestSize = Infinity;
    for (const [path, entry] of claim.src) {
      if (path === '') continue;
      for (const on of ['key', 'value'] as const) {
        const span = on === 'key' ? entry.key : entry.value;
        if (!span || at < span.start || at > span.end) continue;
        const size = span.end - span.start;
        // Prefer keys and scalars over the collections that contain them.
        if (size < bestSize || (size === bestSize && on === 'key')) {
          best = { claim, path, on, entry, span: { start: span.start + claim.base, end: span.end + claim.base } };
          bestSize = size;
        }
      }
    }
    return best;
  }
}

const models = new Map<string, ClaimModel>();
const items = new Map<string, ParsedClaim | null>();
const MAX_ITEMS = 5000;

/** The claims of `text` (memoized for the last few texts; list items cached by their text). */
export function claimModel(text: string): ClaimModel {
  const hit = models.get(text);
  if (hit) return hit;
  const model = new ClaimModel(parseClaims(text));
  models.set(text, model);
  if (models.size > 8) models.delete(models.keys().next().value as string);
  return model;
}

function parseClaims(text: string): ClaimNode[] {
  const docs = splitDocuments(text);
  if (!docs) return parseWhole(text, 0, 0);
  return docs.flatMap((slice, d) => {
    const layout = documentLayout(text, slice);
    if (layout.kind === 'claims') {
      const out: ClaimNode[] = [];
      for (const [k, item] of layout.items.entries()) {
        const parsed = parseItem(text.slice(item.start, item.end));
        if (!parsed) return parseWhole(text.slice(slice.start, slice.end), slice.start, d);
        out.push(placed(parsed, d, `claims[${k}]`, item.start));
      }
      return out;
    }
    return parseWhole(text.slice(slice.start, slice.end), slice.start, d);
  });
}

function placed(parsed: ParsedClaim, document: number, prefix: string, base: number): ClaimNode {
  return { ...parsed, document, prefix, base, anchor: parsed.anchor + base, start: parsed.start + base, end: parsed.end + base };
}

/** One `- ` item of a claims list, parsed alone (cached by its text). */
function parseItem(itemText: string): ParsedClaim | undefined {
  let hit = items.get(itemText);
  if (hit === undefined) {
    const doc = parseDocument(itemText, PARSE_OPTIONS);
    const seq = doc.contents;
    const node = isSeq(seq) && seq.items.length === 1 ? (seq.items[0] as Node | null) : null;
    hit = isMap(node) && node.range ? parsedClaim(doc, node, node.range[0], itemText.indexOf('-')) : null;
    items.set(itemText, hit);
    if (items.size > MAX_ITEMS) items.delete(items.keys().next().value as string);
  }
  return hit ?? undefined;
}

/** Every claim of a text parsed as a whole (a `claim:` document, or a layout the splitter will not cut). */
function parseWhole(text: string, base: number, firstDocument: number): ClaimNode[] {
  const out: ClaimNode[] = [];
  parseAllDocuments(text, PARSE_OPTIONS as object).forEach((doc, i) => {
    const root = doc.contents as Node | null;
    if (!isMap(root)) return;
    for (const pair of root.items) {
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : '';
      const value = pair.value as Node | null;
      if (name === 'claim' && isMap(value) && value.range && key?.range) {
        out.push(placed(parsedClaim(doc, value, key.range[0], key.range[0]), firstDocument + i, 'claim', base));
      } else if (name === 'claims' && isSeq(value)) {
        value.items.forEach((item, k) => {
          const n = item as Node | null;
          if (isMap(n) && n.range) out.push(placed(parsedClaim(doc, n, n.range[0], text.lastIndexOf('-', n.range[0])), firstDocument + i, `claims[${k}]`, base));
        });
      }
    }
  });
  return out;
}

function parsedClaim(doc: Document, node: Node, anchor: number, start: number): ParsedClaim {
  let validated: ValidatedView | undefined;
  const raw = node.toJS(doc);
  return {
    node,
    anchor,
    start: Math.max(0, Math.min(start, node.range![0])),
    end: node.range![2],
    src: buildSourceMap(node),
    raw,
    validated: () => (validated ??= validateClaim(raw)),
  };
}

/** The date whose reference data applies: the claim's valid date, the configured default, or today. */
export function dataDate(raw: unknown, config: ResolvedConfig): string {
  const date = (raw as { date_of_service?: unknown } | undefined)?.date_of_service;
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return date;
  return config.defaultDate ?? new Date().toISOString().slice(0, 10);
}

/** A field of the raw claim by path segments, or undefined. */
export function rawAt(raw: unknown, ...keys: (string | number)[]): unknown {
  let v = raw;
  for (const k of keys) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}
