/**
 * The latest audit of each open document, so that diagnostics, code actions and code lenses
 * of one text share one audit. Entries are keyed by uri and reused only for the same text
 * and config; the shared AuditCache below makes a re-audit of a slightly edited file cheap.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AuditCache } from '../../core/audit/cache';
import { configKey, type ResolvedConfig } from '../../core/config/schema';
import { audit, type AuditResult } from '../../core/engine';

interface Entry {
  text: string;
  configKey: string;
  result: AuditResult;
}

export class AuditMemo {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly cache: AuditCache,
    private readonly maxEntries = 64,
  ) {}

  audit(doc: TextDocument, config: ResolvedConfig): AuditResult {
    const text = doc.getText();
    const key = configKey(config);
    const hit = this.entries.get(doc.uri);
    if (hit && hit.text === text && hit.configKey === key) return hit.result;
    const result = audit(text, { config, cache: this.cache });
    this.entries.delete(doc.uri);
    this.entries.set(doc.uri, { text, configKey: key, result });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return result;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
