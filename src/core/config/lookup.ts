/**
 * Finds and reads the nearest .claimlintrc.yaml (or .yml / .json) walking up from a
 * folder. File access is passed in, so the core stays free of node:fs.
 */
import { isCollection, isPair, isScalar, parseDocument, type Document } from 'yaml';
import { checkRuleSettings } from './ruleSettings';
import { configSchema, type Config } from './schema';
import { unknownKey } from '../unknownText';
import { guardText } from '../parse/guard';
import { findConfigFile, type ConfigHost } from './find';

export { CONFIG_FILE_NAMES, findConfigFile, type ConfigHost } from './find';

/** A part of a valid config that was left out (an unknown rule id, a bad rule option). */
export interface ConfigWarning {
  /** Dotted key path, e.g. rules.kx-modifer-missing. */
  path: string;
  message: string;
  /** 1-based line and the key's offsets in the file text, when found. */
  line?: number;
  span?: [number, number];
}

export type ConfigLoad =
  | { ok: true; path: string; config: Config; warnings?: ConfigWarning[] }
  | { ok: false; path: string; message: string; line?: number };

/** Parse and validate config text; errors name the key path, never values. */
export function parseConfig(path: string, text: string): ConfigLoad {
  const refused = guardText(text);
  if (refused) return { ok: false, path, message: refused.message };
  const doc = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length) {
    const e = doc.errors[0];
    return { ok: false, path, message: `not valid YAML (${e.code})`, line: e.linePos?.[0]?.line };
  }
  const parsed = configSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Keys below a payer-name map or an unknown key can be any text (a payer's or a
    // person's name): say where, never what.
    const segs = issue.path.map(String);
    const shown = segs.map((s, i) => (i >= 2 && segs[0] === 'unitRule' && segs[1] === 'byPayerName' && i === 2 ? '(a payer name)' : s));
    const at = shown.join('.') || '(top level)';
    if (issue.code === 'unrecognized_keys') return { ok: false, path, message: `${at}: ${unknownKey(issue.keys[0], configKeysAt(segs))}` };
    const message = issue.code === 'invalid_value' ? `must be one of ${issue.values.map(String).join(', ')}` : issue.code === 'invalid_type' ? `expected ${issue.expected}` : 'invalid value';
    return { ok: false, path, message: `${at}: ${message}` };
  }
  const checked = checkRuleSettings(parsed.data.rules);
  if (!checked.problems.length) return { ok: true, path, config: parsed.data };
  const warnings = checked.problems.map((p): ConfigWarning => {
    const span = keySpan(doc, p.path);
    return { path: p.path.join('.'), message: p.message, span, line: span ? lineOf(text, span[0]) : undefined };
  });
  return { ok: true, path, config: { ...parsed.data, rules: checked.rules }, warnings };
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

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Key names the config format knows at a path, for "did you mean …?". */
function configKeysAt(path: string[]): string[] {
  let s: unknown = configSchema;
  for (const seg of path) {
    const node = unwrap(s) as { shape?: Record<string, unknown> };
    s = node.shape && Object.hasOwn(node.shape, seg) ? node.shape[seg] : undefined;
    if (!s) return [];
  }
  return Object.keys((unwrap(s) as { shape?: Record<string, unknown> }).shape ?? {});
}

function unwrap(s: unknown): unknown {
  let cur = s as { unwrap?: () => unknown };
  while (cur && typeof cur.unwrap === 'function') cur = cur.unwrap() as { unwrap?: () => unknown };
  return cur;
}

export function loadNearestConfig(startDir: string, host: ConfigHost, stopAt: readonly string[] = []): ConfigLoad | undefined {
  const found = findConfigFile(startDir, host, stopAt);
  if (found?.unreadable) return { ok: false, path: found.path, message: found.unreadable };
  return found && parseConfig(found.path, found.text);
}
