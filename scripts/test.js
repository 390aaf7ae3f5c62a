#!/usr/bin/env node
// The project's test command: builds, type-checks (tsc --noEmit; each error counts as one
// failure) and lints (typescript-eslint with the architecture's boundary rules; each lint
// error counts as one failure), runs the unit, language-server
// and CLI suites with mocha, then (unless SKIP_E2E=1) installs the real-VS-Code runtime and
// runs the end-to-end suites in it (scripts/lib/e2e.js), and prints one totalled closing
// line "N passed, N failed".
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { runE2E, installRuntime } = require('./lib/e2e');

const root = path.join(__dirname, '..');
process.chdir(root);

// `npm run test:fast` (--fast): the unit and in-process language-server suites without the
// slow files below (they spawn processes, start worker threads, build bundles, lint the
// tree or run long randomised searches), no bundle build, no lint, no type check. Every
// file still runs in `npm test`.
const FAST = process.argv.includes('--fast');
const SLOW = [
  'unit/pipeline', 'unit/parallel', 'unit/robustness', 'unit/fuzz', 'unit/fixSweep', 'unit/linearWork',
  'unit/dataImportReal', 'unit/cmsData', 'unit/manifest', 'unit/lint', 'unit/bundleBudgets', 'unit/cliFront',
  'lsp/openThreads', 'lsp/cacheVersions', 'lsp/resilience', 'lsp/stdio',
].map((f) => path.join('out', 'test', `${f}.test.js`));

function build() {
  if (!FAST) execFileSync(process.execPath, ['esbuild.js'], { stdio: 'inherit' });
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
  walk('tools');
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
  // The generated JSON Schemas, where out/src/… finds them at the same relative path as src/… does.
  fs.cpSync('schema', 'out/schema', { recursive: true });
  // JSON the sources import (the built-in data pack) is not transpiled: copy it alongside.
  const copyJson = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) copyJson(p);
      else if (/\.json$/.test(e.name)) {
        fs.mkdirSync(path.join('out', dir), { recursive: true });
        fs.copyFileSync(p, path.join('out', p));
      }
    }
  };
  copyJson('src');
}

/** ESLint over src, tools and test: one passed check when clean, one failure per error otherwise. */
async function runLint() {
  const { ESLint } = require('eslint');
  const results = await new ESLint({ cwd: root }).lintFiles(['src', 'tools', 'test']);
  const errors = results.reduce((n, r) => n + r.errorCount + r.fatalErrorCount, 0);
  if (errors) {
    const formatter = await new ESLint({ cwd: root }).loadFormatter('stylish');
    process.stdout.write(await formatter.format(results));
  }
  console.log(`lint: ${errors ? `${errors} errors` : 'clean'}`);
  return { passed: errors ? 0 : 1, failed: errors };
}

/**
 * `tsc --noEmit` over the project (src, tools, test, scripts), started beside the suites:
 * one passed check when it reports nothing, one failure per error otherwise.
 */
function startTypecheck() {
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', '.'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => (out += b));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const errors = (out.match(/error TS\d+/g) ?? []).length || (code ? 1 : 0);
      if (errors) process.stdout.write(out);
      console.log(`typecheck: ${errors ? `${errors} errors` : 'clean'}`);
      resolve({ passed: errors ? 0 : 1, failed: errors });
    });
  });
}

async function runMocha(globs, skip = []) {
  const Mocha = require('mocha');
  const mocha = new Mocha({ timeout: 20000, reporter: 'spec' });
  const files = [];
  // A path given that is not there, or a run that finds no test at all, is a failure: never a
  // green "0 passed" (a typo, or out/ emptied by another build meanwhile).
  const missing = globs.filter((dir) => !fs.existsSync(dir));
  for (const m of missing) console.error(`test: ${m}: not found`);
  for (const dir of globs) {
    if (missing.includes(dir)) continue;
    if (fs.statSync(dir).isFile()) {
      files.push(dir);
      continue;
    }
    const walk = (d) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.test\.js$/.test(e.name) && !skip.includes(p)) files.push(p);
      }
    };
    walk(dir);
  }
  files.sort().forEach((f) => mocha.addFile(path.resolve(f)));
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const none = runner.stats.passes + runner.stats.failures + runner.stats.pending === 0;
      if (none && !missing.length) console.error('test: no test ran');
      resolve({ passed: runner.stats.passes, failed: runner.stats.failures + (missing.length || (none ? 1 : 0)) });
    });
  });
}

(async () => {
  build();
  // Arguments: folders of out/test, or single test files given as their source path
  // (test/unit/x.test.ts) or built path (out/test/unit/x.test.js).
  const only = process.argv.slice(2).filter((a) => a !== '--fast').map((a) =>
    /\.test\.ts$/.test(a) && !a.startsWith('out/') ? path.join('out', a.replace(/\.ts$/, '.js')) : a,
  );
  const suites = only.length ? only : FAST ? ['out/test/unit', 'out/test/lsp'] : ['out/test/unit', 'out/test/lsp', 'out/test/cli', 'out/test/scripts'];
  const full = !only.length && !FAST;
  const withE2E = full && process.env.SKIP_E2E !== '1';
  // The type check runs beside the suites (its own process): counted in every full run.
  const typecheck = full ? startTypecheck() : undefined;
  // The runtime (Debian's Chromium with it) goes in before the suites, so that the tests
  // that open the HTML report in Chromium run on a fresh machine instead of skipping.
  const runtimeReady = withE2E ? installRuntime() : false;
  const lint = full ? await runLint() : { passed: 0, failed: 0 };
  const unit = await runMocha(suites, FAST && !only.length ? SLOW : []);
  const types = typecheck ? await typecheck : { passed: 0, failed: 0 };
  let passed = unit.passed + lint.passed + types.passed;
  let failed = unit.failed + lint.failed + types.failed;
  if (withE2E) {
    const e2e = runtimeReady ? runE2E() : { passed: 0, failed: 1 };
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
