/**
 * Output safety through the real CLI (issue 11 items 5 and 6): no terminal control
 * sequence from a file reaches the terminal, JUnit stays well-formed XML, and patient data
 * in keys, codes, library warnings and config errors is never printed.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimlint } from './hardening.test';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const sax = require('sax') as { parser(strict: boolean): { onerror: (e: Error) => void; write(s: string): { close(): void } } };

const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\u009b31m';
const NAME = 'Zebulon Quux-Sentinel';
const BIRTH = '1911-11-11';
const HOSTILE = `claim:
  id: A
  date_of_service: 2026-03-10
  payer: {type: medicare}
  patient:
    ? [${NAME}, ${BIRTH}]
    : x
    "${NAME} ${ESCAPES}": y
  lines:
    - {code: "${NAME}${ESCAPES}", modifiers: [GP], units: 1, minutes: 15}
`;

function wellFormed(xml: string): void {
  const p = sax.parser(true);
  p.onerror = (e) => {
    throw e;
  };
  p.write(xml).close();
}

describe('CLI output safety', () => {
  let dir: string;
  before(() => {
    dir = makeTmpDir('out');
    writeFileSync(join(dir, `x${ESCAPES}.claim.yaml`), HOSTILE);
  });
  after(() => removeTmpDir(dir));

  for (const format of ['stylish', 'json', 'sarif', 'junit']) {
    it(`${format}: no control characters, no patient text, no library warning text`, () => {
      const r = claimlint(['--format', format, '.'], dir);
      assert.equal(r.code, 1, r.stderr);
      for (const out of [r.stdout, r.stderr]) {
        assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(out), JSON.stringify(out.slice(0, 400)));
        assert.ok(!out.includes(NAME), out);
        assert.ok(!out.includes(BIRTH), out);
        assert.ok(!out.includes('stringified'), out);
      }
      if (format === 'json' || format === 'sarif') JSON.parse(r.stdout);
      if (format === 'junit') wellFormed(r.stdout);
      if (format === 'stylish') assert.match(r.stdout, /an unknown key \(\d+ characters\)/);
    });
  }

  it('a config error names the place, never the payer name', () => {
    const cdir = makeTmpDir('cfg');
    try {
      writeFileSync(join(cdir, '.claimlintrc.yaml'), `unitRule:\n  byPayerName:\n    "${NAME}": sometimes\n`);
      writeFileSync(join(cdir, 'a.claim.yaml'), 'claim:\n  id: A\n');
      const r = claimlint(['a.claim.yaml'], cdir);
      assert.equal(r.code, 2);
      assert.ok(!r.stderr.includes(NAME), r.stderr);
      assert.ok(!r.stdout.includes(NAME), r.stdout);
      assert.match(r.stderr, /unitRule\.byPayerName\.\(a payer name\)/);
      writeFileSync(join(cdir, '.claimlintrc.yaml'), `"${NAME}": 1\n`);
      const r2 = claimlint(['a.claim.yaml'], cdir);
      assert.ok(!r2.stderr.includes(NAME), r2.stderr);
      assert.match(r2.stderr, /an unknown key \(\d+ characters\)/);
    } finally {
      removeTmpDir(cdir);
    }
  });
});
