/**
 * A patient's claims across the workspace, in the editor (issue 23 item 3): the workspace
 * index feeds the core's cross-claim index; a document's diagnostics are its own findings
 * plus the cross-claim findings of its claims (with relatedInformation pointing at the
 * other claims, in any file); after an edit, the other files whose cross-claim findings
 * changed are published again — open ones through the scheduler, unopened ones read from
 * disk and audited here — and nothing else.
 *
 * Logs say counts and document tags, never claim content or patient ids.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { adoptFileClaims, audit, mergePatientFindings, PatientIndex, type Analysis, type ClaimAccrual, type LocatedFinding, type PatientFinding, type ReferenceData, type ResolvedConfig } from '../core';
import { readClaimFile } from '../node/claimFileAccess';
import { patientSummaries, type PatientSummary } from '../report';
import { toDiagnostic } from '../service/diagnostics';
import { uriToPath } from './claimFiles';
import type { DocumentContext } from './documentContext';
import type { FileRecord } from '../node/fileRecord';
import type { RecordSink, WorkspaceIndex } from './workspaceIndex';

/** What the server needs of the core's patient index (the file keys are document URIs). */
export interface CrossClaims extends RecordSink {
  findings(key: string): PatientFinding[];
  accruals(key: string): ClaimAccrual[];
  /** `own`: a file's findings, or its analysis (then its findings, known in order and by rule). */
  merge(own: LocatedFinding[] | Analysis, cross: PatientFinding[]): LocatedFinding[];
  /** The per-patient view: patients in order of first appearance in `fileOrder`; `only`: those with a claim in a file it accepts. */
  summaries(fileOrder: readonly string[], only?: (file: string) => boolean): PatientSummary[];
}

/** The core's PatientIndex, grouping the workspace's claims by patient across files. */
export function crossClaims(index = new PatientIndex()): CrossClaims & { index: PatientIndex } {
  return {
    index,
    set: (record, config) => index.setFile(record, config),
    remove: (key) => index.removeFile(key),
    findings: (key) => index.findings(key),
    accruals: (key) => index.accruals(key),
    merge: (own, cross) => mergePatientFindings(own, cross),
    summaries: (fileOrder, only) => patientSummaries(index, fileOrder, only),
  };
}

export interface PatientDeps {
  index: WorkspaceIndex;
  cross: CrossClaims;
  isOpen(uri: string): boolean;
  /** Audit an open document again (its analysis is cached: only the cross-claim part is new). */
  schedule(uri: string): void;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): Promise<void>;
  context(uri: string): Promise<DocumentContext>;
  dataFor(config: ResolvedConfig): ReferenceData | undefined;
  log(message: string): void;
  docTag(uri: string): string;
}

export class PatientDiagnostics {
  /** The analysis each open document's record was last made from: the same one is not indexed twice. */
  private readonly indexed = new Map<string, Analysis>();
  /** The record a document's first audit brought from the workers, until its analysis takes it (afterFirst). */
  private readonly fromWorkers = new Map<string, FileRecord>();
  /** The cross-claim findings last published per file, as a signature (none: nothing published). */
  private readonly shown = new Map<string, string>();

  constructor(private readonly deps: PatientDeps) {}

  /**
   * An open document's findings with its cross-claim findings merged in. A new analysis
   * updates the index first, and the other files whose cross-claim findings changed are
   * published again after this one.
   */
  findings(uri: string, analysis: Analysis, config: ResolvedConfig): LocatedFinding[] {
    if (this.indexed.get(uri) !== analysis) {
      this.indexed.set(uri, analysis);
      const changed = this.deps.index.analysed(uri, analysis, config);
      setImmediate(() => void this.republish(changed, uri));
    }
    return this.withCross(uri, analysis);
  }

  /**
   * A big document's first audit brought its record from the workers (src/node/auditPool.ts
   * auditProgressive: the same record as its analysis would give): the index takes it, and the
   * document's own findings are returned with its cross-claim findings merged in, to be
   * published — no analysis of the document needed. Its analysis, once built, feeds the index
   * again (`afterFirst`); the other files whose findings changed are published after this one.
   */
  audited(uri: string, own: LocatedFinding[], record: FileRecord, config: ResolvedConfig): LocatedFinding[] {
    this.indexed.delete(uri);
    this.fromWorkers.set(uri, record);
    const changed = this.deps.index.audited(record, config);
    setImmediate(() => void this.republish(changed, uri));
    return this.withCross(uri, own);
  }

  /** How messages name a document's claims in other files (the record's label). */
  labelFor(uri: string): string {
    return this.deps.index.labelFor(uri);
  }

