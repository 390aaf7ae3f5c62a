/**
 * A linear scan that runs before the YAML parser or any recursion sees a text, and refuses
 * what would exhaust them (docs/limits.md): nesting deeper than MAX_NESTING_DEPTH (5,000
 * `[` once aborted the language server), more aliases than MAX_ALIASES (an alias bomb),
 * a file over MAX_FILE_BYTES, and text that is not UTF-8 YAML at all (UTF-16, CR-only).
 */
import { MAX_ALIASES, MAX_FILE_BYTES, MAX_NESTING_DEPTH } from '../limits';
import type { Span } from '../types';

export interface GuardIssue {
  rule: 'yaml-syntax';
  message: string;
  span: Span;
}

export function guardText(text: string): GuardIssue | undefined {
  const whole = wholeTextIssue(text);
  if (whole) return whole;
  const depth = scanDepth(text, 0, text.length, DEPTH_START);
  return 'rule' in depth ? depth : aliasIssue(text);
}

/** Where the nesting scan stands at a line start: the open indentation levels and flow brackets. */
export interface DepthState {
  readonly indents: readonly number[];
  readonly flow: number;
}

const DEPTH_START: DepthState = { indents: [], flow: 0 };

/**
 * The nesting scan's state at each of `marks` (line starts, ascending), or undefined when
 * the text is refused or a mark is not a line start. For guardEdited: keep them with an
 * accepted text.
 */
export function depthStates(text: string, marks: readonly number[]): DepthState[] | undefined {
  const states: DepthState[] = [];
  const r = scanDepth(text, 0, text.length, DEPTH_START, marks, states);
  return 'rule' in r || states.length !== marks.length ? undefined : states;
}

/**
 * guardText of a text that equals an accepted one outside the lines [from, to) (from and
 * to are line starts, or to is the end of the text), without reading it all again: the
 * whole-text checks (cheap), the nesting scan of the changed lines from `at` (the state at
 * `from`), which must end in `after` (the accepted text's state at the same line; none when
 * the change runs to the end), and no new anchor or alias. Returns the states at `marks`
 * (line starts in [from, to)) when the text is certainly accepted; undefined when only
 * guardText can tell.
 */
export function guardEdited(
  text: string,
  from: number,
  to: number,
  at: DepthState,
  after: DepthState | undefined,
  marks: readonly number[],
): DepthState[] | undefined {
  if (wholeTextIssue(text)) return undefined;
  const states: DepthState[] = [];
  const end = scanDepth(text, from, to, at, marks, states);
  if ('rule' in end || states.length !== marks.length) return undefined;
  if (after && !sameDepth(end, after)) return undefined;
  // Anchors and aliases are found line by line: with none in the changed lines, the text
  // has at most the accepted one's anchors and aliases.
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 38 /* & */ || c === 42 /* * */) return aliasIssue(text) ? undefined : states;
  }
  return states;
}

function sameDepth(a: DepthState, b: DepthState): boolean {
  if (a.flow !== b.flow || a.indents.length !== b.indents.length) return false;
  for (let i = 0; i < a.indents.length; i++) if (a.indents[i] !== b.indents[i]) return false;
  return true;
}

/** Size, encoding and line-ending checks: whole-text, but cheap. */
function wholeTextIssue(text: string): GuardIssue | undefined {
  if (text.length > MAX_FILE_BYTES) {
    return issue(`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, claimlint's limit; split it into several files.`, 0, 0);
  }
  const head = text.slice(0, 4096);
  const nuls = (head.match(/\u0000/g) ?? []).length;
  if (head.startsWith('\ufffe') || (nuls > 8 && nuls * 3 > head.length)) {
    return issue('The file looks like UTF-16 text; save it as UTF-8 (claim files are UTF-8 YAML).', 0, 0);
  }
  if (text.includes('\r') && !text.includes('\n') && text.indexOf('\r') < text.length - 1) {
    return issue('The file breaks lines with CR only (old Mac style); save it with LF or CRLF line endings.', 0, 0);
  }
  return undefined;
}

function issue(message: string, start: number, end: number): GuardIssue {
  return { rule: 'yaml-syntax', message, span: { start, end } };
}

/**
 * Nesting as the parser would meet it: indentation levels, `- ` and `? ` items opened on
 * one line, and open flow brackets (outside quotes and comments). An over-estimate is
 * harmless: real claim files nest about eight deep. Scans the lines in [from, to) from
 * `state`; the state at each of `marks` that is a line start goes to `states`. Returns the
 * first issue, or the state at `to`.
 */
