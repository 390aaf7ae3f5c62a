#!/usr/bin/env node
'use strict';
/**
 * End-to-end self-test of the real-VS-Code harness. Scenarios:
 *   dev-pass      runTests() API, extension from its folder         -> must exit 0
 *   dev-fail      @vscode/test-electron runTests() -> code-cli.js,  -> must fail (non-zero)
 *                 HARNESS_SELFTEST_FAIL=1 via extensionTestsEnv
 *   vsix-pass     the extension packaged with vsce, installed with   -> must exit 0
 *                 --install-extension, no development path
 * Afterwards it checks that no process and no temp file of the runs is left
 * (all runs keep their temp dirs under one base dir, see BASE).
 *
 *   node test/integration/harness/selftest/run.js [--quick]   (--quick: dev-pass + dev-fail)
 * Exits non-zero if the harness misbehaves.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const HARNESS = path.resolve(__dirname, '..');
const REPO_ROOT = path.resolve(HARNESS, '..', '..', '..');
const { runTests } = require(path.join(HARNESS, 'run-in-code-server'));
const { expectFailure } = require(path.join(HARNESS, 'expected-failure'));

const EXTENSION = path.join(__dirname, 'extension');
const SUITE = path.join(__dirname, 'index.js');
const WORKSPACE = path.join(__dirname, 'workspace');
const TIMEOUT_MS = 180000;

// Every run of this self-test keeps its throwaway profile under one base dir
// (CLAIMLINT_HARNESS_TMP, inherited by code-cli.js too), so leftovers can be
// told apart from other people's runs on the same machine.
const BASE = fs.mkdtempSync(path.join(os.tmpdir(), 'clvs-st-'));
process.env.CLAIMLINT_HARNESS_TMP = BASE;

/** Runs the suite through @vscode/test-electron with code-cli.js as the "VS Code executable". */
async function viaTestElectron(extensionTestsEnv) {
  const { runTests: runElectronTests } = require(path.join(REPO_ROOT, 'node_modules', '@vscode', 'test-electron'));
  try {
    return await runElectronTests({
      vscodeExecutablePath: path.join(HARNESS, 'code-cli.js'),
      extensionDevelopmentPath: EXTENSION,
      extensionTestsPath: SUITE,
      launchArgs: [WORKSPACE],
      extensionTestsEnv,
    });
  } catch (e) {
    // test-electron rejects with TestRunFailedError{code} on a non-zero exit.
    if (typeof e.code === 'number') return e.code;
    throw e;
  }
}

function packageVsix(outDir) {
  const vsix = path.join(outDir, 'harness-selftest.vsix');
  execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package',
      '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: EXTENSION, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return vsix;
}

const SCENARIOS = {
  'dev-pass': {
    expect: 'zero',
    run: () =>
      runTests({
        extensionDevelopmentPath: EXTENSION,
        extensionTestsPath: SUITE,
        workspaceFolder: WORKSPACE,
        extensionTestsEnv: { HARNESS_SELFTEST_FAIL: '0', HARNESS_SELFTEST_EXPECT_MODE: '3' },
        timeoutMs: TIMEOUT_MS,
      }),
  },
  'dev-fail': {
    expect: 'non-zero',
    run: () => viaTestElectron({ HARNESS_SELFTEST_FAIL: '1', HARNESS_SELFTEST_EXPECT_MODE: '3', CLAIMLINT_HARNESS_TIMEOUT_MS: String(TIMEOUT_MS) }),
  },
  'vsix-pass': {
    expect: 'zero',
    run: async () => {
      const outDir = fs.mkdtempSync(path.join(BASE, 'vsix-'));
      try {
        return await runTests({
          extensionsToInstall: [packageVsix(outDir)],
          extensionTestsPath: SUITE,
          workspaceFolder: WORKSPACE,
          // 1 = ExtensionMode.Production: loaded as an ordinary installed extension
          extensionTestsEnv: { HARNESS_SELFTEST_FAIL: '0', HARNESS_SELFTEST_EXPECT_MODE: '1' },
          timeoutMs: TIMEOUT_MS,
        });
      } finally {
        fs.rmSync(outDir, { recursive: true, force: true });
      }
    },
  },
};

/** Entries that would mean TMPDIR containment failed, in the real temp dir. */
function strayTempEntries() {
  return fs.readdirSync(os.tmpdir()).filter((n) => /^(vscode-ipc-|vscode-git-|playwright[-_]|\.org\.chromium\.|node-compile-cache$)/.test(n));
}

/**
 * Processes of our runs: code-server and Chromium all carry BASE in their
 * arguments. Chromium's crashpad handlers are re-parented to init and exit a
 * moment after the browser, hence the short grace period.
 */
async function processesOfOurRuns(graceMs = 3000) {
  const list = () =>
    execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(BASE))
      .map((line) => line.trim().slice(0, 160));
  const deadline = Date.now() + graceMs;
  let procs = list();
  while (procs.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    procs = list();
  }
  return procs;
}

async function main() {
  const names = process.argv.includes('--quick') ? ['dev-pass', 'dev-fail'] : Object.keys(SCENARIOS);
  const strayBefore = new Set(strayTempEntries());
  const results = [];
  for (const name of names) {
    const { expect, run } = SCENARIOS[name];
    process.stdout.write(`\n=== harness self-test: ${name} (expect ${expect} exit) ===\n`);
    const t0 = Date.now();
    let code;
    if (expect === 'non-zero') {
      // A deliberately failing test: its assertion error and stack traces are the expected
      // outcome, so they are held back and summed up in one labelled line.
      const r = await expectFailure('deliberately failing self-test', run, {
        isExpected: (c) => typeof c === 'number' && c !== 0 && c !== 124 && c !== 2,
        describe: (c) => `the suite exited with ${c}, as it should (its one test asserts a wrong word count)`,
      });
      code = r.result ?? 'threw';
    } else {
      try {
        code = await run();
      } catch (e) {
        process.stdout.write(`${name}: threw ${e.stack || e}\n`);
        code = 'threw';
      }
    }
    const ok = expect === 'zero' ? code === 0 : typeof code === 'number' && code !== 0 && code !== 124 && code !== 2;
    results.push({ name, ok, detail: `exit ${code}, expected ${expect}`, seconds: (Date.now() - t0) / 1000 });
  }

  const leftFiles = [...fs.readdirSync(BASE), ...strayTempEntries().filter((n) => !strayBefore.has(n))];
  const leftProcs = await processesOfOurRuns();
  results.push({ name: 'no temp files left', ok: leftFiles.length === 0, detail: leftFiles.join(', ') || 'none' });
  results.push({ name: 'no processes left', ok: leftProcs.length === 0, detail: leftProcs.join('; ') || 'none' });
  process.stdout.write('\n=== harness self-test summary ===\n');
  for (const r of results) {
    const time = r.seconds !== undefined ? ` in ${r.seconds.toFixed(1)} s` : '';
    process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}${time}\n`);
  }
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(`harness: ${results.length - failed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}

main()
  .then(
    (code) => code,
    (e) => {
      process.stderr.write(`${e.stack || e}\n`);
      return 2;
    },
  )
  .then((code) => {
    fs.rmSync(BASE, { recursive: true, force: true });
    process.exit(code);
  });
