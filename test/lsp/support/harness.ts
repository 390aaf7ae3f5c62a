/**
 * An in-process claimlint language server over a pair of streams, driven by a real
 * JSON-RPC client: every test exchanges genuine LSP messages. Waits poll for an event with
 * a deadline; nothing sleeps for a fixed time.
 */
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createMessageConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';
import type {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  InitializeResult,
  LogMessageParams,
  PublishDiagnosticsParams,
  Registration,
  ShowMessageParams,
} from 'vscode-languageserver';
import { serverMessageWriter } from '../../../src/server/messageJson';
import { startServer, type ServerOptions } from '../../../src/server/server';

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    workspaceFolders: true,
    applyEdit: true,
    codeLens: { refreshSupport: true },
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      dataSupport: true,
      isPreferredSupport: true,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
  },
};

export interface StartOptions extends ServerOptions {
  capabilities?: ClientCapabilities;
  /** Answers to workspace/configuration for the `claimlint` section. */
  settings?: Record<string, unknown>;
  workspaceFolders?: { uri: string; name: string }[];
  initializationOptions?: unknown;
}

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly registrations: Registration[] = [];
  readonly shownMessages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly configurationRequests: unknown[] = [];
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly connection: MessageConnection,
    private readonly streams: PassThrough[],
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // The server's own writer (as over stdio): every test reads its diagnostics as messageJson writes them.
    const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), serverMessageWriter(toClient));
    startServer(server, { debounceMs: options.debounceMs, openThreads: options.openThreads });
    const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const client = new TestClient(connection, [toServer, toClient], options.settings ?? {});
    client.listen();
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: null,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? CLIENT_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    const notify = (): void => this.waiters.forEach((w) => w());
    c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.push(p);
      notify();
    });
    c.onNotification('window/showMessage', (p: ShowMessageParams) => {
      this.shownMessages.push(p);
      notify();
    });
    c.onNotification('window/logMessage', (p: LogMessageParams) => {
      this.logs.push(p);
      notify();
    });
    c.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) => {
      this.configurationRequests.push(p);
      return p.items.map((i) => (i.section === 'claimlint' ? this.settings : null));
    });
    c.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
      this.registrations.push(...p.registrations);
      notify();
      return null;
    });
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      this.appliedEdits.push(p);
      notify();
      return { applied: true };
    });
    c.onRequest('workspace/codeLens/refresh', () => null);
    c.onRequest('window/showMessageRequest', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.listen();
  }

  /** Resolve when `probe` returns a value; reject after `timeoutMs`. */
  waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const v = probe();
        if (v === undefined) return false;
        cleanup();
        resolve(v);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const waiter = (): void => void check();
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      check();
    });
  }

  /** The next diagnostics published for `uri` (after `after` publications) matching `accept`. */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, after = 0, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.diagnostics.slice(after).find((p) => p.uri === uri && accept(p)), `diagnostics for ${uri}`, timeoutMs);
  }

  /** Diagnostics published for `uri`, oldest first. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.filter((p) => p.uri === uri);
  }

  open(uri: string, text: string, languageId = 'yaml'): number {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return 1;
  }

  /** Replace the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  async dispose(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
    } catch {
      // already gone
    }
    // Never send `exit`: the library would end this (the test) process.
    this.connection.dispose();
    for (const s of this.streams) s.destroy();
  }
}
