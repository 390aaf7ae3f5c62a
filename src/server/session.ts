/**
 * What the language server's handlers share (./server.ts makes one per connection): the
 * open documents (each incremental change told to the language service, so the next audit
 * starts from its range), the language service, settings and config contexts, the data
 * packs, the worker pool, what the client said about the workspace, the workspace's 835s
 * and the payer's decisions on the open claim files (issue 27), and publishing.
 * Logs name a document by a hash of its URI (docTag), never by claim content.
 */
import { createHash } from 'node:crypto';
import { MessageType, ShowMessageNotification, TextDocuments, type ClientCapabilities, type Connection, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReferenceData } from '../core';
import { isConfigFile } from './claimFiles';
import { ConfigFiles } from './configFiles';
import { DocumentContexts, type DocumentContext } from './documentContext';
import { ClaimLanguageService } from '../service';
import { FindingDiagnostics } from '../service/diagnostics';
import { findingsPublish } from './messageJson';
import { SettingsStore } from './settings';
import { PackStore } from '../datapacks/store/packStore';
import { AuditPool, CHUNK_FILE_BYTES } from '../node/auditPool';
import { serverWorkerCount } from '../node/poolSizes';
import { RemitIndex } from './remitIndex';
import { PayerDecisions } from './payerDecisions';

export interface Session {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: ClaimLanguageService;
  readonly settings: SettingsStore;
  readonly contexts: DocumentContexts;
  /** What the client can do (from initialize). */
  capabilities: ClientCapabilities;
  /** The workspace folders' paths. */
  folders: string[];
  /** False in VS Code's Restricted Mode until the user trusts the workspace. */
  trusted: boolean;
  /** URIs with diagnostics on the client, to clear when they stop being claim files. */
  readonly published: Set<string>;
  /** A config's reference data; a pack that cannot be read is reported once (path and problem), the other packs still apply. */
  dataFor(config: { data?: string[] }): ReferenceData;
  /** Config files changed: a pack problem is reported again. */
  packsChanged(): void;
  /** The workspace's 835s (issue 27). */
  readonly remits: RemitIndex;
  /** The payer's decisions on the open claim files, joined on each audit; publish() appends them. */
  readonly payer: PayerDecisions;
  /** The worker pool, started on first use (idle workers cost memory); undefined without worker threads. */
  sharedPool(): AuditPool | undefined;
  /** The pool for a document's first audit: big documents only. */
  poolFor(text: string): AuditPool | undefined;
  closePool(): void;
  /**
   * Resolves once the notification is written out; the payer's decisions of this version go
   * with `own` (findings' diagnostics are made only if the transport reads them: src/server/messageJson.ts).
   */
  publish(uri: string, version: number | undefined, own: Diagnostic[] | FindingDiagnostics): Promise<void>;
  /** Context of an open claim document for a feature request, or undefined when it is not active. */
  activeContext(uri: string): Promise<{ doc: TextDocument; ctx: DocumentContext } | undefined>;
}

export function createSession(connection: Connection, openThreadsOption: number | undefined): Session {
  const packs = new PackStore();
  const packWarned = new Set<string>();
  const dataFor = (config: { data?: string[] }): ReferenceData => {
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
  const openThreads = serverWorkerCount(openThreadsOption);
  let pool: AuditPool | undefined;
  const sharedPool = (): AuditPool | undefined => (openThreads > 0 ? (pool ??= new AuditPool(openThreads, { unref: true })) : undefined);
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
  const published = new Set<string>();
  const settings = new SettingsStore(connection, () => session.capabilities.workspace?.configuration === true);
  const contexts = new DocumentContexts(connection, settings, new ConfigFiles(), () => session.folders);
  // The workspace's 835s and the payer's decisions on the open claim files (issue 27).
  const remits = new RemitIndex({
    folders: () => session.folders,
    trusted: () => session.trusted,
    log: (m) => connection.console.log(m),
    warn: (m) => {
      connection.console.warn(m);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `claimlint: ${m}` });
    },
  });
  const payer = new PayerDecisions(remits);
  const session: Session = {
    connection,
    documents,
    service,
    settings,
    contexts,
    capabilities: {},
    folders: [],
    trusted: true,
    published,
    remits,
    payer,
    dataFor,
    packsChanged: () => packWarned.clear(),
    sharedPool,
    poolFor: (text) => (text.length >= CHUNK_FILE_BYTES ? sharedPool() : undefined),
    closePool: () => void pool?.close(),
    publish(uri, version, own) {
      // The payer's decisions (source claimlint-remit) of this version go with the audit's findings.
      const extra = payer.diagnostics(uri, version);
      if (own.length + extra.length) published.add(uri);
      else published.delete(uri);
      const params = own instanceof FindingDiagnostics ? findingsPublish(uri, version, own, extra) : { uri, version, diagnostics: [...own, ...extra] };
      // A failed write is logged by the connection; nothing waits on it to fail.
      return connection.sendDiagnostics(params).catch(() => undefined);
    },
    async activeContext(uri) {
      const doc = documents.get(uri);
      if (!doc || isConfigFile(uri)) return undefined;
      const ctx = await contexts.get(uri);
      return ctx.active ? { doc, ctx } : undefined;
    },
  };
  return session;
}

/**
 * Claim file names can identify a patient, so logs name a document by a short hash of
 * its URI: stable within a session, enough to follow one file through the log.
 */
export function docTag(uri: string): string {
  return `document ${createHash('sha256').update(uri).digest('hex').slice(0, 8)}`;
}

/** What the handlers ask of the server as a whole (./server.ts wires them). */
export interface ServerActions {
  /** Audit a document after `delayMs` (0: after the messages already received). */
  schedule(uri: string, delayMs: number): void;
  cancel(uri: string): void;
  /** Audit every open document again (settings, config files or folders changed). */
  revalidateAll(): void;
  /** After the 835s changed (`work` resolves true): the open claim files audited (and their payer decisions joined) again. */
  remitsChanged(work: Promise<boolean>): void;
  /** Index the workspace again, then audit the open documents again (their cross-claim findings may differ). */
  reindex(): void;
}
