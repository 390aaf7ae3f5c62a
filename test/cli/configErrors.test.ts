/**
 * Config errors and the config lookup through the real CLI binary (issue 11 items 4 and 10):
 * a broken config is never "✔ … no problems", the lookup stops at the repository root,
 * and --debug names the config that applied.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { BROKEN_CONFIG, BROKEN_CONFIG_PROBLEMS } from '../support/configProblems';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { exampleText } from '../support/paths';


const claimlint = (args: string[], cwd: string) => runCli(args, cwd, { timeout: 20000 });
const MISTAKES = exampleText('mistakes');
const KNEE = exampleText('knee-replacement');

describe('CLI: config errors and the config lookup', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('cfg');
  });
  afterEach(() => removeTmpDir(dir));

  it('an invalid config in a folder with no claim file: the error, exit 2, no "✔ 0 files audited, no problems"', () => {
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules: [\n');
    const r = claimlint(['.'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /\.claimlintrc\.yaml:2: not valid YAML/);
    assert.match(r.stderr, /\.claimlintrc\.yaml: invalid config \(1 error above\): the claim files under it are not audited \(exit 2\)/);
    assert.doesNotMatch(r.stdout, /✔|no problems/);
  });

  it('every problem of a config, each with file, line, key, allowed values and "did you mean"; then what exit 2 means (issue 25 item 6)', () => {
    writeFileSync(join(dir, '.claimlintrc.yaml'), BROKEN_CONFIG);
    writeFileSync(join(dir, 'knee.claim.yaml'), KNEE);
    const r = claimlint(['.'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.deepEqual(
      lines.slice(0, BROKEN_CONFIG_PROBLEMS.length),
      BROKEN_CONFIG_PROBLEMS.map(([line, severity, text]) => `claimlint: ${severity === 'warning' ? 'warning: ' : ''}.claimlintrc.yaml:${line}: ${text}`),
    );
    assert.match(lines[BROKEN_CONFIG_PROBLEMS.length], /^claimlint: \.claimlintrc\.yaml: invalid config \(4 errors above\): the claim files under it are not audited \(exit 2\)/);
    assert.doesNotMatch(r.stdout, /✔|no problems/);
  });

  it('an invalid --config with no claim file: exit 2, never success', () => {
    writeFileSync(join(dir, 'bad.yaml'), 'rules: 5\n');
    const r = claimlint(['-c', 'bad.yaml', '.'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /bad\.yaml:1: rules: expected a map of keys/);
    assert.match(r.stderr, /bad\.yaml: invalid config \(1 error above\)/);
    assert.doesNotMatch(r.stdout, /✔|no problems/);
  });

  it('one folder with a broken config beside a clean file: the error said once, the summary says the audit is incomplete', () => {
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', '.claimlintrc.yaml'), 'rules: [\n');
    writeFileSync(join(dir, 'broken', 'a.claim.yaml'), KNEE);
    writeFileSync(join(dir, 'broken', 'b.claim.yaml'), KNEE);
    mkdirSync(join(dir, 'fine'));
    writeFileSync(join(dir, 'fine', 'knee.claim.yaml'), KNEE);
    const r = claimlint(['fine', 'broken'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.equal(r.stderr.match(/invalid config/g)?.length, 1, r.stderr);
    assert.doesNotMatch(r.stdout, /✔/);
    assert.match(r.stdout, /✖ 1 error above \(the audit is incomplete\), 2 files not audited; 1 file audited, no problems in them/);
  });

  it('the lookup stops at the repository root: a stray config above it (all rules off) does not apply', () => {
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules: {timed-units-total: off, timed-units-per-code: off, therapy-modifier-missing: off}\n');
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'claims'));
    writeFileSync(join(repo, 'claims', 'm.claim.yaml'), MISTAKES);
    const r = claimlint(['-f', 'json', '--debug', 'claims'], repo);
    assert.equal(r.code, 1, r.stderr);
    const rules = JSON.parse(r.stdout).files[0].findings.map((f: { rule: string }) => f.rule);
    assert.ok(rules.includes('timed-units-total'), rules.join());
    assert.match(r.stderr, /debug: .*claims: no config file \(defaults\)/);
    // The binary tunes V8 for a short run (src/node/burstTiering.ts), unless node was given an inlining flag.
    assert.match(r.stderr, /debug: V8: --max-inlined-bytecode-size-cumulative=60 \(a short run\)/);
    const own = runCli(['-f', 'json', '--debug', 'claims'], repo, { timeout: 20000, nodeArgs: ['--max-inlined-bytecode-size-cumulative=920'] });
    assert.match(own.stderr, /debug: V8: node's own inlining flag kept/);
    assert.equal(own.stdout, r.stdout);
    // Without .git the folder above is still the nearest config (and --debug says so).
    rmSync(join(repo, '.git'), { recursive: true });
    const above = claimlint(['-f', 'json', '--debug', 'claims'], repo);
    const rulesAbove = JSON.parse(above.stdout).files[0].findings.map((f: { rule: string }) => f.rule);
    assert.ok(!rulesAbove.includes('timed-units-total'), rulesAbove.join());
    assert.match(above.stderr, new RegExp(`debug: .*claims: config ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.claimlintrc\\.yaml`));
  });

  it('a config in the repository root itself applies, and `root: true` is accepted', () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(join(repo, '.claimlintrc.yaml'), 'root: true\nrules: {timed-units-total: off}\n');
    writeFileSync(join(repo, 'm.claim.yaml'), MISTAKES);
    const r = claimlint(['-f', 'json', 'm.claim.yaml'], repo);
    assert.equal(r.code, 1, r.stderr);
    const rules = JSON.parse(r.stdout).files[0].findings.map((f: { rule: string }) => f.rule);
    assert.ok(!rules.includes('timed-units-total') && rules.includes('timed-units-per-code'), rules.join());
  });
});
