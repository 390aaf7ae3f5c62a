/**
 * Phrase cues: the small matching language the documentation heuristics are written in.
 * A cue is a plain phrase ("tolerated well": case-insensitive, whole words, any run of
 * spaces or hyphens between words) or a labelled regular expression. Word lists live in
 * the lexicon files as data; a config may replace any list with its own (the rules' options, ctx.options).
 */

/**
 * A plain phrase; a labelled list of plain phrases (each written out with its inflections:
 * "monitor", "monitors", "monitored", "monitoring"); or a labelled regex source
 * (case-insensitive). Findings print the label, never the note's text.
 */
export type PhraseSpec = string | { label: string; pattern: string } | { label: string; words: string[] };

export interface Cue {
  label: string;
  re: RegExp;
}

const compiled = new WeakMap<readonly PhraseSpec[], Cue[]>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A plain phrase as a regex: word boundaries only where the phrase starts/ends with a word character. */
function phraseSource(phrase: string): string {
  const body = phrase
    .trim()
    .split(/[\s-]+/)
    .map(escape)
    .join('[\\s-]+');
  // Whole words: a word character may not touch the phrase at either end (a lookaround,
  // so that a phrase ending in "/" or "'" is bounded too).
  const head = /^\w/.test(phrase.trim()) ? '\\b' : '(?<!\\w)';
  const tail = /\w$/.test(phrase.trim()) ? '\\b' : '(?!\\w)';
  return `(?:${head}${body}${tail})`;
}

/**
 * Any of the phrases, whole words. Phrases that start and end with a word character share
 * one \b(?:…)\b group (one pass instead of one lookaround per phrase); longest first, so
 * "hip fracture" is matched whole where "hip" is listed too.
 */
function wordsCue(label: string, words: unknown[]): Cue | undefined {
  const list = words.filter((w): w is string => typeof w === 'string' && !!w.trim()).map((w) => w.trim());
  if (!list.length) return undefined;
  list.sort((a, b) => b.length - a.length);
  const plain = list.filter((w) => /^\w/.test(w) && /\w$/.test(w));
  const other = list.filter((w) => !plain.includes(w));
  const body = (w: string) => w.split(/[\s-]+/).map(escape).join('[\\s-]+');
  const parts = [...(plain.length ? [`\\b(?:${plain.map(body).join('|')})\\b`] : []), ...other.map(phraseSource)];
  return { label, re: new RegExp(parts.join('|'), 'gi') };
}

function compileOne(spec: PhraseSpec): Cue | undefined {
  try {
    if (typeof spec === 'string') return spec.trim() ? { label: spec.trim(), re: new RegExp(phraseSource(spec), 'gi') } : undefined;
    if ('words' in spec) return wordsCue(spec.label, spec.words);
    return { label: spec.label, re: new RegExp(spec.pattern, 'gi') };
  } catch {
    return undefined; // a bad pattern in a user's config is skipped, not fatal
  }
}

/** Compile a list once (lists are module constants or config values, so identity is stable). */
export function cues(specs: readonly PhraseSpec[] | undefined): Cue[] {
  if (!Array.isArray(specs)) return [];
  let list = compiled.get(specs);
  if (!list) {
    list = specs.map(compileOne).filter((c): c is Cue => !!c);
    compiled.set(specs, list);
  }
  return list;
}

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/**
 * The list's cues as one alternation: one scan of the text instead of one per cue (about
 * twice as fast on the lexicon lists). Not made when a source numbers or names its groups
 * (a back reference would point elsewhere in the union) or the union does not compile.
 * Only ever asked whether the text matches, so its alternatives may be reordered: every
 * alternative that starts at a word boundary goes into one `\b(?:…)` group, and V8 then
 * tries them only where a word starts (about twice as fast again, measured per list on a
 * 3 MB claim file's 12,525 text fields: boilerplate 12.8 → 6.7 ms, intervention specifics
 * 20.8 → 10.0, measurable targets 26.4 → 13.7).
 */
const unions = new WeakMap<readonly Cue[], RegExp | null>();

