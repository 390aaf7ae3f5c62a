/**
 * `claimlint data import` against decompression bombs (issue 20 item 7): a zip member that
 * inflates a thousandfold, the same inside a nested zip, and an .xlsx whose cells sit in the
 * last column (XFD) stop with exit 2 naming the member or row — before anything is inflated
 * or padded. The real CLI binary, under a small heap.
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { makeXlsx } from '../support/xlsx';
import { runCli } from '../support/cli';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const HEAP = ['--max-old-space-size=128'];

describe('claimlint data import: decompression bombs (spawned binary)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('bombs');
  });
  afterEach(() => removeTmpDir(dir));

  const refused = (input: string, message: RegExp) => {
    const r = runCli(['data', 'import', input, '-o', 'pack'], dir, { nodeArgs: HEAP });
    assert.equal(r.signal, null, r.stderr);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.ok(!existsSync(join(dir, 'pack')));
  };

  it('a member compressed a thousandfold, also inside a nested zip; a PDF beside the tables is never inflated', () => {
    // 64 MB of zeros deflate to ~64 KB: the ratio gives it away before a byte is inflated.
    const bomb = zipSync({ 'ccipra_v321r0_f1.txt': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    assert.ok(bomb.length < 1024 * 1024);
    writeFileSync(join(dir, 'ccipra-v321r0-f1.zip'), bomb);
    refused('ccipra-v321r0-f1.zip', /ccipra-v321r0-f1\.zip!ccipra_v321r0_f1\.txt: compressed more than 200:1, claimlint's limit/);
    writeFileSync(join(dir, 'outer.zip'), zipSync({ 'inner.zip': bomb }, { level: 0 }));
    refused('outer.zip', /outer\.zip!inner\.zip!ccipra_v321r0_f1\.txt: compressed more than 200:1/);
    // A bomb that is not a table is passed over without being inflated.
    writeFileSync(join(dir, 'skip.zip'), zipSync({ 'README.pdf': new Uint8Array(64 * 1024 * 1024), 'GPCI2026.csv': strToU8('x') }, { level: 9 }));
    const r = runCli(['data', 'import', 'skip.zip', '-o', 'pack'], dir, { nodeArgs: HEAP });
    assert.equal(r.signal, null, r.stderr);
    assert.doesNotMatch(r.stderr, /README\.pdf: compressed/);
  });

  it('an .xlsx with a cell past column IV (one in XFD) is refused at that row, not padded', () => {
    const book = unzipSync(makeXlsx([['HCPCS', 'MOD', 'DESCRIPTION'], ['97110', '', 'Therapeutic exercise']]));
    const sheet = new TextDecoder().decode(book['xl/worksheets/sheet1.xml']);
    const rows = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 3}"><c r="XFD${i + 3}"><v>1</v></c></row>`).join('');
    book['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('</sheetData>', `${rows}</sheetData>`));
    const xlsx = zipSync(book, { level: 9 });
    writeFileSync(join(dir, 'PPRRVU2026_Jan_nonQPP.xlsx'), xlsx);
    refused('PPRRVU2026_Jan_nonQPP.xlsx', /PPRRVU2026_Jan_nonQPP\.xlsx: row 3: a cell past column IV \(256 columns\), claimlint's limit/);
  });
});
