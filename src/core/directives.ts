/**
 * Inline directives in YAML comments, as in ESLint and markdownlint:
 *   # claimlint-disable-file [rule …]      the whole file
 *   # claimlint-disable [rule …]           from here on (until claimlint-enable)
 *   # claimlint-enable [rule …]
 *   # claimlint-disable-line [rule …]      this line
 *   # claimlint-disable-next-line [rule …] the next line
 * No rule list means every rule. Rules may be separated by spaces or commas.
 */
import type { LineIndex } from './parse/lines';

const DIRECTIVE = /(?:^|\s)#\s*claimlint-(disable-file|disable-next-line|disable-line|disable|enable)\b([^#\n]*)/;

type RuleSet = Set<string> | 'all';

export interface Directives {
  isDisabled(rule: string, line: number): boolean;
  /** True when the text has no directive: nothing is disabled (callers may skip the check). */
  readonly none?: boolean;
}

/** The lines of a text that mention `claimlint-` (0-based line, its text): all directives need. */
export function directiveLines(lines: LineIndex): { line: number; text: string }[] {
  let found = scanned.get(lines);
  if (!found) scanned.set(lines, (found = scanDirectiveLines(lines)));
  return found.map((d) => ({ ...d }));
}

/**
 * One scan per text: an edit's analysis reads its directives twice (its findings, and the
 * patient index's record of the file), each a search of the whole text (3 MB in a big file).
 */
const scanned = new WeakMap<LineIndex, readonly { line: number; text: string }[]>();

const MARK = 'claimlint-';

/**
 * After an edit of a text without directives: its edited text (`lines`, the change at
 * [start, end) in its offsets) has none either when none is written around the change — the
 * next reads of its directive lines need no search of the whole text.
 */
export function directivesAfterEdit(before: LineIndex, lines: LineIndex, start: number, end: number): void {
  const known = scanned.get(before);
  if (!known || known.length || scanned.has(lines)) return;
  const { text } = lines;
  if (text.slice(Math.max(0, start - MARK.length + 1), Math.min(text.length, end + MARK.length - 1)).includes(MARK)) return;
  scanned.set(lines, known);
}

function scanDirectiveLines(lines: LineIndex): { line: number; text: string }[] {
  const { text } = lines;
  const out: { line: number; text: string }[] = [];
  if (!text.includes('claimlint-')) return out;
  // Only the lines that mention claimlint- (a big file has few or none).
  for (let at = text.indexOf('claimlint-'), i = -1; at !== -1; at = text.indexOf('claimlint-', at + 1)) {
    const lineOf = lines.position(at).line;
    if (lineOf === i) continue;
    i = lineOf;
    const end = i + 1 < lines.lineCount ? lines.lineStart(i + 1) : text.length;
    out.push({ line: i, text: text.slice(lines.lineStart(i), end) });
  }
  return out;
}

export function parseDirectives(lines: LineIndex): Directives {
  return directivesOf(directiveLines(lines));
}

const NONE: Directives = { isDisabled: () => false, none: true };

/** Directives from the lines that hold them (see directiveLines), in line order. */
export function directivesOf(found: readonly { line: number; text: string }[]): Directives {
  if (!found.length) return NONE;
  const fileRules: Set<string> = new Set();
  let fileAll = false;
  const lineRules = new Map<number, RuleSet[]>();
  // Block ranges: each change of state at a line.
  const blocks: { line: number; kind: 'disable' | 'enable'; rules: RuleSet }[] = [];

  for (const { line: i, text: lineText } of found) {
    const m = DIRECTIVE.exec(lineText);
    if (!m) continue;
    const names = m[2].split(/[\s,]+/).filter(Boolean);
    const rules: RuleSet = names.length ? new Set(names) : 'all';
    const add = (line: number): void => {
      const list = lineRules.get(line) ?? [];
      list.push(rules);
      lineRules.set(line, list);
    };
    switch (m[1]) {
      case 'disable-file':
        if (rules === 'all') fileAll = true;
        else rules.forEach((r) => fileRules.add(r));
        break;
      case 'disable-line':
        add(i);
        break;
      case 'disable-next-line':
        add(i + 1);
        break;
      case 'disable':
      case 'enable':
        blocks.push({ line: i, kind: m[1], rules });
        break;
    }
  }

  const matches = (set: RuleSet, rule: string): boolean => set === 'all' || set.has(rule);
  return {
    isDisabled(rule, line) {
      if (fileAll || fileRules.has(rule)) return true;
      if (lineRules.get(line)?.some((s) => matches(s, rule))) return true;
      let disabled = false;
      for (const b of blocks) {
        if (b.line > line) break;
        if (matches(b.rules, rule)) disabled = b.kind === 'disable';
      }
      return disabled;
    },
  };
}