  /**
   * `findings` for the editor's analysis built after a first audit whose findings are shown:
   * `changed` says whether its cross-claim findings differ from the ones shown (the own
   * findings are the same: the analysis and the audit agree), so whether to publish again.
   */
  afterFirst(uri: string, analysis: Analysis, config: ResolvedConfig): { findings: LocatedFinding[]; changed: boolean } {
    const before = this.shown.get(uri) ?? '';
    // The record in the index is this text's (the workers'): the analysis takes its claims, so
    // indexing the analysis changes nothing and no patient's findings are worked out again.
    const record = this.fromWorkers.get(uri);
    this.fromWorkers.delete(uri);
    if (record && this.deps.index.record(uri) === record) adoptFileClaims(analysis, record);
    const findings = this.findings(uri, analysis, config);
    return { findings, changed: this.shown.get(uri) !== before };
  }

  /** Only the document's own findings were published (no record yet): no cross-claim findings are shown. */
  shownWithout(uri: string): void {
    this.shown.set(uri, '');
  }

  /**
   * A file's own findings and its cross-claim findings, merged. `published`: they are about
   * to be published (what is shown is remembered, to know when to publish again).
   */
  withCross(uri: string, own: LocatedFinding[] | Analysis, published = true): LocatedFinding[] {
    const cross = this.deps.cross.findings(uri);
    if (published) this.shown.set(uri, signature(cross));
    return cross.length ? this.deps.cross.merge(own, cross) : Array.isArray(own) ? own : own.findings;
  }

  /** The code lens figures of a file's claims. */
  accruals(uri: string): ClaimAccrual[] {
    return this.deps.cross.accruals(uri);
  }

  /** The Audit Summary's per-patient view, once the workspace index is built. */
  async summaries(fileOrder: readonly string[], only?: (file: string) => boolean): Promise<PatientSummary[]> {
    await this.deps.index.ready();
    return this.deps.cross.summaries(fileOrder, only);
  }

  /** An open document is no longer audited (not a claim file, or disabled). */
  dropped(uri: string): void {
    this.indexed.delete(uri);
    this.fromWorkers.delete(uri);
    void this.republish(this.deps.index.dropped(uri), uri);
  }

  /** A document was closed: its file on disk counts again. */
  async closed(uri: string): Promise<void> {
    this.indexed.delete(uri);
    this.fromWorkers.delete(uri);
    this.shown.delete(uri);
    await this.republish(await this.deps.index.closed(uri), uri);
  }

  /** Files changed on disk (the client's watcher). */
  async changedOnDisk(changes: { uri: string; deleted: boolean }[]): Promise<void> {
    const keys = new Set<string>();
    for (const c of changes) for (const k of await this.deps.index.changedOnDisk(c.uri, c.deleted)) keys.add(k);
    await this.republish([...keys]);
  }

  /** Index the workspace again; then the open documents whose cross-claim findings changed are published again. */
  async rebuild(openDocuments: () => string[]): Promise<void> {
    const stats = await this.deps.index.rebuild();
    if (stats) await this.republish(openDocuments());
  }

  /** Everything about the previous index is stale (configs changed): forget what each open document fed it. */
  reset(): void {
    this.indexed.clear();
    this.fromWorkers.clear();
  }

  /**
   * Publish again each file whose cross-claim findings differ from the ones shown (except
   * `except`, published by its own run): an open document through the scheduler, an
   * unopened file read from disk and audited here.
   */
  async republish(keys: readonly string[], except?: string): Promise<void> {
    for (const uri of keys) {
      if (uri === except) continue;
      const cross = this.deps.cross.findings(uri);
      if (signature(cross) === (this.shown.get(uri) ?? '')) continue;
      if (this.deps.isOpen(uri)) this.deps.schedule(uri);
      else await this.publishUnopened(uri);
    }
  }

  private async publishUnopened(uri: string): Promise<void> {
    const path = uriToPath(uri);
    const ctx = path ? await this.deps.context(uri) : undefined;
    if (!path || !ctx?.active || this.deps.isOpen(uri)) return;
    let read: ReturnType<typeof readClaimFile>;
    try {
      read = readClaimFile(path);
    } catch {
      return;
    }
    if ('skip' in read) return;
    const own = audit(read.text, { config: ctx.config, data: this.deps.dataFor(ctx.config) }).findings;
    const doc = TextDocument.create(uri, 'yaml', 0, read.text);
    const findings = this.withCross(uri, own);
    await this.deps.publish(uri, undefined, findings.map((f) => toDiagnostic(doc, f)));
    this.deps.log(`published ${this.deps.docTag(uri)} again (unopened): ${findings.length} findings after a change to another claim of the same patient`);
  }
}

/** What decides whether a file's cross-claim findings changed: rule, place, message and related places. */
function signature(cross: PatientFinding[]): string {
  return cross
    .map((f) => `${f.rule}\u0001${f.span.start}\u0001${f.span.end}\u0001${f.severity}\u0001${f.message}\u0001${f.related.map((r) => `${r.file}\u0002${r.range.start.line}:${r.range.start.character}\u0002${r.message}`).join('\u0003')}`)
    .join('\u0000');
}
