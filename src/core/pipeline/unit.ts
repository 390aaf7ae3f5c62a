/**
 * Parsing one unit of a claim file: a `- ` item of a claims list parsed on its own, or a
 * whole YAML document (a `claim:` document, or a layout the line scan will not cut). A
 * unit yields its claims — source map, plain data and (lazily) the validated claim —
 * and the config-independent problems of its structure. Nothing here depends on the
 * config, so a unit is parsed once per text and shared by the audit and every editor
 * feature. Spans are relative to the unit's text.
 *
 * The quick scanner (parse/quick/) reads a unit first: claim files are written in a plain
 * subset of block YAML, which it reads at a fraction of the `yaml` parser's cost, giving
 * exactly the data and source map the parser would (test/unit/quickScanner.test.ts); it
 * declines anything else — errors, anchors, tags, unusual layout — and then the `yaml`
 * package parses the unit as before.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import { validateClaim, type ValidatedClaim } from './validate';
import { buildSourceMap, prefixPath, type SourceMap } from '../parse/sourceMap';
import { quickClaimDocument, quickItem, type QuickItem } from '../parse/quick/item';
import { unclosedFlow, unclosedMessage, yamlErrorMessage } from '../parse/yamlErrors';
import type { Span } from '../types';
import { unknownKey } from '../unknownText';
import { lastAtOrBefore } from '../search';
import { withoutStackTraces } from '../parse/quietParse';

/** logLevel 'error': the yaml library's own warnings quote file text (a key's content); none reach stderr or a log. */
export const PARSE_OPTIONS = { prettyErrors: false, keepSourceTokens: false, uniqueKeys: true, logLevel: 'error' } as const;

/** Messages are cached per unit text, so they carry no index; the finding's path does. */
const NOT_A_CLAIM = 'A claim must be a mapping of its fields (id, date_of_service, payer, lines …).';

export interface ParsedClaim {
  /** Path of the claim in its unit: '' for a list item parsed alone, else claim / claims[k]. */
  prefix: string;
  /** Where the claim's lens goes: the `claim:` key or the first key of the list item. */
  anchor: number;
  start: number;
  end: number;
  /** Paths relative to the claim. */
  src: SourceMap;
  /** The claim as plain data, before validation (may be partial while typing). */
  raw: unknown;
  /** toJS failed (an alias to an anchor that is not defined before it). */
  rawFailed: boolean;
  /** False when the YAML around the claim has errors: shown to the editor, not audited. */
  sound: boolean;
  /** Claim id and its span, for the file-level duplicate-id check. */
  id?: { id: string; start: number; end: number };
  /** Validated (and repaired) claim, computed on first use. */
  validated(): ValidatedClaim;
}

/** A structural problem of the unit, before the config gives it a severity. */
export interface UnitIssue {
  rule: 'yaml-syntax' | 'claim-schema';
  message: string;
  path: string;
  span: Span;
}

/** In document order: a structural issue, or the index of a claim to audit there. */
export type UnitStep = { issue: UnitIssue } | { claim: number };

export interface ParsedUnit {
  kind: 'item' | 'whole';
  /** The text parsed (a flat copy: it does not keep the whole file alive). */
  text: string;
  claims: ParsedClaim[];
  steps: UnitStep[];
  /** An item that is not one list item: the caller parses the whole document instead. */
  unusable?: boolean;
  /** Estimated bytes kept alive (for the cache's budget). */
  bytes: number;
  /** Findings per config key, filled by the audit (see ./audit.ts). */
  results: Map<string, unknown>;
}

/**
 * Rough heap cost per character of unit text: the text, the YAML node tree, the source map,
 * the plain and validated data and the findings (measured by `npm run bench`).
 */
export const BYTES_PER_CHAR = 24;

/**
 * A copy of `s` that is not a slice of a larger string: V8 keeps the parent of a sliced
 * string alive, and a cached claim must not pin every version of a 3 MB file.
 */
export function flatCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** One `- ` item of a claims list, parsed on its own as a one-item sequence. */
export function parseItemUnit(text: string): ParsedUnit {
  return quickUnit('item', text) ?? yamlItemUnit(text);
}

/** A whole YAML document: structure checks, and every claim in it. */
export function parseWholeUnit(text: string): ParsedUnit {
  return quickUnit('whole', text) ?? yamlWholeUnit(text);
}

/**
 * The unit as the quick scanner reads it — one sound claim, no issue — or undefined when the
 * scanner declines the text (then only the `yaml` parser reads it). An item's claim has its
 * lens at its first key and starts at its dash; a `claim:` document's claim both at the key.
 */
