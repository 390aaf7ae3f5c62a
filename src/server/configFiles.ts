/**
 * The nearest .claimlintrc.{yaml,yml,json} of each folder, read through node:fs and
 * cached until a watched config file changes; and diagnostics for an open config file.
 * An invalid config never stops the audit: the settings alone apply, and the user is told.
 * An unknown rule id or a bad rule option is a warning on its key; the rest applies.
 */
import { nodeConfigHost } from '../node/configHost';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { isCollection, parseDocument } from 'yaml';
import { guardText, loadNearestConfig, parseConfig, type ConfigHost, type ConfigLoad, configSchema } from '../core';
import { DIAGNOSTIC_SOURCE } from '../protocol';


export class ConfigFiles {
  private readonly byDir = new Map<string, ConfigLoad | null>();

  constructor(private readonly host: ConfigHost = nodeConfigHost) {}

  /**
   * The nearest config walking up from `dir` (cached), or undefined when there is none. The
   * walk stops at a repository root and at any of `stopAt` (the workspace folders).
   */
  nearest(dir: string, stopAt: readonly string[] = []): ConfigLoad | undefined {
    if (!this.byDir.has(dir)) this.byDir.set(dir, loadNearestConfig(dir, this.host, stopAt) ?? null);
    return this.byDir.get(dir) ?? undefined;
  }

  clear(): void {
    this.byDir.clear();
  }
}

/** Problems of an open config file's current text, placed on the offending key where possible. */
export function configDiagnostics(doc: TextDocument, path: string): Diagnostic[] {
  const text = doc.getText();
  const load = parseConfig(path, text);
  if (load.ok) {
    // Unknown rule ids and bad rule options: the rest of the config applies.
    return (load.warnings ?? []).map((w) => {
      const [start, end] = w.span ?? [0, 0];
      return {
        range: { start: doc.positionAt(start), end: doc.positionAt(end) },
        severity: DiagnosticSeverity.Warning,
        source: DIAGNOSTIC_SOURCE,
        code: 'invalid-config',
        message: `${w.path}: ${w.message}`,
      };
    });
  }
  const [start, end] = issueSpan(text) ?? [0, 0];
  return [
    {
      range: { start: doc.positionAt(start), end: doc.positionAt(end) },
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code: 'invalid-config',
      message: `Invalid claimlint config: ${load.message}`,
    },
  ];
}

/** Span of the first YAML error, or of the key (or nearest parent key) of the first schema issue. */
function issueSpan(text: string): [number, number] | undefined {
  const refused = guardText(text);
  if (refused) return [refused.span.start, refused.span.end];
  const doc = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length) return [doc.errors[0].pos[0], Math.max(doc.errors[0].pos[0], doc.errors[0].pos[1])];
  const parsed = configSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const keys = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : [...issue.path];
  for (let n = keys.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(keys.slice(0, n - 1), true);
    if (!isCollection(parent)) continue;
    const pair = (parent.items as { key?: { value?: unknown; range?: [number, number, number] } }[]).find(
      (p) => p.key && String(p.key.value) === String(keys[n - 1]),
    );
    if (pair?.key?.range) return [pair.key.range[0], pair.key.range[1]];
  }
  return undefined;
}
