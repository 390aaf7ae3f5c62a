'use strict';
// The end-to-end part of `npm test` (scripts/test.js): installs the real-VS-Code runtime
// with the one shared script (scripts/vscode-runtime/install.sh, idempotent, a no-op when
// installed), then runs the harness self-test and the claimlint suite, in that order.
// Each runner ends with "<label>: N passed, N failed"; the counts are added up here.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const INSTALL_SCRIPT = path.join(ROOT, 'scripts', 'vscode-runtime', 'install.sh');

/**
 * Runs the runtime install. Its log goes to stderr, and so does its stdout (the install
 * dir), so that the test command's stdout carries only test output.
 * @returns {boolean} whether it succeeded
 */
function installRuntime() {
  process.stdout.write('\n=== VS Code runtime (scripts/vscode-runtime/install.sh) ===\n');
  const r = spawnSync('bash', [INSTALL_SCRIPT], { cwd: ROOT, stdio: ['ignore', 2, 'inherit'] });
  if (r.status === 0) return true;
  process.stdout.write(
    `  ✗ installing the VS Code runtime failed (exit ${r.status ?? r.signal ?? r.error?.message}); ` +
      'see the [vscode-runtime] lines above. The end-to-end suites were not run.\n',
  );
  return false;
}

/** Runs a Node script, echoing its output, and reads its closing "<label>: N passed, N failed". */
function runCounted(script, label) {
  if (!fs.existsSync(script)) return { passed: 0, failed: 1 };
  const r = spawnSync(process.execPath, [script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(r.stdout || '');
  const m = new RegExp(`^${label}: (\\d+) passed, (\\d+) failed$`, 'm').exec(r.stdout || '');
  if (!m) return { passed: 0, failed: 1 }; // the runner itself failed: count it
  const failed = Number(m[2]);
  // A non-zero exit with no failed test still counts as one failure.
  return { passed: Number(m[1]), failed: failed + (r.status !== 0 && failed === 0 ? 1 : 0) };
}

/** @returns {{passed: number, failed: number}} */
function runE2E() {
  // The runtime first: both runners below need it.
  if (!installRuntime()) return { passed: 0, failed: 1 };
  // The harness proves itself (passing and failing suites, a packaged .vsix,
  // @vscode/test-electron through its `code` stand-in, no leftovers), then the suite runs.
  const harness = runCounted(path.join(ROOT, 'test', 'integration', 'harness', 'selftest', 'run.js'), 'harness');
  const suite = runCounted(path.join(ROOT, 'test', 'integration', 'run.js'), 'claimlint-e2e');
  return { passed: harness.passed + suite.passed, failed: harness.failed + suite.failed };
}

module.exports = { runE2E, installRuntime, INSTALL_SCRIPT };

if (require.main === module) {
  const { passed, failed } = runE2E();
  process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
  process.exit(failed ? 1 : 0);
}
