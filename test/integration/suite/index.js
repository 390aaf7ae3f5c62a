'use strict';
// extensionTestsPath of the end-to-end suite. VS Code requires this module inside the
// extension host and calls run(); the returned Promise decides the exit code (reject = 1).
// The same module runs under the code-server harness (test/integration/run.js) and, on a
// machine with internet, under @vscode/test-electron in a desktop VS Code.
//
// Environment (extensionTestsEnv):
//   CLAIMLINT_E2E_GREP     only tests whose title matches (run.js uses "@smoke" for the
//                          broken-build check)
//   CLAIMLINT_E2E_WAIT_MS  deadline of each wait for the editor (default 30000)
const path = require('node:path');

// The extension host resolves modules from VS Code's own folders: load the project's
// mocha by absolute path.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const Mocha = require(path.join(REPO_ROOT, 'node_modules', 'mocha'));

function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90000, reporter: 'spec' });
  if (process.env.CLAIMLINT_E2E_GREP) mocha.grep(process.env.CLAIMLINT_E2E_GREP);
  mocha.addFile(path.join(__dirname, 'claimlint.test.js'));
  mocha.addFile(path.join(__dirname, 'auditSummary.test.js'));
  return new Promise((resolve, reject) => {
    let runner;
    try {
      runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats || {};
        // run.js reads this line (the only line it trusts for the counts).
        console.log(`claimlint-e2e-inner: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) {
          printExtensionLog();
          reject(new Error(`${failures} end-to-end test(s) failed`));
        }
        else resolve();
      });
    } catch (err) {
      console.log('claimlint-e2e-inner: 0 passed, 1 failed');
      reject(err);
    }
  });
}

/**
 * After a failure: the extension's own log ("claimlint" output channel; it records
 * lifecycle events and counts, never claim values). Under the code-server harness the
 * server's logs live in the run's throwaway profile, the parent of the extension host's
 * TMPDIR; elsewhere nothing is printed.
 */
function printExtensionLog() {
  const fs = require('node:fs');
  const root = process.env.TMPDIR ? path.dirname(process.env.TMPDIR) : undefined;
  const logs = root && path.join(root, 'user-data', 'logs');
  if (!logs || !fs.existsSync(logs)) return;
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/claimlint.*\.log$/i.test(e.name)) found.push(p);
    }
  };
  try {
    walk(logs);
    for (const file of found) {
      const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
      console.log(`--- ${path.relative(logs, file)} (last ${Math.min(lines.length, 60)} of ${lines.length} lines) ---`);
      console.log(lines.slice(-60).join('\n'));
    }
  } catch (err) {
    console.log(`(could not read the extension log: ${err.message})`);
  }
}

module.exports = { run };
