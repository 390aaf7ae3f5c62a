/** `claimlint import`: the real CLI binary, spawned, on temporary files. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collection, transaction } from '../support/fhir';
import { billingProvider, interchange, line, subscriber } from '../support/x12';
import { runCli } from '../support/cli';
import { makeTmpDir, removeTmpDir } from '../support/tmp';


const claimlint = (args: string[], cwd: string) => runCli(args, cwd);

const MEMBER = '1EG4TE5MK73';
const BODY = [
  ...billingProvider(1, '1679576722'),
  ...subscriber(2, 1, 'MB', MEMBER, 'MEDICARE PART B'),
  'CLM*PCN-1001*280***11:B:1*Y*A*Y*Y',
  'HI*ABK:M25661*ABF:R262',
  'NM1*82*1*SMITH*ALEX****XX*1234567893',
  'PRV*PE*PXC*225100000X',
  ...line(1, '97110', ['GP'], '80', '2', '1:2', '20260302'),
  ...line(2, '97140', ['GP'], '40', '1', '1', '20260302'),
  ...line(3, '97530', ['GP'], '120', '3', '2', '20260305'),
];
const FILE_837 = interchange(1, [[BODY]], { element: '*', repetition: '{', component: '>', segment: '~', eol: '\r\n' });

interface JsonReport {
  files: { path: string; findings: { rule: string; path: string; message: string }[] }[];
}

describe('claimlint import (spawned binary)', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('import');
  });
  afterEach(() => removeTmpDir(dir));

  it('imports an 837P into claim YAML that audits without schema errors; audit and --fix leave the source untouched', () => {
    writeFileSync(join(dir, 'batch.837'), FILE_837);
    const r = claimlint(['import', 'batch.837', '-o', 'batch.claim.yaml'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2 claims written to batch\.claim\.yaml/);
    const yaml = readFileSync(join(dir, 'batch.claim.yaml'), 'utf8');
    assert.match(yaml, /^# Imported by claimlint import from batch\.837 \(X12 837P\)/);
    assert.match(yaml, /id: PCN-1001-2026-03-02/);
    assert.match(yaml, /modifiers:\n\s+- GP\n/);
    assert.ok(!yaml.includes(MEMBER) && !yaml.includes('DOE'), 'no member id or names');

    const audited = claimlint(['--format', 'json', 'batch.claim.yaml'], dir);
    assert.equal(audited.code, 1, audited.stderr); // minutes are missing: errors expected
    const findings = (JSON.parse(audited.stdout) as JsonReport).files[0].findings;
    assert.deepEqual(findings.filter((f) => f.rule === 'claim-schema' || f.rule === 'yaml-syntax'), []);
    // Each timed line is on the auditor's to-do list.
    assert.deepEqual(
      findings.filter((f) => f.rule === 'timed-minutes-missing').map((f) => f.path),
      ['claims[0].lines[0].minutes', 'claims[0].lines[1].minutes', 'claims[1].lines[0].minutes'],
    );

    const fixed = claimlint(['--fix', 'batch.claim.yaml'], dir);
    assert.notEqual(fixed.code, 2, fixed.stderr);
    assert.equal(readFileSync(join(dir, 'batch.837'), 'utf8'), FILE_837, 'the source is never touched');
    assert.deepEqual(readdirSync(dir).sort(), ['batch.837', 'batch.claim.yaml']);
  });

  it('writes to standard output without -o, and lists the command in --help', () => {
    writeFileSync(join(dir, 'batch.837'), FILE_837);
    const r = claimlint(['import', 'batch.837', '--patient-id', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^claims:\n {2}- id: PCN-1001-2026-03-02/m);
    assert.ok(!r.stdout.includes('patient:'));
    assert.deepEqual(readdirSync(dir), ['batch.837']);
    assert.match(claimlint(['--help'], dir).stdout, /import\s+convert claims/);
    assert.match(claimlint(['import', '--help'], dir).stdout, /--patient-id/);
  });

  it('a malformed file: exit 2, the file and segment named, nothing written (no partial or temporary file)', () => {
    // The second claim is fine, the error comes late: the first claim was already streamed.
    writeFileSync(join(dir, 'batch.837'), FILE_837.replace('SV1*HC>97530>GP*120*UN*3', 'SV1*HC>97530>GP*120*UN*X'));
    writeFileSync(join(dir, 'old.claim.yaml'), 'claims: []\n');
    const r = claimlint(['import', 'batch.837', '-o', 'old.claim.yaml', '--force'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /batch\.837: segment \d+ \(SV1\), element SV104: the quantity is not a non-negative number; nothing written/);
    assert.ok(!r.stderr.includes(MEMBER));
    assert.equal(r.stdout, '');
    assert.equal(readFileSync(join(dir, 'old.claim.yaml'), 'utf8'), 'claims: []\n', 'an existing output is left as it was');
    assert.deepEqual(readdirSync(dir).sort(), ['batch.837', 'old.claim.yaml']);

    const cut = claimlint(['import', 'cut.837', '-o', 'cut.claim.yaml'], dir);
    assert.equal(cut.code, 2);
    assert.match(cut.stderr, /cut\.837: cannot read \(ENOENT\)/);
    writeFileSync(join(dir, 'cut.837'), FILE_837.slice(0, FILE_837.length / 2));
    const r2 = claimlint(['import', 'cut.837', '--from', '837p'], dir);
    assert.equal(r2.code, 2);
    assert.equal(r2.stdout, '', 'standard output holds nothing back on failure');
    assert.deepEqual(readdirSync(dir).sort(), ['batch.837', 'cut.837', 'old.claim.yaml']);
  });

  it('FHIR bundles and CSV (with --map) by content, several inputs into one file that audits without schema errors', () => {
    writeFileSync(join(dir, 'export.json'), JSON.stringify(collection()));
    // Another claim number: the same claim imported twice is reported as claim-id-duplicate.
    writeFileSync(join(dir, 'tx.json'), JSON.stringify(transaction()).replace(/CLM-F1/g, 'CLM-T1'));
    writeFileSync(join(dir, 'visits.csv'), 'Encounter;DOS;Plan;CPT;Mods;Qty;Mins\nE1;3/9/2026;MCR;97110;GP;2;30\n');
    writeFileSync(join(dir, 'ehr-map.yaml'), 'columns:\n  claim_id: Encounter\n  date_of_service: DOS\n  payer_type: Plan\n  code: CPT\n  modifiers: Mods\n  units: Qty\n  minutes: Mins\nvalues:\n  payer_type: { MCR: medicare }\n');
    const r = claimlint(['import', 'export.json', 'tx.json', 'visits.csv', '--map', 'ehr-map.yaml', '-o', 'all.claim.yaml'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /5 claims written to all\.claim\.yaml/);
    const yaml = readFileSync(join(dir, 'all.claim.yaml'), 'utf8');
    assert.match(yaml, /from export\.json \(FHIR R4\), tx\.json \(FHIR R4\), visits\.csv \(CSV\)/);
    assert.ok(!yaml.includes('no minutes'), 'the 837 note only when an 837 was imported');
    const audited = claimlint(['--format', 'json', 'all.claim.yaml'], dir);
    const findings = (JSON.parse(audited.stdout) as JsonReport).files[0].findings;
    assert.deepEqual(findings.filter((f) => f.rule === 'claim-schema' || f.rule === 'yaml-syntax' || f.rule === 'claim-id-duplicate'), []);
    // The CSV claim carries minutes: not on the to-do list.
    assert.ok(!findings.some((f) => f.rule === 'timed-minutes-missing' && f.path.startsWith('claims[4]')));

    // A bad mapping file and a bad FHIR path: exit 2, named, nothing written.
    writeFileSync(join(dir, 'bad-map.yaml'), 'columns:\n  cpt: CPT\n');
    const m = claimlint(['import', 'visits.csv', '--map', 'bad-map.yaml', '-o', 'v.claim.yaml'], dir);
    assert.equal(m.code, 2);
    assert.match(m.stderr, /bad-map\.yaml: mapping columns: unknown key cpt/);
    const broken = collection();
    (broken.entry[5].resource as { item: Record<string, unknown>[] }).item[1].quantity = 'two';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const f = claimlint(['import', 'export.json', 'broken.json', '-o', 'b.claim.yaml'], dir);
    assert.equal(f.code, 2);
    assert.match(f.stderr, /broken\.json: Bundle\.entry\[5\]\.resource\.item\[1\]\.quantity: expected an object; nothing written/);
    assert.deepEqual(readdirSync(dir).sort(), ['all.claim.yaml', 'bad-map.yaml', 'broken.json', 'ehr-map.yaml', 'export.json', 'tx.json', 'visits.csv']);
  });

  it('a line left out at the end of a large 837: the header comment is rewritten in front of the streamed claims (> 1 MB), the same as on standard output', () => {
    const claims = Array.from({ length: 3000 }, (_, i) => [
      ...subscriber(2 + i, 1, 'MB', `${MEMBER}${i}`, 'MEDICARE PART B'),
      `CLM*PCN-${i}*120***11:B:1*Y*A*Y*Y`,
      'HI*ABK:M25661',
      ...line(1, '97110', ['GP'], '80', '2', '1', '20260302'),
      ...line(2, i === 2999 ? '00400' : '97140', ['GP'], '40', '1', '1', '20260302'),
    ]).flat();
    const text = interchange(1, [[[...billingProvider(1, '1679576722'), ...claims]]]).replace(/(SV1\*HC:00400:GP\*40\*)UN/, '$1MJ');
    writeFileSync(join(dir, 'big.837'), text);
    const r = claimlint(['import', 'big.837', '-o', 'big.claim.yaml'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /3000 claims written to big\.claim\.yaml; 1 left out/);
    const yaml = readFileSync(join(dir, 'big.claim.yaml'), 'utf8');
    assert.ok(yaml.length > 1 << 20, `${yaml.length} bytes`);
    assert.match(yaml, /^# Imported by .*\n(# .*\n)*# Left out: .*\n# {3}big\.837: segment \d+ \(SV1\), element SV103: service line 2 of the claim at segment \d+ \(CLM\) is billed in minutes .*: the line is left out\nclaims:\n/);
    assert.equal(claimlint(['import', 'big.837'], dir).stdout, yaml);
    assert.deepEqual(readdirSync(dir).sort(), ['big.837', 'big.claim.yaml'], 'no temporary file left');
  });

  it('usage errors exit 2', () => {
    writeFileSync(join(dir, 'batch.837'), FILE_837);
    for (const args of [['import'], ['import', 'batch.837', '--from', 'xml'], ['import', 'batch.837', '--patient-id', 'name'], ['import', 'batch.837', '-o', 'batch.837'], ['import', '--bogus']]) {
      const r = claimlint(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /claimlint import: /);
    }
    assert.equal(readFileSync(join(dir, 'batch.837'), 'utf8'), FILE_837);
  });
});
