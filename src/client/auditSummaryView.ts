/**
 * claimlint: Show Audit Summary — a webview with the HTML report's summary, charts and
 * claims table for the workspace's claim files (or the active file when no folder is
 * open), drawn by the same renderer as `claimlint --format html` (dist/report.js, loaded
 * on first use). The data comes from the language server (claimlint.auditSummaryData: no
 * patient ids). Strict CSP (nonce'd style and script, nothing remote), VS Code's theme
 * colours, updates debounced as claim files change. A click on a rule bar filters the
 * list (in the page); a click on a finding opens its file at its range.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type * as ReportHtml from '../report/html';
import type { AuditSummaryData } from '../protocol';
import { AUDIT_SUMMARY_VIEW_TYPE, Commands, ServerCommands } from './constants';
import type { ServerController } from './controller';

const DEBOUNCE_MS = 400;

/** What the command returns (counts only): lets scripts and the end-to-end suite check it. */
export interface AuditSummaryResult {
  files: number;
  claims: number;
  lines: number;
  claimsWithErrors: number;
  findings: number;
  timedUnitsBilled: number;
  timedUnitsSupported: number;
  overpayment: number;
  underpayment: number;
  /** From the workspace's 835s (the "Payer decisions" section); absent when it holds none. */
  payer?: { deniedLines: number; explainedLines: number; adjustedAmount: number };
  /** Patients in the per-patient view. */
  patients: number;
}

type ReportModule = typeof ReportHtml;

function loadRenderer(): ReportModule {
  // esbuild.js turns this into require('./report.js'): the chart library stays out of
  // dist/client.js until the view is first opened.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  return require('../report/html') as ReportModule;
}

interface WebviewMessage {
  type?: unknown;
  file?: unknown;
  range?: unknown;
  rule?: unknown;
  href?: unknown;
}

