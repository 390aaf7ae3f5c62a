/**
 * Owns the language client's lifecycle. The server starts lazily: when a claim file is
 * open (at activation or later) or a command needs it, so a workspace whose YAML files
 * are not claims never spawns it. Start, stop and restart run one at a time. A change of
 * `claimlint.files` (or of workspace trust, which decides whether the workspace's value
 * of that setting counts) rebuilds the document selector and restarts a running server.
 *
 * The language client library (vscode-languageclient) is loaded with the first start: it is
 * ./languageClient.ts, in the bundle dist/languageClient.js (esbuild.js), so activating on
 * any YAML file loads only this small extension (dist/client.js).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SECTION } from './constants';
import { WORKSPACE_TRUSTED_NOTIFICATION } from '../protocol';
import type * as LanguageClientModule from './languageClient';
import { claimSelector, isConfigFileName, type ClaimDocumentFilter } from './selector';
import type { ServerStatus } from './status';

function languageClientModule(): typeof LanguageClientModule {
  // esbuild.js turns this into require('./languageClient.js') in dist/client.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first start, on purpose
  return require('./languageClient') as typeof LanguageClientModule;
}

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private filters: ClaimDocumentFilter[];
  private _status: ServerStatus = 'idle';
  private disposed = false;
  private readonly statusEmitter = new vscode.EventEmitter<ServerStatus>();
  /** Documents the running server has published diagnostics for (empty ones too). */
  private published = new Set<string>();
  private readonly publishEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.statusEmitter, this.publishEmitter];

  readonly onDidChangeStatus = this.statusEmitter.event;
  /** Fires for every diagnostics publish of the running server. */
  readonly onDidPublish = this.publishEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.filters = readSelector();
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (!this.disposed && this.status === 'idle' && this.isServedDocument(doc)) void this.start().catch(() => undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.files`)) this.selectorChanged();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.selectorChanged()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        // The server started in Restricted Mode learns the workspace is trusted (workspace audit on).
        if (this.client?.isRunning()) void this.client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION).catch(() => undefined);
        this.selectorChanged();
      }),
    );
  }

  get status(): ServerStatus {
    return this._status;
  }

  get selector(): readonly ClaimDocumentFilter[] {
    return this.filters;
  }

  /** A document the server is sent: a claim file or a .claimlintrc. */
  isServedDocument(doc: vscode.TextDocument): boolean {
    return vscode.languages.match(this.filters as vscode.DocumentFilter[], doc) > 0;
  }

  /** A claim file (the served documents but the .claimlintrc files). */
  isClaimDocument(doc: vscode.TextDocument): boolean {
    return this.isServedDocument(doc) && !isConfigFileName(doc.uri.path);
  }

  /** Whether the running server has published diagnostics for uri (empty ones count). */
  hasAudited(uri: vscode.Uri): boolean {
    return this.published.has(uri.toString());
  }

  /**
   * Resolves when the running server has published diagnostics for uri (at once if it
   * already has), or false after timeoutMs.
   */
  whenAudited(uri: vscode.Uri, timeoutMs: number): Promise<boolean> {
    const key = uri.toString();
    if (this.hasAudited(uri)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        listener.dispose();
        resolve(value);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const listener = this.publishEmitter.event((u) => {
        if (u.toString() === key) done(true);
      });
    });
  }

  /** Starts the server if a claim file is open now. */
  startIfClaimFileOpen(): void {
    if (vscode.workspace.textDocuments.some((d) => this.isServedDocument(d))) void this.start().catch(() => undefined);
  }

  /** The running client, starting it first if needed. Rejects when the server cannot start. */
  start(): Promise<LanguageClient> {
    return this.serial(async () => {
      if (this.client && languageClientModule().isRunning(this.client)) return this.client;
      await this.disposeClient();
      return this.createAndStart();
    });
  }

  restart(): Promise<LanguageClient> {
    return this.serial(async () => {
      this.log.info('restarting the language server');
      await this.disposeClient();
      return this.createAndStart();
    });
  }

  stop(): Promise<void> {
    return this.serial(() => this.disposeClient());
  }

  dispose(): void {
    this.disposed = true;
    void this.stop();
    for (const d of this.disposables) d.dispose();
  }

  private selectorChanged(): void {
    if (this.disposed) return;
    const next = readSelector();
    if (JSON.stringify(next) === JSON.stringify(this.filters)) return;
    this.filters = next;
    this.log.info(`claim file patterns changed (${next.length - 1} from claimlint.files)`);
    if (this.client) void this.restart().catch(() => undefined);
    else this.startIfClaimFileOpen();
  }

  private async createAndStart(): Promise<LanguageClient> {
    const published = new Set<string>();
    this.published = published;
    const { createLanguageClient, statusOf } = languageClientModule();
    const client = createLanguageClient(this.extensionUri, this.log, this.filters, (uri) => {
      if (this.client !== client) return;
      published.add(uri.toString());
      this.publishEmitter.fire(uri);
    });
    this.client = client;
    client.onDidChangeState((e) => {
      if (this.client !== client) return;
      this.setStatus(statusOf(e.newState));
    });
    this.setStatus('starting');
    try {
      await client.start();
      this.log.info('language server started');
      this.setStatus('running');
      return client;
    } catch (err) {
      this.setStatus('stopped');
      this.log.error(`the language server did not start: ${errorText(err)}`);
      void vscode.window
        .showErrorMessage('claimlint: the language server did not start.', 'Show Output')
        .then((choice) => {
          if (choice) this.log.show(true);
        });
      throw err;
    }
  }

  private async disposeClient(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    this.published = new Set();
    try {
      await client.dispose();
    } catch (err) {
      this.log.warn(`stopping the language server: ${errorText(err)}`);
    }
    this.setStatus('idle');
  }

  private setStatus(status: ServerStatus): void {
    if (status === this._status) return;
    this._status = status;
    this.statusEmitter.fire(status);
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The selector from `claimlint.files` of the window and of every workspace folder. */
function readSelector(): ClaimDocumentFilter[] {
  const globs: unknown[] = [];
  const add = (value: unknown) => {
    if (Array.isArray(value)) globs.push(...value);
  };
  add(vscode.workspace.getConfiguration(SECTION).get('files'));
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    add(vscode.workspace.getConfiguration(SECTION, folder.uri).get('files'));
  }
  return claimSelector(globs);
}

/** Error text for the log: the message only (no stack, no request data). */
function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