export function quickUnit(kind: ParsedUnit['kind'], text: string): ParsedUnit | undefined {
  const quick = kind === 'item' ? quickItem(text) : quickClaimDocument(text);
  if (!quick) return undefined;
  const unit = newUnit(kind, text);
  const root = quick.src.get('')!;
  if (kind === 'item') unit.claims.push(scannedClaim(quick, '', root.value.start, text.indexOf('-')));
  else unit.claims.push(scannedClaim(quick, 'claim', quick.claimKey!, quick.claimKey!));
  unit.steps.push({ claim: 0 });
  return unit;
}

/** parseItemUnit through the `yaml` parser alone (tests compare the two paths). */
export function yamlItemUnit(text: string): ParsedUnit {
  const doc = withoutStackTraces(() => parseDocument(text, PARSE_OPTIONS));
  const seq = doc.contents;
  const unit = newUnit('item', text);
  if (!isSeq(seq) || seq.items.length !== 1) {
    unit.unusable = true;
    return unit;
  }
  const item = seq.items[0] as Node | null;
  if (isMap(item) && item.range) {
    unit.claims.push(parsedClaim(doc, item, '', item.range[0], text.indexOf('-'), doc.errors.length === 0));
  }
  if (doc.errors.length) {
    // Report the syntax error; the claim itself cannot be trusted, the others still are.
    for (const step of syntaxIssues(doc.errors, () => '')) unit.steps.push(step);
  } else if (!isMap(item)) {
    // The same finding the whole-document path gives (the path carries the index).
    const r = item?.range;
    if (r) unit.steps.push({ issue: { rule: 'claim-schema', message: NOT_A_CLAIM, path: '', span: { start: r[0], end: r[1] } } });
  } else unit.steps.push({ claim: 0 });
  return unit;
}

/** parseWholeUnit through the `yaml` parser alone. */
export function yamlWholeUnit(text: string): ParsedUnit {
  const doc = withoutStackTraces(() => parseDocument(text, PARSE_OPTIONS));
  const unit = newUnit('whole', text);
  for (const step of syntaxIssues(doc.errors, claimItemAt(doc))) unit.steps.push(step);
  // Error positions, sorted: whether a node holds one is a binary search (not a scan per node).
  const errorAt = doc.errors.map((e) => e.pos[0]).sort((a, b) => a - b);
  const inError = (n: Node): boolean => {
    if (!n.range || !errorAt.length) return false;
    const i = lastAtOrBefore(errorAt.length, (k) => errorAt[k], n.range[2]);
    return errorAt[i] >= n.range[0] && errorAt[i] <= n.range[2];
  };
  const structural = (path: string, start: number, end: number, message: string): void => {
    unit.steps.push({ issue: { rule: 'claim-schema', message, path, span: { start, end } } });
  };
  const addClaim = (node: Node, prefix: string, anchor: number, start: number): void => {
    const sound = !inError(node);
    unit.claims.push(parsedClaim(doc, node, prefix, anchor, start, sound));
    if (sound) unit.steps.push({ claim: unit.claims.length - 1 });
  };
  const root = doc.contents as Node | null;
  if (!isMap(root)) {
    if (!doc.errors.length) {
      const r = root?.range ?? [0, 0, 0];
      structural('', r[0], r[1], 'A claim document must be a mapping with a claim: or claims: key.');
    }
    return unit;
  }
  let seenTop = false;
  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    const kr = keyNode?.range ?? [0, 0, 0];
    const value = pair.value as Node | null;
    if (name !== 'claim' && name !== 'claims') {
      structural('', kr[0], kr[1], `${unknownKey(name, ['claim', 'claims'], 'top-level key')}; a document holds claim: or claims:.`);
      continue;
    }
    if (seenTop) {
      structural(name, kr[0], kr[1], `${name}: a document holds either claim: or claims:, not both.`);
      continue;
    }
    seenTop = true;
    if (name === 'claim') {
      if (value && isMap(value) && value.range) addClaim(value, 'claim', kr[0], kr[0]);
      else structural('claim', kr[0], kr[1], 'claim: expected a mapping (one claim).');
    } else if (isSeq(value)) {
      value.items.forEach((item, k) => {
        const n = item as Node | null;
        if (isMap(n) && n.range) addClaim(n, `claims[${k}]`, n.range[0], text.lastIndexOf('-', n.range[0]));
        else if (!isMap(n) && n?.range) structural(`claims[${k}]`, n.range[0], n.range[1], NOT_A_CLAIM);
      });
    } else {
      structural('claims', kr[0], kr[1], 'claims: expected a list of claims.');
    }
  }
  if (root.items.length === 0 && !doc.errors.length) structural('', root.range![0], root.range![0], 'A claim document must have a claim: or claims: key.');
  return unit;
}

