/**
 * Every problem of a config file, each located and said the same way in the CLI and the
 * editor: "<file>:<line>: <key path>: <what is wrong>, allowed values, did you mean …?".
 * Built from all of zod's issues (not only the first) and the rule registry's checks.
 * Values are never quoted (a key under unitRule.byPayerName can be a payer's or a person's
 * name): the message names the key, what it accepts and the nearest allowed value.
 */
import type * as z from 'zod';
import { isCollection, isPair, isScalar, type Document } from 'yaml';
import { nearMiss, unknownKey } from '../unknownText';
import type { ConfigProblem } from './problemText';

export type { ConfigProblem } from './problemText';

/** Hints for values with a fixed form, by top-level key. */
const FORMS: Record<string, string> = {
  locality: 'a Medicare locality as "MAC-locality", e.g. 01112-05',
  defaultDate: 'a date as YYYY-MM-DD',
};

/**
 * The problems zod found in a config, one per issue (several per unknown-keys issue), each
 * placed on its key. `keysAt(path)` names the keys the format knows at a path.
 */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], doc: Document, text: string, keysAt: (path: string[]) => string[]): ConfigProblem[] {
  const input = doc.toJS() as unknown;
  const out: ConfigProblem[] = [];
  for (const issue of issues) {
    const segs = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const span = keySpan(doc, [...segs, key]);
        const known = keysAt(segs);
        const message = `${unknownKey(key, known)}${known.length ? ` (known keys here: ${known.join(', ')})` : ''}`;
        out.push({ path: shownPath(segs), message, severity: 'error', span, line: span && lineOf(text, span[0]) });
      }
      continue;
    }
    const span = keySpan(doc, segs);
    out.push({ path: shownPath(segs), message: issueText(issue, valueAt(input, segs), segs), severity: 'error', span, line: span && lineOf(text, span[0]) });
  }
  return out;
}

/** Key path for a message: a payer name (a key under unitRule.byPayerName) is never shown. */
function shownPath(segs: string[]): string {
  const shown = segs.map((s, i) => (i === 2 && segs[0] === 'unitRule' && segs[1] === 'byPayerName' ? '(a payer name)' : s));
  return shown.join('.') || '(top level)';
}

/** What is wrong with a value and what the key accepts, with the nearest allowed value. */
export function issueText(issue: z.core.$ZodIssue, value: unknown, segs: string[] = []): string {
  switch (issue.code) {
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const near = typeof value === 'string' ? nearAllowed(value, allowed) : undefined;
      return `must be one of ${allowed.join(', ')}${near ? `; did you mean ${near}?` : ''}`;
    }
    case 'invalid_union': {
      // A severity or { severity, options }: explain the branch of the value's own type.
      // The branch that got furthest into the value (a list's entry beats "not a text value").
      const branch = issue.errors
        .filter((errs) => errs.length && !errs.every((e) => e.code === 'invalid_type' && e.path.length === 0))
        .sort((a, b) => b[0].path.length - a[0].path.length)[0];
      if (branch) return issueText({ ...branch[0], path: [...issue.path, ...branch[0].path] } as z.core.$ZodIssue, valueAt(value, branch[0].path.map(String)), segs);
      const expected = issue.errors.flatMap((errs) => errs.filter((e) => e.code === 'invalid_type' && e.path.length === 0).map((e) => describeExpected(e)));
      return `expected ${[...new Set(expected)].join(' or ')}`;
    }
    case 'invalid_type':
      return `expected ${describeExpected(issue)}`;
    case 'invalid_format':
      return `must be ${FORMS[segs[0]] ?? `in the form ${issue.format}`}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `at most ${String(issue.maximum)} entries` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_key':
      return 'not a key this setting takes';
    case 'custom':
      return issue.message;
    default:
      return 'not a value this setting takes';
  }
}

function describeExpected(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return 'another form';
  const words: Record<string, string> = {
    string: 'a text value',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map of keys',
    record: 'a map of keys',
    number: 'a number',
  };
  // A severity written as a map: name the forms a rule setting takes.
  return words[issue.expected] ?? issue.expected;
}

/** The allowed value one or two edits away, or the only one that starts with what was typed. */
function nearAllowed(value: string, allowed: string[]): string | undefined {
  const near = nearMiss(value, allowed);
  if (near) return near;
  const v = value.trim().toLowerCase();
  if (v.length < 2) return undefined;
  const prefixed = allowed.filter((a) => a.toLowerCase().startsWith(v) || v.startsWith(a.toLowerCase()));
  return prefixed.length === 1 && prefixed[0].toLowerCase() !== v ? prefixed[0] : undefined;
}

/** The value at a key path of plain data (undefined when absent). */
export function valueAt(v: unknown, segs: readonly string[]): unknown {
  let cur = v;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, s)) return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

/** Offsets of the deepest key of `keys` found in the document (the key itself, else its nearest parent). */
export function keySpan(doc: Document, keys: readonly (string | number)[]): [number, number] | undefined {
  for (let n = keys.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(keys.slice(0, n - 1), true);
    if (!isCollection(parent)) continue;
    for (const item of parent.items as unknown[]) {
      const key = isPair(item) ? item.key : undefined;
      const range = (key as { range?: [number, number, number] } | undefined)?.range;
      const value = isScalar(key) ? key.value : key;
      if (range && String(value) === String(keys[n - 1])) return [range[0], range[1]];
    }
  }
  return undefined;
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
