/**
 * The editor-agnostic claimlint language service: every method takes a TextDocument and a
 * resolved config and returns LSP types. No connection, no file system: the server wires
 * it to LSP, and tests call it directly.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, CodeLens, CompletionList, Diagnostic, Hover, Position, WorkspaceEdit } from 'vscode-languageserver';
import { AuditCache, applyFixes, type Analysis, type AuditResult, type ReferenceData, type ResolvedConfig } from '../core';
import { DocumentAnalyses } from './analyses';
import { codeActions, fixAllEdit } from './codeActions';
import { codeLenses } from './codeLens';
import { completion } from './completion';
import { toDiagnostic } from './diagnostics';
import { diffEdit, workspaceEdit, type EditOptions } from './edits';
import { codeDetails, hover, type HoverNotes } from './hover';

export interface ServiceOptions {
  cache?: AuditCache;
  /** Whether the client accepts versioned WorkspaceEdit.documentChanges (default true). */
  documentChanges?: boolean;
  /** The reference data for a config: built-in tables overlaid by its data packs (read by the server). */
  dataFor?: (config: ResolvedConfig) => ReferenceData;
}

export class ClaimLanguageService {
  readonly cache: AuditCache;
  private readonly analyses: DocumentAnalyses;
  private editOptions: EditOptions;

  constructor(options: ServiceOptions = {}) {
    this.cache = options.cache ?? new AuditCache();
    this.analyses = new DocumentAnalyses(this.cache, undefined, options.dataFor);
    this.editOptions = { documentChanges: options.documentChanges ?? true };
  }

  /** The reference data a config's audits run on: the built-in tables overlaid by its data packs. */
  dataFor(config: ResolvedConfig): ReferenceData {
    return this.analyses.dataFor(config);
  }

  setDocumentChanges(supported: boolean): void {
    this.editOptions = { documentChanges: supported };
  }

  /** The document's claims and findings: one pipeline run per text and config, shared by every feature. */
  analysis(doc: TextDocument, config: ResolvedConfig): Analysis {
    return this.analyses.get(doc, config);
  }

  /** Whether a document has been analysed since it was opened (or since the last reset). */
  hasAnalysis(uri: string): boolean {
    return this.analyses.has(uri);
  }

  /** The document's findings (the same object while the text and config stay the same). */
  audit(doc: TextDocument, config: ResolvedConfig): AuditResult {
    return this.analysis(doc, config);
  }

  diagnostics(doc: TextDocument, config: ResolvedConfig): Diagnostic[] {
    return this.audit(doc, config).findings.map((f) => toDiagnostic(doc, f));
  }

  codeActions(doc: TextDocument, context: CodeActionContext, config: ResolvedConfig): CodeAction[] {
    return codeActions(this.analyses, doc, context, config, this.editOptions);
  }

  /** Every preferred fix applied (iterated), pinned to the document version; undefined when nothing is fixable. */
  fixAllEdit(doc: TextDocument, config: ResolvedConfig): { edit: WorkspaceEdit; fixes: number; dropped: string[] } | undefined {
    return fixAllEdit(this.analyses, doc, config, this.editOptions);
  }

  /** One fix of one finding (by rule, fix id and the finding's line), pinned to the version. */
  fixEdit(doc: TextDocument, config: ResolvedConfig, rule: string, fixId: string, line: number): WorkspaceEdit | undefined {
    const finding = this.audit(doc, config).findings.find(
      (f) => f.rule === rule && f.range.start.line === line && f.fixes.some((x) => x.id === fixId),
    );
    if (!finding) return undefined;
    const text = doc.getText();
    const fixed = applyFixes(text, [finding], (f) => f.fixes.find((x) => x.id === fixId));
    if (fixed.applied === 0) return undefined;
    return workspaceEdit(doc, diffEdit(doc, text, fixed.text), this.editOptions);
  }

  /** `notes`: more lines inside a service line or on the claim's id (the server's payer decisions). */
  hover(doc: TextDocument, position: Position, config: ResolvedConfig, notes?: HoverNotes): Hover | null {
    return hover(this.analysis(doc, config), doc, position, config, notes);
  }

  /** The full explanation of the code at the position (the hover's "More"), or null. */
  codeDetails(doc: TextDocument, position: Position, config: ResolvedConfig): string | null {
    return codeDetails(this.analysis(doc, config), doc, position, config);
  }

  codeLenses(doc: TextDocument, config: ResolvedConfig): CodeLens[] {
    return codeLenses(this.analysis(doc, config), doc, config);
  }

  completion(doc: TextDocument, position: Position, config: ResolvedConfig): CompletionList {
    return completion(this.analysis(doc, config), doc, position, config);
  }

  /** An edit of an open document (offsets before the edit), so its next analysis starts from the change. */
  edited(uri: string, start: number, end: number, inserted: number): void {
    this.analyses.edited(uri, start, end, inserted);
  }

  /** The document's whole text was replaced (full sync): re-read it, then release its previous version. */
  replaced(uri: string): void {
    this.analyses.replaced(uri);
  }

  /** Drop what is remembered about a closed document. */
  forget(uri: string): void {
    this.analyses.forget(uri);
  }

  /** Config files or settings changed: drop every analysis and the pipeline's cache. */
  reset(): void {
    this.analyses.clear();
    this.cache.clear();
  }
}
