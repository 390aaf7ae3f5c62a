'use strict';
/* global suite, test, describe, it */
// Runs inside the real extension host: `vscode` is the real API.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'claimlint.harness-selftest';
// 1 Production (installed .vsix), 3 Test (extensionDevelopmentPath + tests)
const EXPECTED_MODE = Number(process.env.HARNESS_SELFTEST_EXPECT_MODE || vscode.ExtensionMode.Test);

async function until(what, fn, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('harness self-test (real VS Code)', () => {
  it('runs inside VS Code with the workspace folder open', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const folders = vscode.workspace.workspaceFolders || [];
    assert.equal(folders.length, 1, 'one workspace folder');
    assert.equal(path.basename(folders[0].uri.fsPath), 'workspace');
  });

  it('loads and activates the self-test extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const api = await ext.activate();
    assert.equal(api.extensionMode, EXPECTED_MODE, 'extension mode (3 = dev/test, 1 = installed .vsix)');
  });

  it('opens a workspace file and runs the extension command on it', async () => {
    const [file] = await vscode.workspace.findFiles('five-words.txt');
    assert.ok(file, 'five-words.txt found in the workspace');
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    await until('the active editor', () => vscode.window.activeTextEditor?.document.uri.toString() === file.toString());
    const words = await vscode.commands.executeCommand('harnessSelftest.countWords');
    const expected = process.env.HARNESS_SELFTEST_FAIL === '1' ? 6 /* deliberately wrong */ : 5;
    assert.equal(words, expected, 'word count of five-words.txt');
  });
});
