/**
 * workspace/executeCommand: fix all (claimlint.applyFixAll), one fix from a code lens
 * (claimlint.applyFix), the workspace audit (claimlint.auditWorkspace), the audit
 * summary's data (claimlint.auditSummaryData) and a code's full explanation
 * (claimlint.codeDetails, the hover's "More").
 */
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCodes, ResponseError, type Connection, type TextDocuments, type WorkspaceEdit } from 'vscode-languageserver';
import { analyze, type Analysis, type LocatedFinding, type ResolvedConfig } from '../core';
import { collectClaims, payerFigures, reportFindings, type ReportClaim } from '../report';
import type { DocumentContexts } from './documentContext';
import { CLAIM_FILE_GLOBS, IGNORED_FOLDERS, SERVER_COMMANDS, type ApplyResult, type AuditSummaryData, type WorkspaceAuditResult } from '../protocol';
import type { PatientSummary } from '../report';
import type { ClaimLanguageService } from '../service';
import { toDiagnostic } from '../service/diagnostics';
import { isWithin, readClaimFile, realFolder } from '../node/claimFileAccess';
import type { PayerDecisions } from './payerDecisions';

export interface CommandDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: ClaimLanguageService;
  contexts: DocumentContexts;
  folders: () => readonly string[];
  /** Remember a URI published by the workspace audit (to clear it later). */
  published: (uri: string) => void;
  /** False in VS Code's Restricted Mode (an untrusted folder): no workspace-wide reading. */
  trusted: () => boolean;
  /** The payer's decisions from the workspace's 835s (issue 27). */
  payer: PayerDecisions;
  /** A file's findings with the cross-claim findings of its claims (other claims of the same patients); `published`: about to be published. */
  withCross: (uri: string, own: LocatedFinding[], published: boolean) => LocatedFinding[];
  /** Index these unopened files as they are on disk now (the watcher's news may lag behind). */
  syncIndex: (uris: readonly string[]) => Promise<void>;
  /** The per-patient view of the workspace's claims (see AuditSummaryData.patients). */
  patients: (fileOrder: readonly string[], only?: (file: string) => boolean) => Promise<PatientSummary[]>;
}


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
          if (!deps.trusted()) return restricted(deps, { files: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0, millis: 0, restricted: true });
          return await auditWorkspace(deps);
        case SERVER_COMMANDS.auditSummaryData:
          if (!deps.trusted()) return restricted(deps, { files: [], unreadable: 0, restricted: true });
          return await auditSummaryData(deps, args[0]);
        case SERVER_COMMANDS.codeDetails:
          return await codeDetails(deps, args[0], args[1]);
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

function restricted<T>(deps: CommandDeps, result: T): T {
  deps.connection.console.info('workspace audit: not run in Restricted Mode (the workspace is not trusted)');
  return result;
}

/** The hover's "More": the full explanation of the code at a position of an open claim file. */
async function codeDetails(deps: CommandDeps, uri: unknown, position: unknown): Promise<string | null> {
  const doc = typeof uri === 'string' ? deps.documents.get(uri) : undefined;
  const p = position as { line?: unknown; character?: unknown } | null | undefined;
  if (!doc || typeof p?.line !== 'number' || typeof p.character !== 'number') return null;
  const ctx = await deps.contexts.get(doc.uri);
  if (!ctx.active) return null;
  return deps.service.codeDetails(doc, { line: p.line, character: p.character }, ctx.config);
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
  /** The one pipeline run of the file: its findings, and the claims the Audit Summary counts. */
  analysis: Analysis;
  findings: LocatedFinding[];
}

/**
 * Every enabled claim file under the workspace folders (or only the file or folder `only`),
 * audited: open documents as edited, others as saved. Only regular files whose realpath is
 * below the folder's realpath (a config's `files: ["../x/*", "/etc/*"]` or a symlink out
 * reaches nothing outside), at most the file-size limit. Calls `unreadable` for a file that
 * cannot be read and `skipped` for one left out (outside, not regular, too large).
 */
