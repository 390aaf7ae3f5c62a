'use strict';
// extensionTestsPath module: VS Code requires it inside the extension host
// and calls run(); the returned Promise decides the exit code (reject => 1).
const path = require('node:path');

// The extension host has its own module paths: load the project's mocha by
// absolute path.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const Mocha = require(path.join(REPO_ROOT, 'node_modules', 'mocha'));

function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'suite.test.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats || {};
      // Plain closing line that CI tooling recognises.
      console.log(`selftest: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}

module.exports = { run };
