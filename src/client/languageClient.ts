/**
 * Creates the LanguageClient for dist/server.js over IPC. Loaded on the server's first start
 * (controller.ts): in the bundle it is dist/languageClient.js, with vscode-languageclient.
 *
 * Decisions:
 * - The server owns both subscriptions, by dynamic registration after `initialized` (it
 *   needs them in every LSP editor): workspace/didChangeConfiguration for the `claimlint`
 *   section and workspace/didChangeWatchedFiles for .claimlintrc.{yaml,yml,json}. So the
 *   client sets neither `synchronize.configurationSection` nor `synchronize.fileEvents`:
 *   vscode-languageclient would add a second listener for each, and every settings or
 *   config-file change would reach the server twice.
 * - LSP tracing would copy whole documents (claim data) into an output channel, so the
 *   trace channel discards everything, whatever the (uncontributed) trace.server setting says.
 * - The client prefixes each line it logs ("[Info  - 1:16:35 AM] …"); our channel is a
 *   LogOutputChannel with its own level and time, so the client gets a channel that drops
 *   its prefix and logs the message at the level it names (clientLog.ts).
 * - The server's commands have ids of their own (claimlint.server.*), so the client
 *   registers them as they come, next to the extension's commands.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { clientLineRouter } from './clientLog';
import { Commands, DIAGNOSTIC_SOURCE, SECTION } from './constants';
import { offlineMarkdownLinks, offlineRuleLink, ruleDocsCommand } from './offlineLinks';
import type { ClaimDocumentFilter } from './selector';
import type { ServerStatus } from './status';
import { EXTENSION_INITIALIZATION, type ServerInitializationOptions } from '../protocol';

/** Port for `--inspect` when the extension host runs in debug mode (F5). */
const DEBUG_PORT = 6011;

/** The controller's status for a client state. */
export function statusOf(state: State): ServerStatus {
  return state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped';
}

export function isRunning(client: LanguageClient): boolean {
  return client.state === State.Running;
}

export function serverModulePath(extensionUri: vscode.Uri): string {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'server.js').fsPath;
}

export function createLanguageClient(
  extensionUri: vscode.Uri,
  output: vscode.LogOutputChannel,
  selector: readonly ClaimDocumentFilter[],
  onPublish: (uri: vscode.Uri) => void,
): LanguageClient {
  const module = serverModulePath(extensionUri);
  const docsRoot = bundledDocsRoot(extensionUri);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector.map((f) => ({ ...f })),
    diagnosticCollectionName: DIAGNOSTIC_SOURCE,
    outputChannel: levelledChannel(output),
    traceOutputChannel: discardChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // Restricted Mode turns the server's workspace-wide audit off (see onDidGrantWorkspaceTrust below).
    // The rule links are made here (ruleDocsCommand): the server sends no docs URL per diagnostic.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted, ...EXTENSION_INITIALIZATION } satisfies ServerInitializationOptions,
    // Hovers may link "show documentation" and "More" (a code's details) to the client commands; nothing else runs.
    markdown: { isTrusted: { enabledCommands: [Commands.showRuleDocs, Commands.showCodeDetails] }, supportHtml: false },
    middleware: {
      // Every publish, empty ones included: tells the controller the server has audited uri.
      // A rule's link opens its bundled page, not the repository online.
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, diagnostics.map(offlineRuleCode));
        onPublish(uri);
      },
      // Source links in hovers open the bundled docs/sources.md.
      provideHover: async (document, position, token, next) => {
        const hover = await next(document, position, token);
        return hover ? offlineHover(hover, docsRoot) : hover;
      },
    },
  };
  const client = new LanguageClient(SECTION, 'claimlint', serverOptions, clientOptions);
  return client;
}

/** The docs/ folder shipped in the extension, as a URI string (see offlineLinks.ts). */
export function bundledDocsRoot(extensionUri: vscode.Uri): string {
  return vscode.Uri.joinPath(extensionUri, 'docs').toString();
}

function offlineRuleCode(d: vscode.Diagnostic): vscode.Diagnostic {
  const code = d.code;
  if (typeof code === 'string' && d.source === DIAGNOSTIC_SOURCE) {
    const link = ruleDocsCommand(code);
    if (link) d.code = { value: code, target: vscode.Uri.parse(link, true) };
    return d;
  }
  if (!code || typeof code !== 'object') return d;
  const link = offlineRuleLink(code.target.toString(true));
  if (link) d.code = { value: code.value, target: vscode.Uri.parse(link, true) };
  return d;
}

function offlineHover(hover: vscode.Hover, docsRoot: string): vscode.Hover {
  for (const c of hover.contents) if (c instanceof vscode.MarkdownString) c.value = offlineMarkdownLinks(c.value, docsRoot);
  return hover;
}

const noop = () => undefined;

/** The extension's log as the client's output channel, one level and time per line. */
function levelledChannel(log: vscode.LogOutputChannel): vscode.OutputChannel {
  const router = clientLineRouter(log);
  return {
    name: log.name,
    append: (text) => router.append(text),
    appendLine: (text) => router.appendLine(text),
    replace: (text) => log.replace(text),
    clear: () => log.clear(),
    show: (a?: vscode.ViewColumn | boolean, b?: boolean) => log.show(typeof a === 'boolean' ? a : b),
    hide: () => log.hide(),
    dispose: noop, // the extension owns (and disposes) the log
  };
}
/** An output channel that drops everything (the LSP trace channel, see above). */
const discardChannel: vscode.OutputChannel = {
  name: 'claimlint (trace discarded)',
  append: noop,
  appendLine: noop,
  replace: noop,
  clear: noop,
  show: noop,
  hide: noop,
  dispose: noop,
};
