/**
 * `claimlint data import`, pure part: each CMS layout read from sample files with CMS's
 * header rows (test/fixtures/cms), the spreadsheet form, the therapy filter, located
 * errors for wrong files, determinism, and the size target.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPack, ImportError, tableText, type ImportInput } from '../../src/datapacks/build';
import { readRows } from '../../src/datapacks/build/rows';
import { MANIFEST_FILE, type PackManifest } from '../../src/core/data/packTypes';
import { tables } from '../../src/core/data';
import { makeXlsx } from '../support/xlsx';
import { FIXTURES } from '../support/paths';

const DIR = join(FIXTURES, 'cms');
const sha256 = (d: Uint8Array | string) => createHash('sha256').update(d).digest('hex');

function input(name: string): ImportInput {
  return { name, bytes: readFileSync(join(DIR, name)) };
}

function run(names: (string | ImportInput)[], packName = 'test-pack', effective?: string) {
  return importPack(
    names.map((n) => (typeof n === 'string' ? input(n) : n)),
    { packName, createdBy: 'claimlint test', sha256, effective },
  );
}

function rowsOf(pack: ReturnType<typeof run>, table: string): Record<string, unknown>[] {
  const t = pack.manifest.tables.find((x) => x.table === table);
  assert.ok(t, `table ${table} in the pack`);
  return JSON.parse(pack.files.get(t.file)!);
}

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ImportError, `an ImportError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the import to fail');
}

const NCCI = 'ccipra_v321r0_f1.txt';
const MUE = 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv';
const RVU = 'PPRRVU2026_Jan_nonQPP.csv';
const GPCI = 'GPCI2026.csv';
const LOCCO = '26LOCCO.csv';
const THERAPY = '2026-annual-therapy-code-list.csv';

describe('data import: CMS layouts', () => {
  it('NCCI PTP practitioner text: header under copyright rows, quarter from the version, deleted edits kept with their last day', () => {
    const pack = run([NCCI]);
    const t = pack.manifest.tables.find((x) => x.table === 'ncci-ptp')!;
    assert.deepEqual(t.effective, { from: '2026-04-01', to: '2026-06-30' }, 'v32.1 is the April 2026 quarter');
    assert.equal(t.release, 'v321r0');
    const rows = rowsOf(pack, 'ncci-ptp');
    const deleted = rows.find((r) => r.column1 === '97530' && r.column2 === '97161');
    assert.deepEqual(deleted, { column1: '97530', column2: '97161', from: '2020-01-01', to: '2020-03-31', modifierIndicator: 0, rationale: 'Standards of medical / surgical practice' });
    const old = rows.find((r) => r.column1 === '97110' && r.column2 === '97750');
    assert.equal(old?.before1996, true);
    assert.equal(old?.from, '1996-01-01');
    assert.equal(rows.find((r) => r.column1 === '97530' && r.column2 === '97116')?.modifierIndicator, 0);
  });

  it('keeps only pairs whose two codes are therapy-related (the filter), and says so in the manifest', () => {
    const pack = run([NCCI]);
    const rows = rowsOf(pack, 'ncci-ptp');
    assert.equal(rows.length, 10);
    assert.ok(!rows.some((r) => ['10060', '99213', '27447', '36415'].includes(String(r.column1))), 'pairs with non-therapy codes dropped');
    const t = pack.manifest.tables.find((x) => x.table === 'ncci-ptp')!;
    assert.deepEqual(t.inputs.map((i) => [i.rows, i.kept]), [[14, 10]]);
    assert.match(pack.manifest.filter, /NCCI pair is kept when both codes are kept/);
  });

  it('NCCI in its spreadsheet form (.xlsx) gives the same table as the text form', () => {
    const textRows = readRows(NCCI, readFileSync(join(DIR, NCCI)));
    const xlsx = makeXlsx(textRows.map((r) => r.cells));
    const fromXlsx = run([{ name: 'ccipra_v321r0_f1.xlsx', bytes: xlsx }]);
    const fromText = run([NCCI]);
    assert.deepEqual(rowsOf(fromXlsx, 'ncci-ptp'), rowsOf(fromText, 'ncci-ptp'));
  });

  it('spreadsheet dates stored as Excel serial numbers are read as dates', () => {
    const rows = readRows(NCCI, readFileSync(join(DIR, NCCI))).map((r) => [...r.cells]);
    // 2026-04-01 is serial 46113 in Excel's 1900 system.
    const target = rows.find((c) => c[0] === '97530' && c[1] === '97116')!;
    target[3] = '46113';
    const pack = run([{ name: 'ccipra_v321r0_f1.xlsx', bytes: makeXlsx(rows) }]);
    assert.equal(rowsOf(pack, 'ncci-ptp').find((r) => r.column1 === '97530' && r.column2 === '97116')?.from, '2026-04-01');
  });

  it('MUE practitioner: multi-line notice and header cells, MAI from its text, non-therapy codes dropped', () => {
    const pack = run([MUE]);
    const t = pack.manifest.tables.find((x) => x.table === 'mue')!;
    assert.deepEqual(t.effective, { from: '2026-04-01', to: '2026-06-30' });
    const rows = rowsOf(pack, 'mue');
    assert.deepEqual(rows.find((r) => r.code === '97140'), { code: '97140', maxUnits: 3, mai: 3, rationale: 'Clinical: Data' });
    assert.deepEqual(rows.find((r) => r.code === '97129'), { code: '97129', maxUnits: 1, mai: 2, rationale: 'Code Descriptor / CPT Instruction' });
    assert.ok(!rows.some((r) => r.code === '99213' || r.code === '0001A'));
  });

  it('PPRRVU: four stacked header rows under nine preamble rows; conversion factor; global service only', () => {
    const pack = run([RVU]);
    const rows = rowsOf(pack, 'pfs-rvu');
    assert.deepEqual(rows.find((r) => r.code === '97110'), { code: '97110', status: 'A', workRvu: 0.45, peNonFacility: 0.4, peFacility: 0.4, mpRvu: 0.02, multProc: '5' });
    assert.equal(rows.filter((r) => r.code === '97750').length, 1, 'the -26 row is not kept');
    assert.equal(rows.find((r) => r.code === '97750')?.peNonFacility, 0.5);
    assert.deepEqual(rowsOf(pack, 'conversion-factor'), [{ nonQp: 33.4009, qp: 33.4009 }]);
    const t = pack.manifest.tables.find((x) => x.table === 'pfs-rvu')!;
    assert.deepEqual(t.effective, { from: '2026-01-01', to: '2026-12-31' });
  });

  it('a QPP file next to the non-QPP one gives the second conversion factor', () => {
    const text = readFileSync(join(DIR, RVU), 'utf8').replace(/33\.4009/g, '33.5675');
    const pack = run([RVU, { name: 'PPRRVU2026_Jan_QPP.csv', bytes: Buffer.from(text) }]);
    assert.deepEqual(rowsOf(pack, 'conversion-factor'), [{ nonQp: 33.4009, qp: 33.5675 }]);
  });

  it('GPCI with the locality table: footnotes skipped, counties added, the floored work GPCI chosen', () => {
    const pack = run([GPCI, LOCCO]);
    const rows = rowsOf(pack, 'gpci');
    assert.equal(rows.length, 4);
    assert.deepEqual(rows.find((r) => r.locality === '05'), { mac: '01112', locality: '05', state: 'CA', name: 'SAN FRANCISCO', work: 1.1, pe: 1.5, mp: 0.5, counties: 'SAN FRANCISCO' });
    assert.equal(rows.find((r) => r.mac === '10112')?.counties, 'ALL COUNTIES', 'LOCCO locality "0" matches GPCI "00"');
    assert.equal(rows.find((r) => r.mac === '02102')?.name, 'ALASKA', 'footnote marks dropped from the name');

    const twoWork = readFileSync(join(DIR, GPCI), 'utf8')
      .replace('2026 PW GPCI (with 1.0 Floor)***', '2026 PW GPCI (without 1.0 Floor),2026 PW GPCI (with 1.0 Floor)***')
      .replace('10112,AL,00,ALABAMA,1.000', '10112,AL,00,ALABAMA,0.950,1.000');
    const p2 = run([{ name: 'GPCI2026.csv', bytes: Buffer.from(twoWork.replace(/^(\d{5},\w\w,\d\d,[^,]+),(?!0\.950)/gm, '$1,0.990,')) }]);
    assert.equal(rowsOf(p2, 'gpci').find((r) => r.mac === '10112')?.work, 1, 'with-floor column, not the unfloored 0.950');
  });

  it('the manifest names each input by its file name, never its folder (issue 24 item 7); a zip member keeps its path in the zip', () => {
    const bytes = readFileSync(join(DIR, MUE));
    const pack = run([{ name: `/home/biller/claims/2026 q2/${MUE}`, bytes }, { name: `C:\\Users\\biller\\Downloads\\ncci.zip!inner/${NCCI}`, bytes: readFileSync(join(DIR, NCCI)) }, { name: `../biller/${RVU}`, bytes: readFileSync(join(DIR, RVU)) }]);
    const names = pack.manifest.tables.flatMap((t) => t.inputs.map((i) => i.name)).sort();
    assert.deepEqual(names, [MUE, `ncci.zip!inner/${NCCI}`, RVU, RVU].sort(), 'the RVU file feeds two tables (RVUs, conversion factor)');
    assert.ok(![...pack.files.values()].some((t) => t.includes('biller')), 'no folder of the user in any pack file');
    assert.equal(pack.manifest.tables.find((t) => t.table === 'mue')!.inputs[0].sha256, sha256(bytes));
  });

  it('Annual Therapy Code List: always/sometimes, widens the filter to its codes', () => {
    const pack = run([THERAPY, MUE]);
    const rows = rowsOf(pack, 'therapy-codes');
    assert.deepEqual(rows.find((r) => r.code === '97750'), { code: '97750', therapy: 'sometimes' });
    assert.equal(rows.length, 9);
    assert.match(pack.manifest.filter, /Annual Therapy Code List given \(9 codes\)/);
  });
});

describe('data import: wrong and malformed files', () => {
  it('names the file, the row and what was expected for a bad code', () => {
    const err = importError(() => run([NCCI, 'ccipra_v321r0_f2.txt']));
    assert.equal(err.file, 'ccipra_v321r0_f2.txt');
    assert.equal(err.row, 12);
    assert.match(err.expected, /5-character HCPCS\/CPT code in Column 2/);
  });

  it('finds columns by their header names, not their positions: reversed columns give the same table', () => {
    const reverse = (name: string, sep: string) => {
      const text = readFileSync(join(DIR, name), 'utf8');
      return { name, bytes: Buffer.from(text.split('\n').map((l) => l.replace(/\r$/, '').split(sep).reverse().join(sep)).join('\r\n')) };
    };
    assert.deepEqual(rowsOf(run([reverse(NCCI, '\t')]), 'ncci-ptp'), rowsOf(run([NCCI]), 'ncci-ptp'), 'NCCI, tab-delimited with a header over four lines');
    assert.deepEqual(rowsOf(run([reverse(GPCI, ',')]), 'gpci'), rowsOf(run([GPCI]), 'gpci'), 'GPCI');
    const mue = '"HCPCS/\nCPT Code",MUE Rationale,Some New Column,MUE Adjudication Indicator,Practitioner Services MUE Values\n97110,Clinical: Data,x,3 Date of Service Edit: Clinical,6\n';
    assert.deepEqual(rowsOf(run([{ name: MUE, bytes: Buffer.from(mue) }]), 'mue'), [{ code: '97110', maxUnits: 6, mai: 3, rationale: 'Clinical: Data' }], 'MUE with its columns shuffled and an unknown one');
  });

  it('a file missing a required column is refused, naming the file and the columns expected', () => {
    const text = readFileSync(join(DIR, NCCI), 'utf8').replace('\tModifier\t', '\tMod\t');
    const err = importError(() => run([{ name: NCCI, bytes: Buffer.from(text) }]));
    assert.equal(err.file, NCCI);
    assert.match(err.expected, /^does not look like an NCCI PTP practitioner edits file: no header row with the columns "Column 1", "Column 2", "Effective Date", "Deletion Date", "Modifier 0=not allowed 1=allowed 9=not applicable" in its first 60 rows$/);
  });

  it('rejects the hospital MUE table given as the practitioner one', () => {
    const err = importError(() => run(['MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv']));
    assert.match(err.message, /does not look like an MUE practitioner services table: no header row with the columns "HCPCS\/CPT Code", "Practitioner Services MUE Values"/);
  });

  it('rejects a bad MUE adjudication indicator at its row', () => {
    const err = importError(() => run(['MCR_MUE_PractitionerServices_Eff_07-01-2026.csv']));
    assert.equal(err.row, 7);
    assert.match(err.expected, /1, 2 or 3 at the start of MUE Adjudication Indicator/);
  });

  it('rejects a PPRRVU file with two conversion factors', () => {
    assert.match(importError(() => run(['PPRRVU2027_Jan_nonQPP.csv'])).expected, /one conversion factor/);
  });

  it('rejects a file named like one table but holding another', () => {
    const err = importError(() => run([{ name: 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv', bytes: readFileSync(join(DIR, GPCI)) }]));
    assert.match(err.message, /does not look like an MUE practitioner services table/);
  });

  it('rejects a file that is none of the CMS tables, and an old binary .xls', () => {
    assert.match(importError(() => run([{ name: 'notes.csv', bytes: Buffer.from('a,b\n1,2\n') }])).expected, /not a CMS file claimlint imports/);
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    assert.match(importError(() => run([{ name: 'ccipra_v321r0_f1.xls', bytes: ole }])).expected, /save it as \.xlsx or as tab-delimited text/);
  });

  it('a file whose name does not tell its period needs --effective', () => {
    const bytes = readFileSync(join(DIR, MUE));
    assert.match(importError(() => run([{ name: 'mue.csv', bytes }])).expected, /--effective/);
    const pack = run([{ name: 'mue.csv', bytes }], 'p', '2026-07-01');
    assert.deepEqual(pack.manifest.tables[0].effective, { from: '2026-07-01', to: '2026-09-30' });
  });

  it('two releases of one table for the same period are refused', () => {
    const bytes = readFileSync(join(DIR, NCCI));
    const err = importError(() => run([NCCI, { name: 'ccipra_v321r1_f1.txt', bytes }]));
    assert.match(err.expected, /import one release per period/);
  });

  it('a locality table alone is refused: it only adds counties to GPCIs', () => {
    assert.match(importError(() => run([LOCCO])).expected, /import it with the GPCI file of 2026/);
  });
});

describe('data import: the pack', () => {
  const all = [NCCI, MUE, RVU, GPCI, LOCCO, THERAPY];

  it('has a versioned manifest naming each input with its sha256 and each table with its period and sha256', () => {
    const pack = run(all);
    const manifest = JSON.parse(pack.files.get(MANIFEST_FILE)!) as PackManifest;
    assert.equal(manifest.format, 'claimlint-data-pack');
    assert.equal(manifest.version, 1);
    assert.deepEqual(manifest.tables.map((t) => t.table).sort(), ['conversion-factor', 'gpci', 'mue', 'ncci-ptp', 'pfs-rvu', 'therapy-codes']);
    for (const t of manifest.tables) {
      assert.equal(t.sha256, sha256(pack.files.get(t.file)!), `${t.file} hash`);
      for (const i of t.inputs) assert.equal(i.sha256, sha256(readFileSync(join(DIR, i.name.split('/').pop()!))));
    }
  });

  it('is byte-for-byte the same when the same files are imported again', () => {
    const a = run(all);
    const b = run([...all].reverse());
    assert.deepEqual([...a.files.keys()].sort(), [...b.files.keys()].sort());
    for (const [name, text] of a.files) {
      if (name === MANIFEST_FILE) continue;
      assert.equal(b.files.get(name), text, name);
    }
  });

  it('stays under 2 MB for a year of therapy data even when the PTP file is mostly other codes', () => {
    const codes = tables.codes.map((c) => c.code);
    const header = readFileSync(join(DIR, NCCI), 'utf8').split('\r\n').slice(0, 8).join('\r\n') + '\r\n';
    const lines: string[] = [];
    // Every ordered pair of catalogue codes (more than CMS has), plus 100,000 non-therapy rows.
    for (const a of codes) for (const b of codes) if (a !== b) lines.push(`${a}\t${b}\t\t20200101\t*\t1\tMutually exclusive procedures`);
    for (let i = 0; i < 100000; i++) lines.push(`${String(10000 + (i % 89999)).padStart(5, '0')}\t${String(20000 + (i % 79999))}\t\t20200101\t*\t1\tStandards of medical / surgical practice`);
    const big = { name: 'ccipra_v320r0_f1.txt', bytes: Buffer.from(header + lines.join('\r\n') + '\r\n') };
    const pack = run([big, MUE, RVU, GPCI, THERAPY]);
    let size = 0;
    for (const text of pack.files.values()) size += Buffer.byteLength(text);
    assert.ok(size <= 2 * 1024 * 1024, `pack is ${size} bytes`);
    assert.equal(rowsOf(pack, 'ncci-ptp').length, codes.length * (codes.length - 1));
  });

  it('writes one row per line', () => {
    assert.equal(tableText([{ a: 1 }, { a: 2 }]), '[\n{"a":1},\n{"a":2}\n]\n');
    assert.equal(tableText([]), '[]\n');
  });
});
