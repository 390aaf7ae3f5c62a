/**
 * Errors about a data pack or a CMS input name the file and the place, never the file's
 * bytes (issue 20 item 10): a manifest that is not JSON (here /etc/passwd-like text), an
 * unknown key, a CSV with a broken quote, an .xlsx whose XML is broken. The real CLI binary.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { runCli } from '../support/cli';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const SECRET = 'root:x:0:0:SECRET-7731';
const CLAIM = 'claims:\n  - id: C-1\n    date_of_service: 2026-03-02\n    payer: { type: medicare }\n    lines:\n      - code: "97110"\n        modifiers: [GP]\n        units: 1\n        minutes: 15\n';

describe('pack and data-import errors never quote the file', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('noecho');
    writeFileSync(join(dir, 'visit.claim.yaml'), CLAIM);
    mkdirSync(join(dir, 'pack'));
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [pack]\n');
  });
  afterEach(() => removeTmpDir(dir));

  const audit = () => {
    const r = runCli(['visit.claim.yaml'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.ok(!r.stderr.includes('SECRET'), r.stderr);
    return r.stderr;
  };

  it('a pack manifest that is not JSON, or holds an unknown key, or a table that is not JSON', () => {
    writeFileSync(join(dir, 'pack', 'claimlint-pack.json'), `${SECRET}:/root:/bin/bash\n`);
    assert.match(audit(), /pack: claimlint-pack\.json: not valid JSON/);
    writeFileSync(join(dir, 'pack', 'claimlint-pack.json'), `{\n  "format": "claimlint-data-pack",\n  "version": 1,\n  "name": "p",\n  "createdBy": "t",\n  "filter": "f",\n  "tables": [],\n  "${SECRET}": 1\n}`);
    assert.match(audit(), /pack: claimlint-pack\.json: not a pack manifest of format version 1: an unknown key/);
    writeFileSync(join(dir, 'pack', 'claimlint-pack.json'), `{\n  "format": "claimlint-data-pack",\n  "version": 1,\n  "name": "p",\n  "createdBy": "t",\n  "filter": "f",\n  "tables": [{"table": "${SECRET}"}]\n}`);
    assert.match(audit(), /pack: claimlint-pack\.json: not a pack manifest of format version 1: tables\.0\.table: not one of the allowed values/);
    writeFileSync(join(dir, 'pack', 'claimlint-pack.json'), `{"format": "claimlint-data-pack", "version": 1, "name": "p", "createdBy": "t", "filter": "f", "tables": [{"table": "mue", "file": "mue.json", "sha256": "${'0'.repeat(64)}", "rows": 1, "release": "r", "effective": {"from": "2026-01-01", "to": "2026-12-31"}, "inputs": []}]}`);
    writeFileSync(join(dir, 'pack', 'mue.json'), SECRET);
    assert.doesNotMatch(audit(), /SECRET/);
  });

  it('claimlint data import: a CSV with a broken quote, an .xlsx with broken XML', () => {
    writeFileSync(join(dir, 'GPCI2026.csv'), `a,b,c\n"${SECRET}"x,1,2\n`);
    const csv = runCli(['data', 'import', 'GPCI2026.csv', '-o', 'p2'], dir);
    assert.equal(csv.code, 2);
    assert.ok(!csv.stderr.includes('SECRET'), csv.stderr);
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData><row><${SECRET}></row></sheetData></worksheet>`),
    });
    writeFileSync(join(dir, 'PPRRVU2026.xlsx'), xlsx);
    const x = runCli(['data', 'import', 'PPRRVU2026.xlsx', '-o', 'p3'], dir);
    assert.equal(x.code, 2);
    assert.match(x.stderr, /not a readable \.xlsx workbook \(xl\/worksheets\/sheet1\.xml: not well-formed XML at line 1, column \d+\)/);
    assert.ok(!x.stderr.includes('SECRET'), x.stderr);
  });
});
