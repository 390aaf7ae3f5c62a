/** The real CLI binary, spawned as a process, on temporary copies of fixtures. */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { overBilled } from '../support/claimSamples';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { EXAMPLES } from '../support/paths';


const claimlint = (args: string[], cwd: string) => runCli(args, cwd);

const CLEAN = `claim:
  id: CLI-1
  date_of_service: 2026-03-02
  payer: { type: medicare }
  provider: { npi: "1234567893", discipline: PT }
  plan_of_care: { discipline: PT, start_date: 2026-02-16, certified_date: 2026-02-20, cert_through: 2026-05-15 }
  lines:
    - code: "97162"
      modifiers: [GP]
      units: 1
      documentation:
        justification: >-
          New referral after a fall with right hip pain; cannot climb stairs or rise from a
          low chair without help, so an evaluation establishes the plan of care.
        intervention: >-
          History, hip range-of-motion and strength testing, Timed Up and Go 16 s, Berg
          44/56, and a home-exercise plan agreed with the patient.
`;

// Over-billed: 47 timed minutes support 3 units, 4 billed (a comment that must survive --fix).
const WRONG = overBilled('CLI-2', 'keep this comment');

describe('claimlint CLI (spawned binary)', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('cli');
  });
  afterEach(() => removeTmpDir(dir));

  it('exits 0 and reports no problems on a clean claim', () => {
    writeFileSync(join(dir, 'clean.claim.yaml'), CLEAN);
    const r = claimlint(['clean.claim.yaml'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 file audited, no problems/);
  });

  it('exits 1 with a stylish report naming line, column, rule and field path', () => {
    writeFileSync(join(dir, 'wrong.claim.yaml'), WRONG);
    const r = claimlint(['.'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /wrong\.claim\.yaml\n\s+11:16\s+error\s+Service line 1 \(97112\): 24 minutes support 2 units, 3 billed: the visit's 47 timed minutes support 3 units; 4 billed in all\./);
    assert.match(r.stdout, /claims\[0\]\.lines\[0\]\.units\s+timed-units-total/);
  });

  it('prints the --format json contract', () => {
    writeFileSync(join(dir, 'wrong.claim.yaml'), WRONG);
    const r = claimlint(['--format', 'json', 'wrong.claim.yaml'], dir);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.equal(json.files.length, 1);
    const file = json.files[0];
    assert.equal(file.path, 'wrong.claim.yaml');
    assert.equal(file.errorCount, 1);
    assert.equal(file.warningCount, 0);
    const f = file.findings.find((x: { rule: string }) => x.rule === 'timed-units-total');
    assert.deepEqual(
      { rule: f.rule, severity: f.severity, document: f.document, path: f.path, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, fixable: f.fixable },
      { rule: 'timed-units-total', severity: 'error', document: 0, path: 'claims[0].lines[0].units', line: 11, column: 16, endLine: 11, endColumn: 17, fixable: true },
    );
    assert.equal(typeof f.message, 'string');
  });

  it('--fix writes the unambiguous fix back, keeps comments, then exits 0', () => {
    const file = join(dir, 'wrong.claim.yaml');
    writeFileSync(file, WRONG);
    const r = claimlint(['--fix', 'wrong.claim.yaml'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(readFileSync(file, 'utf8'), WRONG.replace('units: 3   # keep this comment', 'units: 2   # keep this comment'));
  });

  it('writes SARIF 2.1.0 with rule metadata and regions, without source snippets', () => {
    writeFileSync(join(dir, 'wrong.claim.yaml'), WRONG);
    const r = claimlint(['-f', 'sarif', 'wrong.claim.yaml'], dir);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'claimlint');
    assert.ok(run.tool.driver.rules.some((x: { id: string }) => x.id === 'timed-units-total'));
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'timed-units-total');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 11, startColumn: 16, endLine: 11, endColumn: 17 });
    assert.ok(!r.stdout.includes('snippet'));
    assert.ok(!r.stdout.includes('CLI-2'), 'no claim values in SARIF');
  });

  it('writes JUnit XML with one failure per finding', () => {
    writeFileSync(join(dir, 'wrong.claim.yaml'), WRONG);
    writeFileSync(join(dir, 'clean.claim.yaml'), CLEAN);
    const r = claimlint(['-f', 'junit', '.'], dir);
    assert.match(r.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
    assert.match(r.stdout, /<testsuite name="wrong\.claim\.yaml" tests="1" failures="1"/);
    assert.match(r.stdout, /<failure type="error" message="Service line 1 \(97112\): 24 minutes support 2 units, 3 billed: the visit&apos;s 47 timed minutes/);
    assert.match(r.stdout, /<testsuite name="clean\.claim\.yaml" tests="1" failures="0"/);
  });

  it('finds claim files in folders and skips other YAML', () => {
    writeFileSync(join(dir, 'notes.yaml'), 'this: is not a claim\n');
    writeFileSync(join(dir, 'a.claim.yml'), CLEAN.replace('CLI-1', 'CLI-3'));
    const r = claimlint(['-f', 'json', '.'], dir);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), ['a.claim.yml']);
  });

  it("finds extra claim files by the folder's config `files` globs", () => {
    mkdirSync(join(dir, 'visits'));
    writeFileSync(join(dir, 'visits', 'march.yaml'), CLEAN.replace('CLI-1', 'CLI-4'));
    writeFileSync(join(dir, 'notes.yaml'), 'this: is not a claim\n');
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'files:\n  - "visits/*.yaml"\n');
    const json = JSON.parse(claimlint(['-f', 'json', '.'], dir).stdout);
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), ['visits/march.yaml']);
  });

  it('honours the nearest .claimlintrc.yaml and --config', () => {
    writeFileSync(join(dir, 'wrong.claim.yaml'), WRONG);
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules:\n  timed-units-total: warning\n');
    const near = claimlint(['-f', 'json', 'wrong.claim.yaml'], dir);
    assert.equal(near.code, 0);
    assert.equal(JSON.parse(near.stdout).files[0].findings.find((f: { rule: string }) => f.rule === 'timed-units-total').severity, 'warning');
    writeFileSync(join(dir, 'off.yaml'), 'rules:\n  timed-units-total: "off"\n');
    const explicit = claimlint(['-f', 'json', '--config', 'off.yaml', 'wrong.claim.yaml'], dir);
    assert.ok(!JSON.parse(explicit.stdout).files[0].findings.some((f: { rule: string }) => f.rule === 'timed-units-total'));
  });

  it('warns on stderr about an unknown rule id (with "did you mean") and a bad rule option, once per config file, and applies the rest', () => {
    writeFileSync(join(dir, 'wrong.claim.yaml'), WRONG);
    writeFileSync(join(dir, 'also.claim.yaml'), WRONG.replace('CLI-2', 'CLI-3'));
    writeFileSync(
      join(dir, '.claimlintrc.yaml'),
      'rules:\n  kx-modifer-missing: "off"\n  timed-units-total: warning\n  kx-modifier-missing:\n    options:\n      payerTypes: [medicar]\n',
    );
    const r = claimlint(['-f', 'json', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    const rc = '.claimlintrc.yaml'; // as the run shows paths: relative to the current folder
    assert.deepEqual(r.stderr.trim().split('\n'), [
      `claimlint: warning: ${rc}:2: rules.kx-modifer-missing: unknown rule id; did you mean kx-modifier-missing? (the setting is ignored)`,
      `claimlint: warning: ${rc}:6: rules.kx-modifier-missing.options.payerTypes: must be one of medicare, medicare-advantage, medicaid, commercial; did you mean medicare? (the option is ignored; the default applies)`,
    ]);
    const findings = JSON.parse(r.stdout).files.flatMap((f: { findings: { rule: string; severity: string }[] }) => f.findings);
    assert.ok(findings.some((f: { rule: string; severity: string }) => f.rule === 'timed-units-total' && f.severity === 'warning'));
  });

  it('exits 2 on an invalid config, a missing file, or bad usage', () => {
    writeFileSync(join(dir, 'wrong.claim.yaml'), WRONG);
    writeFileSync(join(dir, 'bad.yaml'), 'rulez: {}\n');
    assert.equal(claimlint(['--config', 'bad.yaml', 'wrong.claim.yaml'], dir).code, 2);
    const missing = claimlint(['nope.claim.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.claim\.yaml: no such file or folder/);
    assert.equal(claimlint(['--format', 'xml', '.'], dir).code, 2);
    assert.equal(claimlint([], dir).code, 2);
    assert.equal(claimlint(['--bogus', '.'], dir).code, 2);
  });

  it('never prints patient values, even for broken YAML', () => {
    const secret = 'PT-SECRET-4242';
    writeFileSync(join(dir, 'broken.claim.yaml'), `claims:\n  - id: X\n    patient: { id: ${secret}\n    payer: [\n`);
    const r = claimlint(['broken.claim.yaml'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /yaml-syntax/);
    assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret));
  });

  it('audits the bundled examples', () => {
    const copy = join(dir, 'examples');
    cpSync(EXAMPLES, copy, { recursive: true });
    const r = claimlint(['-f', 'json', 'examples'], dir);
    const json = JSON.parse(r.stdout);
    const byFile = Object.fromEntries(json.files.map((f: { path: string; errorCount: number }) => [f.path, f.errorCount]));
    assert.equal(byFile['examples/knee-replacement.claim.yaml'], 0);
    assert.equal(byFile['examples/stroke-transfers.claim.yaml'], 0);
    assert.ok(byFile['examples/mistakes.claim.yaml'] > 0);
  });
});

describe('claimlint CLI: what a newcomer hits (issue 10 item 8)', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('cli');
  });
  afterEach(() => removeTmpDir(dir));

  it('a path that does not exist: the error, no "0 files audited, no problems", no -o report', () => {
    const r = claimlint(['missing.claim.yaml'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.claim\.yaml: no such file or folder/);
    assert.match(r.stderr, /nothing was audited/);
    assert.doesNotMatch(r.stdout, /audited|no problems/);
    const o = claimlint(['missing.claim.yaml', '-o', 'report.json', '-f', 'json'], dir);
    assert.equal(o.code, 2);
    assert.match(o.stderr, /report\.json not written/);
    assert.throws(() => readFileSync(join(dir, 'report.json')), /ENOENT/);
  });

  it('a misspelled key: "did you mean" the field it resembles, at that level of the claim', () => {
    writeFileSync(join(dir, 'a.claim.yaml'), CLEAN.replace('      modifiers: [GP]', '      modifer: [GP]').replace('    - code: "97162"', '    - code: "97162"\n      documentaton: {}'));
    const r = claimlint(['-f', 'json', 'a.claim.yaml'], dir);
    const messages = JSON.parse(r.stdout).files[0].findings.map((f: { message: string }) => f.message);
    assert.ok(messages.some((m: string) => /did you mean `?modifiers`?\?/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m: string) => /did you mean `?documentation`?\?/.test(m)), messages.join('\n'));
  });

  it('an unclosed [ is reported once, in words that say so', () => {
    writeFileSync(join(dir, 'a.claim.yaml'), 'claim: {id: A, lines: [\n');
    writeFileSync(join(dir, 'b.claim.yaml'), CLEAN.replace('      modifiers: [GP]', '      modifiers: [GP'));
    const r = claimlint(['-f', 'json', 'a.claim.yaml', 'b.claim.yaml'], dir);
    const [a, b] = JSON.parse(r.stdout).files.map((f: { findings: { rule: string; message: string }[] }) => f.findings.filter((x) => x.rule === 'yaml-syntax'));
    assert.equal(a.length, 1, JSON.stringify(a));
    assert.match(a[0].message, /`\[` and `\{` are not closed: `\]` and `\}` are missing/);
    assert.equal(b.length, 1, JSON.stringify(b));
    assert.match(b[0].message, /a `\[` is not closed: `\]` is missing/);
  });
});