async function* auditedClaimFiles(deps: CommandDeps, publishing: boolean, unreadable: () => void, only?: string, skipped: (why: string) => void = () => undefined): AsyncGenerator<AuditedFile> {
  const seen = new Set<string>();
  for (const folder of deps.folders()) {
    const root = realFolder(folder);
    if (!root) continue;
    const folderCtx = await deps.contexts.get(pathToFileURL(`${folder}/.claimlint-folder`).toString());
    if (!folderCtx.settings.enable) continue;
    // The same names and ignored folders as the CLI's folder search (src/node/discovery.ts).
    const patterns = [...CLAIM_FILE_GLOBS, ...folderCtx.config.files];
    const files = await glob(patterns, { cwd: folder, absolute: true, ignore: [...IGNORED_FOLDERS], dot: false });
    // The cross-claim findings read the workspace index: bring it up to date with these files first.
    const inScope = (uri: string): boolean => only === undefined || uri === only || uri.startsWith(only.endsWith('/') ? only : only + '/');
    await deps.syncIndex(files.map((f) => pathToFileURL(f).toString()).filter(inScope));
    for (const file of files.sort()) {
      const uri = pathToFileURL(file).toString();
      if (seen.has(uri) || (only !== undefined && uri !== only && !uri.startsWith(only.endsWith('/') ? only : only + '/'))) continue;
      seen.add(uri);
      if (!isWithin(root, file)) {
        skipped('outside the workspace folder');
        continue;
      }
      const open = deps.documents.get(uri);
      let text: string;
      try {
        if (open) text = open.getText();
        else {
          const read = readClaimFile(file);
          if ('skip' in read) {
            skipped(read.skip.replace(/; skipped$/, ''));
            continue;
          }
          text = read.text;
        }
      } catch {
        unreadable();
        continue;
      }
      const ctx = await deps.contexts.get(uri);
      if (!ctx.settings.enable) continue;
      const analysis = open ? deps.service.analysis(open, ctx.config) : analyze(text, { config: ctx.config, cache: deps.service.cache, data: deps.service.dataFor(ctx.config) });
      const findings = deps.withCross(uri, analysis.findings, publishing);
      const relative = file.startsWith(folder) ? file.slice(folder.length).replace(/\\/g, '/').replace(/^\//, '') : file;
      yield { uri, relative, open, text, config: ctx.config, analysis, findings };
    }
  }
}

async function auditWorkspace(deps: CommandDeps): Promise<WorkspaceAuditResult> {
  const started = Date.now();
  const result: WorkspaceAuditResult = { files: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0, millis: 0 };
  const skips = new Map<string, number>();
  const skipped = (why: string) => skips.set(why, (skips.get(why) ?? 0) + 1);
  await deps.payer.ready();
  for await (const { uri, open, text, analysis, findings } of auditedClaimFiles(deps, true, () => result.unreadable++, undefined, skipped)) {
    const doc = open ?? TextDocument.create(uri, 'yaml', 0, text);
    result.files++;
    for (const f of findings) {
      if (f.severity === 'error') result.errors++;
      else if (f.severity === 'warning') result.warnings++;
      else result.infos++;
    }
    // The payer's decisions go with the findings (an open document's are remembered for its version).
    const payer = open ? deps.payer.update(open, analysis, findings) : deps.payer.diagnosticsOf(doc, analysis, findings);
    await deps.connection.sendDiagnostics({ uri, version: open?.version, diagnostics: [...findings.map((f) => toDiagnostic(doc, f)), ...payer] });
    if (!open) deps.published(uri);
  }
  result.millis = Date.now() - started;
  for (const [why, n] of skips) deps.connection.console.warn(`workspace audit: ${n} file${n === 1 ? '' : 's'} skipped: ${why}`);
  const skippedCount = [...skips.values()].reduce((a, b) => a + b, 0);
  if (skippedCount) result.skipped = skippedCount;
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
  await deps.payer.ready();
  const joined: { path: string; claims: ReportClaim[]; findings: LocatedFinding[] }[] = [];
  for await (const f of auditedClaimFiles(deps, false, () => result.unreadable++, only)) {
    // From the analysis the findings came from; priced with the file's data packs and
    // locality, as its hovers and code lenses are.
    const claims = collectClaims(f.analysis);
    result.files.push({
      uri: f.uri,
      path: f.relative,
      claims: claims.map((c) => ({ ...c, patientId: undefined })),
      findings: reportFindings(f.findings),
    });
    joined.push({ path: f.relative, claims, findings: f.findings });
  }
  // The 835s joined to the same claims and findings, as `claimlint remit --format html` does.
  const report = deps.payer.report(joined, only !== undefined);
  if (report) result.payer = payerFigures(report);
  const shown = new Set(result.files.map((f) => f.uri));
  result.patients = await deps.patients(
    result.files.map((f) => f.uri),
    only === undefined ? undefined : (file) => shown.has(file),
  );
  deps.connection.console.info(`audit summary: ${result.files.length} files, ${result.patients.length} patients in ${Date.now() - started} ms`);
  return result;
}
