/** One command-line parser for `claimlint`, `claimlint import` and `claimlint data import|info`. */
import assert from 'node:assert/strict';
import { parseCommandLine } from '../../src/cli/args';
import { ROOT, runCli } from '../support/cli';


const claimlint = (args: string[]) => runCli(args, ROOT);

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
