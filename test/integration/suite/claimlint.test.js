'use strict';
/* global describe, it */
// End-to-end suite: runs inside the extension host of a real VS Code against the
// INSTALLED claimlint package (.vsix), with a temp copy of test/integration/workspace
// open. It reaches the extension only through VS Code's API (diagnostics, providers,
// commands, settings), never by requiring its sources.
//
// Waiting: waitFor() re-checks its predicate whenever diagnostics change, and at least
// every 100 ms, until a deadline. There are no fixed sleeps.
// Titles with "@smoke" form the subset that run.js runs against a deliberately broken
// build, which must fail.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const EXTENSION_ID = 'claimlint.claimlint';
const WAIT_MS = Number(process.env.CLAIMLINT_E2E_WAIT_MS) || 30000;
const { Error: ERROR, Warning: WARNING, Information: INFO } = vscode.DiagnosticSeverity;

const FAMILIES = 'families.claim.yaml';

// ---------------------------------------------------------------------------- helpers

/** Resolves on the next diagnostics change or after `ms`, whichever comes first. */
function nextSignal(ms) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const sub = vscode.languages.onDidChangeDiagnostics(done);
  });
}

/**
 * Re-evaluates `predicate` (sync or async) until it returns a truthy value, which is
 * returned; throws after `timeoutMs`. `what` (string or function, for the current state)
 * goes into the timeout message.
 */
async function waitFor(predicate, what, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const state = typeof what === 'function' ? what() : what;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${state}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    }
    await nextSignal(Math.min(100, left));
  }
}

const workspaceRoot = () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
};
const fileUri = (rel) => vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));

async function open(rel) {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

const claimDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'claimlint');
const ruleOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
const rulesOf = (uri) => claimDiagnostics(uri).map(ruleOf);
const findingsOf = (uri, rule) => claimDiagnostics(uri).filter((d) => ruleOf(d) === rule);
const describeDiagnostics = (uri) => () =>
  `diagnostics of ${path.basename(uri.path)}; now: [${claimDiagnostics(uri).map((d) => `${ruleOf(d)}/${d.severity}`).join(', ')}]`;

/** Position of `needle` (+offset) in the document, searching from `after` if given. */
function at(doc, needle, { after, offset = 0 } = {}) {
  const text = doc.getText();
  const from = after ? text.indexOf(after) : 0;
  assert.ok(from >= 0, `"${after}" in ${doc.uri.path}`);
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `"${needle}" in ${doc.uri.path}`);
  return doc.positionAt(i + offset);
}

async function hoverText(doc, position) {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position)) || [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

/** The claimlint hover at a position, waiting until the language server answers. */
function claimHover(doc, position, pattern) {
  return waitFor(async () => {
    const text = await hoverText(doc, position);
    return pattern.test(text) && text;
  }, `a hover matching ${pattern} at ${position.line + 1}:${position.character + 1}`);
}

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

/**
 * Line-level difference between two texts (LCS), as hunks
 * {line: first line in `after`, removed: [...], added: [...]}.
 */
function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const hunks = [];
  let hunk = null;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      hunk = null;
      i++;
      j++;
    } else {
      if (!hunk) hunks.push((hunk = { line: j, removed: [], added: [] }));
      if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) hunk.added.push(b[j++]);
      else hunk.removed.push(a[i++]);
    }
  }
  return hunks;
}

/**
 * The preferred quick fix at a finding's range. (The actions VS Code's command returns
 * carry no diagnostics, so the fixture has one finding per range and the title is checked.)
 */
