'use strict';
// Minimal extension for the harness self-test: one command and an API that
// tells the tests how it was loaded (development/test vs installed .vsix).
const vscode = require('vscode');

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('harnessSelftest.countWords', () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      return editor.document.getText().split(/\s+/).filter(Boolean).length;
    }),
  );
  return {
    extensionMode: context.extensionMode, // 1 Production, 2 Development, 3 Test
    extensionPath: context.extensionPath,
  };
}

function deactivate() {}

module.exports = { activate, deactivate };
