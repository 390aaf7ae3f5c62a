/**
 * The quick scanner: one `- ` item of a claims list (the unit text pipeline/unit.ts
 * parseItemUnit gives the `yaml` package) read straight into what the workspace index needs
 * of it — the claim's plain data (what `node.toJS()` gives) and the source map's key and
 * value spans (what parse/sourceMap.ts buildSourceMap records; no yaml nodes) — or
 * undefined, and then the caller parses the item with `yaml` as always.
 *
 * Why a hand-written scanner beside the `yaml` library: the workspace index reads every
 * claim file of a workspace; measured on 10,000 claims in 1,000 files (17.4 MB), the yaml
 * parse (parseDocument, toJS, source map) was 5.2 s of the index's 6.4 s on one thread
 * (validation 0.4 s, facts 0.6 s, reading 0.1 s, transfer to and from the workers 0.2 s).
 * Claim files are written in a small, plain subset of block YAML; reading just that subset
 * costs a small fraction of a full parse. The scanner is exact or silent: it accepts only
 * text whose result it reproduces exactly (test/unit/quickScanner.test.ts compares it with
 * the yaml path on every fixture, example and generated file and on random claim-shaped
 * YAML), and declines everything else — anchors, aliases, tags, directives, multi-line
 * plain or quoted scalars, escapes, tabs, odd indentation, duplicate or complex keys,
 * comments where the parser would fold them into a node's range, errors of any kind.
 *
 * The subset: block mappings with identifier keys; block sequences (items of scalars,
 * one-line flow collections or compact mappings); one-line plain, single- and
 * double-quoted (no escapes) scalars; one-line flow collections of scalars; block scalars
 * (./blockScalar.ts); comments; blank lines.
 */
import { joinPath, type SourceMap } from '../sourceMap';
import { blockScalar } from './blockScalar';
import { FOLDED, LITERAL, openEntry, place, PLAIN, scalarShape, type Shape } from './entry';
import { flowMap, flowSeq } from './flow';
import { COMMENT, CONTENT, Declined, decline, keyEnd, restIsComment, scanLines, type Lines } from './lines';
import { plainValue, quotedScalar } from './scalars';

export interface QuickItem {
  /** The claim as plain data (toJS of the item's mapping). */
  raw: Record<string, unknown>;
  /** Paths relative to the claim; spans relative to the item's text; no nodes. */
  src: SourceMap;
  /** A `claim:` document: where its `claim:` key starts. */
  claimKey?: number;
}

/** A node's value span and the offset its range ends at (yaml's range[1] and range[2]). */
interface Read {
  value: unknown;
  start: number;
  end: number;
  after: number;
  /** The line after the node's last line. */
  next: number;
  /** The node's shape, as the source map records it. */
  shape: Shape;
}

/** The claims-list item `text` (it starts at its dash line), or undefined when it leaves the subset. */
export function quickItem(text: string): QuickItem | undefined {
  return scan(text, (s) => s.item());
}

/** The claim of a `claim:` document (the document's text), or undefined when it leaves the subset. */
export function quickClaimDocument(text: string): QuickItem | undefined {
  return scan(text, (s) => s.document());
}

function scan(text: string, read: (s: Scanner) => QuickItem): QuickItem | undefined {
  const lines = scanLines(text);
  if (!lines) return undefined;
  try {
    return read(new Scanner(text, lines));
  } catch (err) {
    if (err instanceof Declined) return undefined;
    throw err;
  }
}

