/**
 * The latest pipeline Analysis of each open document (one version per document), so
 * diagnostics, code actions, code lenses, hover and completion of one text share one
 * parse and one audit. Reused only for the same text and config; the pipeline's cache
 * makes the analysis of a slightly edited file cheap.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, BUILTIN_DATA, configKey, type Analysis, type AuditCache, type ReferenceData, type ResolvedConfig, type TextChange } from '../core';

export class DocumentAnalyses {
  private readonly entries = new Map<string, Analysis>();
  /** Where each document changed since its last analysis (new offsets), or 'replaced' (whole text). */
  private readonly changes = new Map<string, TextChange | 'replaced'>();

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
    const recorded = this.changes.get(doc.uri);
    // An edit was recorded: the text is new (comparing two big texts costs more than re-using the analysis saves).
    if (hit && recorded === undefined && hit.configKey === key && hit.text === text) return hit;
    const change = hit && recorded !== 'replaced' ? recorded : undefined;
    this.changes.delete(doc.uri);
    const analysis = analyze(text, { config, cache: this.cache, data, previous: change ? hit : undefined, change });
    if (hit) this.release(hit, analysis);
    this.entries.delete(doc.uri);
    this.entries.set(doc.uri, analysis);
    if (this.entries.size > this.maxEntries) this.forget(this.entries.keys().next().value as string);
    return analysis;
  }

  /**
   * One version per document: the units of the document's previous analysis that the new
   * one does not reuse (the edited claim, or the whole document on the whole-document
   * path) leave the cache now, not when the byte budget runs out.
   */
  private release(old: Analysis, next?: Analysis): void {
    const kept = new Set(next?.units.map((u) => u.unit));
    for (const u of old.units) if (!kept.has(u.unit)) this.cache.release(u.unit);
  }

  /**
   * The document was edited: text[start, end) (offsets in the text before the edit)
   * became `inserted` characters. Edits since the last analysis add up to one range.
   */
  edited(uri: string, start: number, end: number, inserted: number): void {
    if (!this.entries.has(uri)) return;
    const delta = inserted - (end - start);
    const prev = this.changes.get(uri);
    if (prev === 'replaced') return;
    if (!prev) {
      this.changes.set(uri, { start, end: start + inserted, delta });
      return;
    }
    // Map the earlier range through this edit, then take the union with the new text.
    const map = (p: number, isEnd: boolean): number => (p < start ? p : p > end ? p + delta : isEnd ? start + inserted : start);
    this.changes.set(uri, {
      start: Math.min(map(prev.start, false), start),
      end: Math.max(map(prev.end, true), start + inserted),
      delta: prev.delta + delta,
    });
  }

  /** The whole text was replaced (a full-sync change): no edit range, but the previous units are still released after the next analysis. */
  replaced(uri: string): void {
    if (this.entries.has(uri)) this.changes.set(uri, 'replaced');
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  forget(uri: string): void {
    const old = this.entries.get(uri);
    if (old) this.release(old);
    this.entries.delete(uri);
    this.changes.delete(uri);
  }

  clear(): void {
    this.entries.clear();
    this.changes.clear();
  }
}
