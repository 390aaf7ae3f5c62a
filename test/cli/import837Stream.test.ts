/**
 * The 837 tokenizer stays linear with bounded memory (issue 20 item 9): a 100 MB element
 * with no terminator cost 560–660 MB and 3–18 s before the error, because every 1 MB chunk
 * re-searched the whole pending text. Now each character is searched once and a segment
 * stops at 16 KB. The real binary on a 48 MB element, and the streaming reader fed a large
 * file in small chunks.
 */
import assert from 'node:assert/strict';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Reader837 } from '../../src/importers/claims';
import { file837 } from '../bench/generate837';
import { runCli } from '../support/cli';
import { interchange } from '../support/x12';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

describe('837 streaming: linear, bounded', function () {
  this.timeout(120_000);

  it('the real binary stops at a segment longer than 16 KB (a 48 MB element without a terminator) with exit 2, quickly', () => {
    const dir = makeTmpDir('837-long');
    try {
      const head = interchange(1, [[[]]]).split('~')[0] + '~GS*HC*';
      const fd = openSync(join(dir, 'long.837'), 'w');
      writeSync(fd, head);
      const block = Buffer.alloc(1 << 20, 'A');
      for (let i = 0; i < 48; i++) writeSync(fd, block);
      closeSync(fd);
      // In a 96 MB heap (the old tokenizer needed hundreds of MB); a hang is the test timeout's.
      const r = runCli(['import', 'long.837', '-o', 'out.claim.yaml'], dir, { nodeArgs: ['--max-old-space-size=96'] });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /long\.837: segment 2: more than 16 KB without a segment terminator/);
    } finally {
      removeTmpDir(dir);
    }
  });

  it('the streaming reader gives the same claims whatever the chunk size (1 byte to the whole file)', () => {
    const text = file837(300);
    const read = (size: number) => {
      const r = new Reader837({ patientId: { mode: 'none' } });
      const out = [];
      for (let i = 0; i < text.length; i += size) out.push(...r.push(text.slice(i, i + size)));
      out.push(...r.end());
      return out;
    };
    const whole = read(text.length);
    assert.equal(whole.length, 300 + 75);
    for (const size of [1, 7, 1000, 65536]) assert.deepEqual(read(size), whole, `chunks of ${size}`);
  });
});
