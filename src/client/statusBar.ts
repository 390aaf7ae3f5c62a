/**
 * The status bar item for the active claim file (its claimlint errors and warnings;
 * hidden for other files; click: Problems panel) and the `claimlint.activeClaimFile`
 * context key that package.json's `when` clauses use.
 */
import * as vscode from 'vscode';
import { BuiltinCommands, ContextKeys, SECTION, STATUS_ITEM_ID } from './constants';
import type { ServerController } from './controller';
import { countDiagnostics, statusPresentation } from './status';

export class ClaimStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private activeIsClaim: boolean | undefined;

  constructor(private readonly controller: ServerController) {
    this.item.name = 'claimlint';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => this.updateIfActive(e.uris)),
      controller.onDidPublish((uri) => this.updateIfActive([uri])),
      controller.onDidChangeStatus(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.update();
      }),
    );
    this.update();
  }

  private updateIfActive(uris: readonly vscode.Uri[]): void {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    if (active && uris.some((u) => u.toString() === active)) this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const isClaim = !!doc && this.controller.isClaimDocument(doc);
    if (isClaim !== this.activeIsClaim) {
      this.activeIsClaim = isClaim;
      void vscode.commands.executeCommand(BuiltinCommands.setContext, ContextKeys.activeClaimFile, isClaim);
    }
    if (!doc || !isClaim) {
      this.item.hide();
      return;
    }
    const p = statusPresentation({
      server: this.controller.status,
      audited: this.controller.hasAudited(doc.uri),
      enabled: vscode.workspace.getConfiguration(SECTION, doc.uri).get<boolean>('enable', true),
      counts: countDiagnostics(vscode.languages.getDiagnostics(doc.uri)),
    });
    this.item.text = p.text;
    this.item.tooltip = p.tooltip;
    this.item.accessibilityInformation = { label: p.tooltip };
    this.item.command = { command: p.command, title: p.tooltip, arguments: p.arguments };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
