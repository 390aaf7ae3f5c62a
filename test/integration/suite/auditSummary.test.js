'use strict';
/* global describe, it, before, after */
// End-to-end: claimlint: Show Audit Summary in a real VS Code, on a copy of examples/.
// The webview's page is not reachable from the extension host: the click on a finding is
// a real click in the webview, made by test/integration/run.js when this suite prints
// "claimlint-e2e-click: SELECTOR" (see createClickDriver there).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const WAIT_MS = Number(process.env.CLAIMLINT_E2E_WAIT_MS) || 30000;
const FOLDER = 'summary-examples';

const root = () => vscode.workspace.workspaceFolders[0].uri;
const folderUri = () => vscode.Uri.joinPath(root(), FOLDER);
const claimDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'claimlint');

async function waitFor(predicate, what, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => done());
      const sub2 = vscode.window.onDidChangeActiveTextEditor(() => done());
      const timer = setTimeout(() => done(), 100);
      function done() {
        clearTimeout(timer);
        sub.dispose();
        sub2.dispose();
        resolve();
      }
    });
  }
}

const summaryTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && /claimlint\.auditSummary$/.test(t.input.viewType));

describe('claimlint: Show Audit Summary (webview)', () => {
  const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter((f) => f.endsWith('.claim.yaml')).sort();

  before(() => {
    fs.cpSync(path.join(REPO_ROOT, 'examples'), folderUri().fsPath, { recursive: true });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folderUri().fsPath, { recursive: true, force: true });
  });

  it('is offered by the status bar menu and the Explorer, and opens with the totals of the examples', async () => {
    const pkg = vscode.extensions.getExtension('claimlint.claimlint').packageJSON;
    assert.ok(pkg.contributes.commands.some((c) => c.command === 'claimlint.showAuditSummary' && c.title === 'Show Audit Summary'));
    assert.ok(pkg.contributes.menus['explorer/context'].some((m) => m.command === 'claimlint.showAuditSummary'));

    const result = await vscode.commands.executeCommand('claimlint.showAuditSummary', folderUri());
    assert.ok(result, 'the view rendered');
    // The tab is registered a moment after the command resolves on a busy machine.
    await waitFor(() => summaryTabs().length > 0, 'the Audit Summary tab');
    assert.equal(summaryTabs().length, 1, 'one Audit Summary tab');
    // examples/: 1 claim (1 line) + 3 claims (2 + 3 + 2 lines) + 2 claims (1 + 1 line).
    assert.equal(result.files, examples.length);
    assert.equal(result.claims, 6);
    assert.equal(result.lines, 10);

    // The findings are the editor's own diagnostics for the same files.
    let total = 0;
    let errorClaims = new Set();
    for (const name of examples) {
      const uri = vscode.Uri.joinPath(folderUri(), name);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false });
      await waitFor(() => claimDiagnostics(uri).length > 0 || name.startsWith('knee') || name.startsWith('stroke'), `diagnostics of ${name}`);
      const diags = claimDiagnostics(uri);
      total += diags.length;
      for (const d of diags) if (d.severity === vscode.DiagnosticSeverity.Error) errorClaims.add(`${name}:${claimOf(doc, d.range.start.line)}`);
    }
    assert.equal(result.findings, total, 'findings = claimlint diagnostics of the example files');
    assert.equal(result.claimsWithErrors, errorClaims.size, 'claims with an error = claims holding an error diagnostic');
    assert.ok(result.overpayment > 0, 'the over-billed example claims are priced');
    assert.ok(result.timedUnitsBilled > result.timedUnitsSupported);
  });

  it('a click on a finding in the webview opens its file at its range', async () => {
    const mistakes = vscode.Uri.joinPath(folderUri(), 'mistakes.claim.yaml');
    // Claims are listed worst first: click the first finding of the first claim of the file (its row by claim id).
    await waitFor(() => claimDiagnostics(mistakes).length > 0, 'diagnostics of mistakes.claim.yaml');
    const doc = await vscode.workspace.openTextDocument(mistakes);
    const expected = claimDiagnostics(mistakes)
      .filter((d) => claimOf(doc, d.range.start.line) === 0)
      .sort((a, b) => a.range.start.compareTo(b.range.start))[0];
    assert.ok(expected, 'mistakes.claim.yaml has findings');
    await vscode.commands.executeCommand('claimlint.showAuditSummary', folderUri());
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    assert.equal(summaryTabs().length, 1);
    console.log('claimlint-e2e-click: tr[data-claim*="CLM-2026-000301"] button.loc');
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === mistakes.toString() && e.selection.start.isEqual(expected.range.start) && e;
    }, () => `the editor at ${expected.range.start.line + 1}:${expected.range.start.character + 1}; now ${vscode.window.activeTextEditor?.document.uri.path}:${vscode.window.activeTextEditor?.selection.start.line}`);
    assert.ok(editor.selection.end.isEqual(expected.range.end), 'the whole range is selected');
  });

  it('fits the window at 1280×800 and 1920×1080: the Findings column never cut, chart text at 11 px or more, a scope line (issue 25 item 2)', async function () {
    this.timeout(240000);
    await vscode.commands.executeCommand('claimlint.showAuditSummary', folderUri());
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await vscode.commands.executeCommand('workbench.view.explorer');
    const dir = process.env.CLAIMLINT_E2E_SHOTS_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-shots-'));
    for (const [w, h] of [[1280, 800], [1920, 1080]]) {
      const name = `audit-summary-${w}x${h}`;
      const json = path.join(dir, `${name}.json`);
      fs.rmSync(json, { force: true });
      console.log(`claimlint-e2e-shot: ${name} ${w}x${h} ${dir}`);
      const deadline = Date.now() + 90000;
      while (!fs.existsSync(json) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      assert.ok(fs.existsSync(json), `${name}: the driver measured the page`);
      const m = JSON.parse(fs.readFileSync(json, 'utf8'));
      assert.equal(m.error, undefined, m.error);
      const png = fs.readFileSync(path.join(dir, `${name}.png`));
      assert.equal(png.readUInt32BE(16), w, `${name}.png is ${w} wide`);
      assert.ok(m.columns.includes('Findings'), `${name}: a Findings column (${m.columns.join(', ')})`);
      assert.ok(m.findingsRight <= m.frameWidth + 1, `${name}: Findings column ends at ${m.findingsRight}px, the view is ${m.frameWidth}px wide`);
      assert.ok(m.findingsWidth >= 240, `${name}: Findings column is ${m.findingsWidth}px wide`);
      assert.ok(m.scrollWidth <= m.frameWidth + 1, `${name}: no horizontal scrolling (${m.scrollWidth} > ${m.frameWidth})`);
      assert.ok(m.minChartFontPx >= 11, `${name}: chart text drawn at ${m.minChartFontPx.toFixed(1)}px`);
      assert.match(m.scope || '', /summary-examples/, `${name}: the scope line names the folder`);
    }
  });
});

/** Index of the `- id:` item of the claims list that holds a line (the claim a finding belongs to). */
function claimOf(doc, line) {
  let k = -1;
  for (let i = 0; i <= line; i++) if (/^\s*- id:/.test(doc.lineAt(i).text) || /^claim:/.test(doc.lineAt(i).text)) k++;
  return k;
}
