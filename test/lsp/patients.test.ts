/**
 * A patient's claims across the workspace, in the editor (issue 23 item 3), through the
 * language server over a real connection: the workspace index reads unopened claim files
 * (with the CLI's discovery rules), a finding that depends on another claim points at it
 * (relatedInformation, in another file), an edit publishes again the other files whose
 * findings it changed (open or not) and only those, the code lens shows the accrual, and no
 * patient id appears anywhere.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { CLAIM_FILE_GLOB, SERVER_COMMANDS, type AuditSummaryData } from '../../src/protocol';
import { TestClient } from './support/harness';
import { claimsFile, type ClaimSpec } from '../support/claims';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const HEADER = '# claimlint-disable-file documentation-missing, documentation-weak, goal-not-measurable, exercise-vs-activity\n';
const PATIENT = 'PAT-SECRET-4711';

/** One claim list item: a 97110 line whose $-amount is its charge (the charge caps the fee). */
const visit = (o: { id: string; date: string; patient?: string; ytd?: number; units?: number; charge?: number; kx?: boolean }): ClaimSpec => ({
  id: o.id,
  date: o.date,
  patient: o.patient ?? PATIENT,
  ytd: o.ytd === undefined ? undefined : { pt_slp: o.ytd.toFixed(2) },
  plan: false,
  lines: [{ code: '97110', modifiers: o.kx ? ['GP', 'KX'] : ['GP'], units: o.units ?? 1, minutes: (o.units ?? 1) * 15, charge: (o.charge ?? 25).toFixed(2) }],
});
const file = (...claims: ClaimSpec[]): string => claimsFile(claims, { header: HEADER });

/** a: the year's first visit (baseline 2,400 + 25 = 2,425). b: the next visit, 60 more, crosses $2,480 without KX. */
const A_TEXT = file(visit({ id: 'V-1', date: '2026-02-02', ytd: 2400 }));
const A_LOW = file(visit({ id: 'V-1', date: '2026-02-02', ytd: 100 }));
const B_TEXT = file(visit({ id: 'V-2', date: '2026-02-09', units: 3, charge: 60 }));
/** Another patient only: never a dependant of edits to a. */
const C_TEXT = file(visit({ id: 'W-1', date: '2026-02-03', patient: 'PAT-OTHER-0815', ytd: 2400 }));

const kxMissing = (p: PublishDiagnosticsParams | undefined): Diagnostic | undefined => p?.diagnostics.find((d) => d.code === 'kx-accrual-missing');

