/**
 * Issue 22, done means: CMS's real files (../shared, read in place) import with the real CLI
 * (exit 0), `data info` shows their periods, and a claim is priced from the pack; a wrong
 * file leaves nothing behind and names the row, the column and what was expected.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { sharedDir } from '../support/sharedFiles';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const FILES = [
  'cms/rvu22a/PPRRVU22_JAN.csv',
  'real-inputs/cms/PPRRVU23_JAN.trimmed.csv',
  'cms/rvu23d/PPRRVU23_OCT.csv',
  'cms/rvu24b/PPRRVU24_APR.csv',
  'cms/rvu24b/GPCI2024.csv',
  'cms/rvu24b/24LOCCO.csv',
  'cms/rvu24c/PPRRVU24_JUL.csv',
  'real-inputs/cms/PPRRVU25_JAN1.trimmed.csv',
  'real-inputs/cms/GPCI2025.csv',
  'real-inputs/cms/25LOCCO1.csv',
  'cms/rvu25d/PPRRVU2025_Oct.csv',
  'cms/rvu26c/PPRRVU2026_Jul_nonQPP.csv',
  'real-inputs/cms/GPCI2026.csv',
  'real-inputs/cms/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv',
  'real-inputs/cms/ccipra-v322r0-f1.excerpt.txt',
];

describe('CLI: CMS\'s real files import as they come (issue 22)', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('real');
  });
  afterEach(() => removeTmpDir(dir));

  it('every real file imports in one run (exit 0), data info shows each period,', function () {
    const shared = sharedDir();
    if (!shared) this.skip();
    const r = runCli(['data', 'import', ...FILES.map((f) => join(shared!, f)), '-o', join(dir, 'pack')], dir);
    assert.equal(r.code, 0, r.stderr);
    for (const line of [
      /Physician Fee Schedule RVUs \(PPRRVU\) RVU22A, 2022-01-01 to 2022-12-31/,
      /Physician Fee Schedule RVUs \(PPRRVU\) RVU23A, 2023-01-01 to 2023-12-31/,
      /Physician Fee Schedule RVUs \(PPRRVU\) RVU23D, 2023-10-01 to 2023-12-31/,
      /Physician Fee Schedule RVUs \(PPRRVU\) RVU24B, 2024-04-01 to 2024-12-31/,
      /Physician Fee Schedule RVUs \(PPRRVU\) RVU24C, 2024-07-01 to 2024-12-31/,
      /Physician Fee Schedule RVUs \(PPRRVU\) RVU25A, 2025-01-01 to 2025-12-31/,
      /Physician Fee Schedule RVUs \(PPRRVU\) RVU25D, 2025-10-01 to 2025-12-31/,
      /Physician Fee Schedule RVUs \(PPRRVU\) RVU26C, 2026-07-01 to 2026-12-31/,
      /GPCIs by locality 2024, 2024-01-01 to 2024-12-31: 109 rows kept of 109 read/,
      /GPCIs by locality 2025, 2025-01-01 to 2025-12-31: 109 rows kept of 109 read/,
      /GPCIs by locality 2026, 2026-01-01 to 2026-12-31: 109 rows kept of 109 read/,
      /MUE practitioner services 2026-07-01, 2026-07-01 to 2026-09-30: empty: no row of the 44 read is a catalogued therapy code/,
      /NCCI PTP practitioner edits v322r0, 2026-07-01 to 2026-09-30: empty: no row of the 154 read/,
    ]) assert.match(r.stdout, line);

    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [./pack]\n');
    const info = runCli(['data', 'info', '--format', 'json'], dir);
    assert.equal(info.code, 0, info.stderr);
    const json = JSON.parse(info.stdout) as { packs: { name: string; tables: { table: string; release: string; from: string; to: string | null; rows: number }[] }[]; coverage: Record<string, { from: string; to: string | null } | null> };
    const pack = json.packs.find((p) => p.name === 'pack')!;
    const rvu = pack.tables.filter((t) => t.table === 'pfs-rvu').map((t) => `${t.release} ${t.from}`);
    assert.deepEqual(rvu, ['RVU22A 2022-01-01', 'RVU23A 2023-01-01', 'RVU23D 2023-10-01', 'RVU24B 2024-04-01', 'RVU24C 2024-07-01', 'RVU25A 2025-01-01', 'RVU25D 2025-10-01', 'RVU26C 2026-07-01']);
    // The empty NCCI and MUE tables (no therapy code in the excerpts) do not hide the built-in ones.
    assert.deepEqual(json.coverage['ncci-ptp'], { from: '2018-01-01', to: null });
    const text = runCli(['data', 'info'], dir).stdout;
    assert.match(text, /NCCI PTP practitioner edits: v322r0, 2026-07-01 to 2026-09-30, empty \(0 rows: answers nothing, the tables under it stay in force\)/);

  });

  it('the issue\'s other real files (CMS\'s XLSX, the October 2025 GPCI/LOCCO, the 2026 excerpt) import in a second run; data info shows their periods', function () {
    const shared = sharedDir();
    if (!shared) this.skip();
    const rest = ['cms/rvu24b/PPRRVU24_APR.xlsx', 'cms/rvu25d/PPRRVU2025_Oct.xlsx', 'cms/rvu25d/GPCI2025.csv', 'cms/rvu25d/25LOCCO.csv', 'real-inputs/cms/PPRRVU2026_Jul_nonQPP.excerpt.redacted.csv'];
    const r = runCli(['data', 'import', ...rest.map((f) => join(shared!, f)), '-o', join(dir, 'pack')], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Physician Fee Schedule RVUs \(PPRRVU\) RVU24B, 2024-04-01 to 2024-12-31: 100 rows kept of 18534 read/);
    assert.match(r.stdout, /Physician Fee Schedule RVUs \(PPRRVU\) RVU25D, 2025-10-01 to 2025-12-31: 100 rows kept of 19090 read/);
    assert.match(r.stdout, /GPCIs by locality 2025, 2025-01-01 to 2025-12-31: 109 rows kept of 109 read/);
    assert.match(r.stdout, /Physician Fee Schedule RVUs \(PPRRVU\) RVU26C, 2026-07-01 to 2026-12-31: empty/);
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [./pack]\n');
    const info = JSON.parse(runCli(['data', 'info', '--format', 'json'], dir).stdout) as { packs: { name: string; tables: { table: string; release: string; from: string; to: string | null; rows: number }[] }[] };
    const tables = info.packs.find((p) => p.name === 'pack')!.tables.map((t) => `${t.table} ${t.release} ${t.from} ${t.to} ${t.rows}`).sort();
    assert.deepEqual(tables, [
      'conversion-factor RVU24B 2024-04-01 2024-12-31 1',
      'conversion-factor RVU25D 2025-10-01 2025-12-31 1',
      'conversion-factor RVU26C 2026-07-01 2026-12-31 1',
      'gpci 2025 2025-01-01 2025-12-31 109',
      'pfs-rvu RVU24B 2024-04-01 2024-12-31 100',
      'pfs-rvu RVU25D 2025-10-01 2025-12-31 100',
      'pfs-rvu RVU26C 2026-07-01 2026-12-31 0',
    ]);
  });

  it('a wrong file: exit 2, the row, the column and what was expected, and nothing written', function () {
    const shared = sharedDir();
    if (!shared) this.skip();
    const lines = readFileSync(join(shared!, 'real-inputs', 'cms', 'GPCI2025.csv'), 'latin1').split('\n');
    const row = lines.findIndex((l) => l.startsWith('3102,'));
    lines[row] = lines[row].replace('3102,', '31X2,');
    writeFileSync(join(dir, 'GPCI2025.csv'), lines.join('\n'), 'latin1');
    const r = runCli(['data', 'import', 'GPCI2025.csv', join(shared!, 'cms', 'rvu26c', 'PPRRVU2026_Jul_nonQPP.csv'), '-o', 'pack'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`GPCI2025\\.csv: row ${row + 1}: expected a MAC number .* in Medicare Administrative Contractor`));
    assert.match(r.stderr, /Nothing was written/);
    assert.equal(existsSync(join(dir, 'pack')), false);
  });
});
