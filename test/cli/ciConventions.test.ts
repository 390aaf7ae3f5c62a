/**
 * What CI users expect from a linter (issue 25 items 7 and 10), through the real binary:
 * - a folder or pattern without claim files exits 2 (ESLint's "No files matching the
 *   pattern"), unless --no-error-on-unmatched-pattern;
 * - --max-warnings n exits 1 on more than n warnings;
 * - the pre-commit hook names the binary and the claim files, and `npm pack` (how
 *   pre-commit installs a node hook) ships what the binary needs;
 * - the README documents the SARIF upload step.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../support/cli';
import { overBilled } from '../support/claimSamples';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { BIN, ROOT, exampleText } from '../support/paths';

const claimlint = (args: string[], cwd: string) => runCli(args, cwd, { timeout: 20000 });
const KNEE = exampleText('knee-replacement');

// 47 timed minutes support 3 units, 4 billed: one timed-units-total finding (made a warning below).
const OVER = overBilled('CI-1');

describe('CLI: CI conventions (issue 25 items 7 and 10)', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('ci');
  });
  afterEach(() => removeTmpDir(dir));

  it('a folder without claim files: exit 2, the folder named, no "✔ 0 files audited"', () => {
    mkdirSync(join(dir, 'claims'));
    writeFileSync(join(dir, 'claims', 'notes.yaml'), 'a: 1\n');
    const r = claimlint(['claims'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /no claim files found in "claims"/);
    assert.match(r.stderr, /--no-error-on-unmatched-pattern/);
    assert.doesNotMatch(r.stdout, /✔|0 files audited/);
  });

  it('one empty folder beside a good one still fails (the job audits less than it was told to)', () => {
    mkdirSync(join(dir, 'good'));
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'good', 'knee.claim.yaml'), KNEE);
    const r = claimlint(['good', 'empty'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /no claim files found in "empty"/);
    assert.doesNotMatch(r.stderr, /"good"/);
  });

  it('a glob that matches nothing: exit 2 with "no claim files", not "no such file"', () => {
    const r = claimlint(['claims/**/*.claim.yaml'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /no claim files found in "claims\/\*\*\/\*\.claim\.yaml"/);
    assert.doesNotMatch(r.stderr, /no such file/);
  });

  it('--no-error-on-unmatched-pattern: an empty folder and an empty glob exit 0; a missing path is still an error', () => {
    mkdirSync(join(dir, 'empty'));
    const ok = claimlint(['--no-error-on-unmatched-pattern', 'empty', 'x/*.claim.yaml'], dir);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /0 files audited/);
    const missing = claimlint(['--no-error-on-unmatched-pattern', 'nope.claim.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.claim\.yaml: no such file or folder/);
  });

  it('--max-warnings: 0 fails on one warning (exit 1, said on stderr), 1 and -1 pass, errors exit 1 whatever the limit', () => {
    writeFileSync(join(dir, 'over.claim.yaml'), OVER);
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules:\n  timed-units-total: warning\n');
    const none = claimlint(['over.claim.yaml'], dir);
    assert.equal(none.code, 0, none.stdout + none.stderr);
    assert.match(none.stdout, /0 errors, 1 warning/);
    const zero = claimlint(['--max-warnings', '0', 'over.claim.yaml'], dir);
    assert.equal(zero.code, 1, zero.stdout + zero.stderr);
    assert.match(zero.stderr, /too many warnings \(1\); at most 0 allowed \(--max-warnings\)/);
    assert.equal(claimlint(['--max-warnings=1', 'over.claim.yaml'], dir).code, 0);
    assert.equal(claimlint(['--max-warnings=-1', 'over.claim.yaml'], dir).code, 0);
    // --quiet reports errors only: its warnings are not counted (as ESLint 9).
    assert.equal(claimlint(['--quiet', '--max-warnings', '0', 'over.claim.yaml'], dir).code, 0);
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules:\n  timed-units-total: error\n');
    const errors = claimlint(['--max-warnings', '10', 'over.claim.yaml'], dir);
    assert.equal(errors.code, 1);
    assert.doesNotMatch(errors.stderr, /too many warnings/);
  });

  it('--max-warnings with a value that is not a whole number: usage error, exit 2', () => {
    writeFileSync(join(dir, 'knee.claim.yaml'), KNEE);
    for (const bad of ['x', '1.5', '-2', '']) {
      const r = claimlint([`--max-warnings=${bad}`, 'knee.claim.yaml'], dir);
      assert.equal(r.code, 2, `${bad}: ${r.stderr}`);
      assert.match(r.stderr, /--max-warnings wants a whole number/);
    }
  });
});

describe('pre-commit hook and the SARIF upload step (issue 25 item 10)', () => {
  it('.pre-commit-hooks.yaml: one node hook whose entry is the package\'s binary, run on claim files only', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    assert.ok(Array.isArray(hooks) && hooks.length === 1);
    const [hook] = hooks;
    assert.equal(hook.id, 'claimlint');
    assert.equal(hook.language, 'node');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.ok(Object.keys(pkg.bin).includes(String(hook.entry)), `entry ${hook.entry} is a bin of package.json`);
    const files = new RegExp(String(hook.files));
    for (const f of ['claims/a.claim.yaml', 'b.claim.yml']) assert.ok(files.test(f), f);
    for (const f of ['a.yaml', '.claimlintrc.yaml', 'a.claim.yaml.bak']) assert.ok(!files.test(f), f);
    assert.match(pkg.scripts.prepack, /esbuild\.js/, 'npm pack (pre-commit\'s install) builds dist/ first');
  });

  it('npm pack ships the binary and its bundles, no sources, tests or source maps', function () {
    this.timeout(60000);
    const out = execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    const bin = readFileSync(BIN, 'utf8');
    const required = [...bin.matchAll(/require\('\.\.\/(dist\/[\w.]+)'\)/g)].map((m) => m[1]);
    assert.ok(required.length >= 2, 'bin/claimlint.js requires its bundles');
    for (const f of ['bin/claimlint.js', 'package.json', ...required, 'dist/cliEngine.js', 'dist/auditWorker.js', 'dist/report.js']) {
      assert.ok(files.includes(f), `npm pack ships ${f}`);
    }
    for (const f of files) assert.ok(!/^(src|test|tools|examples|scripts|docs)\//.test(f) && !f.endsWith('.map'), `npm pack would ship ${f}`);
  });

  it('the README documents the GitHub Actions step that uploads the SARIF to code scanning, and the pre-commit hook', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const workflow = /```yaml\n(jobs:[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(workflow, 'a workflow block');
    const steps = (parse(workflow) as { jobs: Record<string, { steps: Record<string, unknown>[]; permissions: Record<string, string> }> }).jobs.claims;
    assert.equal(steps.permissions['security-events'], 'write');
    const audit = steps.steps.find((s) => typeof s.run === 'string' && /npx claimlint .*--format sarif/.test(s.run));
    const upload = steps.steps.find((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(audit && upload, 'an audit step and an upload step');
    const sarifOut = /--output (\S+)/.exec(String(audit.run))?.[1];
    assert.equal((upload.with as Record<string, string>).sarif_file, sarifOut, 'the upload reads the file the audit wrote');
    assert.match(String(upload.if), /cancelled\(\)|always\(\)/, 'the upload runs when the audit fails');
    assert.match(readme, /- id: claimlint/);
  });
});
