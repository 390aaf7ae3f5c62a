/**
 * Identifiers shared by the extension's modules, the manifest (package.json) and the
 * language server. Pure: no `vscode` import, so the unit tests can read it.
 */

import { CLAIM_FILE_GLOB, CLIENT_COMMANDS, CONFIG_FILE_GLOB, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, isConfigFileName, SERVER_COMMANDS, SETTINGS_SECTION } from '../protocol';

/** Settings section (`claimlint.*`); also the client id. */
export const SECTION = SETTINGS_SECTION;
export { CONFIG_FILE_GLOB, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, isConfigFileName };

/** Claim files by name (src/protocol/claimFiles.ts). `claimlint.files` adds more globs. */
export { CLAIM_FILE_GLOB };

/** Commands the extension contributes and registers (package.json contributes.commands). */
export const Commands = {
  restartServer: 'claimlint.restartServer',
  fixAll: 'claimlint.fixAll',
  auditWorkspace: 'claimlint.auditWorkspace',
  showOutput: 'claimlint.showOutput',
  showRuleDocs: CLIENT_COMMANDS.showRuleDocs,
  showAuditSummary: CLIENT_COMMANDS.showAuditSummary,
  showStatusMenu: 'claimlint.showStatusMenu',
  importClaims: 'claimlint.importClaims',
  showCodeDetails: CLIENT_COMMANDS.showCodeDetails,
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/**
 * `workspace/executeCommand` commands the language server implements (claimlint.server.*,
 * never an id the extension contributes: the client command claimlint.auditWorkspace wraps
 * the server's claimlint.server.auditWorkspace with UI).
 */
export const ServerCommands = {
  auditWorkspace: SERVER_COMMANDS.auditWorkspace,
  applyFixAll: SERVER_COMMANDS.applyFixAll,
  auditSummaryData: SERVER_COMMANDS.auditSummaryData,
  codeDetails: SERVER_COMMANDS.codeDetails,
} as const;

/** Context keys the extension sets, used in package.json `when` clauses. */
export const ContextKeys = {
  activeClaimFile: 'claimlint.activeClaimFile',
} as const;

/** Id of the status bar item (lets users hide it from the status bar's context menu). */
export const STATUS_ITEM_ID = 'claimlint.status';

/** View type of the Audit Summary webview panel. */
export const AUDIT_SUMMARY_VIEW_TYPE = 'claimlint.auditSummary';

/** VS Code's own commands the extension runs. */
/** The LSP method that runs a server command (vscode-languageclient's ExecuteCommandRequest.method, written here so that the commands need not load the client library). */
export const EXECUTE_COMMAND_METHOD = 'workspace/executeCommand';

export const BuiltinCommands = {
  showProblems: 'workbench.actions.view.problems',
  openSettings: 'workbench.action.openSettings',
  markdownPreview: 'markdown.showPreview',
  executeCodeActions: 'vscode.executeCodeActionProvider',
  setContext: 'setContext',
} as const;
