/**
 * The connection's lifecycle: initialize (what the client can do, the workspace folders and
 * trust, this server's capabilities) and initialized (dynamic registrations: config-file and
 * 835 watchers and settings; workspace folder changes; the first read of the 835s and index).
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { uriToPath } from './claimFiles';
import { CONFIG_FILE_GLOB, FIX_ALL_KIND, REMIT_CANDIDATE_GLOB, SERVER_COMMANDS, SETTINGS_SECTION, type ServerInitializationOptions } from '../protocol';
import type { ServerActions, Session } from './session';
import { setRuleLinksInDiagnostics } from '../service/diagnostics';

export const CONFIG_WATCH_GLOB = CONFIG_FILE_GLOB;

export function registerLifecycle(session: Session, actions: ServerActions): void {
  const { connection } = session;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.capabilities = params.capabilities;
    session.folders = foldersOf(params);
    const options = params.initializationOptions as ServerInitializationOptions | undefined;
    session.trusted = options?.workspaceTrusted !== false;
    setRuleLinksInDiagnostics(options?.ruleLinks !== 'client');
    session.service.setDocumentChanges(session.capabilities.workspace?.workspaceEdit?.documentChanges === true);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', '[', ',', '"'], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'claimlint-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    const { capabilities } = session;
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_WATCH_GLOB }] });
      // The 835 candidates (their content decides): the payer's decisions follow them on disk.
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: REMIT_CANDIDATE_GLOB }] });
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        session.folders = [...session.folders.filter((f) => !removed.has(f)), ...e.added.flatMap((f) => uriToPath(f.uri) ?? [])];
        session.contexts.reset();
        actions.revalidateAll();
        actions.remitsChanged(session.remits.rebuild());
        actions.reindex();
      });
    }
    actions.remitsChanged(session.remits.rebuild());
    actions.reindex();
    connection.console.info(`claimlint language server ready (${session.folders.length} workspace folders${session.trusted ? '' : '; Restricted Mode: no workspace audit'})`);
  });
}

function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.flatMap((u) => uriToPath(u) ?? []);
}
