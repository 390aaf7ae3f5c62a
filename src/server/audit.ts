/**
 * The audit of an open document, run by the scheduler after an edit (./scheduler.ts): a
 * config file gets its config diagnostics; a claim document its findings and those of the
 * checks across claims (./patients.ts) and the payer's decisions (./payerDecisions.ts),
 * published with the version they are for; a newer edit or a config change drops a run. A big
 * document's first audit is progressive, on the worker pool. The adaptive debounce reads each
 * document's last audit time and last edit (./scheduler.ts typingDelay).
 */
import { performance } from 'node:perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LocatedFinding } from '../core';
import { isConfigFile, uriToPath } from './claimFiles';
import { configDiagnostics } from './configFiles';
import type { DocumentContext } from './documentContext';
import type { AuditPool } from '../node/auditPool';
import { endBurst } from '../node/burstTiering';
import { FindingDiagnostics } from '../service/diagnostics';
import type { PatientDiagnostics } from './patients';
import { typingDelay } from './scheduler';
import { docTag, type Session } from './session';

export class DocumentAudits {
  /** Last audit time and last edit per document, for the adaptive debounce (./scheduler.ts typingDelay). */
  private readonly auditMillis = new Map<string, number>();
  private readonly lastEdit = new Map<string, number>();
  /** Each document's last published findings: the next publish takes what it shares with them. */
  private readonly lastFound = new Map<string, FindingDiagnostics>();

  constructor(
    private readonly session: Session,
    private readonly patients: PatientDiagnostics,
    /** A fixed debounce (ServerOptions.debounceMs); adaptive when undefined. */
    private readonly debounceMs: number | undefined,
  ) {}

  /** Quiet time after an edit before the document is audited (see ServerOptions.debounceMs). */
  debounceFor(uri: string): number {
    if (this.debounceMs !== undefined) return this.debounceMs;
    const now = performance.now();
    const since = now - (this.lastEdit.get(uri) ?? -Infinity);
    this.lastEdit.set(uri, now);
    return typingDelay(this.auditMillis.get(uri) ?? 0, since);
  }

  forget(uri: string): void {
    this.auditMillis.delete(uri);
    this.lastEdit.delete(uri);
    this.lastFound.delete(uri);
  }

  /** The scheduler's run for `uri`; `isCurrent` turns false when another run was scheduled. */
  async run(uri: string, isCurrent: () => boolean): Promise<void> {
    const { documents, service, contexts } = this.session;
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    if (isConfigFile(uri)) {
      const path = uriToPath(uri) ?? uri;
      void this.session.publish(uri, version, configDiagnostics(doc, path));
      return;
    }
    const ctx = await contexts.get(uri);
    // A newer edit or a config change scheduled another run: drop this one.
    if (!isCurrent() || documents.get(uri)?.version !== version) return;
    if (!ctx.active) {
      this.session.payer.forget(uri);
      this.patients.dropped(uri);
      if (this.session.published.has(uri)) void this.session.publish(uri, version, []);
      return;
    }
    const started = performance.now();
    const first = service.hasAnalysis(uri) ? undefined : this.session.poolFor(doc.getText());
    if (first) return this.firstAudit(doc, version, ctx, first, () => isCurrent() && documents.get(uri)?.version === version, started);
    const analysis = service.analysis(doc, ctx.config);
    const merged = this.patients.findings(uri, analysis, ctx.config);
    this.session.payer.update(doc, analysis, merged);
    const diagnostics = this.found(doc, merged);
    const millis = performance.now() - started;
    this.auditMillis.set(uri, millis);
    if (!isCurrent() || documents.get(uri)?.version !== version) return;
    void this.session.publish(uri, version, diagnostics);
    this.logAudit(uri, version, merged.map((f) => f.rule), millis);
  }

