/**
 * The language service's features over the connection: code actions, hover (with the payer's
 * notes, ./payerDecisions.ts), code lens (the
 * service's and the accrual lens of the checks across claims) and completion, each for an
 * active claim document only. A bug in a feature is logged by its error's name only
 * (messages could quote claim text) and answered with nothing.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentContext } from './documentContext';
import { accrualLenses } from '../service/codeLens';
import type { PatientDiagnostics } from './patients';
import { docTag, type Session } from './session';

export function registerFeatures(session: Session, patients: PatientDiagnostics): void {
  const { connection, service } = session;
  /** Run a feature; on a bug, log the error's name only (messages could quote claim text) and answer `fallback`. */
  async function guarded<T>(feature: string, uri: string, fallback: T, run: (active: { doc: TextDocument; ctx: DocumentContext }) => T): Promise<T> {
    try {
      const active = await session.activeContext(uri);
      return active ? run(active) : fallback;
    } catch (err) {
      connection.console.error(`${feature} failed for ${docTag(uri)}: ${err instanceof Error ? err.name : 'error'}`);
      return fallback;
    }
  }

  connection.onCodeAction((p) => guarded('code actions', p.textDocument.uri, [], (a) => service.codeActions(a.doc, p.context, a.ctx.config)));
  connection.onHover((p) => guarded('hover', p.textDocument.uri, null, (a) => service.hover(a.doc, p.position, a.ctx.config, session.payer.hoverNotes(a.doc.uri))));
  connection.onCodeLens((p) =>
    guarded('code lens', p.textDocument.uri, [], (a) => [...service.codeLenses(a.doc, a.ctx.config), ...accrualLenses(patients.accruals(a.doc.uri))]),
  );
  connection.onCompletion((p) =>
    guarded('completion', p.textDocument.uri, { isIncomplete: false, items: [] }, (a) => service.completion(a.doc, p.position, a.ctx.config)),
  );
}