export class AuditSummaryView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private uris: string[] = [];
  private scope: string | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<AuditSummaryResult>();
  /** Fires after each render with its counts. */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly controller: ServerController,
    private readonly log: vscode.LogOutputChannel,
    private readonly version: string,
  ) {
    this.disposables.push(this.renderedEmitter);
  }

  /**
   * Opens (or reveals) the view and resolves with the counts of its first render. `target`
   * (a folder or claim file, e.g. from the Explorer) narrows it; else the whole workspace,
   * or the active claim file when no folder is open.
   */
  async show(target?: unknown): Promise<AuditSummaryResult | undefined> {
    const folders = vscode.workspace.workspaceFolders?.length ?? 0;
    const active = vscode.window.activeTextEditor?.document;
    if (target instanceof vscode.Uri) this.scope = target.toString();
    else this.scope = folders ? undefined : active && this.controller.isClaimDocument(active) ? active.uri.toString() : undefined;
    if (!folders && !this.scope) {
      void vscode.window.showInformationMessage('claimlint: open a folder or a claim file to see its audit summary.');
      return undefined;
    }
    if (this.panel) this.panel.reveal(undefined, false);
    else this.createPanel();
    return this.refresh();
  }

  /** What the view covers, in words: the scope line under its title and its busy note. */
  private async scopeLabel(): Promise<string> {
    if (!this.scope) {
      const name = vscode.workspace.name;
      return name ? `all claim files of the workspace ${name}` : 'all claim files of the workspace';
    }
    const uri = vscode.Uri.parse(this.scope);
    let kind = 'file';
    try {
      if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) kind = 'folder';
    } catch {
      // gone meanwhile: the audit says so
    }
    const rel = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    return kind === 'folder' ? `the claim files in the folder ${rel}` : `the claim file ${rel}`;
  }

  private createPanel(): void {
    const panel = vscode.window.createWebviewPanel(AUDIT_SUMMARY_VIEW_TYPE, 'claimlint: Audit Summary', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [],
    });
    this.panel = panel;
    panel.webview.html = placeholderHtml(randomBytes(16).toString('base64'));
    const subs: vscode.Disposable[] = [
      panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.controller.isClaimDocument(e.document)) this.schedule();
      }),
      this.controller.onDidPublish(() => this.schedule()),
      vscode.workspace.onDidCreateFiles(() => this.schedule()),
      vscode.workspace.onDidDeleteFiles(() => this.schedule()),
      vscode.workspace.onDidRenameFiles(() => this.schedule()),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.controller.isClaimDocument(d)) this.schedule();
      }),
    ];
    panel.onDidDispose(() => {
      for (const s of subs) s.dispose();
      if (this.timer) clearTimeout(this.timer);
      this.panel = undefined;
    });
  }

  /** Re-render after changes settle; a render already under way is superseded. */
  private schedule(): void {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, DEBOUNCE_MS);
  }

  private async refresh(): Promise<AuditSummaryResult | undefined> {
    const panel = this.panel;
    if (!panel) return undefined;
    const generation = ++this.generation;
    const scope = await this.scopeLabel();
    // Until the new numbers arrive the page says what it is auditing and dims the old ones.
    void panel.webview.postMessage({ type: 'busy', text: `Auditing ${scope}…` });
    let data: AuditSummaryData;
    try {
      const client = await this.controller.start();
      data = (await client.sendRequest('workspace/executeCommand', {
        command: ServerCommands.auditSummaryData,
        arguments: [this.scope ? { uri: this.scope } : {}],
      })) as AuditSummaryData;
    } catch (err) {
      this.log.error(`audit summary: ${err instanceof Error ? err.message : 'failed'}`);
      return undefined;
    }
    if (generation !== this.generation || this.panel !== panel) return undefined;
    if (data.restricted) this.log.info('audit summary: Restricted Mode; trust the workspace to read its claim files');
    const files = data.files.map((f) => ({ path: f.path, claims: f.claims, findings: f.findings }));
    this.uris = data.files.map((f) => f.uri);
    const nonce = randomBytes(16).toString('base64');
    const { html, figures } = loadRenderer().buildHtmlReportWithFigures(files, {
      version: this.version,
      title: 'Audit Summary',
      scope,
      webview: { cspSource: panel.webview.cspSource, nonce },
      // What the workspace's 835s said, drawn by the HTML report's own "Payer decisions" section.
      payer: data.payer,
      patients: data.patients,
    });
    panel.webview.html = html;
    const result: AuditSummaryResult = {
      files: figures.files,
      claims: figures.claims,
      lines: figures.lines,
      claimsWithErrors: figures.claimsWithErrors,
      findings: figures.findings.error + figures.findings.warning + figures.findings.info,
      timedUnitsBilled: figures.timedUnits.billed,
      timedUnitsSupported: figures.timedUnits.supported,
      overpayment: figures.money.overpayment,
      underpayment: figures.money.underpayment,
      patients: data.patients?.length ?? 0,
    };
    if (data.payer) result.payer = { deniedLines: data.payer.deniedLines, explainedLines: data.payer.explainedLines, adjustedAmount: data.payer.adjustedAmount };
    this.log.info(`audit summary: ${result.files} files, ${result.claims} claims, ${result.findings} findings, ${result.patients} patients`);
    this.renderedEmitter.fire(result);
    return result;
  }

  private async onMessage(m: WebviewMessage): Promise<void> {
    if (m.type === 'reveal') await this.reveal(m.file, m.range);
    else if (m.type === 'ruleDocs' && typeof m.rule === 'string') {
      await vscode.commands.executeCommand(Commands.showRuleDocs, m.rule, typeof m.href === 'string' ? m.href : undefined);
    }
  }

  /** Opens file number `file` of the last render with `range` ([line, char, line, char], 0-based) selected. */
  async reveal(file: unknown, range: unknown): Promise<boolean> {
    const uri = typeof file === 'number' ? this.uris[file] : undefined;
    if (!uri || !Array.isArray(range) || range.length !== 4 || !range.every((n) => Number.isInteger(n) && n >= 0)) return false;
    const [sl, sc, el, ec] = range as number[];
    const selection = new vscode.Range(sl, sc, el, ec);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), {
      selection,
      viewColumn: vscode.ViewColumn.One,
      preserveFocus: false,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The page shown while the first audit of a new view runs. */
function placeholderHtml(nonce: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">
<style nonce="${nonce}">body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 16px 24px; }</style>
</head><body aria-busy="true"><h1>Audit Summary</h1><p role="status">Auditing…</p></body></html>`;
}
