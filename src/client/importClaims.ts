/**
 * claimlint.importClaims ("claimlint: Import Claims…"): picks an 837P, FHIR R4 JSON or CSV
 * file (or takes the one given, e.g. from the explorer's context menu), has the language
 * server convert it (IMPORT_CLAIMS_REQUEST: the same importer as `claimlint import`, default
 * options, patient.id hashed with the documented salt; the extension host never parses it),
 * writes `<name>.claim.yaml` beside it and opens it. The file is written
 * through a temporary file renamed on success: a malformed input writes nothing. Only
 * inside the workspace: a source outside it is imported into the first workspace folder.
 * The log records counts, never paths or values.
 */
import * as vscode from 'vscode';
import { IMPORT_CLAIMS_REQUEST, MAX_IMPORT_TEXT_BYTES, type ImportClaimsParams, type ImportClaimsResult } from '../protocol';
import type { ServerController } from './controller';
import { claimFileName, isInside } from './importTarget';

/** Bad input, told to the user as is. */
class ImportProblem extends Error {}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function importClaims(log: vscode.LogOutputChannel, controller: ServerController, arg?: unknown): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showInformationMessage('claimlint: open a folder to import claims into it.');
    return undefined;
  }
  let source = arg instanceof vscode.Uri ? arg : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: 'Import Claims',
      title: 'claimlint: Import Claims (X12 837P, FHIR R4 JSON or CSV)',
      defaultUri: folders[0].uri,
      filters: { 'Claims (837P, FHIR JSON, CSV)': ['837', 'x12', 'edi', 'txt', 'dat', 'json', 'csv'], 'All files': ['*'] },
    });
    source = picked?.[0];
  }
  if (!source) return undefined;

  const name = source.path.slice(source.path.lastIndexOf('/') + 1);
  const inWorkspace = folders.find((f) => f.uri.scheme === source.scheme && isInside(source.path, f.uri.path));
  const dir = inWorkspace ? vscode.Uri.joinPath(source, '..') : folders[0].uri;

  let yaml: string;
  let count: number;
  try {
    // Stat before reading: only a regular file within the import limit (docs/limits.md).
    const st = await vscode.workspace.fs.stat(source);
    if (st.type & vscode.FileType.Directory || !(st.type & vscode.FileType.File)) throw new ImportProblem('not a regular file');
    if (st.size > MAX_IMPORT_TEXT_BYTES) throw new ImportProblem(`larger than ${MAX_IMPORT_TEXT_BYTES / 1024 / 1024} MB, claimlint's limit for an import in the editor`);
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source));
    const client = await controller.start().catch(() => {
      throw new ImportProblem('the claimlint language server did not start');
    });
    const params: ImportClaimsParams = { name, text };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `claimlint: importing ${name}…` },
      () => client.sendRequest<ImportClaimsResult>(IMPORT_CLAIMS_REQUEST, params),
    );
    if (!result.ok) throw new ImportProblem(result.message);
    yaml = result.yaml;
    count = result.count;
    for (const w of result.warnings) void vscode.window.showWarningMessage(`claimlint: ${name}: ${w}`);
  } catch (err) {
    const message = err instanceof ImportProblem ? err.message : 'cannot read or convert the file';
    log.warn(`import: failed (${err instanceof ImportProblem ? 'refused' : 'read or request error'}); nothing written`);
    void vscode.window.showErrorMessage(`claimlint: ${name}: ${message}; nothing written.`);
    return undefined;
  }

  const taken = new Set<string>();
  for (const [entry] of await vscode.workspace.fs.readDirectory(dir)) taken.add(entry);
  const targetName = claimFileName(name, (n) => taken.has(n));
  const target = vscode.Uri.joinPath(dir, targetName);
  const temp = vscode.Uri.joinPath(dir, `.${targetName}.${Date.now().toString(36)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(yaml));
    if (await exists(target)) throw new Error('the target appeared meanwhile');
    await vscode.workspace.fs.rename(temp, target, { overwrite: false });
  } catch {
    try {
      await vscode.workspace.fs.delete(temp);
    } catch {
      /* never written */
    }
    log.warn('import: could not write the claim file; nothing written');
    void vscode.window.showErrorMessage(`claimlint: cannot write ${targetName}; nothing written.`);
    return undefined;
  }
  log.info(`import: ${count} claims written`);
  await vscode.window.showTextDocument(target, { preview: false });
  void vscode.window.showInformationMessage(`claimlint: ${count} claim${count === 1 ? '' : 's'} imported into ${targetName}.`);
  return target;
}
