/**
 * The one way the tests start the real language server as a child process over stdio (the
 * in-process TestClient of test/lsp/support/harness.ts runs startServer itself): start it with
 * an initialized connection, wait for the diagnostics of a document version or any that a
 * predicate takes, and shut it down (politely, or killed when it no longer answers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_BIN } from './paths';

export interface StdioServer {
  child: ChildProcess;
  /** The server's answer to initialize. */
  initialized: InitializeResult;
  /** The exit code once the process has exited (-1 for a signal); undefined while it runs. */
  exitCode(): number | null | undefined;
  connection: MessageConnection;
  /** Resolves with the publishDiagnostics of that document version (register before sending). */
  published(version: number): Promise<PublishDiagnosticsParams>;
  /** Resolves with the next publishDiagnostics that `accept` takes (register before sending). */
  publishedWhere(accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

/** shutdown + exit, or kill; resolves when the process has exited. */
export async function stopServer(child: ChildProcess, connection: MessageConnection): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  } catch {
    child.kill();
  }
  await exited;
  connection.dispose();
}

export interface StdioServerOptions {
  /** Node options before the script, e.g. ['--max-old-space-size=512']. */
  nodeArgs?: string[];
  /** Workspace folders (paths): the server indexes their claim files. */
  folders?: string[];
  /** Every window/logMessage the server sends. */
  onLog?: (message: string) => void;
  /** The server's stderr, as it comes (otherwise ignored). */
  onStderr?: (text: string) => void;
  /** What workspace/configuration answers for each item (default: {}, the defaults). */
  settings?: unknown;
  /** What workspace/configuration answers for an item of this section (another server's sections); overrides `settings`. */
  settingsFor?: (section: string | undefined) => unknown;
  /** The working folder of the process. */
  cwd?: string;
  /** A command the node process runs under, e.g. ['strace', '-f', '-o', trace]. */
  wrapper?: string[];
  /** The initialize request's initializationOptions (ServerInitializationOptions). */
  initializationOptions?: unknown;
}

/** Spawns `[wrapper] node [nodeArgs] <serverJs> --stdio`, answers configuration with `settings` (default: the defaults), and initializes. */
export async function startStdioServer(serverJs = SERVER_BIN, options: StdioServerOptions = {}): Promise<StdioServer> {
  const node = [process.execPath, ...(options.nodeArgs ?? []), serverJs, '--stdio'];
  const [command, ...args] = [...(options.wrapper ?? []), ...node];
  const child = spawn(command, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', options.onStderr ? 'pipe' : 'ignore'] });
  child.stderr?.on('data', (b) => options.onStderr?.(String(b)));
  let exitCode: number | null | undefined;
  child.on('exit', (code, signal) => (exitCode = code ?? (signal ? -1 : null)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<number, (p: PublishDiagnosticsParams) => void>();
  const watchers = new Set<(p: PublishDiagnosticsParams) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const w of [...watchers]) w(p);
    const resolve = p.version === undefined ? undefined : waiting.get(p.version);
    if (resolve) {
      waiting.delete(p.version!);
      resolve(p);
    }
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((item) => (options.settingsFor ? options.settingsFor(item.section) : (options.settings ?? {}))));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', (p: { message: string }) => options.onLog?.(p.message));
  connection.listen();
  const server: StdioServer = {
    child,
    initialized: { capabilities: {} },
    exitCode: () => exitCode,
    connection,
    published: (version) => new Promise((resolve) => waiting.set(version, resolve)),
    publishedWhere: (accept) =>
      new Promise((resolve) => {
        const watch = (p: PublishDiagnosticsParams): void => {
          if (!accept(p)) return;
          watchers.delete(watch);
          resolve(p);
        };
        watchers.add(watch);
      }),
    stop: () => stopServer(child, connection),
  };
  try {
    const workspaceFolders = options.folders?.map((f, i) => ({ uri: pathToFileURL(f).toString(), name: `folder${i}` })) ?? null;
    server.initialized = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: workspaceFolders?.[0]?.uri ?? null, workspaceFolders, capabilities: { workspace: { configuration: true } }, initializationOptions: options.initializationOptions });
    await connection.sendNotification('initialized', {});
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

const MINUTES_KEY = 'total_treatment_minutes: ';

/** A ranged edit that retypes the two digits of one claim's treatment minutes, placed by version. */
export function retypeMinutes(doc: TextDocument, version: number) {
  const text = doc.getText();
  const at = text.indexOf(MINUTES_KEY, Math.floor((text.length * ((version % 7) + 1)) / 9)) + MINUTES_KEY.length;
  return { range: { start: doc.positionAt(at), end: doc.positionAt(at + 2) }, text: String(30 + (version % 60)) };
}
