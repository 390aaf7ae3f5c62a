/**
 * The lines of a unit's text as the quick scanner reads them: where each starts and ends,
 * its indentation and whether it is blank, a comment or content. Undefined for a text with
 * a character the scanner leaves to the `yaml` parser: tabs, carriage returns, other
 * control characters, a byte-order mark, NEL, line and paragraph separators.
 */

export const BLANK = 0;
export const COMMENT = 1;
export const CONTENT = 2;

export interface Lines {
  count: number;
  start: Int32Array;
  /** Offset of the line's '\n', or the text's length for a last line without one. */
  end: Int32Array;
  indent: Int32Array;
  kind: Uint8Array;
}

const REFUSED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** The arrays of the last scan, reused (a scan's lines are read before the next scan starts); a long text gets its own. */
let reused: Lines | undefined;
const REUSED_MAX = 1 << 16;

function linesFor(count: number): Lines {
  if (count > REUSED_MAX) return { count, start: new Int32Array(count), end: new Int32Array(count), indent: new Int32Array(count), kind: new Uint8Array(count) };
  if (!reused || reused.start.length < count) {
    const size = Math.min(REUSED_MAX, Math.max(count, 2 * (reused?.start.length ?? 128)));
    reused = { count, start: new Int32Array(size), end: new Int32Array(size), indent: new Int32Array(size), kind: new Uint8Array(size) };
  }
  reused.count = count;
  return reused;
}

export function scanLines(text: string): Lines | undefined {
  if (REFUSED.test(text)) return undefined;
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const lines = linesFor(count);
  let pos = 0;
  for (let n = 0; n < count; n++) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    let i = pos;
    while (i < end && text.charCodeAt(i) === 32) i++;
    lines.start[n] = pos;
    lines.end[n] = end;
    lines.indent[n] = i - pos;
    lines.kind[n] = i === end ? BLANK : text.charCodeAt(i) === 35 /* # */ ? COMMENT : CONTENT;
    pos = end + 1;
  }
  return lines;
}

/** Thrown by the quick scanner's parts where the text leaves its subset; the entry point answers undefined. */
export class Declined extends Error {}

export function decline(): never {
  throw new Declined();
}

/** Keys the scanner reads: plain identifiers ([A-Za-z_][A-Za-z0-9_]*) that the core schema resolves to themselves (no null, bool or __proto__). */
const NOT_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;

/** End of an identifier key starting at `at` (before its ':'), or -1. */
export function keyEnd(text: string, at: number, lineEnd: number): number {
  let i = at;
  while (i < lineEnd) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (i > at && c >= 48 && c <= 57)) i++;
    else break;
  }
  if (i === at || text.charCodeAt(i) !== 58 /* : */) return -1;
  // The loop above reads exactly KEY; only keys of 4, 5 or 9 characters can be a word that is not a string.
  const n = i - at;
  return (n !== 4 && n !== 5 && n !== 9) || !NOT_STRING_KEY.test(text.slice(at, i)) ? i : -1;
}

/** After a value that ends at `at` on its line: only spaces, then maybe a comment (after a space). */
export function restIsComment(text: string, at: number, lineEnd: number): boolean {
  let i = at;
  while (i < lineEnd && text.charCodeAt(i) === 32) i++;
  return i === lineEnd || (i > at && text.charCodeAt(i) === 35);
}
