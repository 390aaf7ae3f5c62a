/**
 * claimlint.fixAll: applies the server's `source.fixAll.claimlint` code action to the
 * active claim file — the same action fix-on-save runs, so there is one fix-all path.
 * The action is requested through VS Code (vscode.executeCodeActionProvider) rather than a
 * UI command, so it needs no focused editor widget, and its edit is applied only if the
 * document is still at the version the fixes were computed for.
 */
import * as vscode from 'vscode';
import { BuiltinCommands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from './constants';
import type { ServerController } from './controller';

const AUDIT_WAIT_MS = 5000;
const RETRY_MS = 2000;

/** Resolves to true when fixes were applied. */
export async function fixAll(controller: ServerController, log: vscode.LogOutputChannel): Promise<boolean> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !controller.isClaimDocument(doc)) {
    void vscode.window.showInformationMessage('claimlint: open a claim file to fix its problems.');
    return false;
  }
  await controller.start();
  // After a (re)start, let the server audit the file first (it publishes, even when empty).
  await controller.whenAudited(doc.uri, AUDIT_WAIT_MS);
  const version = doc.version;
  let action = await requestFixAll(doc);
  // VS Code may route the request before the new provider is in place; when the
  // diagnostics say something is fixable, ask again for a moment.
  const deadline = Date.now() + RETRY_MS;
  while (!action && hasFixableDiagnostics(doc.uri) && Date.now() < deadline && doc.version === version) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    action = await requestFixAll(doc);
  }
  const hasEdit = !!action?.edit && action.edit.size > 0;
  if (!action || (!hasEdit && !action.command)) {
    void vscode.window.showInformationMessage('claimlint: nothing to fix automatically in this file.');
    return false;
  }
  if (doc.version !== version) {
    void vscode.window.showWarningMessage('claimlint: the file changed while fixes were computed; run Fix All again.');
    return false;
  }
  if (hasEdit && !(await vscode.workspace.applyEdit(action.edit!))) {
    log.warn('fix-all: the editor refused the edit');
    return false;
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
  log.info('fix-all applied');
  return true;
}

async function requestFixAll(doc: vscode.TextDocument): Promise<vscode.CodeAction | undefined> {
  const whole = doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
  const results = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
    BuiltinCommands.executeCodeActions,
    doc.uri,
    whole,
    FIX_ALL_KIND,
    10,
  );
  return (results ?? []).find(isFixAllAction);
}

/** The server puts `{rule, fixes: string[], version}` in each diagnostic's data. */
function hasFixableDiagnostics(uri: vscode.Uri): boolean {
  return vscode.languages.getDiagnostics(uri).some((d) => {
    const data = (d as { data?: { fixes?: unknown } }).data;
    return d.source === DIAGNOSTIC_SOURCE && Array.isArray(data?.fixes) && data.fixes.length > 0;
  });
}

function isFixAllAction(item: vscode.CodeAction | vscode.Command): item is vscode.CodeAction {
  if (typeof (item as vscode.Command).command === 'string') return false; // a bare Command
  const kind = (item as vscode.CodeAction).kind?.value;
  return kind === FIX_ALL_KIND || !!kind?.startsWith(`${FIX_ALL_KIND}.`);
}
