/**
 * The LSP wiring: documents, settings, config files, debounced diagnostics, and the
 * language service's features. Thin: every answer comes from ./service over src/core.
 * Logs carry paths, rule ids, counts and timings, never claim content.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isConfigFile, uriToPath } from './claimFiles';
import { registerCommands } from './commands';
import { ConfigFiles, configDiagnostics } from './configFiles';
import { DocumentContexts, type DocumentContext } from './documentContext';
import { CONFIG_FILE_GLOB, FIX_ALL_KIND, IMPORT_CLAIMS_REQUEST, isRemitCandidateName, REMIT_CANDIDATE_GLOB, SERVER_COMMANDS, SETTINGS_SECTION, WORKSPACE_TRUSTED_NOTIFICATION, type ServerInitializationOptions } from '../protocol';
import { importClaimsText } from './importClaims';
import { Scheduler, typingDelay } from './scheduler';
import { ClaimLanguageService } from '../service';
import { SettingsStore } from './settings';
import { PackStore } from '../datapacks/store/packStore';
import { AuditPool, CHUNK_FILE_BYTES } from '../node/auditPool';
import { workersThatFit } from '../node/poolSizes';
import { toDiagnostic } from '../service/diagnostics';
import { RemitIndex } from './remitIndex';
import { PayerDecisions } from './payerDecisions';
import { accrualLenses } from '../service/codeLens';
import { WorkspaceIndex } from './workspaceIndex';
import { crossClaims, PatientDiagnostics } from './patients';
import { ClaimFileWatch } from './claimWatch';

export interface ServerOptions {
  /**
   * Quiet time after an edit before the document is audited. Default: adaptive — at once
   * (after the messages already received, so edits queued meanwhile are audited together)
   * while the document's audits take at most 100 ms, or after a pause in typing; otherwise
   * about its last audit time, at most 150 ms (./scheduler.ts typingDelay).
   */
  debounceMs?: number;
  /**
   * Worker threads for the first audit of a big document (at least 512 KB, no analysis of
   * it yet): the top of the file is audited and published on the main thread first, then the
   * rest of its claims across the workers and the main thread, and the whole set published;
   * then the editor's own analysis is built. 0: all on the main thread, in one piece.
   * Default: the machine's cores minus one (the main thread works too), at most 3.
   */
  openThreads?: number;
}

