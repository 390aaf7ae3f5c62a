/**
 * `--threads` under an address-space limit (issue 20 item 15): each worker reserves ~700 MB
 * of virtual memory and V8 aborted the whole run (exit 133) when it could not. Now the pool
 * starts only the workers that fit, says so, and the output is the same as with one thread.
 * The real binary under `ulimit -v` (Linux).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimText } from '../bench/generate';
import { BIN } from '../support/cli';
import { workersThatFit } from '../../src/node/poolSizes';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

describe('--threads under an address-space limit', function () {
  this.timeout(120_000);

  it('reads the limit: unlimited keeps the wish; a limit keeps what fits', () => {
    const status = 'VmSize:\t  700000 kB\n';
    assert.equal(workersThatFit(4, 'Max address space         unlimited            unlimited            bytes\n', status), 4);
    assert.equal(workersThatFit(4, '', status), 4, 'no /proc: no limit known');
    assert.equal(workersThatFit(4, 'Max address space         2048000000           unlimited            bytes\n', status), 0);
    assert.equal(workersThatFit(4, 'Max address space         4096000000           unlimited            bytes\n', status), 3);
  });

  it('the real binary with --threads 4 under ulimit -v 2 GB: no abort, a warning, the one-thread output', function () {
    if (!existsSync('/proc/self/limits')) this.skip();
    const dir = makeTmpDir('ulimit');
    try {
      writeFileSync(join(dir, 'big.claim.yaml'), 'claims:\n' + Array.from({ length: 300 }, (_, i) => claimText(i)).join(''));
      const run = (threads: number, limitKb?: number) =>
        spawnSync('sh', ['-c', `${limitKb ? `ulimit -v ${limitKb}; ` : ''}exec "$0" "$1" -f json --threads ${threads} big.claim.yaml`, process.execPath, BIN], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
      const one = run(1);
      const limited = run(4, 2_000_000);
      assert.equal(limited.signal, null, limited.stderr);
      assert.notEqual(limited.status, 133, 'V8 aborted');
      assert.equal(limited.status, one.status, limited.stderr);
      assert.match(limited.stderr, /--threads 4: the process's address-space limit \(ulimit -v\) leaves room for \d worker threads?/);
      assert.equal(limited.stdout, one.stdout);
    } finally {
      removeTmpDir(dir);
    }
  });
});
