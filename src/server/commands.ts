/**
 * workspace/executeCommand: fix all (claimlint.applyFixAll), one fix from a code lens
 * (claimlint.applyFix), the workspace audit (claimlint.auditWorkspace) and the audit
 * summary's data (claimlint.auditSummaryData).
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCodes, ResponseError, type Connection, type TextDocuments, type WorkspaceEdit } from 'vscode-languageserver';
import { audit, collectClaims, type LocatedFinding, type ResolvedConfig } from '../core';
import type { DocumentContexts } from './documentContext';
import { SERVER_COMMANDS, type ApplyResult, type AuditSummaryData, type WorkspaceAuditResult } from './protocol';
import type { ClaimLanguageService } from './service';
import { toDiagnostic } from './service/diagnostics';

export interface CommandDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: ClaimLanguageService;
  contexts: DocumentContexts;
  folders: () => readonly string[];
  /** Remember a URI published by the workspace audit (to clear it later). */
  published: (uri: string) => void;
}

const IGNORE = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**'];

export function registerCommands(deps: CommandDeps): void {
  deps.connection.onExecuteCommand(async (params) => {
    const args = params.arguments ?? [];
    try {
      switch (params.command) {
        case SERVER_COMMANDS.applyFixAll:
          return await applyFixAll(deps, args[0], args[1]);
        case SERVER_COMMANDS.applyFix:
          return await applyFix(deps, args);
        case SERVER_COMMANDS.auditWorkspace:
          return await auditWorkspace(deps);
        case SERVER_COMMANDS.auditSummaryData:
          return await auditSummaryData(deps, args[0]);
        default:
          return null;
      }
    } catch (err) {
      // The error's name only: a message could quote claim text.
      deps.connection.console.error(`${params.command} failed: ${err instanceof Error ? err.name : 'error'}`);
      throw new ResponseError(ErrorCodes.InternalError, `${params.command} failed; see the claimlint log.`);
    }
  });
}

async function openDocument(deps: CommandDeps, uri: unknown, version: unknown): Promise<{ doc: TextDocument; reason?: undefined } | { doc?: undefined; reason: ApplyResult['reason'] }> {
  const doc = typeof uri === 'string' ? deps.documents.get(uri) : undefined;
  if (!doc) return { reason: 'not-open' };
  if (typeof version === 'number' && version !== doc.version) return { reason: 'outdated-version' };
  return { doc };
}

async function apply(deps: CommandDeps, label: string, edit: WorkspaceEdit, fixes: number): Promise<ApplyResult> {
  const r = await deps.connection.workspace.applyEdit({ label, edit });
  return r.applied ? { applied: true, fixes } : { applied: false, fixes: 0, reason: 'rejected' };
}

async function applyFixAll(deps: CommandDeps, uri: unknown, version: unknown): Promise<ApplyResult> {
  const { doc, reason } = await openDocument(deps, uri, version);
  if (!doc) return { applied: false, fixes: 0, reason };
  const ctx = await deps.contexts.get(doc.uri);
  if (!ctx.active) return { applied: false, fixes: 0, reason: 'disabled' };
  const started = Date.now();
  const fixed = deps.service.fixAllEdit(doc, ctx.config);
  if (!fixed) return { applied: false, fixes: 0, reason: 'nothing-to-fix' };
  deps.connection.console.log(`fix all: ${fixed.fixes} fixes computed in ${Date.now() - started} ms`);
  for (const title of fixed.dropped) deps.connection.console.warn(`fix all: fix "${title}" left out: it would make the YAML unreadable`);
  return apply(deps, 'claimlint: fix all', fixed.edit, fixed.fixes);
}

async function applyFix(deps: CommandDeps, args: unknown[]): Promise<ApplyResult> {
  const [uri, version, rule, fixId, line] = args;
  const { doc, reason } = await openDocument(deps, uri, version);
  if (!doc) return { applied: false, fixes: 0, reason };
  if (typeof rule !== 'string' || typeof fixId !== 'string' || typeof line !== 'number') return { applied: false, fixes: 0, reason: 'not-found' };
  const ctx = await deps.contexts.get(doc.uri);
  if (!ctx.active) return { applied: false, fixes: 0, reason: 'disabled' };
  const edit = deps.service.fixEdit(doc, ctx.config, rule, fixId, line);
  if (!edit) return { applied: false, fixes: 0, reason: 'not-found' };
  return apply(deps, `claimlint: fix ${rule}`, edit, 1);
}