export const CONFIG_WATCH_GLOB = CONFIG_FILE_GLOB;

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const packs = new PackStore();
  const packWarned = new Set<string>();
  // A pack that cannot be read is reported once (path and problem); the other packs still apply.
  const dataFor = (config: { data?: string[] }) => {
    const { data, errors } = packs.dataFor(config.data);
    for (const e of errors) {
      if (packWarned.has(e)) continue;
      packWarned.add(e);
      connection.console.warn(`Data pack not used: ${e}`);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `claimlint: data pack not used: ${e}` });
    }
    return data;
  };
  const service = new ClaimLanguageService({ dataFor });
  const cores = availableParallelism();
  // No more workers than the address-space limit (ulimit -v) leaves room for: V8 would abort.
  const openThreads = workersThatFit(options.openThreads ?? Math.min(3, cores - 1));
  let pool: AuditPool | undefined;
  /** Started on the first big document or the workspace index only: idle workers cost memory. */
  const sharedPool = (): AuditPool | undefined => (openThreads > 0 ? (pool ??= new AuditPool(openThreads, { unref: true })) : undefined);
  const poolFor = (text: string): AuditPool | undefined => (text.length >= CHUNK_FILE_BYTES ? sharedPool() : undefined);
  /** Last audit time and last edit per document, for the adaptive debounce (./scheduler.ts typingDelay). */
  const auditMillis = new Map<string, number>();
  const lastEdit = new Map<string, number>();
  const debounceFor = (uri: string): number => {
    if (options.debounceMs !== undefined) return options.debounceMs;
    const now = performance.now();
    const since = now - (lastEdit.get(uri) ?? -Infinity);
    lastEdit.set(uri, now);
    return typingDelay(auditMillis.get(uri) ?? 0, since);
  };
  // Each incremental change is told to the service, so the next audit starts from its range.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (doc, changes, version) => {
      for (const change of changes) {
        if ('range' in change) service.edited(doc.uri, doc.offsetAt(change.range.start), doc.offsetAt(change.range.end), change.text.length);
        else service.replaced(doc.uri);
        TextDocument.update(doc, [change], version);
      }
      return TextDocument.update(doc, [], version);
    },
  });
  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  /** False in VS Code's Restricted Mode until the user trusts the workspace. */
  let trusted = true;
  const canPull = (): boolean => capabilities.workspace?.configuration === true;
  const settings = new SettingsStore(connection, canPull);
  const contexts = new DocumentContexts(connection, settings, new ConfigFiles(), () => folders);
  /** URIs with diagnostics on the client, to clear when they stop being claim files. */
  const published = new Set<string>();
  // The workspace's 835s and the payer's decisions on the open claim files (issue 27).
  const remits = new RemitIndex({
    folders: () => folders,
    trusted: () => trusted,
    log: (m) => connection.console.log(m),
    warn: (m) => {
      connection.console.warn(m);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `claimlint: ${m}` });
    },
  });
  const payer = new PayerDecisions(remits);
  /** After the 835s changed: the open claim files audited (and their payer decisions joined) again. */
  const remitsChanged = (work: Promise<boolean>): void => {
    work
      .then((changed) => {
        if (!changed) return;
        connection.console.log(`remittance files: ${remits.size} read; open claim files audited again`);
        for (const doc of documents.all()) scheduler.schedule(doc.uri, 0);
      })
      .catch((err) => connection.console.error(`remittance files not read: ${err instanceof Error ? err.name : 'error'}`));
  };

  // Every claim file of the workspace, open or not, and the cross-claim findings it feeds (issue 23).
  const cross = crossClaims();
  const index = new WorkspaceIndex({
    folders: () => folders,
    context: (uri) => contexts.get(uri),
    isOpen: (uri) => documents.get(uri) !== undefined,
    trusted: () => trusted,
    pool: sharedPool,
    dataFor,
    sink: cross,
    log: (m) => connection.console.log(m),
  });
  const patients = new PatientDiagnostics({
    index,
    cross,
    isOpen: (uri) => documents.get(uri) !== undefined,
    schedule: (uri) => scheduler.schedule(uri, 0),
    publish: (uri, version, diagnostics) => publish(uri, version, diagnostics),
    context: (uri) => contexts.get(uri),
    dataFor,
    log: (m) => connection.console.log(m),
    docTag,
  });
  // Unopened claim files feed the workspace index: it follows their changes on disk.
  const watch = new ClaimFileWatch(connection, () => capabilities);
  /** Index the workspace again, then audit the open documents again (their cross-claim findings may differ). */
  const reindex = (): void => {
    patients.reset();
    patients
      .rebuild(() => documents.all().map((d) => d.uri))
      .then(() => watch.update(index.configGlobs()))
      .catch((err) => connection.console.error(`workspace index failed: ${err instanceof Error ? err.name : 'error'}`));
  };

  const scheduler = new Scheduler(
    async (uri, isCurrent) => {
      const doc = documents.get(uri);
      if (!doc) return;
      const version = doc.version;
      if (isConfigFile(uri)) {
        const path = uriToPath(uri) ?? uri;
        publish(uri, version, configDiagnostics(doc, path));
        return;
      }
      const ctx = await contexts.get(uri);
      // A newer edit or a config change scheduled another run: drop this one.
      if (!isCurrent() || documents.get(uri)?.version !== version) return;
      if (!ctx.active) {
        payer.forget(uri);
        patients.dropped(uri);
        if (published.has(uri)) publish(uri, version, []);
        return;
      }
      const started = performance.now();
      const first = service.hasAnalysis(uri) ? undefined : poolFor(doc.getText());
      if (first) {
        // A big document's first audit: the top of the file here and published at once, the
        // rest on the workers, then everything; the editor's analysis is built after that.
        const current = (): boolean => isCurrent() && documents.get(uri)?.version === version;
        const result = await first.auditProgressive(
          doc.getText(),
          { config: ctx.config, data: dataFor(ctx.config) },
          {
            cancelled: () => !current(),
            help: true,
            cache: service.cache,
            head: async (found, progress) => {
              if (!current()) return;
              const diagnostics = found.map((f) => toDiagnostic(doc, f));
              const written = publish(uri, version, diagnostics);
              connection.console.log(
                `first ${progress.units} of ${progress.units === progress.of ? '' : `${progress.of} `}units of ${docTag(uri)} v${version}: ${diagnostics.length} findings in ${(performance.now() - started).toFixed(1)} ms, published before the rest`,
              );
              await written;
            },
          },
        );
        const millis = performance.now() - started;
        if (!result || !current()) {
          connection.console.log(`first audit of ${docTag(uri)} v${version} dropped: the document changed or closed`);
          return;
        }
        const diagnostics = result.findings.map((f) => toDiagnostic(doc, f));
        payer.forget(uri);
        const written = publish(uri, version, diagnostics);
        const where = result.workers ? ` on ${first.size} worker thread${first.size === 1 ? '' : 's'} and the main thread` : ' on the main thread';
        logAudit(uri, version, diagnostics.map((d) => String(d.code)), millis, where);
        // The analysis blocks this thread for about as long as the audit took: build it only
        // once the diagnostics are on the wire (a big publish spans many pipe writes, and a
        // busy thread would hold them back until the analysis is done).
        await written;
        setImmediate(() => {
          if (!current()) return;
          try {
            const from = performance.now();
            const analysis = service.analysis(doc, ctx.config);
            const merged = patients.findings(uri, analysis, ctx.config);
            connection.console.log(`editor analysis of ${docTag(uri)} v${version} ready in ${(performance.now() - from).toFixed(1)} ms`);
            // Cross-claim findings (other claims of the same patients) and the payer's decisions
            // (which need the claims' places) join once the analysis exists.
            const decisions = payer.update(doc, analysis, merged);
            if (merged !== analysis.findings) void publish(uri, version, merged.map((f) => toDiagnostic(doc, f)));
            else if (decisions.length) void publish(uri, version, diagnostics);
          } catch (err) {
            connection.console.error(`analysis of ${docTag(uri)} failed: ${err instanceof Error ? err.name : 'error'}`);
          }
        });
        return;
      }
      const analysis = service.analysis(doc, ctx.config);
      const merged = patients.findings(uri, analysis, ctx.config);
      payer.update(doc, analysis, merged);
      const diagnostics = merged.map((f) => toDiagnostic(doc, f));
      const millis = performance.now() - started;
      auditMillis.set(uri, millis);
      if (!isCurrent() || documents.get(uri)?.version !== version) return;
      publish(uri, version, diagnostics);
      logAudit(uri, version, diagnostics.map((d) => String(d.code)), millis);
    },
    (uri, err) => connection.console.error(`audit of ${docTag(uri)} failed: ${err instanceof Error ? err.name : 'error'}`),
  );

  /** Resolves once the notification is written out. */
  function publish(uri: string, version: number | undefined, own: Diagnostic[]): Promise<void> {
    // The payer's decisions (source claimlint-remit) of this version go with the audit's findings.
    const diagnostics = [...own, ...payer.diagnostics(uri, version)];
    if (diagnostics.length) published.add(uri);
    else published.delete(uri);
    // A failed write is logged by the connection; nothing waits on it to fail.
    return connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
  }

  function logAudit(uri: string, version: number, rules: string[], millis: number, where = ''): void {
    const counts = new Map<string, number>();
    for (const r of rules) counts.set(r, (counts.get(r) ?? 0) + 1);
    const byRule = [...counts].map(([r, n]) => `${r}×${n}`).join(', ');
    connection.console.log(`audited ${docTag(uri)} v${version}: ${rules.length} findings${byRule ? ` (${byRule})` : ''} in ${millis.toFixed(1)} ms${where}`);
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) scheduler.schedule(doc.uri, 0);
    if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
  }

  /** Context of an open claim document for a feature request, or undefined when it is not active. */
  async function activeContext(uri: string): Promise<{ doc: TextDocument; ctx: DocumentContext } | undefined> {
    const doc = documents.get(uri);
    if (!doc || isConfigFile(uri)) return undefined;
    const ctx = await contexts.get(uri);
    return ctx.active ? { doc, ctx } : undefined;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    folders = foldersOf(params);
    trusted = (params.initializationOptions as ServerInitializationOptions | undefined)?.workspaceTrusted !== false;
    service.setDocumentChanges(capabilities.workspace?.workspaceEdit?.documentChanges === true);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', '[', ',', '"'], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'claimlint-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_WATCH_GLOB }] });
      // The 835 candidates (their content decides): the payer's decisions follow them on disk.
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: REMIT_CANDIDATE_GLOB }] });
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.flatMap((f) => uriToPath(f.uri) ?? [])];
        contexts.reset();
        revalidateAll();
        remitsChanged(remits.rebuild());
        reindex();
      });
    }
    remitsChanged(remits.rebuild());
    reindex();
    connection.console.info(`claimlint language server ready (${folders.length} workspace folders${trusted ? '' : '; Restricted Mode: no workspace audit'})`);
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    service.reset();
    revalidateAll();
    reindex();
  });

  connection.onDidChangeWatchedFiles((change) => {
    const candidates = change.changes.filter((c) => isRemitCandidateName(pathOf(c.uri)));
    if (candidates.length) {
      remitsChanged(remits.changed(candidates.flatMap((c) => {
        const path = uriToPath(c.uri);
        return path ? [{ path, deleted: c.type === FileChangeType.Deleted }] : [];
      })));
    }
    const rest = change.changes.filter((c) => !candidates.includes(c));
    if (!rest.length) return;
    const configs = rest.filter((c) => isConfigFile(c.uri));
    if (configs.length) {
      connection.console.log(`config files changed: ${configs.map((c) => pathOf(c.uri)).join(', ')}`);
      contexts.reset();
      packWarned.clear();
      service.reset();
      revalidateAll();
      reindex();
      return;
    }
    // Claim files changed on disk: their index records (an open document's is the editor's).
    const claims = rest.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted }));
    patients.changedOnDisk(claims).catch((err) => connection.console.error(`workspace index update failed: ${err instanceof Error ? err.name : 'error'}`));
  });

  /** Documents whose didOpen is being handled: TextDocuments follows onDidOpen with onDidChangeContent. */
  const opening = new Set<string>();
  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    scheduler.schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    // The open's own content event: the audit is already scheduled without debounce (this
    // used to re-schedule it 150 ms later, the debounce of a document never audited).
    if (opening.delete(e.document.uri)) return;
    scheduler.schedule(e.document.uri, debounceFor(e.document.uri));
  });
  documents.onDidSave((e) => {
    // Clients that cannot watch files still tell us when a config file is saved.
    if (isConfigFile(e.document.uri) && !capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      contexts.reset();
      revalidateAll();
    }
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    scheduler.cancel(uri);
    service.forget(uri);
    auditMillis.delete(uri);
    lastEdit.delete(uri);
    settings.forget(uri);
    published.delete(uri);
    payer.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    patients.closed(uri).catch((err) => connection.console.error(`workspace index update failed: ${err instanceof Error ? err.name : 'error'}`));
  });

  /** Run a feature; on a bug, log the error's name only (messages could quote claim text) and answer `fallback`. */
  async function guarded<T>(feature: string, uri: string, fallback: T, run: (active: { doc: TextDocument; ctx: DocumentContext }) => T): Promise<T> {
    try {
      const active = await activeContext(uri);
      return active ? run(active) : fallback;
    } catch (err) {
      connection.console.error(`${feature} failed for ${docTag(uri)}: ${err instanceof Error ? err.name : 'error'}`);
      return fallback;
    }
  }

  connection.onCodeAction((p) => guarded('code actions', p.textDocument.uri, [], (a) => service.codeActions(a.doc, p.context, a.ctx.config)));
  connection.onHover((p) => guarded('hover', p.textDocument.uri, null, (a) => service.hover(a.doc, p.position, a.ctx.config, payer.hoverNotes(a.doc.uri))));
  connection.onCodeLens((p) =>
    guarded('code lens', p.textDocument.uri, [], (a) => [...service.codeLenses(a.doc, a.ctx.config), ...accrualLenses(patients.accruals(a.doc.uri))]),
  );
  connection.onCompletion((p) =>
    guarded('completion', p.textDocument.uri, { isIncomplete: false, items: [] }, (a) => service.completion(a.doc, p.position, a.ctx.config)),
  );

  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    trusted = true;
    connection.console.info('workspace trusted: the workspace audit is available');
    remitsChanged(remits.rebuild());
    reindex();
  });

  registerCommands({
    connection,
    documents,
    service,
    contexts,
    folders: () => folders,
    published: (uri) => published.add(uri),
    trusted: () => trusted,
    payer,
    withCross: (uri, own, shown) => patients.withCross(uri, own, shown),
    patients: (order, only) => patients.summaries(order, only),
    syncIndex: async (uris) => void (await index.sync(uris)),
  });
  connection.onRequest(IMPORT_CLAIMS_REQUEST, (params: unknown) => importClaimsText(params));

  connection.onShutdown(() => {
    scheduler.dispose();
    void pool?.close();
  });
  documents.listen(connection);
  connection.listen();
}

function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.flatMap((u) => uriToPath(u) ?? []);
}

/** A document's path for logs (paths are not claim content). */
function pathOf(uri: string): string {
  return uriToPath(uri) ?? uri;
}

/**
 * Claim file names can identify a patient, so logs name a document by a short hash of
 * its URI: stable within a session, enough to follow one file through the log.
 */
function docTag(uri: string): string {
  return `document ${createHash('sha256').update(uri).digest('hex').slice(0, 8)}`;
}