  /**
   * A big document's first audit: the top of the file here and published at once, the rest
   * on the workers, each unit with its claims' facts; then everything, cross-claim findings
   * included (the document's record in the patient index comes from the workers' facts). The
   * editor's analysis is built after that, and publishes again only what it changes (the
   * payer's decisions, which need the claims' places).
   */
  private async firstAudit(doc: TextDocument, version: number, ctx: DocumentContext, first: AuditPool, current: () => boolean, started: number): Promise<void> {
    const { connection, service } = this.session;
    const { uri } = doc;
    const result = await first.auditProgressive(
      doc.getText(),
      { config: ctx.config, data: this.session.dataFor(ctx.config) },
      {
        cancelled: () => !current(),
        help: true,
        cache: service.cache,
        head: async (found, progress) => {
          if (!current()) return;
          const diagnostics = new FindingDiagnostics(doc, found);
          const written = this.session.publish(uri, version, diagnostics);
          connection.console.log(
            `first ${progress.units} of ${progress.units === progress.of ? '' : `${progress.of} `}units of ${docTag(uri)} v${version}: ${diagnostics.length} findings in ${(performance.now() - started).toFixed(1)} ms, published before the rest`,
          );
          await written;
        },
      },
      { file: uri, label: this.patients.labelFor(uri) },
    );
    const millis = performance.now() - started;
    if (!result || !current()) {
      connection.console.log(`first audit of ${docTag(uri)} v${version} dropped: the document changed or closed`);
      return;
    }
    let findings = result.findings;
    if (result.claims) findings = this.patients.audited(uri, findings, result.claims, ctx.config);
    else this.patients.shownWithout(uri);
    const diagnostics = this.found(doc, findings);
    this.session.payer.forget(uri);
    const written = this.session.publish(uri, version, diagnostics);
    const where = result.workers ? ` on ${first.size} worker thread${first.size === 1 ? '' : 's'} and the main thread` : ' on the main thread';
    this.logAudit(uri, version, findings.map((f) => f.rule), millis, where);
    // The analysis blocks this thread for about as long as the audit took: build it only
    // once the diagnostics are on the wire (a big publish spans many pipe writes, and a
    // busy thread would hold them back until the analysis is done).
    await written;
    setImmediate(() => {
      if (!current()) return;
      try {
        const from = performance.now();
        // The workers' units join the cache with their results: the analysis audits nothing again.
        result.seed?.();
        const analysis = service.analysis(doc, ctx.config);
        const { findings: merged, changed } = this.patients.afterFirst(uri, analysis, ctx.config);
        // The payer's decisions need the claims' places: they join once the analysis exists.
        const decisions = this.session.payer.update(doc, analysis, merged);
        const again = changed || decisions.length > 0;
        // Its findings are other objects than the workers' that were published: their
        // diagnostics' JSON is written now, while the document is idle, not at the first edit
        // (~8,000 of them in a big file), which then publishes only what changed; so is the
        // guard's nesting state at each claim, which the first edit's analysis starts from (a
        // scan of the whole text).
        const found = this.found(doc, merged);
        found.prepare();
        analysis.depthStates();
        // The cold start's burst is over: typing runs the edit path's code, optimized as soon as V8 would.
        endBurst();
        connection.console.log(`editor analysis of ${docTag(uri)} v${version} ready in ${(performance.now() - from).toFixed(1)} ms${again ? ': published again' : ''}`);
        if (again) void this.session.publish(uri, version, found);
      } catch (err) {
        connection.console.error(`analysis of ${docTag(uri)} failed: ${err instanceof Error ? err.name : 'error'}`);
      }
    });
  }

  /** The findings' diagnostics to publish, starting from the document's last ones. */
  private found(doc: TextDocument, findings: LocatedFinding[]): FindingDiagnostics {
    const found = new FindingDiagnostics(doc, findings, this.lastFound.get(doc.uri));
    this.lastFound.set(doc.uri, found);
    return found;
  }

  private logAudit(uri: string, version: number, rules: string[], millis: number, where = ''): void {
    const counts = new Map<string, number>();
    for (const r of rules) counts.set(r, (counts.get(r) ?? 0) + 1);
    const byRule = [...counts].map(([r, n]) => `${r}×${n}`).join(', ');
    this.session.connection.console.log(`audited ${docTag(uri)} v${version}: ${rules.length} findings${byRule ? ` (${byRule})` : ''} in ${millis.toFixed(1)} ms${where}`);
  }
}