interface AuditedFile {
  uri: string;
  /** Path relative to its workspace folder, with forward slashes. */
  relative: string;
  open?: TextDocument;
  text: string;
  config: ResolvedConfig;
  findings: LocatedFinding[];
}

/**
 * Every enabled claim file under the workspace folders (or only the file or folder `only`),
 * audited: open documents as edited, others as saved. Calls `unreadable` for a file that
 * cannot be read.
 */
async function* auditedClaimFiles(deps: CommandDeps, unreadable: () => void, only?: string): AsyncGenerator<AuditedFile> {
  const seen = new Set<string>();
  for (const folder of deps.folders()) {
    const folderCtx = await deps.contexts.get(pathToFileURL(`${folder}/.claimlint-folder`).toString());
    if (!folderCtx.settings.enable) continue;
    const patterns = ['**/*.claim.yaml', '**/*.claim.yml', ...folderCtx.config.files];
    const files = await glob(patterns, { cwd: folder, absolute: true, ignore: IGNORE, dot: false });
    for (const file of files.sort()) {
      const uri = pathToFileURL(file).toString();
      if (seen.has(uri) || (only !== undefined && uri !== only && !uri.startsWith(only.endsWith('/') ? only : only + '/'))) continue;
      seen.add(uri);
      const open = deps.documents.get(uri);
      let text: string;
      try {
        text = open ? open.getText() : await readFile(file, 'utf8');
      } catch {
        unreadable();
        continue;
      }
      const ctx = await deps.contexts.get(uri);
      if (!ctx.settings.enable) continue;
      const findings = open ? deps.service.audit(open, ctx.config).findings : audit(text, { config: ctx.config, cache: deps.service.cache }).findings;
      const relative = file.startsWith(folder) ? file.slice(folder.length).replace(/\\/g, '/').replace(/^\//, '') : file;
      yield { uri, relative, open, text, config: ctx.config, findings };
    }
  }
}

async function auditWorkspace(deps: CommandDeps): Promise<WorkspaceAuditResult> {
  const started = Date.now();
  const result: WorkspaceAuditResult = { files: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0, millis: 0 };
  for await (const { uri, open, text, findings } of auditedClaimFiles(deps, () => result.unreadable++)) {
    const doc = open ?? TextDocument.create(uri, 'yaml', 0, text);
    result.files++;
    for (const f of findings) {
      if (f.severity === 'error') result.errors++;
      else if (f.severity === 'warning') result.warnings++;
      else result.infos++;
    }
    await deps.connection.sendDiagnostics({ uri, version: open?.version, diagnostics: findings.map((f) => toDiagnostic(doc, f)) });
    if (!open) deps.published(uri);
  }
  result.millis = Date.now() - started;
  deps.connection.console.info(
    `workspace audit: ${result.files} files, ${result.errors} errors, ${result.warnings} warnings, ${result.infos} infos in ${result.millis} ms`,
  );
  return result;
}

/**
 * The Audit Summary's data: each claim file's claims (without patient ids) and findings
 * (without fixes). Argument: { uri?: string } — a file or folder of the workspace, or all of it.
 */
async function auditSummaryData(deps: CommandDeps, arg: unknown): Promise<AuditSummaryData> {
  const started = Date.now();
  const only = arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string' ? (arg as { uri: string }).uri : undefined;
  const result: AuditSummaryData = { files: [], unreadable: 0 };
  for await (const f of auditedClaimFiles(deps, () => result.unreadable++, only)) {
    result.files.push({
      uri: f.uri,
      path: f.relative,
      claims: collectClaims(f.text, f.config).map((c) => ({ ...c, patientId: undefined })),
      findings: f.findings.map(({ rule, severity, message, document, path, range }) => ({ rule, severity, message, document, path, range })),
    });
  }
  deps.connection.console.info(`audit summary: ${result.files.length} files in ${Date.now() - started} ms`);
  return result;
}