function newUnit(kind: ParsedUnit['kind'], text: string): ParsedUnit {
  return { kind, text, claims: [], steps: [], bytes: text.length * BYTES_PER_CHAR + 256, results: new Map() };
}

function parsedClaim(doc: Document, node: Node, prefix: string, anchor: number, start: number, sound: boolean): ParsedClaim {
  let raw: unknown;
  let rawFailed = false;
  try {
    raw = node.toJS(doc);
  } catch {
    // toJS throws on an alias whose anchor is missing or comes later.
    rawFailed = true;
  }
  const src = buildSourceMap(node);
  return claimOf(raw, rawFailed, src, prefix, anchor, Math.max(0, Math.min(start, node.range![0])), node.range![2], sound);
}

/** A claim the quick scanner read: sound (it accepts no errors), its range from the source map. */
function scannedClaim(quick: QuickItem, prefix: string, anchor: number, start: number): ParsedClaim {
  const root = quick.src.get('')!;
  return claimOf(quick.raw, false, quick.src, prefix, anchor, Math.max(0, Math.min(start, root.value.start)), root.end, true);
}

function claimOf(raw: unknown, rawFailed: boolean, src: SourceMap, prefix: string, anchor: number, start: number, end: number, sound: boolean): ParsedClaim {
  let validated: ValidatedClaim | undefined;
  return { prefix, anchor, start, end, src, raw, rawFailed, sound, id: idOf(src), validated: () => (validated ??= validateClaim(raw)) };
}

/** The claim's `id` when it is a scalar with a value. */
function idOf(src: SourceMap): ParsedClaim['id'] {
  const v = src.get('id');
  return v && v.kind === 'scalar' && v.scalar !== null ? { id: String(v.scalar), start: v.value.start, end: v.value.end } : undefined;
}

/** Path of the claims[k] item holding an offset (how the split path names its errors). */
/**
 * `claims[k]` for the claims-list item holding a position, or ''. The items' ranges are in
 * text order, so each lookup is a binary search: a file with as many syntax errors as
 * claims costs n log n, not n².
 */
function claimItemAt(doc: Document): (pos: number) => string {
  const root = doc.contents;
  const claims = isMap(root) ? (root.get('claims', true) as Node | undefined) : undefined;
  if (!isSeq(claims)) return () => '';
  const items: { k: number; start: number; end: number }[] = [];
  claims.items.forEach((n, k) => {
    const r = (n as Node | null)?.range;
    if (r && (!items.length || r[0] >= items[items.length - 1].start)) items.push({ k, start: r[0], end: r[2] });
  });
  return (pos) => {
    if (!items.length) return '';
    const item = items[lastAtOrBefore(items.length, (i) => items[i].start, pos)];
    return pos >= item.start && pos <= item.end ? `claims[${item.k}]` : '';
  };
}

function syntaxIssues(errors: readonly YAMLError[], pathAt: (pos: number) => string): UnitStep[] {
  const out: UnitStep[] = [];
  // Nested unclosed brackets (`[{…[`) come as one parser error each, a character or two
  // apart where the closers are missing: one issue names them all. After one, the parser
  // reads the following lines as part of the open bracket and complains about their keys:
  // those follow-on errors are left out.
  let group: { closers: (']' | '}')[]; at: number; issue: { message: string; span: { end: number } } } | undefined;
  let unclosedSeen = false;
  for (const e of errors) {
    const closer = unclosedFlow(e);
    if (unclosedSeen && (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY')) continue;
    if (closer) unclosedSeen = true;
    if (closer && group && e.pos[0] - group.at <= 2) {
      if (!group.closers.includes(closer)) group.closers.push(closer);
      group.at = e.pos[0];
      group.issue.message = unclosedMessage(group.closers, e.code);
      group.issue.span.end = Math.max(group.issue.span.end, e.pos[1]);
      continue;
    }
    const issue = {
      rule: 'yaml-syntax' as const,
      message: yamlErrorMessage(e),
      path: pathAt(e.pos[0]),
      span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) },
    };
    out.push({ issue });
    group = closer ? { closers: [closer], at: e.pos[0], issue } : undefined;
  }
  return out;
}

/** A claim-relative path placed in its unit. */
export function unitPath(claim: ParsedClaim, path: string): string {
  return prefixPath(claim.prefix, path);
}
