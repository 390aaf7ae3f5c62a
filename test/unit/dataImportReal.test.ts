/**
 * Issue 22, "the importer reads CMS files as they come": each variant CMS or a spreadsheet
 * ships, on the real files in ../shared (read in place, never copied into the project): the
 * DOS end-of-file row, `0` for `0.00`, leading zeros dropped from codes, 4- or 5-digit MACs
 * and 1- or 2-digit localities, blank MAC cells continuing a LOCCO block, Latin-1 bytes, `***`
 * footnote marks, headers over several lines, and CMS's XLSX. A file that really is wrong
 * still gets its row, the column and what was expected.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importPack, ImportError, type ImportInput } from '../../src/datapacks/build';
import { pprrvuLayout } from '../../src/datapacks/build/layouts/pprrvu';
import { gpciLayout } from '../../src/datapacks/build/layouts/gpci';
import { localityLayout } from '../../src/datapacks/build/layouts/locality';
import { readRows } from '../../src/datapacks/build/rows';
import type { GpciRow, RvuRow } from '../../src/core/packs';
import { sharedDir } from '../support/sharedFiles';

const sha256 = (d: Uint8Array | string) => createHash('sha256').update(d).digest('hex');

function real(this: Mocha.Context, ...parts: string[]): ImportInput {
  const p = sharedDir(...parts);
  if (!p) this.skip();
  return { name: parts[parts.length - 1], bytes: new Uint8Array(readFileSync(p!)) };
}

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  assert.fail('expected an ImportError');
}

const run = (inputs: ImportInput[]) => importPack(inputs, { packName: 'real', createdBy: 'test', sha256 });
const all = () => true;

describe('data import: CMS\'s files as they come (issue 22, real files in ../shared)', () => {
  it('the PPRRVU CSV as CMS distributes it: the final 0x1A row ends the file; every data row is read', function () {
    const f = real.call(this, 'cms', 'rvu22a', 'PPRRVU22_JAN.csv');
    assert.equal(f.bytes.includes(0x1a), true, 'the file has the DOS end-of-file byte');
    const parsed = pprrvuLayout.parse(f.name, readRows(f.name, f.bytes), all);
    assert.equal(parsed.read, 17600, 'the 17,600 data rows SOURCES.md counts (10 header rows and the 0x1A row left out)');
    assert.equal(parsed.extra?.conversionFactor, 34.6062);
    const pack = run([f]);
    assert.deepEqual(pack.manifest.tables.map((t) => [t.table, t.release, t.effective.from, t.effective.to]), [
      ['conversion-factor', 'RVU22A', '2022-01-01', '2022-12-31'],
      ['pfs-rvu', 'RVU22A', '2022-01-01', '2022-12-31'],
    ]);
  });

  it('the 2023 January file as shipped (CRLF, final 0x1A row) and the October one (LF)', function () {
    const jan = real.call(this, 'real-inputs', 'cms', 'PPRRVU23_JAN.trimmed.csv');
    const oct = real.call(this, 'cms', 'rvu23d', 'PPRRVU23_OCT.csv');
    assert.equal(pprrvuLayout.parse(jan.name, readRows(jan.name, jan.bytes), all).read, 101);
    assert.equal(pprrvuLayout.parse(oct.name, readRows(oct.name, oct.bytes), all).read, 18168);
    const rows = (i: ImportInput) => JSON.parse(run([i]).files.get(`pfs-rvu-${i === jan ? '2023-01-01' : '2023-10-01'}.json`)!) as RvuRow[];
    const j = rows(jan).find((r) => r.code === '97110');
    assert.deepEqual(j, rows(oct).find((r) => r.code === '97110'), 'SOURCES.md: 97110 equal in both 2023 releases');
  });

  it('a PPRRVU re-saved by a spreadsheet: `0` for `0.00`, `100` for 00100, LF, still the 0x1A row', function () {
    const f = real.call(this, 'real-inputs', 'cms', 'PPRRVU25_JAN1.trimmed.csv');
    const rows = pprrvuLayout.parse(f.name, readRows(f.name, f.bytes), all).rows;
    assert.deepEqual(rows.filter((r) => r.code.startsWith('001')).map((r) => r.code), ['00100', '00102'], 'leading zeros put back');
    const anesthesia = rows.find((r) => r.code === '00100')!;
    assert.deepEqual([anesthesia.status, anesthesia.workRvu, anesthesia.peNonFacility], ['J', 0, 0], '`0` read as 0.00');
    const cms = real.call(this, 'cms', 'rvu25d', 'PPRRVU2025_Oct.csv');
    const oct = pprrvuLayout.parse(cms.name, readRows(cms.name, cms.bytes), (c) => c === '97110' || c === '97530').rows;
    assert.deepEqual(rows.filter((r) => r.code === '97110' || r.code === '97530'), oct, 'the re-saved January rows equal CMS\'s formatting of October');
    assert.equal(run([f]).manifest.tables[0].release, 'RVU25A');
  });

  it('CMS\'s XLSX of a release gives the rows of its CSV', function () {
    const csv = real.call(this, 'cms', 'rvu24b', 'PPRRVU24_APR.csv');
    const xlsx = real.call(this, 'cms', 'rvu24b', 'PPRRVU24_APR.xlsx');
    const a = pprrvuLayout.parse(csv.name, readRows(csv.name, csv.bytes), all);
    const b = pprrvuLayout.parse(xlsx.name, readRows(xlsx.name, xlsx.bytes), all);
    assert.equal(b.read, a.read);
    assert.equal(b.read, 18534);
    assert.deepEqual(b.rows, a.rows);
    assert.equal(b.extra?.conversionFactor, 33.2875);
  });

  it('the 2026 file adds a column (PRIC IND): columns are found by their names', function () {
    const f = real.call(this, 'cms', 'rvu26c', 'PPRRVU2026_Jul_nonQPP.csv');
    const parsed = pprrvuLayout.parse(f.name, readRows(f.name, f.bytes), (c) => c === '97110');
    assert.equal(parsed.read, 19356);
    assert.deepEqual(parsed.rows, [{ code: '97110', status: 'A', workRvu: 0.45, peNonFacility: 0.41, peFacility: 0.41, mpRvu: 0.01, multProc: '5' }]);
    assert.equal(parsed.extra?.conversionFactor, 33.4009);
  });

  it('GPCIs: 5-digit MACs and `00` localities (CMS), 4-digit MACs and `0` localities (re-saved) give the same keys', function () {
    const cms = real.call(this, 'cms', 'rvu25d', 'GPCI2025.csv');
    const saved = real.call(this, 'real-inputs', 'cms', 'GPCI2025.csv');
    const a = gpciLayout.parse(cms.name, readRows(cms.name, cms.bytes), all).rows;
    const b = gpciLayout.parse(saved.name, readRows(saved.name, saved.bytes), all).rows;
    assert.equal(a.length, 109);
    assert.deepEqual(b.map((r) => `${r.mac}-${r.locality}`), a.map((r) => `${r.mac}-${r.locality}`));
    const alaska = b.find((r) => r.state === 'AK')!;
    assert.deepEqual([alaska.mac, alaska.locality, alaska.name], ['02102', '01', 'ALASKA'], 'MAC 2102 → 02102, locality 1 → 01, footnote mark dropped');
    assert.deepEqual(b.map((r) => [r.work, r.pe, r.mp]), a.map((r) => [r.work, r.pe, r.mp]));
  });

  it('GPCI 2026 as CMS ships it: `***` footnote rows below the data are not localities', function () {
    const f = real.call(this, 'real-inputs', 'cms', 'GPCI2026.csv');
    const rows = gpciLayout.parse(f.name, readRows(f.name, f.bytes), all).rows;
    assert.equal(rows.length, 109);
    assert.ok(rows.every((r: GpciRow) => /^\d{5}$/.test(r.mac) && /^\d{2}$/.test(r.locality) && !r.name.includes('*')));
  });

  it('LOCCO: CMS\'s own 4-digit MACs, blank state cells, and a MAC only on a block\'s first row', function () {
    const locco = real.call(this, 'real-inputs', 'cms', '25LOCCO1.csv');
    const gpci = real.call(this, 'real-inputs', 'cms', 'GPCI2025.csv');
    const rows = localityLayout.parse(locco.name, readRows(locco.name, locco.bytes), all).rows;
    assert.equal(rows.length, 110, 'the 110 locality rows SOURCES.md counts');
    assert.ok(rows.every((r) => /^\d{5}$/.test(r.mac)));
    // The same file with the MAC left blank under the first row of each block, as some copies print it.
    let prev = '';
    const text = Buffer.from(locco.bytes).toString('latin1').split('\n').map((line) => {
      const m = /^(\d{4,5}),(.*)$/s.exec(line);
      if (!m) return line;
      const same = m[1] === prev;
      prev = m[1];
      return same ? `,${m[2]}` : line;
    }).join('\n');
    assert.ok(/\n,\d/.test(text), 'the derived text has continuation rows');
    const blanked = localityLayout.parse('25LOCCO1.csv', readRows('25LOCCO1.csv', Buffer.from(text, 'latin1')), all).rows;
    assert.deepEqual(blanked, rows);
    const pack = run([gpci, locco]);
    const table = JSON.parse(pack.files.get('gpci-2025-01-01.json')!) as GpciRow[];
    assert.equal(table.filter((r) => r.counties).length, 109, 'every locality gets its counties');
  });

  it('the MUE table: Latin-1 (®), a notice record over several lines, a header over two', function () {
    const f = real.call(this, 'real-inputs', 'cms', 'MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv');
    assert.ok(f.bytes.includes(0xae), 'the Latin-1 ® byte');
    const t = run([f]).manifest.tables[0];
    assert.deepEqual([t.table, t.effective.from, t.effective.to, t.inputs[0].rows], ['mue', '2026-07-01', '2026-09-30', 44]);
  });

  it('the NCCI PTP file: tab-delimited, header over four lines', function () {
    const f = real.call(this, 'real-inputs', 'cms', 'ccipra-v322r0-f1.excerpt.txt');
    const t = run([f]).manifest.tables[0];
    assert.deepEqual([t.table, t.release, t.inputs[0].rows], ['ncci-ptp', 'v322r0', 154]);
  });

  it('a file that really is wrong: the row, the column and what was expected', function () {
    const f = real.call(this, 'real-inputs', 'cms', 'GPCI2025.csv');
    const lines = Buffer.from(f.bytes).toString('latin1').split('\n');
    const row = lines.findIndex((l) => l.startsWith('3102,'));
    lines[row] = lines[row].replace(/^3102,/, '31X2,');
    const err = importError(() => run([{ name: 'GPCI2025.csv', bytes: Buffer.from(lines.join('\n'), 'latin1') }]));
    assert.equal(err.row, row + 1);
    assert.match(err.expected, /MAC number .* in Medicare Administrative Contractor/);
    const p = real.call(this, 'cms', 'rvu25d', 'PPRRVU2025_Oct.csv');
    const text = Buffer.from(p.bytes).toString('latin1').replace(/\r\n97110,,([^,]*),A,,0\.45,/, '\r\n97110,,$1,A,,0.4S,');
    const bad = importError(() => run([{ name: 'PPRRVU2025_Oct.csv', bytes: Buffer.from(text, 'latin1') }]));
    assert.ok(bad.row !== undefined && bad.row > 10);
    assert.match(bad.expected, /expected a number in WORK RVU/);
    const cut = Buffer.from(p.bytes).toString('latin1').replace(/\r\n97110,/, '\r\n9711,');
    assert.match(importError(() => run([{ name: 'PPRRVU2025_Oct.csv', bytes: Buffer.from(cut, 'latin1') }])).expected, /5-character HCPCS code in HCPCS/);
  });
});