describe('lsp: a patient across the workspace', () => {
  let root: string;
  /** The workspace folder, inside `root` (so a glob can reach out of it to a file of ours). */
  let dir: string;
  let client: TestClient | undefined;
  const uri = (name: string): string => pathToFileURL(join(dir, name)).toString();

  beforeEach(() => {
    root = makeTmpDir('patients');
    dir = join(root, 'ws');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.claim.yaml'), A_TEXT);
    mkdirSync(join(dir, 'later'));
    writeFileSync(join(dir, 'later', 'b.claim.yaml'), B_TEXT);
    writeFileSync(join(dir, 'c.claim.yaml'), C_TEXT);
  });
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    removeTmpDir(root);
  });

  async function start(options: { initializationOptions?: unknown } = {}): Promise<TestClient> {
    client = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }], ...options });
    return client;
  }
  const indexed = (c: TestClient, after = 0) =>
    c.waitFor(() => c.logs.slice(after).find((l) => /^workspace index: \d+ claim files/.test(l.message))?.message, 'the workspace index');

  it('a finding that depends on an unopened file points at its claim there', async () => {
    const c = await start();
    assert.match(await indexed(c), /^workspace index: 3 claim files, 3 claims in \d+ ms \(finding \d+ ms, waiting for settings and reads \d+ ms\)$/);
    c.open(uri('later/b.claim.yaml'), B_TEXT);
    const published = await c.waitForDiagnostics(uri('later/b.claim.yaml'), (p) => kxMissing(p) !== undefined);
    const d = kxMissing(published)!;
    assert.equal(d.range.start.line, B_TEXT.split('\n').findIndex((l) => l.includes('modifiers: [GP]')));
    assert.ok(d.relatedInformation?.length, JSON.stringify(d));
    const a = d.relatedInformation!.find((r) => r.location.uri === uri('a.claim.yaml'));
    assert.ok(a, JSON.stringify(d.relatedInformation));
    // V-1's place in a.claim.yaml (an unopened file, read from disk).
    const aLines = A_TEXT.split('\n');
    assert.ok(a.location.range.start.line >= aLines.findIndex((l) => l.includes('id: V-1')) && a.location.range.start.line < aLines.length, JSON.stringify(a));
    assert.ok(a.message.length > 0);
    // The other patient's file is never published: nothing there depends on b.
    assert.equal(c.publishedFor(uri('c.claim.yaml')).length, 0);
  });

  it('an edit publishes again the unopened file whose findings it changed, and only that one', async () => {
    writeFileSync(join(dir, 'a.claim.yaml'), A_LOW);
    const c = await start();
    await indexed(c);
    const a = uri('a.claim.yaml');
    const b = uri('later/b.claim.yaml');
    c.open(a, A_LOW);
    await c.waitForDiagnostics(a);
    assert.equal(c.publishedFor(b).length, 0, 'b has nothing new to say yet');
    // Raise the baseline: V-2 in the unopened b now crosses the threshold without KX.
    const before = c.diagnostics.length;
    const v2 = c.change(a, A_TEXT);
    await c.waitForDiagnostics(a, (p) => p.version === v2, before);
    const again = await c.waitForDiagnostics(b, (p) => kxMissing(p) !== undefined, before);
    assert.equal(again.version, undefined, 'an unopened file has no version');
    assert.equal(kxMissing(again)!.relatedInformation?.[0]?.location.uri, a);
    // Back down: b is published again without the finding.
    const mid = c.diagnostics.length;
    c.change(a, A_LOW);
    const cleared = await c.waitForDiagnostics(b, () => true, mid);
    assert.equal(kxMissing(cleared), undefined, JSON.stringify(cleared.diagnostics.map((d) => d.code)));
    // An edit that changes nothing across claims publishes nothing elsewhere.
    const quiet = c.diagnostics.length;
    const v4 = c.change(a, A_LOW.replace('units: 1', 'units: 1 '));
    await c.waitForDiagnostics(a, (p) => p.version === v4, quiet);
    await c.request('textDocument/hover', { textDocument: { uri: a }, position: { line: 0, character: 0 } });
    assert.deepEqual(
      c.diagnostics.slice(quiet).map((p) => p.uri).filter((u) => u !== a),
      [],
    );
    assert.equal(c.publishedFor(uri('c.claim.yaml')).length, 0, 'the other patient is never a dependant');
  });

  it('an edit republishes an open dependant at its own version, in another file', async () => {
    writeFileSync(join(dir, 'a.claim.yaml'), A_LOW);
    const c = await start();
    await indexed(c);
    const a = uri('a.claim.yaml');
    const b = uri('later/b.claim.yaml');
    c.open(a, A_LOW);
    c.open(b, B_TEXT);
    const first = await c.waitForDiagnostics(b);
    assert.equal(kxMissing(first), undefined);
    const n = c.diagnostics.length;
    c.change(a, A_TEXT);
    const again = await c.waitForDiagnostics(b, (p) => kxMissing(p) !== undefined, n);
    assert.equal(again.version, 1, 'b was not edited: its own version');
  });

  it('follows unopened files on disk (watcher) and a closed document falls back to its saved text', async () => {
    const c = await start();
    await indexed(c);
    const a = uri('a.claim.yaml');
    const b = uri('later/b.claim.yaml');
    c.open(b, B_TEXT);
    await c.waitForDiagnostics(b, (p) => kxMissing(p) !== undefined);
    // a changes on disk: b's finding goes.
    writeFileSync(join(dir, 'a.claim.yaml'), A_LOW);
    let n = c.diagnostics.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a, type: 2 }] });
    await c.waitForDiagnostics(b, (p) => kxMissing(p) === undefined, n);
    // a deleted: still none; a new file with the high baseline: back.
    rmSync(join(dir, 'a.claim.yaml'));
    writeFileSync(join(dir, 'new.claim.yaml'), A_TEXT);
    n = c.diagnostics.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a, type: 3 }, { uri: uri('new.claim.yaml'), type: 1 }] });
    const back = await c.waitForDiagnostics(b, (p) => kxMissing(p) !== undefined, n);
    assert.equal(kxMissing(back)!.relatedInformation?.[0]?.location.uri, uri('new.claim.yaml'));
    // Open new.claim.yaml, lower its baseline without saving, close it: the saved text counts again.
    const neu = uri('new.claim.yaml');
    c.open(neu, A_TEXT);
    n = c.diagnostics.length;
    c.change(neu, A_LOW);
    await c.waitForDiagnostics(b, (p) => kxMissing(p) === undefined, n);
    n = c.diagnostics.length;
    c.close(neu);
    await c.waitForDiagnostics(b, (p) => kxMissing(p) !== undefined, n);
  });

  it('shows the year accrued before each visit in the code lens', async () => {
    const c = await start();
    await indexed(c);
    const b = uri('later/b.claim.yaml');
    c.open(b, B_TEXT);
    await c.waitForDiagnostics(b, (p) => kxMissing(p) !== undefined);
    const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: b } });
    const accrual = lenses.find((l) => /before this visit/.test(l.command?.title ?? ''));
    assert.ok(accrual, lenses.map((l) => l.command?.title).join(' | '));
    assert.equal(accrual.command!.title, '$2,425.00 PT+SLP before this visit; KX from $2,480');
    assert.equal(accrual.range.start.line, B_TEXT.split('\n').findIndex((l) => l.includes('id: V-2')));
  });

  it('indexes what the CLI would audit: not node_modules, nothing outside the folder, config globs too', async () => {
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'pkg', 'x.claim.yaml'), A_TEXT);
    mkdirSync(join(dir, 'extra'));
    writeFileSync(join(dir, 'extra', 'more.yaml'), C_TEXT);
    writeFileSync(join(root, 'outside.yaml'), A_TEXT);
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'files: ["extra/*.yaml", "../*.yaml"]\n');
    const c = await start();
    // a, b, c and extra/more.yaml; ../*.yaml reaches outside the folder: skipped.
    assert.match(await indexed(c), /^workspace index: 4 claim files, 4 claims in \d+ ms \(.*\); 1 skipped: outside the workspace folder$/);
    // The file watcher follows the claim-file names and the config's relative globs (../ reaches nothing indexed).
    const watched = await c.waitFor(
      () => c.registrations.find((r) => JSON.stringify(r.registerOptions).includes('extra/*.yaml'))?.registerOptions as { watchers: { globPattern: unknown }[] } | undefined,
      'the claim-file watcher',
    );
    assert.deepEqual(watched.watchers.map((w) => w.globPattern), [CLAIM_FILE_GLOB, '**/extra/*.yaml']);
  });

  it('reads nothing in Restricted Mode until the workspace is trusted', async () => {
    const c = await start({ initializationOptions: { workspaceTrusted: false } });
    assert.match(await indexed(c), /^workspace index: 0 claim files/);
    const b = uri('later/b.claim.yaml');
    c.open(b, B_TEXT);
    const first = await c.waitForDiagnostics(b);
    assert.equal(kxMissing(first), undefined, 'a.claim.yaml was not read');
    const n = c.logs.length;
    const m = c.diagnostics.length;
    c.notify('claimlint/workspaceTrusted', {});
    assert.match(await indexed(c, n), /^workspace index: 3 claim files/);
    await c.waitForDiagnostics(b, (p) => kxMissing(p) !== undefined, m);
  });

  it('gives the Audit Summary a per-patient view: pseudonyms, visits by claim id and file, the KX crossing', async () => {
    const c = await start();
    await indexed(c);
    const data = await c.request<AuditSummaryData>('workspace/executeCommand', { command: SERVER_COMMANDS.auditSummaryData, arguments: [{}] });
    const patients = data.patients ?? [];
    assert.deepEqual(patients.map((p) => p.label), ['Patient 1', 'Patient 2']);
    const one = patients.find((p) => p.visits.some((v) => v.claimId === 'V-1'))!;
    assert.deepEqual(one.visits.map((v) => `${v.claimId}@${v.fileLabel}`), ['V-1@a.claim.yaml', 'V-2@later/b.claim.yaml']);
    assert.ok(data.files.some((f) => f.path === 'later/b.claim.yaml'), 'visit files are named as the summary names its files');
    assert.equal(one.years[0].accrued, 2485);
    assert.equal(one.visits[one.years[0].kxFrom!].claimId, 'V-2');
    // One file's summary: the patients with a claim in it.
    const scoped = await c.request<AuditSummaryData>('workspace/executeCommand', { command: SERVER_COMMANDS.auditSummaryData, arguments: [{ uri: uri('c.claim.yaml') }] });
    assert.deepEqual(scoped.patients?.map((p) => `${p.label}: ${p.visits.map((v) => v.claimId).join(' ')}`), ['Patient 1: W-1']);
  });

  it('the Audit Summary and the workspace audit read files the watcher has not reported yet', async () => {
    const c = await start();
    await indexed(c);
    // Written behind the server's back (no didChangeWatchedFiles): the third visit, past the threshold, no KX.
    writeFileSync(join(dir, 'later', 'd.claim.yaml'), file(visit({ id: 'V-3', date: '2026-02-16', charge: 30 })));
    const data = await c.request<AuditSummaryData>('workspace/executeCommand', { command: SERVER_COMMANDS.auditSummaryData, arguments: [{}] });
    const d = data.files.find((f) => f.path === 'later/d.claim.yaml');
    assert.ok(d, data.files.map((f) => f.path).join());
    assert.deepEqual(d.findings.filter((f) => f.rule.startsWith('kx-')).map((f) => f.rule), ['kx-accrual-missing']);
    const one = data.patients!.find((p) => p.visits.some((v) => v.claimId === 'V-1'))!;
    assert.deepEqual(one.visits.map((v) => v.claimId), ['V-1', 'V-2', 'V-3']);
    const n = c.diagnostics.length;
    await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.auditWorkspace, arguments: [] });
    const published = c.diagnostics.slice(n).find((p) => p.uri === uri('later/d.claim.yaml'));
    assert.ok(kxMissing(published), JSON.stringify(published?.diagnostics.map((x) => x.code)));
    assert.ok(kxMissing(published)!.relatedInformation?.some((r) => r.location.uri === uri('later/b.claim.yaml')));
  });

  it('never shows a patient id: not in diagnostics, related information, lenses or logs', async () => {
    const c = await start();
    await indexed(c);
    const a = uri('a.claim.yaml');
    const b = uri('later/b.claim.yaml');
    c.open(b, B_TEXT);
    await c.waitForDiagnostics(b, (p) => kxMissing(p) !== undefined);
    c.open(a, A_LOW);
    await c.waitForDiagnostics(b, (p) => kxMissing(p) === undefined);
    const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: b } });
    const summary = await c.request<unknown>('workspace/executeCommand', { command: SERVER_COMMANDS.auditSummaryData, arguments: [{}] });
    const seen = JSON.stringify([c.diagnostics, lenses, c.logs, c.shownMessages, summary]);
    assert.ok(!seen.includes('SECRET'), 'a patient id was shown');
    assert.ok(!seen.includes('PAT-OTHER'), 'a patient id was shown');
  });
});
