'use strict';
// The extension-host half of scripts/screenshots.js (loaded as extensionTestsPath).
// It sets the workbench up for each picture with VS Code commands, then announces the
// step on the console ("claimlint-shot: <name>") and waits until the browser half has
// captured it (a file "<name>.done" in CLAIMLINT_SHOT_DIR; "abort" there stops it).
// Waits are deadlines on events or on files, never fixed sleeps.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const SIGNALS = process.env.CLAIMLINT_SHOT_DIR;
const STEP_TIMEOUT_MS = 90000;

/** Resolves with check()'s first truthy value (check may be async); rejects at the deadline. */
async function poll(check, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`screenshot driver: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Tells the browser half that the picture `name` is set up, and waits until it is taken. */
async function step(name) {
  console.log(`claimlint-shot: ${name}`);
  await poll(
    () => {
      if (fs.existsSync(path.join(SIGNALS, 'abort'))) throw new Error('screenshot driver: aborted by the browser side');
      return fs.existsSync(path.join(SIGNALS, `${name}.done`));
    },
    `the "${name}" screenshot`,
    STEP_TIMEOUT_MS,
  );
}

const claimDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'claimlint');
const ruleOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);

async function show(rel) {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, rel);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

function place(editor, position, reveal) {
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), reveal);
}

async function run() {
  if (!SIGNALS) throw new Error('CLAIMLINT_SHOT_DIR is not set');
  const cmd = (id, ...args) => vscode.commands.executeCommand(id, ...args);
  await cmd('workbench.action.closeSidebar');
  await cmd('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);

  // (a) The Problems panel over mistakes.claim.yaml, squiggles in the editor.
  let { doc, editor } = await show('mistakes.claim.yaml');
  await poll(() => claimDiagnostics(doc.uri).length >= 8, 'the diagnostics of mistakes.claim.yaml', 60000);
  await cmd('workbench.actions.view.problems');
  await cmd('notifications.clearAll');
  await cmd('workbench.action.focusActiveEditorGroup');
  // Fold the first line's (long, correct) documentation so that the claim's code lens,
  // the units, the line without GP and its weak notes all fit above the panel.
  const firstDocs = doc.getText().split('\n').findIndex((l) => l.trim() === 'documentation:');
  editor.selection = new vscode.Selection(firstDocs, 0, firstDocs, 0);
  await cmd('editor.fold', { levels: 1, selectionLines: [firstDocs] });
  const firstClaim = doc.getText().split('\n').findIndex((l) => l.includes('id: CLM-2026-000301'));
  // The line above the claim, so that its code lens (drawn above "- id:") shows too.
  editor.revealRange(new vscode.Range(firstClaim - 1, 0, firstClaim - 1, 0), vscode.TextEditorRevealType.AtTop);
  const units = doc.getText().split('\n').findIndex((l) => /^\s+units: 3$/.test(l)); // 97112's, 4 billed in total
  editor.selection = new vscode.Selection(units, 0, units, 0);
  await step('problems');
  await cmd('workbench.action.closePanel');

  // (b) The hover on 97530 in stroke-transfers.claim.yaml.
  ({ doc, editor } = await show('stroke-transfers.claim.yaml'));
  await poll(() => hasAudited(doc), 'the code lenses of stroke-transfers.claim.yaml', 60000);
  const codeAt = doc.getText().indexOf('code: "97530"');
  const onCode = doc.positionAt(codeAt + 'code: "975'.length);
  editor.revealRange(new vscode.Range(onCode.line - 14, 0, onCode.line - 14, 0), vscode.TextEditorRevealType.AtTop);
  editor.selection = new vscode.Selection(onCode, onCode);
  await cmd('notifications.clearAll');
  await cmd('workbench.action.focusActiveEditorGroup');
  await step('hover'); // the browser half moves the mouse onto the code

  // (c) The quick-fix menu on the 97110 line that lacks GP (claims[0].lines[1]).
  ({ doc, editor } = await show('mistakes.claim.yaml'));
  const missing = await poll(
    () => claimDiagnostics(doc.uri).find((d) => ruleOf(d) === 'therapy-modifier-missing'),
    'the therapy-modifier-missing finding',
    60000,
  );
  // The 97112 line (with GP; its documentation still folded from the first picture) just
  // above the 97110 line without it.
  const visit = doc.getText().split('\n').findIndex((l) => l.includes('total_timed_minutes: 47'));
  place(editor, missing.range.start, vscode.TextEditorRevealType.Default);
  editor.revealRange(new vscode.Range(visit - 1, 0, visit - 1, 0), vscode.TextEditorRevealType.AtTop);
  await cmd('notifications.clearAll');
  await cmd('workbench.action.focusActiveEditorGroup');
  await step('quickfix'); // the browser half presses Ctrl+.
}

/** stroke-transfers has no findings: its code lenses prove the server has it. */
async function hasAudited(doc) {
  const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
  return lenses && lenses.length > 0;
}

module.exports = { run };