async function preferredFix(doc, diagnostic, title) {
  const actions =
    (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) || [];
  const preferred = actions.filter((a) => a.isPreferred);
  const seen = actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`).join(' | ');
  assert.equal(preferred.length, 1, `one preferred fix; got: ${seen}`);
  assert.match(preferred[0].title, title);
  assert.equal(preferred[0].kind?.value, 'quickfix');
  assert.ok(preferred[0].edit, `${preferred[0].title} carries an edit`);
  return preferred[0];
}

// The two corrections the fixtures need (the same in quickfix.claim.yaml and save.claim.yaml).
const UNITS_HUNK = { removed: ['        units: 3'], added: ['        units: 2'] };
const GP_HUNK = { removed: [], added: ['        modifiers: [GP]'] };
const strip = ({ removed, added }) => ({ removed, added });

// ------------------------------------------------------------------------------ suite

describe('claimlint in a real VS Code (installed .vsix)', () => {
  it('@smoke is installed from the package and activates on a claim file', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const installedFrom = path.resolve(ext.extensionPath);
    // An installed extension lives in <extensions dir>/<publisher>.<name>-<version>; a
    // development copy would be the working tree itself.
    assert.notEqual(installedFrom, REPO_ROOT, 'loaded from the installed package, not the working tree');
    assert.equal(path.basename(installedFrom), `${EXTENSION_ID}-${ext.packageJSON.version}`);
    assert.ok(fs.existsSync(path.join(installedFrom, 'dist', 'server.js')), 'the package contains dist/server.js');
    const doc = await open(FAMILIES);
    assert.equal(doc.languageId, 'yaml');
    await waitFor(() => ext.isActive, 'the extension to activate');
    // The workspace's .vscode/settings.json turns off the browser build's auto save.
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
  });

  it('@smoke reports each rule family with source, rule id and documentation link', async () => {
    const doc = await open(FAMILIES);
    const expected = {
      'timed-units-total': { severity: ERROR, line: /^units: 3$/ }, // units
      'therapy-modifier-missing': { severity: ERROR, line: /^- code: "97110"$/ }, // modifiers
      'ncci-modifier-missing': { severity: ERROR, line: /^modifiers: \[GP\]$/ }, // coding (NCCI)
      'code-not-payable': { severity: ERROR, line: /^- code: "97010"$/ }, // coding
      'documentation-weak': { severity: WARNING, line: /^(justification|functional_goal|supervision_need|intervention): / }, // documentation
    };
    await waitFor(() => Object.keys(expected).every((r) => rulesOf(doc.uri).includes(r)), describeDiagnostics(doc.uri));
    for (const [rule, { severity, line }] of Object.entries(expected)) {
      const d = findingsOf(doc.uri, rule)[0];
      assert.equal(d.source, 'claimlint');
      assert.equal(typeof d.code, 'object', `${rule}: code is {value, target}`);
      assert.equal(d.code.value, rule);
      assert.ok(d.code.target instanceof vscode.Uri, `${rule}: code.target is a Uri`);
      // Offline: the rule's link opens its bundled page (claimlint.showRuleDocs), not the repository online.
      assert.equal(d.code.target.scheme, 'command', `${rule}: ${d.code.target.toString(true)}`);
      assert.equal(d.code.target.path, 'claimlint.showRuleDocs');
      assert.deepEqual(JSON.parse(d.code.target.query), [rule]);
      assert.equal(d.severity, severity, `${rule} severity`);
      assert.match(doc.lineAt(d.range.start.line).text.trim(), line, `${rule} is on the right line`);
    }
    // Messages name paths, codes and numbers, never the patient's data.
    for (const d of claimDiagnostics(doc.uri)) assert.doesNotMatch(d.message, /PT-3101|PT-3102|PT-2102|1234567893|M54\.50/);
  });

  it('hovers on a code: the code\'s explanation first, no repetition of the diagnostics; "More" opens the full explanation, offline', async () => {
    const doc = await open(FAMILIES);
    const md = await claimHover(doc, at(doc, '97530', { after: 'CLM-2026-000201', offset: 2 }), /97530/);
    assert.match(md.split('\n\n')[0], /^\*\*97530 — Therapeutic activities\*\*/, 'the explanation comes first');
    assert.doesNotMatch(md, /problems? on this line/, 'VS Code lists the diagnostics itself');
    assert.match(md, /Therapeutic activities/);
    assert.match(md, /\*\*This line:\*\* 2 units → \$60\.12 national 2026, MPPR/, 'this line priced with its day (MPPR)');
    assert.match(md, /Timed/);
    assert.ok(md.split('\n').length <= 12, md);
    const link = /\(command:claimlint\.showCodeDetails\?([^)]+)\)/.exec(md);
    assert.ok(link, 'a "More" link');
    const args = JSON.parse(decodeURIComponent(link[1]));
    assert.equal(await vscode.commands.executeCommand('claimlint.showCodeDetails', ...args), true);
    const details = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'claimlint-details'), 'the details document is open');
    assert.match(details.getText(), /2026 payment \(CMS PFS RVU26C\):\*\* \$35\.07 per unit/);
    // The sources it cites are on the page itself (no network): in-page links to appended entries.
    assert.match(details.getText(), /\n## Sources\n/);
    assert.doesNotMatch(details.getText(), /github\.com\/claimlint/);
  });

  it('hovers on a modifier: what GP means and when it is required', async () => {
    const doc = await open(FAMILIES);
    const md = await claimHover(doc, at(doc, 'GP', { after: 'CLM-2026-000201', offset: 1 }), /Modifier GP/);
    assert.match(md, /physical therapy plan of care/);
    assert.match(md, /When:/);
  });

  it('hovers on minutes: the 8-minute arithmetic of the visit', async () => {
    const doc = await open(FAMILIES);
    const md = await claimHover(doc, at(doc, 'minutes: 24', { after: 'CLM-2026-000301', offset: 10 }), /8-minute/);
    assert.match(md, /8-minute rule \(CMS\)/);
    assert.match(md, /\| 97112 \| 24 \|/);
    assert.match(md, /47 timed minutes support 3 units; \*\*4 billed\*\*/);
  });

  it('shows the claim summary and the right units as code lenses', async () => {
    const doc = await open(FAMILIES);
    const lenses = await waitFor(async () => {
      const all = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 10)) || [];
      return all.length >= 3 && all.some((l) => /before this visit/.test(l.command?.title ?? '')) && all;
    }, 'code lenses');
    const titled = lenses.map((l) => ({ title: l.command?.title ?? '', text: doc.lineAt(l.range.start.line).text.trim() }));
    const summary = (id) => titled.find((l) => l.text.includes(`id: ${id}`) && !/before this visit/.test(l.title));
    // The patient's year (issue 23): the amount accrued before the visit, here the claim's stated ytd_allowed.
    const accrual = (id) => titled.find((l) => l.text.includes(`id: ${id}`) && /before this visit/.test(l.title));
    assert.equal(accrual('CLM-2026-000201')?.title, '$2,300.00 PT+SLP before this visit; KX from $2,480');
    assert.equal(accrual('CLM-2026-000301')?.title, '$900.00 PT+SLP before this visit; KX from $2,480');
    assert.match(summary('CLM-2026-000301')?.title ?? '', /^47 timed min → 3 units supported · 4 billed · est\. \$\d+\.\d\d/);
    assert.match(summary('CLM-2026-000201')?.title ?? '', /^25 timed min → 2 units supported · 2 billed · est\. \$\d+\.\d\d/);
    const unitsLens = lenses.find((l) => l.command?.command === 'claimlint.server.applyFix');
    assert.ok(unitsLens, `a units lens; got ${titled.map((l) => l.title).join(' | ')}`);
    assert.match(unitsLens.command.title, /^→ /);
    assert.equal(doc.lineAt(unitsLens.range.start.line).text.trim(), 'units: 3');
  });

  it('completes codes with their description and the plan\'s modifiers', async () => {
    const doc = await open('completion.claim.yaml');
    let seen = [];
    const complete = (position, label) =>
      waitFor(async () => {
        const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position);
        seen = (list?.items ?? []).map(labelOf);
        return seen.includes(label) && list.items;
      }, () => `a completion item ${label}; got [${seen.slice(0, 20).join(', ')}]`);

    const codes = await complete(at(doc, 'code: "97530"', { offset: 'code: "975'.length }), '97530'); // after "975
    const item = codes.find((i) => labelOf(i) === '97530');
    assert.match(item.detail ?? '', /Therapeutic activities/);

    const modifiers = (await complete(at(doc, 'modifiers: []', { offset: 'modifiers: ['.length }), 'GP')).map(labelOf);
    assert.ok(!modifiers.includes('GO') && !modifiers.includes('GN'), `PT plan: no GO/GN; got ${modifiers.join(', ')}`);
    assert.ok(!modifiers.includes('97530'), 'no codes among the modifiers');
  });

  it('applies the preferred quick fix for a missing GP: one line added, nothing else', async () => {
    const doc = await open('quickfix.claim.yaml');
    const d = await waitFor(() => findingsOf(doc.uri, 'therapy-modifier-missing')[0], describeDiagnostics(doc.uri));
    const fix = await preferredFix(doc, d, /^Add GP\b/);
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    const hunks = lineDiff(before, doc.getText());
    assert.deepEqual(hunks.map(strip), [GP_HUNK]);
    assert.ok(hunks[0].line > at(doc, '- code: "97110"').line, 'GP goes into the 97110 line');
    await waitFor(() => !rulesOf(doc.uri).includes('therapy-modifier-missing') && rulesOf(doc.uri).includes('timed-units-total'), describeDiagnostics(doc.uri));
  });

  it('applies the preferred quick fix for the units: one line changed, nothing else', async () => {
    const doc = await open('quickfix.claim.yaml');
    const d = await waitFor(() => findingsOf(doc.uri, 'timed-units-total')[0], describeDiagnostics(doc.uri));
    const fix = await preferredFix(doc, d, /^Bill 2 units of 97112$/);
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    const hunks = lineDiff(before, doc.getText());
    assert.deepEqual(hunks.map(strip), [UNITS_HUNK]);
    assert.equal(hunks[0].line, d.range.start.line);
    await waitFor(() => claimDiagnostics(doc.uri).length === 0, describeDiagnostics(doc.uri));
  });

  it('fixes everything on save with editor.codeActionsOnSave source.fixAll.claimlint', async () => {
    const editor = vscode.workspace.getConfiguration('editor');
    await editor.update('codeActionsOnSave', { 'source.fixAll.claimlint': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      const doc = await open('save.claim.yaml');
      await waitFor(() => ['timed-units-total', 'therapy-modifier-missing'].every((r) => rulesOf(doc.uri).includes(r)), describeDiagnostics(doc.uri));
      const original = doc.getText();
      // An unchanged document is not saved (and runs no save participants): edit it first.
      const comment = '# saved by the claimlint end-to-end suite';
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(0, 0), `${comment}\n`);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await doc.save(), 'the document saved');
      assert.equal(doc.isDirty, false);
      const hunks = lineDiff(original, doc.getText()).map(strip);
      assert.deepEqual(hunks, [{ removed: [], added: [comment] }, UNITS_HUNK, GP_HUNK]);
      assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8'), doc.getText(), 'the fixes were written to disk with the save');
      await waitFor(() => claimDiagnostics(doc.uri).length === 0, describeDiagnostics(doc.uri));
    } finally {
      await editor.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('fixes everything with the "claimlint: Fix All" command', async () => {
    // A fresh copy of the fixture as committed (the workspace's quickfix.claim.yaml is edited above).
    // Another patient: the same patient's claim twice on one date would be a finding across claims (issue 23).
    const source = fs.readFileSync(path.join(__dirname, '..', 'workspace', 'quickfix.claim.yaml'), 'utf8').replace('id: PT-9001,', 'id: PT-9005,');
    assert.ok(source.includes('PT-9005'));
    await vscode.workspace.fs.writeFile(fileUri('fix-all-command.claim.yaml'), Buffer.from(source));
    const doc = await open('fix-all-command.claim.yaml');
    await waitFor(() => ['timed-units-total', 'therapy-modifier-missing'].every((r) => rulesOf(doc.uri).includes(r)), describeDiagnostics(doc.uri));
    const before = doc.getText();
    assert.equal(await vscode.commands.executeCommand('claimlint.fixAll'), true);
    assert.deepEqual(lineDiff(before, doc.getText()).map(strip), [UNITS_HUNK, GP_HUNK]);
    await waitFor(() => claimDiagnostics(doc.uri).length === 0, describeDiagnostics(doc.uri));
  });

  it('re-audits when a claimlint setting changes', async () => {
    const doc = await open(FAMILIES);
    const severities = (rule) => findingsOf(doc.uri, rule).map((d) => d.severity);
    const all = (rule, severity) => severities(rule).length > 0 && severities(rule).every((s) => s === severity);
    await waitFor(() => all('documentation-weak', WARNING) && all('timed-units-total', ERROR), describeDiagnostics(doc.uri));
    const claimlint = vscode.workspace.getConfiguration('claimlint');
    try {
      await claimlint.update('rules', { 'documentation-weak': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => severities('documentation-weak').length === 0 && all('timed-units-total', ERROR), describeDiagnostics(doc.uri));
      await claimlint.update('rules', { 'documentation-weak': 'info', 'timed-units-total': 'warning' }, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => all('documentation-weak', INFO) && all('timed-units-total', WARNING), describeDiagnostics(doc.uri));
    } finally {
      await claimlint.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => all('documentation-weak', WARNING) && all('timed-units-total', ERROR), describeDiagnostics(doc.uri));
  });

  it('re-audits when .claimlintrc.yaml is written or deleted', async () => {
    const doc = await open('rc/weak-note.claim.yaml');
    const severities = () => findingsOf(doc.uri, 'documentation-weak').map((d) => d.severity);
    await waitFor(() => severities().join() === String(ERROR), describeDiagnostics(doc.uri)); // raised by rc/.claimlintrc.yaml
    const rc = fileUri('rc/.claimlintrc.yaml');
    await vscode.workspace.fs.writeFile(rc, Buffer.from('rules:\n  documentation-weak: "off"\n'));
    await waitFor(() => severities().length === 0, describeDiagnostics(doc.uri));
    await vscode.workspace.fs.delete(rc);
    await waitFor(() => severities().join() === String(WARNING), describeDiagnostics(doc.uri)); // the rule's default
  });

  it('underlines an unknown rule id in an open .claimlintrc.yaml, with "did you mean"', async () => {
    const rc = fileUri('rc-typo/.claimlintrc.yaml');
    await vscode.workspace.fs.writeFile(rc, Buffer.from('# a typo in a rule id\nrules:\n  kx-modifer-missing: "off"\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(rc);
      await vscode.window.showTextDocument(doc);
      await waitFor(() => findingsOf(rc, 'invalid-config').length === 1, describeDiagnostics(rc));
      const [d] = findingsOf(rc, 'invalid-config');
      assert.match(d.message, /unknown rule id; did you mean kx-modifier-missing\?/);
      assert.equal(d.range.start.line, 2, 'placed on the misspelled key');
      assert.equal(d.severity, WARNING);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(rc, '..'), { recursive: true });
    }
  });

  it('imports an 837P with "claimlint: Import Claims…": <name>.claim.yaml beside it, opened and audited; a malformed file writes nothing', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('claimlint.importClaims'), 'the command is registered');
    const source = fileUri('import/riverside.837');
    const original = fs.readFileSync(source.fsPath, 'utf8');
    const target = await vscode.commands.executeCommand('claimlint.importClaims', source);
    try {
      assert.ok(target instanceof vscode.Uri, 'the command resolves to the written file');
      assert.equal(path.relative(workspaceRoot().fsPath, target.fsPath).split(path.sep).join('/'), 'import/riverside.claim.yaml');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the imported file is opened');
      const text = fs.readFileSync(target.fsPath, 'utf8');
      assert.match(text, /^# Imported by claimlint import from riverside\.837 \(X12 837P\)/);
      assert.match(text, /id: RT-24031-2026-03-02/);
      assert.doesNotMatch(text, /1EG4TE5MK73|SMITH|DOE/, 'no member ids or names');
      // Audited in the editor: each timed line asks for its minutes; no schema problems.
      await waitFor(() => findingsOf(target, 'timed-minutes-missing').length === 4, describeDiagnostics(target));
      assert.deepEqual(findingsOf(target, 'claim-schema'), []);
      assert.equal(fs.readFileSync(source.fsPath, 'utf8'), original, 'the source is untouched');

      // A second import never replaces the first file.
      const again = await vscode.commands.executeCommand('claimlint.importClaims', source);
      assert.equal(path.basename(again.fsPath), 'riverside-2.claim.yaml');
      await vscode.workspace.fs.delete(again);

      // A cut-short file: nothing written, not even a temporary file.
      const broken = fileUri('import/broken.837');
      await vscode.workspace.fs.writeFile(broken, Buffer.from(original.slice(0, original.length / 2)));
      const before = fs.readdirSync(path.dirname(source.fsPath)).sort();
      assert.equal(await vscode.commands.executeCommand('claimlint.importClaims', broken), undefined);
      assert.deepEqual(fs.readdirSync(path.dirname(source.fsPath)).sort(), before);
      await vscode.workspace.fs.delete(broken);
    } finally {
      if (target instanceof vscode.Uri) await vscode.workspace.fs.delete(target);
    }
  });

  it('leaves a YAML file that is not a claim file alone', async () => {
    const notes = await open('notes.yaml');
    assert.equal(notes.languageId, 'yaml');
    // The same text under a claim-file name is audited and explained...
    await vscode.workspace.fs.writeFile(fileUri('notes-copy.claim.yaml'), Buffer.from(notes.getText()));
    const copy = await open('notes-copy.claim.yaml');
    await waitFor(() => rulesOf(copy.uri).includes('timed-units-total'), describeDiagnostics(copy.uri));
    await claimHover(copy, at(copy, '97110', { offset: 2 }), /Therapeutic exercise/);
    // ...while notes.yaml, opened first, got neither diagnostics nor hovers.
    assert.deepEqual(claimDiagnostics(notes.uri), []);
    assert.doesNotMatch(await hoverText(notes, at(notes, '97110', { offset: 2 })), /Therapeutic exercise|97110/);
  });
});