function unionOf(list: readonly Cue[]): RegExp | null {
  let re = unions.get(list);
  if (re === undefined) {
    re = null;
    if (list.length > 1 && !list.some((c) => /\\[1-9k]|\(\?<[^=!]/.test(c.re.source))) {
      const sources = list.map((c) => c.re.source);
      for (const source of [boundedFirst(sources), sources.map((s) => `(?:${s})`).join('|')]) {
        try {
          re = new RegExp(source, 'i');
          break;
        } catch {
          re = null;
        }
      }
    }
    unions.set(list, re);
  }
  return re;
}

/** One alternation of the sources' alternatives, those that start with `\b` first and sharing it. */
function boundedFirst(sources: readonly string[]): string {
  const bounded: string[] = [];
  const other: string[] = [];
  for (const b of sources.flatMap(topLevelBranches)) {
    if (b.startsWith('\\b')) bounded.push(`(?:${b.slice(2)})`);
    else other.push(`(?:${b})`);
  }
  return [...(bounded.length ? [`\\b(?:${bounded.join('|')})`] : []), ...other].join('|');
}

/**
 * The alternatives of a regex source at its top level: "a|(b|c)|[|]" → "a", "(b|c)", "[|]".
 * An alternative that is one group, plain or capturing, is opened: "(?:\ba|\bb)" →
 * "\ba", "\bb" (lookarounds are kept whole). For sources without back references: the
 * groups' numbers change.
 */
export function topLevelBranches(source: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= source.length; i++) {
    if (i < source.length && source[i] !== '|') {
      i = skipAtom(source, i) - 1;
      continue;
    }
    const branch = source.slice(start, i);
    const inner = branch.startsWith('(?:') ? 3 : branch.startsWith('(') && branch[1] !== '?' ? 1 : 0;
    if (inner && skipAtom(branch, 0) === branch.length) out.push(...topLevelBranches(branch.slice(inner, -1)));
    else out.push(branch);
    start = i + 1;
  }
  return out;
}

/** Where the atom at `i` ends: past an escape, a character class or a whole group (with what it holds). */
function skipAtom(source: string, i: number): number {
  const c = source[i];
  if (c === '\\') return i + 2;
  if (c === '[') {
    for (let j = i + 1; j < source.length; j++) {
      if (source[j] === '\\') j++;
      else if (source[j] === ']') return j + 1;
    }
    return source.length;
  }
  if (c === '(') {
    for (let j = i + 1; j < source.length; ) {
      if (source[j] === ')') return j + 1;
      j = skipAtom(source, j);
    }
    return source.length;
  }
  return i + 1;
}

/** Labels of the cues found in the text, each once, in list order. */
export function matchedLabels(text: string, list: readonly Cue[]): string[] {
  const out: string[] = [];
  for (const c of list) if (test(c.re, text) && !out.includes(c.label)) out.push(c.label);
  return out;
}

/**
 * matchedLabels for a list most texts match none of (boilerplate, unskilled care): one scan
 * of the union says so, and only a text that matches is read cue by cue.
 */
export function rareLabels(text: string, list: readonly Cue[]): string[] {
  return hasAny(text, list) ? matchedLabels(text, list) : [];
}

export function hasAny(text: string, list: readonly Cue[]): boolean {
  const union = unionOf(list);
  return union ? union.test(text) : list.some((c) => test(c.re, text));
}

/** The text with every match of the cues blanked out. */
export function without(text: string, list: readonly Cue[]): string {
  if (unionOf(list)?.test(text) === false) return text; // nothing to blank: one scan instead of one per cue
  let out = text;
  for (const c of list) out = out.replace(c.re, ' ');
  return out;
}

const WORD = /[\p{L}\p{N}]+(?:['’./-][\p{L}\p{N}]+)*/gu;

/**
 * Words as a reader counts them: "3x10", "sit-to-stand" and "2#" are one word each. With
 * `atMost`, counting stops there (a field checked against its minimum needs no more): one
 * match at a time, no list of every word.
 */
export function wordCount(text: string, atMost = Infinity): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (n < atMost && WORD.exec(text)) n++;
  return n;
}

/** "a, b and c" for messages. */
export function listing(items: readonly string[], conj = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}
