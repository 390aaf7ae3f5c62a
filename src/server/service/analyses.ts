/**
 * The latest pipeline Analysis of each open document (one version per document), so
 * diagnostics, code actions, code lenses, hover and completion of one text share one
 * parse and one audit. Reused only for the same text and config; the pipeline's cache
 * makes the analysis of a slightly edited file cheap.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, BUILTIN_DATA, configKey, type Analysis, type AuditCache, type ReferenceData, type ResolvedConfig } from '../../core';

export class DocumentAnalyses {
  private readonly entries = new Map<string, Analysis>();

  constructor(
    readonly cache: AuditCache,
    private readonly maxEntries = 64,
    /** The reference data for a config (its data packs); the built-in data by default. */
    readonly dataFor: (config: ResolvedConfig) => ReferenceData = () => BUILTIN_DATA,
  ) {}

  get(doc: TextDocument, config: ResolvedConfig): Analysis {
    const text = doc.getText();
    const data = this.dataFor(config);
    const key = data.key ? `${configKey(config)}\u0000${data.key}` : configKey(config);
    const hit = this.entries.get(doc.uri);
    if (hit && hit.text === text && hit.configKey === key) return hit;
    const analysis = analyze(text, { config, cache: this.cache, data });
    this.entries.delete(doc.uri);
    this.entries.set(doc.uri, analysis);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