class Scanner {
  readonly src: SourceMap = new Map();
  /** Column of the claim's mapping: trailing comments left of it stay out of its range. */
  private claimColumn = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Lines,
  ) {}

  item(): QuickItem {
    const { text, lines } = this;
    if (lines.kind[0] !== CONTENT) decline();
    const dash = lines.start[0] + lines.indent[0];
    if (text[dash] !== '-' || text[dash + 1] !== ' ') decline();
    let at = dash + 1;
    while (text.charCodeAt(at) === 32) at++;
    this.claimColumn = at - lines.start[0];
    const entry = openEntry(at);
    this.src.set('', entry);
    const map = this.map(0, this.claimColumn, '');
    // Only blank lines and comments may follow (a second item, or anything else, is not one claim).
    if (this.nextContent(map.next) < lines.count) decline();
    place(entry, at, map.end, this.claimEnd(map), map.shape, map.value);
    return { raw: map.value as Record<string, unknown>, src: this.src };
  }

  /** A `claim:` document: the claim's mapping below the key (comments at column 0 may come first). */
  document(): QuickItem {
    const { text, lines } = this;
    let n = 0;
    while (n < lines.count && lines.kind[n] !== CONTENT) {
      if (lines.kind[n] === COMMENT && lines.indent[n] !== 0) decline();
      n++;
    }
    if (n === lines.count || lines.indent[n] !== 0 || keyEnd(text, lines.start[n], lines.end[n]) !== lines.start[n] + 5 || !text.startsWith('claim:', lines.start[n])) decline();
    const v = lines.start[n] + 6;
    if (!restIsComment(text, v, lines.end[n])) decline();
    let m = n + 1;
    while (m < lines.count && lines.kind[m] !== CONTENT) m++;
    if (m === lines.count || lines.indent[m] === 0) decline();
    this.claimColumn = lines.indent[m];
    const entry = openEntry(0);
    this.src.set('', entry);
    const read = this.below(n, 0, '', v, v < lines.end[n]);
    if (!read.value || typeof read.value !== 'object' || Array.isArray(read.value)) decline();
    if (this.nextContent(read.next) < lines.count) decline();
    place(entry, read.start, read.end, this.claimEnd(read), read.shape, read.value);
    return { raw: read.value as Record<string, unknown>, src: this.src, claimKey: lines.start[n] };
  }

  /**
   * Where the claim's range ends: comments after its last line at the claim's own column
   * belong to its mapping, whose range then runs to the end of the text (blank lines too).
   */
  private claimEnd(read: Read): number {
    const { lines } = this;
    // Everything after the claim's last content line is blank or comment (the callers checked).
    for (let n = lines.count - 1; n >= 0 && lines.kind[n] !== CONTENT; n--) {
      if (lines.kind[n] === COMMENT && lines.indent[n] === this.claimColumn) return this.text.length;
    }
    return read.after;
  }

  /**
   * The next content line at or after `from` (or the line count). Comment lines on the way
   * must sit at that line's indentation (or, after the last content line, at or left of the
   * claim's column): elsewhere the parser folds them into the range of the node before.
   */
  private nextContent(from: number): number {
    const { lines } = this;
    let n = from;
    let commentIndent = -1;
    for (; n < lines.count; n++) {
      const kind = lines.kind[n];
      if (kind === CONTENT) break;
      if (kind === COMMENT) {
        if (commentIndent >= 0 && lines.indent[n] !== commentIndent) decline();
        commentIndent = lines.indent[n];
      }
    }
    if (commentIndent >= 0 && (n < lines.count ? lines.indent[n] !== commentIndent : commentIndent > this.claimColumn)) decline();
    return n;
  }

  /** A block mapping whose first key is on `line` at `column`. */
  private map(line: number, column: number, path: string): Read {
    const { text, lines } = this;
    const out: Record<string, unknown> = {};
    const keys: string[] = [];
    const start = lines.start[line] + column;
    let end = start;
    let n = line;
    for (;;) {
      const k = lines.start[n] + column;
      const lineEnd = lines.end[n];
      const ke = keyEnd(text, k, lineEnd);
      if (ke < 0 || (ke + 1 < lineEnd && text.charCodeAt(ke + 1) !== 32)) decline();
      const key = text.slice(k, ke);
      if (Object.prototype.hasOwnProperty.call(out, key)) decline();
      let v = ke + 1;
      while (v < lineEnd && text.charCodeAt(v) === 32) v++;
      const childPath = joinPath(path, key);
      keys.push(key);
      const entry = openEntry(v, { start: k, end: ke });
      this.src.set(childPath, entry);
      // Nothing after `key:` (or only a comment): the value is below, or null.
      const read = v === lineEnd || text.charCodeAt(v) === 35 /* # */ ? this.below(n, column, childPath, v, v < lineEnd) : this.value(n, v, column, childPath, true);
      out[key] = read.value;
      place(entry, read.start, read.end, read.after, read.shape, read.value);
      end = read.after;
      const next = this.nextContent(read.next);
      if (next >= lines.count || lines.indent[next] < column) return { value: out, start, end, after: end, next, shape: { kind: 'map', flow: false, keys } };
      if (lines.indent[next] > column) decline();
      if (text[lines.start[next] + column] === '-') decline();
      n = next;
    }
  }

  /** The value of `key:` with nothing after it on its line (or a comment): a block collection below, or null. */
  private below(line: number, column: number, path: string, at: number, comment: boolean): Read {
    const { text, lines } = this;
    let n = line + 1;
    let comments = comment;
    for (; n < lines.count && lines.kind[n] !== CONTENT; n++) if (lines.kind[n] === COMMENT) comments = true;
    if (n < lines.count && lines.indent[n] > column) {
      this.nextContent(line + 1);
      const first = lines.start[n] + lines.indent[n];
      if (text[first] === '-' && (first + 1 === lines.end[n] || text[first + 1] === ' ')) return this.seq(n, lines.indent[n], path);
      return this.map(n, lines.indent[n], path);
    }
    // null: an empty scalar right after the ':' and its spaces; a comment on the way would move it.
    if (comments) decline();
    return { value: null, start: at, end: at, after: at, next: line + 1, shape: PLAIN };
  }

  /** A block sequence whose first dash is on `line` at `column`. */
  private seq(line: number, column: number, path: string): Read {
    const { text, lines } = this;
    const out: unknown[] = [];
    const start = lines.start[line] + column;
    let n = line;
    for (;;) {
      const dash = lines.start[n] + column;
      const lineEnd = lines.end[n];
      if (text[dash] !== '-' || text[dash + 1] !== ' ') decline();
      let v = dash + 1;
      while (v < lineEnd && text.charCodeAt(v) === 32) v++;
      if (v === lineEnd) decline();
      const childPath = joinPath(path, out.length);
      const entry = openEntry(v);
      this.src.set(childPath, entry);
      const ke = keyEnd(text, v, lineEnd);
      const read = ke >= 0 && (ke + 1 === lineEnd || text.charCodeAt(ke + 1) === 32) ? this.map(n, v - lines.start[n], childPath) : this.value(n, v, column, childPath, false);
      out.push(read.value);
      place(entry, read.start, read.end, read.after, read.shape, read.value);
      const next = this.nextContent(read.next);
      if (next >= lines.count || lines.indent[next] < column) return { value: out, start, end: read.after, after: read.after, next, shape: { kind: 'seq', flow: false, count: out.length } };
      if (lines.indent[next] > column) decline();
      n = next;
    }
  }

  /** A value starting at `at` on `line` (not at its end), in a collection at `column`. */
  private value(line: number, at: number, column: number, path: string, blockScalars: boolean): Read {
    const { text, lines } = this;
    const lineEnd = lines.end[line];
    const after = lineEnd < text.length ? lineEnd + 1 : text.length;
    const c = text[at];
    let value: unknown;
    let end: number;
    let shape = PLAIN;
    if (c === '"' || c === "'") {
      const q = quotedScalar(text, at, lineEnd);
      if (!q) decline();
      ({ value, end } = q);
      shape = scalarShape(c);
    } else if (c === '[' || c === '{') {
      const f = (c === '[' ? flowSeq : flowMap)(text, at, lineEnd, path, this.src);
      ({ value, end, shape } = f);
    } else if (c === '|' || c === '>') {
      if (!blockScalars) decline();
      const b = blockScalar(text, lines, line, at, column);
      return { value: b.value, start: at, end: b.end, after: b.end, next: b.lastLine + 1, shape: c === '|' ? LITERAL : FOLDED };
    } else {
      if (/[,\]}#&*!%@`]/.test(c) || (/[-?:]/.test(c) && (at + 1 === lineEnd || text[at + 1] === ' '))) decline();
      end = lineEnd;
      for (let i = at + 1; i < lineEnd; i++) {
        if (text.charCodeAt(i) === 35 /* # */ && text.charCodeAt(i - 1) === 32) {
          end = i;
          break;
        }
      }
      while (end > at && text.charCodeAt(end - 1) === 32) end--;
      const s = text.slice(at, end);
      if (s.includes(': ') || s.endsWith(':')) decline();
      value = plainValue(s);
    }
    if (!restIsComment(text, end, lineEnd)) decline();
    // The next content line must not be further right: that would continue this scalar (or be an error).
    return { value, start: at, end, after, next: line + 1, shape };
  }
}
