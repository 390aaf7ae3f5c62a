/**
 * The labelled expected failures of `npm test`'s end-to-end part
 * (test/integration/harness/expected-failure.js, used by the harness self-test's
 * deliberately failing run and the deliberately-broken-package check): a passing log shows
 * one "expected failure (…)" line, no assertion errors or unhandled-rejection traces.
 * Run in a child process, whose stdout is what a reader of the log sees.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

const HELPER = join(ROOT, 'test', 'integration', 'harness', 'expected-failure.js');

/**
 * The step: a child Node process that fails the way the broken package does (an assertion
 * error, then an unhandled rejection with its stack), its output relayed through this
 * process's stdout/stderr as @vscode/test-electron and the harness relay it.
 */
function runWrapper(childExit: number, env: Record<string, string> = {}) {
  const script = `
    const { spawn } = require('node:child_process');
    const { expectFailure } = require(${JSON.stringify(HELPER)});
    const step = () => new Promise((resolve) => {
      const child = spawn(process.execPath, ['-e', \`
        // What VS Code's extension host prints for the client's rejected promises.
        process.on('unhandledRejection', (e) => console.error('rejected promise not handled within 1 second: ' + e.stack));
        console.log('AssertionError [ERR_ASSERTION]: word count of five-words.txt');
        Promise.reject(new Error('Pending response rejected since connection got disposed'));
        setTimeout(() => process.exit(${childExit}), 50);
      \`]);
      child.stdout.on('data', (d) => process.stdout.write(d));
      child.stderr.on('data', (d) => process.stderr.write(d));
      child.on('exit', (code) => resolve({ code, failed: code ? 1 : 0 }));
    });
    expectFailure('deliberately broken package', step, {
      isExpected: (r) => r.code !== 0 && r.failed > 0,
      describe: (r) => 'exit ' + r.code,
    }).then((r) => { process.stdout.write('ok=' + r.ok + '\\n'); });
  `;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, CLAIMLINT_HARNESS_VERBOSE: '', ...env } });
}

describe('expected failures in the end-to-end log', function () {
  this.timeout(20000);

  it('a step that fails as it should prints one labelled line and none of its errors', () => {
    const r = runWrapper(1);
    const log = r.stdout + r.stderr;
    assert.match(r.stdout, /^ {2}expected failure \(deliberately broken package\): exit 1$/m);
    assert.match(r.stdout, /^ok=true$/m);
    assert.doesNotMatch(log, /AssertionError|Pending response rejected|rejected promise not handled|^\s+at /m);
  });

  it('a step that does not fail prints UNEXPECTED and all of its output', () => {
    const r = runWrapper(0);
    assert.match(r.stdout, /UNEXPECTED: the deliberately broken package did not fail as it should \(exit 0\)/);
    assert.match(r.stdout, /^ {2}\| AssertionError \[ERR_ASSERTION\]: word count/m);
    assert.match(r.stdout, /^ {2}\| rejected promise not handled within 1 second: Error: Pending response rejected/m);
    assert.match(r.stdout, /^ {2}\| \s+at /m, 'with its stack, for debugging');
    assert.match(r.stdout, /^ok=false$/m);
  });

  it('CLAIMLINT_HARNESS_VERBOSE=1 shows the held output under the label', () => {
    const r = runWrapper(1, { CLAIMLINT_HARNESS_VERBOSE: '1' });
    assert.match(r.stdout, /expected failure \(deliberately broken package\): exit 1\n {2}its output \(expected to show failures\):\n {2}\| /);
  });
});
