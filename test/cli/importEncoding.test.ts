/**
 * A CSV saved as Windows-1252 (issue 20 item 13): its bytes used to become U+FFFD without a
 * word. Now an input that is not UTF-8 is refused with exit 2 naming the line, and
 * `--encoding windows-1252` decodes it. The real binary.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

describe('claimlint import --encoding (spawned binary)', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('encoding');
  });
  afterEach(() => removeTmpDir(dir));

  it('a Windows-1252 CSV: refused without --encoding (line named), read right with it', () => {
    const csv = Buffer.from('claim_id,date_of_service,payer_type,payer_name,code,units\nC-1,2026-03-02,commercial,Caf\xe9 Sant\xe9,97110,2\n', 'latin1');
    writeFileSync(join(dir, 'win.csv'), csv);
    const r = runCli(['import', 'win.csv', '-o', 'out.claim.yaml'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /win\.csv: line 2 \(byte \d+\): not UTF-8 text .*--encoding windows-1252/);
    assert.deepEqual(readdirSync(dir), ['win.csv']);
    const ok = runCli(['import', 'win.csv', '--encoding', 'windows-1252', '-o', 'out.claim.yaml'], dir);
    assert.equal(ok.code, 0, ok.stderr);
    const yaml = readFileSync(join(dir, 'out.claim.yaml'), 'utf8');
    assert.ok(yaml.includes('Café Santé'), yaml);
    assert.ok(!yaml.includes('\ufffd'));
    assert.equal(runCli(['import', 'win.csv', '--encoding', 'klingon'], dir).code, 2);
  });

  it('an 837 streamed in chunks is checked too', () => {
    const bad = Buffer.from('ISA*00*          *00*          *ZZ*SENDER\xe9         *ZZ*RECEIVER       *260302*1200*^*00501*000000001*0*P*:~', 'latin1');
    writeFileSync(join(dir, 'x.837'), bad);
    const r = runCli(['import', 'x.837'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /x\.837: near byte \d+: not UTF-8 text/);
  });
});
