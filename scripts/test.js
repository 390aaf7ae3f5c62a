#!/usr/bin/env node
// The project's test command: builds, runs the unit, language-server and CLI suites with
// mocha, then (unless SKIP_E2E=1) the end-to-end suite in a real VS Code, and prints one
// totalled closing line "N passed, N failed".
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
process.chdir(root);

function build() {
  execFileSync(process.execPath, ['esbuild.js'], { stdio: 'inherit' });
  // Tests and sources transpiled file by file (no bundling) into out/.
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) files.push(p);
    }
  };
  walk('src');
  walk('test');
  fs.rmSync('out', { recursive: true, force: true });
  require('esbuild').buildSync({
    entryPoints: files,
    outdir: 'out',
    outbase: '.',
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function runMocha(globs) {
  const Mocha = require('mocha');
  const mocha = new Mocha({ timeout: 20000, reporter: 'spec' });
  const files = [];
  for (const dir of globs) {
    if (!fs.existsSync(dir)) continue;
    const walk = (d) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.test\.js$/.test(e.name)) files.push(p);
      }
    };
    walk(dir);
  }
  files.sort().forEach((f) => mocha.addFile(path.resolve(f)));
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures }));
  });
}

/** Runs a Node script, echoing its output, and reads its closing "<label>: N passed, N failed". */
function runCounted(script, label) {
  if (!fs.existsSync(script)) return { passed: 0, failed: 1 };
  const r = spawnSync(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(r.stdout || '');
  const m = new RegExp(`^${label}: (\\d+) passed, (\\d+) failed$`, 'm').exec(r.stdout || '');
  if (!m) return { passed: 0, failed: 1 }; // the runner itself failed: count it
  const failed = Number(m[2]);
  // A non-zero exit with no failed test still counts as one failure.
  return { passed: Number(m[1]), failed: failed + (r.status !== 0 && failed === 0 ? 1 : 0) };
}

function runE2E() {
  // The harness proves itself first (passing and failing suites, a packaged .vsix,
  // @vscode/test-electron through its `code` stand-in, no leftovers), then the suite runs.
  const harness = runCounted(path.join(root, 'test', 'integration', 'harness', 'selftest', 'run.js'), 'harness');
  const suite = runCounted(path.join(root, 'test', 'integration', 'run.js'), 'claimlint-e2e');
  return { passed: harness.passed + suite.passed, failed: harness.failed + suite.failed };
}

(async () => {
  build();
  const only = process.argv.slice(2);
  const suites = only.length ? only : ['out/test/unit', 'out/test/lsp', 'out/test/cli'];
  const unit = await runMocha(suites);
  let { passed, failed } = unit;
  if (!only.length && process.env.SKIP_E2E !== '1') {
    const e2e = runE2E();
    passed += e2e.passed;
    failed += e2e.failed;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((err) => {
  console.error(err);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
});
