/**
 * claimlint.auditWorkspace: asks the server to audit every claim file of the workspace
 * (server command `claimlint.auditWorkspace`, reply {files, errors, warnings}); the server
 * publishes the diagnostics, this shows the totals. Resolves to the totals (or undefined).
 */
import * as vscode from 'vscode';
import { BuiltinCommands, EXECUTE_COMMAND_METHOD, ServerCommands } from './constants';
import type { ServerController } from './controller';
import { formatAuditSummary, parseAuditSummary, type AuditSummary } from './summary';

export async function auditWorkspace(controller: ServerController, log: vscode.LogOutputChannel): Promise<AuditSummary | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('claimlint: open a folder to audit its claim files.');
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('claimlint: the workspace audit is off in Restricted Mode; trust this folder to audit all its claim files (open claim files are still audited).');
    return undefined;
  }
  let reply: unknown;
  try {
    const client = await controller.start();
    reply = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'claimlint: auditing the workspace…', cancellable: true },
      (_progress, token) =>
        client.sendRequest<unknown>(EXECUTE_COMMAND_METHOD, { command: ServerCommands.auditWorkspace, arguments: [] }, token),
    );
  } catch (err) {
    log.error(`audit workspace failed: ${err instanceof Error ? err.message : String(err)}`);
    void vscode.window.showErrorMessage('claimlint: the workspace audit failed; see the output for details.');
    return undefined;
  }
  const summary = parseAuditSummary(reply);
  if (!summary) {
    log.error('audit workspace: the server replied without {files, errors, warnings} counts');
    return undefined;
  }
  log.info(`audited ${summary.files} claim files: ${summary.errors} errors, ${summary.warnings} warnings`);
  const actions = summary.errors + summary.warnings > 0 ? ['Show Problems'] : [];
  void vscode.window.showInformationMessage(formatAuditSummary(summary), ...actions).then((choice) => {
    if (choice) void vscode.commands.executeCommand(BuiltinCommands.showProblems);
  });
  return summary;
}
