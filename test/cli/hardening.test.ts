/**
 * Hostile files through the real CLI binary (issue 11): each case crashed, hung, escaped
 * the folder or leaked patient data before its fix.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { makeTmpDir, removeTmpDir } from '../support/tmp';


/** Under a 256 MB heap cap: a hostile file must not take the process down. */
export const claimlint = (args: string[], cwd: string, timeout = 20000) => runCli(args, cwd, { timeout, nodeArgs: ['--max-old-space-size=256'] });

describe('CLI hardening (hostile files)', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('hard');
  });
  afterEach(() => removeTmpDir(dir));

  it('a CQ line with units: 1000000000 gets a claim-schema finding at the units, quickly and in little memory', () => {
    writeFileSync(
      join(dir, 'big.claim.yaml'),
      'claim:\n  id: A\n  date_of_service: 2026-03-10\n  payer: {type: medicare}\n  plan_of_care: {discipline: PT}\n  lines:\n    - {code: "97110", modifiers: [GP, CQ], units: 1000000000, minutes: 30, assistant_minutes: 20}\n',
    );
    // Little memory: a 64 MB heap is enough (a unit-by-unit allocation would need gigabytes). A hang is the test timeout's.
    const r = runCli(['--format', 'json', 'big.claim.yaml'], dir, { timeout: 20000, nodeArgs: ['--max-old-space-size=64'] });
    assert.equal(r.signal, null, r.stderr);
    assert.equal(r.code, 1, r.stderr);
    const findings = JSON.parse(r.stdout).files[0].findings as { rule: string; path: string; message: string }[];
    const f = findings.find((x) => x.rule === 'claim-schema' && x.path === 'claim.lines[0].units');
    assert.ok(f, JSON.stringify(findings));
    assert.match(f.message, /at most 999 units/);
  });

  it('minutes over one day get a claim-schema finding', () => {
    writeFileSync(
      join(dir, 'm.claim.yaml'),
      'claim:\n  id: A\n  date_of_service: 2026-03-10\n  payer: {type: medicare}\n  visit: {total_timed_minutes: 100000}\n  lines:\n    - {code: "97110", modifiers: [GP], units: 1, minutes: 99999999}\n',
    );
    const r = claimlint(['--format', 'json', 'm.claim.yaml'], dir);
    const paths = (JSON.parse(r.stdout).files[0].findings as { rule: string; path: string }[]).filter((f) => f.rule === 'claim-schema').map((f) => f.path);
    assert.ok(paths.includes('claim.lines[0].minutes'), paths.join());
    assert.ok(paths.includes('claim.visit.total_timed_minutes'), paths.join());
  });

  it('--fix on a flow list [CQ] that loses CQ and gains GP writes [GP], valid YAML', () => {
    const file = join(dir, 'flow.claim.yaml');
    writeFileSync(
      file,
      'claim:\n  id: A\n  date_of_service: 2026-03-10\n  payer: {type: medicare}\n  plan_of_care: {discipline: PT}\n  lines:\n    - code: "97110"\n      modifiers: [CQ]  # keep\n      units: 1\n      minutes: 15\n      assistant_minutes: 0\n',
    );
    const r = claimlint(['--fix', 'flow.claim.yaml'], dir);
    assert.equal(r.signal, null);
    assert.match(readFileSync(file, 'utf8'), /modifiers: \[GP\]  # keep\n/);
  });

  describe('file-system confinement', () => {
    const WRONG = 'claim:\n  id: A\n  date_of_service: 2026-03-10\n  payer: {type: medicare}\n  plan_of_care: {discipline: PT}\n  lines:\n    - {code: "97110", modifiers: [CQ], units: 1, minutes: 15, assistant_minutes: 0}\n';

    it('--fix . does not follow a symlink out of the folder nor write through one; config globs stay inside', () => {
      const ws = join(dir, 'ws');
      const out = join(dir, 'outside');
      mkdirSync(ws);
      mkdirSync(out);
      writeFileSync(join(out, 'target.claim.yaml'), WRONG);
      writeFileSync(join(out, 'sibling.yaml'), WRONG);
      symlinkSync(join(out, 'target.claim.yaml'), join(ws, 'link.claim.yaml'));
      writeFileSync(join(ws, '.claimlintrc.yaml'), 'files: ["../outside/*.yaml", "/etc/*.conf"]\n');
      const r = claimlint(['--fix', '--format', 'json', '.'], ws);
      assert.equal(r.signal, null, r.stderr);
      assert.equal(readFileSync(join(out, 'target.claim.yaml'), 'utf8'), WRONG);
      assert.equal(readFileSync(join(out, 'sibling.yaml'), 'utf8'), WRONG);
      const paths = (JSON.parse(r.stdout).files as { path: string }[]).map((f) => f.path);
      assert.ok(!paths.some((p) => p.includes('outside') || p.startsWith('/etc')), paths.join());
      assert.match(r.stderr, /outside the folder given; skipped/);
    });

    it('a symlink named x.claim.yaml to /dev/zero is skipped quickly with a warning', () => {
      symlinkSync('/dev/zero', join(dir, 'x.claim.yaml'));
      const r = claimlint(['x.claim.yaml'], dir, 10000);
      assert.equal(r.signal, null);
      assert.match(r.stderr, /not a regular file; skipped/);
    });

    it('invalid UTF-8 is read with a warning', () => {
      writeFileSync(join(dir, 'bad.claim.yaml'), Buffer.concat([Buffer.from('claim:\n  id: "'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n')]));
      const r = claimlint(['bad.claim.yaml'], dir);
      assert.match(r.stderr, /not valid UTF-8/);
    });
  });
});
