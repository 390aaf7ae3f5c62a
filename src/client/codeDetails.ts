/**
 * claimlint.showCodeDetails [uri, position]: the hover's "More" link. Asks the server for
 * the full explanation of the code at that position (server command claimlint.codeDetails)
 * and shows it in the Markdown preview of a read-only, in-memory document
 * (claimlint-details:), so the hover itself stays short. Nothing is written to disk. The
 * entries of the sources it cites come from the shipped docs/sources.md (no network needed).
 */
import * as vscode from 'vscode';
import { BuiltinCommands, EXECUTE_COMMAND_METHOD, ServerCommands } from './constants';
import type { ServerController } from './controller';
import { detailsWithSources } from './offlineLinks';

export const DETAILS_SCHEME = 'claimlint-details';

export class CodeDetails implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly pages = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly controller: ServerController,
    private readonly log: vscode.LogOutputChannel,
    /** The shipped docs/sources.md: the details carry the entries they cite (offline). */
    private readonly sourcesPage: vscode.Uri,
  ) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.toString()) ?? '';
  }

  /** Resolves to true when the explanation was shown. */
  async show(uri: unknown, position: unknown): Promise<boolean> {
    if (typeof uri !== 'string' || !position || typeof position !== 'object') return false;
    let markdown: unknown;
    try {
      const client = await this.controller.start();
      markdown = await client.sendRequest<unknown>(EXECUTE_COMMAND_METHOD, { command: ServerCommands.codeDetails, arguments: [uri, position] });
    } catch (err) {
      this.log.error(`code details failed: ${err instanceof Error ? err.name : 'error'}`);
      void vscode.window.showErrorMessage('claimlint: the code\'s details could not be read; see the output for details.');
      return false;
    }
    if (typeof markdown !== 'string' || !markdown) {
      void vscode.window.showInformationMessage('claimlint: no code at that place any more.');
      return false;
    }
    const code = /^\*\*([0-9A-Z]{5})\b/.exec(markdown)?.[1] ?? 'code';
    const page = vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${code}.md` });
    this.pages.set(page.toString(), detailsWithSources(markdown, await this.readSources()));
    this.changed.fire(page);
    const doc = await vscode.workspace.openTextDocument(page);
    try {
      await vscode.commands.executeCommand(BuiltinCommands.markdownPreview, doc.uri);
    } catch {
      await vscode.window.showTextDocument(doc, { preview: true });
    }
    return true;
  }

  private async readSources(): Promise<string> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.sourcesPage));
    } catch {
      this.log.warn('docs/sources.md is not bundled: a code\'s details show its source keys without their entries');
      return '';
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
