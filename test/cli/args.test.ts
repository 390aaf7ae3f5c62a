/** One command-line parser for `claimlint`, `claimlint import` and `claimlint data import|info`. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseCommandLine } from '../../src/cli/args';

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'claimlint.js');

function claimlint(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('command-line parsing (shared parseCommandLine)', () => {
  it('returns values and positionals, or the usage printer\'s exit code with a terminal-safe message', () => {
    const ok = parseCommandLine(['-o', 'x.json', 'a', 'b'], { output: { type: 'string', short: 'o' } }, () => 9);
    assert.notEqual(typeof ok, 'number');
    if (typeof ok === 'number') return;
    assert.equal(ok.values.output, 'x.json');
    assert.deepEqual(ok.positionals, ['a', 'b']);

    const seen: string[] = [];
    const code = parseCommandLine(['--bo\u001bgus'], { output: { type: 'string' } }, (m) => (seen.push(m), 7));
    assert.equal(code, 7);
    assert.equal(seen.length, 1);
    assert.match(seen[0], /--bo\\x1bgus/);
    assert.doesNotMatch(seen[0], /\u001b/);
  });

  for (const [name, argv, usageLine] of [
    ['claimlint', [], /^Usage: claimlint \[options\]/m],
    ['claimlint import', ['import'], /^Usage: claimlint import/m],
    ['claimlint data import', ['data', 'import'], /^Usage: claimlint data import/m],
    ['claimlint data info', ['data', 'info'], /^Usage: claimlint data import/m],
  ] as const) {
    it(`${name}: an unknown option exits 2 with the option shown escaped and the command's usage`, () => {
      const r = claimlint([...argv, '--bo\u001b[31mgus']);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /Unknown option '--bo\\x1b\[31mgus'/);
      assert.doesNotMatch(r.stderr, /\u001b/, 'no raw escape reaches the terminal');
      assert.match(r.stderr, usageLine);
      assert.equal(r.stdout, '');
    });
  }
});
