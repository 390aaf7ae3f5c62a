/**
 * The nearest .claimlintrc.{yaml,yml,json} of each folder, read through node:fs and
 * cached until a watched config file changes; and diagnostics for an open config file.
 * An invalid config never stops the audit: the settings alone apply, and the user is told
 * (every problem on its key, and what the editor does meanwhile).
 * An unknown rule id or a bad rule option is a warning on its key; the rest applies.
 */
import { nodeConfigHost } from '../node/configHost';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { loadNearestConfig, parseConfig, type ConfigHost, type ConfigLoad } from '../core';
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

/** What an invalid config means, said to the user in the editor (the CLI says its own exit 2). */
export const CONFIG_FALLBACK =
  'until it is fixed, the claim files under it are audited with the editor settings and the defaults (the command line refuses it: exit 2)';

/**
 * Every problem of an open config file's current text, on its key: errors (the file is
 * invalid) and warnings (an entry that is ignored). The first error says what happens
 * meanwhile. Same wording as the CLI (formatConfigProblem without the file).
 */
export function configDiagnostics(doc: TextDocument, path: string): Diagnostic[] {
  const load = parseConfig(path, doc.getText());
  const problems = load.ok ? (load.warnings ?? []) : load.problems;
  const firstError = problems.find((p) => p.severity === 'error');
  return problems.map((p) => {
    const [start, end] = p.span ?? [0, 0];
    const text = `${p.path === '(top level)' ? '' : `${p.path}: `}${p.message}`;
    return {
      range: { start: doc.positionAt(start), end: doc.positionAt(end) },
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: 'invalid-config',
      message: p === firstError ? `${text}. Invalid claimlint config: ${CONFIG_FALLBACK}.` : text,
    };
  });
}
