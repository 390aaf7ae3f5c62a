/**
 * The language server: wires the language service (../service, over src/core) to a
 * connection. startServer only puts the parts together; each job is its own module:
 *   ./session.ts         what the handlers share (documents, service, contexts, packs, pool, publish)
 *   ./capabilities.ts    initialize / initialized: capabilities, registrations, workspace folders
 *   ./audit.ts           the audit of an open document (scheduled, debounced, progressive first audit)
 *   ./documentEvents.ts  open, edit, close
 *   ./configEvents.ts    settings, config files, trust; claim files changed on disk
 *   ./features.ts        code actions, hover, code lens, completion
 *   ./commands.ts        workspace commands; ./importClaims.ts the import request
 *   ./workspaceIndex.ts, ./patients.ts, ./claimWatch.ts   the checks across claims (every claim file of the workspace)
 *   ./remitIndex.ts, ./payerDecisions.ts   the workspace's 835s and the payer's decisions (held by the session)
 * Logs carry paths, rule ids, counts and timings, never claim content.
 */
import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver';
import { registerCommands } from './commands';
import { IMPORT_CLAIMS_REQUEST } from '../protocol';
import { importClaimsText } from './importClaims';
import { Scheduler } from './scheduler';
import { WorkspaceIndex } from './workspaceIndex';
import { crossClaims, PatientDiagnostics } from './patients';
import { ClaimFileWatch } from './claimWatch';
import { createSession, docTag, type ServerActions } from './session';
import { DocumentAudits } from './audit';
import { registerLifecycle } from './capabilities';
import { registerConfigEvents } from './configEvents';
import { registerDocumentEvents } from './documentEvents';
import { registerFeatures } from './features';

export { CONFIG_WATCH_GLOB } from './capabilities';

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

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const session = createSession(connection, options.openThreads);
  const { documents, contexts } = session;
  // Every claim file of the workspace, open or not, and the cross-claim findings it feeds (issue 23).
  const cross = crossClaims();
  const index = new WorkspaceIndex({
    folders: () => session.folders,
    context: (uri) => contexts.get(uri),
    isOpen: (uri) => documents.get(uri) !== undefined,
    trusted: () => session.trusted,
    pool: session.sharedPool,
    dataFor: session.dataFor,
    sink: cross,
    log: (m) => connection.console.log(m),
  });
  const patients = new PatientDiagnostics({
    index,
    cross,
    isOpen: (uri) => documents.get(uri) !== undefined,
    schedule: (uri) => scheduler.schedule(uri, 0),
    publish: (uri, version, diagnostics) => session.publish(uri, version, diagnostics),
    context: (uri) => contexts.get(uri),
    dataFor: session.dataFor,
    log: (m) => connection.console.log(m),
    docTag,
  });
  // Unopened claim files feed the workspace index: it follows their changes on disk.
  const watch = new ClaimFileWatch(connection, () => session.capabilities);
  const audits = new DocumentAudits(session, patients, options.debounceMs);
  const scheduler = new Scheduler(
    (uri, isCurrent) => audits.run(uri, isCurrent),
    (uri, err) => connection.console.error(`audit of ${docTag(uri)} failed: ${err instanceof Error ? err.name : 'error'}`),
  );
  const actions: ServerActions = {
    schedule: (uri, delayMs) => scheduler.schedule(uri, delayMs),
    cancel: (uri) => scheduler.cancel(uri),
    revalidateAll() {
      for (const doc of documents.all()) scheduler.schedule(doc.uri, 0);
      if (session.capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
    },
    remitsChanged(work) {
      work
        .then((changed) => {
          if (!changed) return;
          connection.console.log(`remittance files: ${session.remits.size} read; open claim files audited again`);
          for (const doc of documents.all()) scheduler.schedule(doc.uri, 0);
        })
        .catch((err) => connection.console.error(`remittance files not read: ${err instanceof Error ? err.name : 'error'}`));
    },
    reindex() {
      patients.reset();
      patients
        .rebuild(() => documents.all().map((d) => d.uri))
        .then(() => watch.update(index.configGlobs()))
        .catch((err) => connection.console.error(`workspace index failed: ${err instanceof Error ? err.name : 'error'}`));
    },
  };

  registerLifecycle(session, actions);
  registerConfigEvents(session, actions, patients);
  registerDocumentEvents(session, actions, audits, patients);
  registerFeatures(session, patients);
  registerCommands({
    connection,
    documents,
    service: session.service,
    contexts,
    folders: () => session.folders,
    published: (uri) => session.published.add(uri),
    trusted: () => session.trusted,
    payer: session.payer,
    withCross: (uri, own, shown) => patients.withCross(uri, own, shown),
    patients: (order, only) => patients.summaries(order, only),
    syncIndex: async (uris) => void (await index.sync(uris)),
  });
  connection.onRequest(IMPORT_CLAIMS_REQUEST, (params: unknown) => importClaimsText(params));

  connection.onShutdown(() => {
    scheduler.dispose();
    session.closePool();
  });
  documents.listen(connection);
  connection.listen();
}
