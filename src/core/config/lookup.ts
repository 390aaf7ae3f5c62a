/**
 * Finds and reads the nearest .claimlintrc.yaml (or .yml / .json) walking up from a
 * folder. File access is passed in, so the core stays free of node:fs.
 */
import { parseDocument, type Document } from 'yaml';
import { checkRuleSettings, type RuleSettingProblem } from './ruleSettings';
import { configSchema, ruleSetting, type Config } from './schema';
import { keySpan, lineOf, schemaProblems, type ConfigProblem } from './problems';
import { guardText } from '../parse/guard';
import { findConfigFile, type ConfigHost } from './find';

export { CONFIG_FILE_NAMES, findConfigFile, type ConfigHost } from './find';
export { keySpan } from './problems';
export { countErrors, formatConfigProblem, type ConfigProblem } from './problemText';

/** A part of a valid config that was left out (an unknown rule id, a bad rule option). */
export type ConfigWarning = ConfigProblem;

/**
 * A config file read: valid (perhaps with entries left out: `warnings`), or invalid with
 * every problem found (`problems`, errors and warnings, in line order); `message` and `line`
 * are the first error's.
 */
export type ConfigLoad =
  | { ok: true; path: string; config: Config; warnings?: ConfigWarning[] }
  | { ok: false; path: string; message: string; line?: number; problems: ConfigProblem[] };

/** Parse and validate config text; problems name the key path, never values. */
export function parseConfig(path: string, text: string): ConfigLoad {
  const refused = guardText(text);
  if (refused) {
    const problem: ConfigProblem = { path: '(top level)', message: refused.message, severity: 'error', span: [refused.span.start, refused.span.end], line: lineOf(text, refused.span.start) };
    return invalid(path, [problem]);
  }
  const doc = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length) {
    return invalid(
      path,
      doc.errors.map((e) => ({ path: '(top level)', message: `not valid YAML (${e.code})`, severity: 'error', span: [e.pos[0], Math.max(e.pos[0], e.pos[1])], line: lineOf(text, e.pos[0]) })),
    );
  }
  const raw = (doc.toJS() ?? {}) as unknown;
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    // Every schema issue, and the rule registry's warnings about the rule entries that are well formed.
    const rules = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { rules?: unknown }).rules : undefined;
    const wellFormed =
      rules && typeof rules === 'object' && !Array.isArray(rules)
        ? Object.fromEntries(Object.entries(rules).filter(([, v]) => ruleSetting.safeParse(v).success))
        : undefined;
    const warnings = ruleWarnings(doc, text, checkRuleSettings(wellFormed as Config['rules']).problems);
    return invalid(path, [...schemaProblems(parsed.error.issues, doc, text, configKeysAt), ...warnings]);
  }
  const checked = checkRuleSettings(parsed.data.rules);
  if (!checked.problems.length) return { ok: true, path, config: parsed.data };
  return { ok: true, path, config: { ...parsed.data, rules: checked.rules }, warnings: ruleWarnings(doc, text, checked.problems) };
}

function ruleWarnings(doc: Document, text: string, problems: RuleSettingProblem[]): ConfigProblem[] {
  return problems.map((p) => {
    const span = keySpan(doc, p.path);
    return { path: p.path.join('.'), message: p.message, severity: 'warning', span, line: span ? lineOf(text, span[0]) : undefined };
  });
}

function invalid(path: string, problems: ConfigProblem[]): ConfigLoad {
  const sorted = problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const first = sorted.find((p) => p.severity === 'error') ?? sorted[0];
  return { ok: false, path, message: `${first.path === '(top level)' ? '' : `${first.path}: `}${first.message}`, line: first.line, problems: sorted };
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
  if (found?.unreadable) return invalid(found.path, [{ path: '(top level)', message: found.unreadable, severity: 'error' }]);
  return found && parseConfig(found.path, found.text);
}
