/**
 * The open documents' events: an open is audited at once, an edit after the adaptive
 * debounce (./audit.ts), and a close forgets the document everywhere and clears its
 * diagnostics.
 */
import type { DocumentAudits } from './audit';
import type { PatientDiagnostics } from './patients';
import type { ServerActions, Session } from './session';

export function registerDocumentEvents(session: Session, actions: ServerActions, audits: DocumentAudits, patients: PatientDiagnostics): void {
  const { connection, documents } = session;
  /** Documents whose didOpen is being handled: TextDocuments follows onDidOpen with onDidChangeContent. */
  const opening = new Set<string>();
  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    actions.schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    // The open's own content event: the audit is already scheduled without debounce (this
    // used to re-schedule it 150 ms later, the debounce of a document never audited).
    if (opening.delete(e.document.uri)) return;
    actions.schedule(e.document.uri, audits.debounceFor(e.document.uri));
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    actions.cancel(uri);
    session.service.forget(uri);
    audits.forget(uri);
    session.settings.forget(uri);
    session.published.delete(uri);
    session.payer.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    patients.closed(uri).catch((err) => connection.console.error(`workspace index update failed: ${err instanceof Error ? err.name : 'error'}`));
  });
}
