/**
 * The claimlint VS Code extension: a thin client over the claimlint language server
 * (dist/server.js). Only src/client imports `vscode`. The extension makes no network
 * calls and sends no telemetry; its log (the "claimlint" output channel) records
 * lifecycle events and counts, never claim values or file paths.
 */
import * as vscode from 'vscode';
import { AuditSummaryView } from './auditSummaryView';
import { registerCommands } from './commands';
import { ServerController } from './controller';
import { ClaimStatusBar } from './statusBar';

let controller: ServerController | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('claimlint', { log: true });
  controller = new ServerController(context.extensionUri, log);
  const version = (context.extension.packageJSON as { version?: string }).version ?? '?';
  const summaryView = new AuditSummaryView(controller, log, version);
  context.subscriptions.push(
    log,
    controller,
    summaryView,
    new ClaimStatusBar(controller),
    ...registerCommands(context.extensionUri, controller, log, summaryView),
  );
  log.info(`claimlint ${version} activated`);
  controller.startIfClaimFileOpen();
}

export function deactivate(): Promise<void> | undefined {
  const c = controller;
  controller = undefined;
  c?.dispose();
  return c?.stop();
}
