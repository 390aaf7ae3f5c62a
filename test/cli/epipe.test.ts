/** `claimlint … | head` stops quietly when the reader closes the pipe (no EPIPE stack trace). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimFile } from '../bench/generate';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { BIN } from '../support/paths';


describe('cli: a closed pipe', () => {
  it('exits quietly when the reader stops early (| head -c 100)', function () {
    this.timeout(120000);
    const dir = makeTmpDir('epipe');
    try {
      // Every claim over-billed: a JSON report far larger than a pipe's buffer.
      writeFileSync(join(dir, 'big.claim.yaml'), claimFile(300).replace(/units: \d\n {8}minutes/g, 'units: 9\n        minutes'));
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --format json big.claim.yaml | head -c 100 > /dev/null; echo "status:\${PIPESTATUS:-done}"`], {
        cwd: dir,
        encoding: 'utf8',
      });
      assert.equal(r.stderr, '', 'nothing on stderr');
      assert.match(r.stdout, /status:/);
      // And the full report really is larger than a pipe buffer, so the test means something.
      const full = spawnSync(process.execPath, [BIN, '--format', 'json', 'big.claim.yaml'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
      assert.ok(full.stdout.length > 128 * 1024, `${full.stdout.length} bytes`);
    } finally {
      removeTmpDir(dir);
    }
  });
});
