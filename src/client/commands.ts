/** Registers every command of `Commands` (the Record type makes the list exhaustive). */
import * as vscode from 'vscode';
import { auditWorkspace } from './auditWorkspace';
import type { AuditSummaryView } from './auditSummaryView';
import { Commands, type CommandId } from './constants';
import type { ServerController } from './controller';
import { fixAll } from './fixAll';
import { importClaims } from './importClaims';
import { CodeDetails } from './codeDetails';
import { showRuleDocs } from './ruleDocs';
import { STATUS_MENU } from './status';

export function registerCommands(
  extensionUri: vscode.Uri,
  controller: ServerController,
  log: vscode.LogOutputChannel,
  summaryView: AuditSummaryView,
): vscode.Disposable[] {
  const codeDetails = new CodeDetails(controller, log, vscode.Uri.joinPath(extensionUri, 'docs', 'sources.md'));
  const handlers: Record<CommandId, (...args: unknown[]) => unknown> = {
    [Commands.restartServer]: async () => {
      await controller.restart();
    },
    [Commands.fixAll]: () => fixAll(controller, log),
    [Commands.auditWorkspace]: () => auditWorkspace(controller, log),
    [Commands.showOutput]: () => log.show(true),
    [Commands.showRuleDocs]: (ruleId, href) => showRuleDocs(extensionUri, log, ruleId, href),
    [Commands.showAuditSummary]: (target) => summaryView.show(target),
    [Commands.showStatusMenu]: async () => {
      const choice = await vscode.window.showQuickPick(STATUS_MENU, { title: 'claimlint', placeHolder: 'Choose an action' });
      if (choice) await vscode.commands.executeCommand(choice.command);
    },
    [Commands.importClaims]: (uri) => importClaims(log, controller, uri),
    [Commands.showCodeDetails]: (uri, position) => codeDetails.show(uri, position),
  };
  return [codeDetails, ...Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler))];
}
