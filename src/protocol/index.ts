/**
 * Identifiers shared by the language server and its clients: the settings section, the
 * server-side commands (workspace/executeCommand) and the client-side command the server's
 * code actions refer to. Plain constants and types (a type-only import, erased when
 * built): the VS Code client may import this.
 */
import type { PatientSummary, PayerFigures, ReportClaim, ReportFinding } from '../report';
import { CONFIG_FILE_NAMES, LIMITS } from '../core/lite';

export { CLAIM_FILE_GLOB, CLAIM_FILE_GLOBS, IGNORED_FOLDERS, isClaimFileName, isRemitCandidateName, REMIT_CANDIDATE_GLOB, REMIT_CANDIDATE_GLOBS } from './claimFiles';

/** workspace/configuration section; validated with settingsSchema (src/core/config/settings.ts). */
export const SETTINGS_SECTION = 'claimlint';

/** Diagnostic.source of every claimlint diagnostic. */
export const DIAGNOSTIC_SOURCE = 'claimlint';

/** Code action kind of the fix-on-save action ("editor.codeActionsOnSave"). */
export const FIX_ALL_KIND = 'source.fixAll.claimlint';

/**
 * Commands the server executes (listed in executeCommandProvider), in their own namespace
 * (claimlint.server.*): vscode-languageclient registers each as a VS Code command, so none may
 * share an id with a command the extension contributes (claimlint.*).
 */
export const SERVER_COMMANDS = {
  /** Arguments: [uri: string, version?: number]. Applies every preferred fix of the document. */
  applyFixAll: 'claimlint.server.applyFixAll',
  /** Arguments: [uri, version, ruleId, fixId, line]. Applies one fix of one finding (code lens). */
  applyFix: 'claimlint.server.applyFix',
  /** No arguments. Audits every claim file under the workspace folders and publishes diagnostics. */
  auditWorkspace: 'claimlint.server.auditWorkspace',
  /**
   * Arguments: [{ uri?: string }]. Audits the workspace's claim files (or those of one file or folder) and
   * returns AuditSummaryData for the Audit Summary view; publishes nothing.
   */
  auditSummaryData: 'claimlint.server.auditSummaryData',
  /**
   * Arguments: [uri: string, position: Position]. The full explanation of the code under
   * the position (meaning, timing, payment, edits, notes, sources) as Markdown, or null:
   * what the hover's "More" link opens.
   */
  codeDetails: 'claimlint.server.codeDetails',
} as const;

/**
 * initializationOptions the server reads. `workspaceTrusted: false` (VS Code's Restricted
 * Mode) turns the workspace-wide audit off; the notification below turns it back on.
 */
export interface ServerInitializationOptions {
  workspaceTrusted?: boolean;
  /**
   * 'client': the client links each diagnostic's code to its rule's page itself (claimlint's
   * VS Code extension opens the bundled page): diagnostics are sent without `codeDescription`.
   * Any other client gets the online page's link in every diagnostic.
   */
  ruleLinks?: 'client';
}

/** What claimlint's VS Code extension asks of the server besides trust (src/client/languageClient.ts; the bench's client asks the same). */
export const EXTENSION_INITIALIZATION = { ruleLinks: 'client' } as const satisfies ServerInitializationOptions;

/** Client → server notification: the user trusted the workspace (no params). */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'claimlint/workspaceTrusted';

/**
 * Request (client → server): convert the text of an import source (X12 837P, FHIR R4 JSON or
 * CSV) to claim YAML with the importer of `claimlint import` (patient.id hashed). The server
 * does the work, so a big 837 never blocks the extension host; the client reads and writes
 * the files. Params: ImportClaimsParams; result: ImportClaimsResult (never an error reply
 * for bad input: `ok: false` and a message fit for the user).
 */
export const IMPORT_CLAIMS_REQUEST = 'claimlint/importClaims';

/** The most text an import from the editor may send: the claim-file limit (docs/limits.md). */
export const MAX_IMPORT_TEXT_BYTES = LIMITS.MAX_FILE_BYTES;

export interface ImportClaimsParams {
  /** The source's file name (for the YAML's header comment). */
  name: string;
  text: string;
}

export type ImportClaimsResult = { ok: true; yaml: string; count: number; warnings: string[] } | { ok: false; message: string };

/** Commands the client implements; the server only refers to them in code actions. */
export const CLIENT_COMMANDS = {
  /** Arguments: [ruleId: string, href: string]. Opens the rule's documentation page. */
  showRuleDocs: 'claimlint.showRuleDocs',
  /** Arguments: [uri: string, position: Position]. Opens the full explanation of the code there (claimlint.codeDetails). */
  showCodeDetails: 'claimlint.showCodeDetails',
  /** No arguments. Opens the Audit Summary (its per-patient view): what the accrual code lens runs. */
  showAuditSummary: 'claimlint.showAuditSummary',
} as const;

/**
 * Where the repository's documentation lives online: the server and the CLI link rule pages
 * (docs/rules/<id>.md) and sources (docs/sources.md) below it. The extension ships the same
 * pages and points these links at its own copies (src/client/offlineLinks.ts), so nothing
 * needs a network. test/unit/shippedLinks.test.ts checks the core's URLs start with it.
 */
export const ONLINE_DOCS_BASE = 'https://github.com/claimlint/claimlint/blob/main/docs/';

/** The data carried by every claimlint Diagnostic; code actions match on it, never on text. */
export interface ClaimDiagnosticData {
  rule: string;
  /** Ids of the finding's fixes, in order. */
  fixes: string[];
  /** Document version the diagnostic was computed for. */
  version: number;
}

/** Result of claimlint.auditWorkspace. */
export interface WorkspaceAuditResult {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Files that could not be read. */
  unreadable: number;
  millis: number;
  /** Files left out: outside the workspace folder (symlink, `..` glob), not regular, too large. */
  skipped?: number;
  /** Not run: the workspace is not trusted (VS Code's Restricted Mode). */
  restricted?: true;
}

/** Result of claimlint.auditSummaryData: plain data (no patient ids, no fixes). */
export interface AuditSummaryData {
  files: {
    uri: string;
    /** Relative to its workspace folder. */
    path: string;
    claims: ReportClaim[];
    findings: ReportFinding[];
  }[];
  /**
   * The per-patient view (issue 23): each patient with a claim in these files, named
   * "Patient 1", …; visits by claim id and file (`fileLabel` is a `files[].path` when the
   * visit's file is among them). Never a patient id.
   */
  patients?: PatientSummary[];
  unreadable: number;
  /** Not run: the workspace is not trusted (VS Code's Restricted Mode). */
  restricted?: true;
  /** The "Payer decisions" section: what the workspace's 835s said about these claim files (issue 27); absent when it holds none. */
  payer?: PayerFigures;
}

/** Result of claimlint.applyFixAll / claimlint.applyFix. */
export interface ApplyResult {
  applied: boolean;
  /** Number of fixes in the edit (0 when nothing was fixable or the version was outdated). */
  fixes: number;
  /** Why nothing was applied, when nothing was. */
  reason?: 'not-open' | 'outdated-version' | 'nothing-to-fix' | 'not-found' | 'rejected' | 'disabled';
}

/** The .claimlintrc files (the core's CONFIG_FILE_NAMES): watched by the server, and opened by the client so their problems show in them. */
export const CONFIG_FILE_GLOB = `**/.claimlintrc.{${CONFIG_FILE_NAMES.map((name) => name.replace(/^\.claimlintrc\./, '')).join(',')}}`;

/** Whether a path names a .claimlintrc file. */
export function isConfigFileName(path: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
}