function scanDepth(text: string, from: number, to: number, state: DepthState, marks: readonly number[] = [], states: DepthState[] = []): GuardIssue | DepthState {
  const indents = state.indents.slice();
  let flow = state.flow;
  let pos = from;
  let m = 0;
  /** The first character from SPECIAL at or after the last search (text.length: none). */
  let special = -1;
  while (pos < to) {
    while (m < marks.length && marks[m] < pos) m++;
    if (m < marks.length && marks[m] === pos) {
      const last = states[states.length - 1];
      const now = { indents: indents.slice(), flow };
      states.push(last && sameDepth(last, now) ? last : now);
      m++;
    }
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let i = pos;
    while (i < nl && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    const blank = i >= nl || text.charCodeAt(i) === HASH || text.charCodeAt(i) === CR;
    let depth = 0;
    if (!blank && flow === 0) {
      const indent = i - pos;
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // Compact items: "- - - x" opens one level per dash.
      while (i + 1 < nl && (text.charCodeAt(i) === DASH || text.charCodeAt(i) === QUESTION) && (text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === TAB)) {
        depth++;
        i += 2;
        while (i < nl && text.charCodeAt(i) === SPACE) i++;
      }
    }
    // The rest of the line, from one character that can change the state to the next (found
    // by a regex search, not a look at every character: claim files have few of them).
    let quote = 0;
    for (let j = i; j < nl; ) {
      if (quote) {
        // In a quoted scalar only its closing quote counts (and, in double quotes, a backslash escapes the next character).
        let k: number;
        if (quote === SQUOTE) k = text.indexOf("'", j);
        else {
          DQUOTE_END.lastIndex = j;
          k = DQUOTE_END.exec(text)?.index ?? -1;
        }
        if (k < 0 || k >= nl) break;
        if (text.charCodeAt(k) === BACKSLASH) j = k + 2;
        else {
          quote = 0;
          j = k + 1;
        }
        continue;
      }
      if (special < j) {
        SPECIAL.lastIndex = j;
        special = SPECIAL.exec(text)?.index ?? text.length;
      }
      const k = special;
      if (k >= nl) break;
      const c = text.charCodeAt(k);
      if (c === HASH && (k === pos || text.charCodeAt(k - 1) === SPACE || text.charCodeAt(k - 1) === TAB)) break;
      if ((c === DQUOTE || c === SQUOTE) && (k === i || opensQuote(text[k - 1]))) quote = c;
      else if (c === OPEN_SQUARE || c === OPEN_CURLY) {
        flow++;
        if (indents.length + depth + flow > MAX_NESTING_DEPTH) return tooDeep(k);
      } else if ((c === CLOSE_SQUARE || c === CLOSE_CURLY) && flow > 0) flow--;
      j = k + 1;
    }
    if (indents.length + depth > MAX_NESTING_DEPTH) return tooDeep(i);
    pos = nl + 1;
  }
  return { indents, flow };
}

/** The characters that can change the scan's state outside quotes, and what ends a double-quoted run. */
const SPECIAL = /["'#[\]{}]/g;
const DQUOTE_END = /["\\]/g;

const SPACE = 32;
const TAB = 9;
const CR = 13;
const HASH = 35;
const DASH = 45;
const QUESTION = 63;
const BACKSLASH = 92;
const DQUOTE = 34;
const SQUOTE = 39;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;

/** Whether a quote after this character opens a quoted scalar (whitespace, or [ { , :). */
function opensQuote(before: string): boolean {
  return /[\s[{,:]/.test(before);
}

function tooDeep(at: number): GuardIssue {
  return issue(`The YAML nests deeper than ${MAX_NESTING_DEPTH} levels, claimlint's limit; the file is not read further.`, at, at + 1);
}

const ANCHOR = /(?:^|[\s[{,:-])&([^\s,[\]{}]+)/g;
const ALIAS = /(?:^|[\s[{,:-])\*([^\s,[\]{}]+)/g;

/** More aliases of the file's own anchors than MAX_ALIASES: an alias bomb. */
function aliasIssue(text: string): GuardIssue | undefined {
  if (!text.includes('&') || !text.includes('*')) return undefined;
  const anchors = new Set<string>();
  for (const m of text.matchAll(ANCHOR)) anchors.add(m[1]);
  if (!anchors.size) return undefined;
  let count = 0;
  for (const m of text.matchAll(ALIAS)) {
    if (anchors.has(m[1]) && ++count > MAX_ALIASES) {
      const at = (m.index ?? 0) + m[0].indexOf('*');
      return issue(`The file uses more than ${MAX_ALIASES} aliases (*name), claimlint's limit; write the values out instead.`, at, at + 1 + m[1].length);
    }
  }
  return undefined;
}
