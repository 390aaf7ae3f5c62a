/**
 * What changes the config of the open documents: settings, config files (watched, or saved
 * by a client that cannot watch), and workspace trust. 835s changed on disk update the
 * payer's decisions (./remitIndex.ts), claim files the workspace index (./workspaceIndex.ts).
 */
import { FileChangeType } from 'vscode-languageserver';
import { isConfigFile, uriToPath } from './claimFiles';
import { isRemitCandidateName, WORKSPACE_TRUSTED_NOTIFICATION } from '../protocol';
import type { PatientDiagnostics } from './patients';
import type { ServerActions, Session } from './session';

export function registerConfigEvents(session: Session, actions: ServerActions, patients: PatientDiagnostics): void {
  const { connection, service } = session;
  connection.onDidChangeConfiguration((change) => {
    session.settings.changed(change.settings);
    service.reset();
    actions.revalidateAll();
    actions.reindex();
  });

  connection.onDidChangeWatchedFiles((change) => {
    const candidates = change.changes.filter((c) => isRemitCandidateName(pathOf(c.uri)));
    if (candidates.length) {
      actions.remitsChanged(session.remits.changed(candidates.flatMap((c) => {
        const path = uriToPath(c.uri);
        return path ? [{ path, deleted: c.type === FileChangeType.Deleted }] : [];
      })));
    }
    const rest = change.changes.filter((c) => !candidates.includes(c));
    if (!rest.length) return;
    const configs = rest.filter((c) => isConfigFile(c.uri));
    if (configs.length) {
      connection.console.log(`config files changed: ${configs.map((c) => pathOf(c.uri)).join(', ')}`);
      session.contexts.reset();
      session.packsChanged();
      service.reset();
      actions.revalidateAll();
      actions.reindex();
      return;
    }
    // Claim files changed on disk: their index records (an open document's is the editor's).
    const claims = rest.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted }));
    patients.changedOnDisk(claims).catch((err) => connection.console.error(`workspace index update failed: ${err instanceof Error ? err.name : 'error'}`));
  });

  // Clients that cannot watch files still tell us when a config file is saved.
  session.documents.onDidSave((e) => {
    if (isConfigFile(e.document.uri) && !session.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      session.contexts.reset();
      actions.revalidateAll();
    }
  });

  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    session.trusted = true;
    connection.console.info('workspace trusted: the workspace audit is available');
    actions.remitsChanged(session.remits.rebuild());
    actions.reindex();
  });
}

/** A document's path for logs (paths are not claim content). */
function pathOf(uri: string): string {
  return uriToPath(uri) ?? uri;
}
