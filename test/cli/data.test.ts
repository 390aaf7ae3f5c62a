/** `claimlint data import` / `data info` and audits with data packs: the real CLI binary, spawned. */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { CMS_DIR as CMS, CMS_PACK_FILES as FILES, PACK_ONLY_CLAIM as CLAIM } from '../support/cmsSample';
import { runCli } from '../support/cli';
import { makeTmpDir, removeTmpDir } from '../support/tmp';


const claimlint = (args: string[], cwd: string) => runCli(args, cwd);

describe('claimlint data (spawned binary)', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('data');
    cpSync(CMS, join(dir, 'cms'), { recursive: true });
  });
  afterEach(() => removeTmpDir(dir));

  const importArgs = (out: string) => ['data', 'import', ...FILES.map((f) => join('cms', f)), '-o', out];

  it('imports the CMS files into a pack, and an audit with the pack flags what only it knows', () => {
    const r = claimlint(importArgs('packs/cms-2026q2'), dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Wrote data pack "cms-2026q2" to packs\/cms-2026q2/);
    assert.match(r.stdout, /NCCI PTP practitioner edits v321r0, 2026-04-01 to 2026-06-30: 10 rows kept of 14 read/);
    assert.deepEqual(readdirSync(join(dir, 'packs', 'cms-2026q2')).sort(), [
      'claimlint-pack.json', 'conversion-factor-2026-01-01.json', 'gpci-2026-01-01.json', 'mue-2026-04-01.json', 'ncci-ptp-2026-04-01.json', 'pfs-rvu-2026-01-01.json',
    ]);
    assert.deepEqual(readdirSync(join(dir, 'packs')), ['cms-2026q2'], 'no temporary folder left');

    writeFileSync(join(dir, 'visit.claim.yaml'), CLAIM);
    const before = claimlint(['-f', 'json', 'visit.claim.yaml'], dir);
    const rulesBefore = JSON.parse(before.stdout).files[0].findings.map((f: { rule: string }) => f.rule);
    assert.ok(!rulesBefore.includes('ncci-pair-denied') && !rulesBefore.includes('units-exceed-mue'), rulesBefore.join());

    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [packs/cms-2026q2]\n');
    const after = claimlint(['-f', 'json', 'visit.claim.yaml'], dir);
    assert.equal(after.code, 1, after.stderr);
    const rulesAfter = JSON.parse(after.stdout).files[0].findings.map((f: { rule: string }) => f.rule);
    assert.ok(rulesAfter.includes('ncci-pair-denied'), rulesAfter.join());
    assert.ok(rulesAfter.includes('units-exceed-mue'), rulesAfter.join());
  });

  it('writes nothing when one file fails, and says which file, row and what was expected', () => {
    const r = claimlint(['data', 'import', ...FILES.map((f) => join('cms', f)), 'cms/ccipra_v321r0_f2.txt', '-o', 'packs/p'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cms\/ccipra_v321r0_f2\.txt: row 12: expected a 5-character HCPCS\/CPT code in Column 2\nNothing was written\./);
    assert.ok(!existsSync(join(dir, 'packs')), 'no pack folder');
    assert.equal(r.stdout, '');
  });

  it('reads the tables out of the zips CMS distributes, passing over the rest', () => {
    const zip = zipSync({
      'ccipra_v321r0_f1.txt': readFileSync(join(CMS, 'ccipra_v321r0_f1.txt')),
      'README_ccipra.pdf': strToU8('%PDF-1.4 not a table'),
    });
    writeFileSync(join(dir, 'ccipra-v321r0-f1.zip'), zip);
    const rvu = zipSync({
      'PPRRVU2026_Jan_nonQPP.csv': readFileSync(join(CMS, 'PPRRVU2026_Jan_nonQPP.csv')),
      'PPRRVU2026_Jan_nonQPP.txt': readFileSync(join(CMS, 'PPRRVU2026_Jan_nonQPP.csv')),
      'GPCI2026.csv': readFileSync(join(CMS, 'GPCI2026.csv')),
      'RVUPUF26.pdf': strToU8('%PDF-1.4'),
    });
    writeFileSync(join(dir, 'rvu26a.zip'), rvu);
    const r = claimlint(['data', 'import', 'ccipra-v321r0-f1.zip', 'rvu26a.zip', '-o', 'p'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Passed over in the zips: 3 file\(s\)/);
    const manifest = JSON.parse(readFileSync(join(dir, 'p', 'claimlint-pack.json'), 'utf8'));
    const ncci = manifest.tables.find((t: { table: string }) => t.table === 'ncci-ptp');
    assert.equal(ncci.inputs[0].name, 'ccipra-v321r0-f1.zip!ccipra_v321r0_f1.txt');
  });

  it('replaces an existing pack only with --force, and never a folder that is not a pack', () => {
    assert.equal(claimlint(importArgs('p'), dir).code, 0);
    const again = claimlint(importArgs('p'), dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /a data pack is already there; add --force/);
    assert.equal(claimlint([...importArgs('p'), '--force'], dir).code, 0);
    writeFileSync(join(dir, 'cms', 'keep.txt'), 'x');
    const other = claimlint(importArgs('cms'), dir);
    assert.match(other.stderr, /cms: exists and is not a data pack/);
    assert.ok(existsSync(join(dir, 'cms', 'keep.txt')));
  });

  it('data info lists the packs in force and what each table covers, and the locality', () => {
    assert.equal(claimlint(importArgs('packs/cms-2026q2'), dir).code, 0);
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [packs/cms-2026q2]\nlocality: "01112-05"\n');
    const r = claimlint(['data', 'info'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Data packs in force \(later ones overlay earlier ones by effective date\):\n1\. built-in \(built-in\)\n/);
    assert.match(r.stdout, /\n2\. cms-2026q2 \(.*packs\/cms-2026q2\)\n(\s+.*\n)*\s+NCCI PTP practitioner edits: v321r0, 2026-04-01 to 2026-06-30, 10 rows\n/);
    assert.match(r.stdout, /Coverage \(first and last date of service each table covers\):\n/);
    assert.match(r.stdout, /\n  GPCIs by locality: 2026-01-01 to 2026-12-31\n/);
    assert.match(r.stdout, /\nLocality: 01112-05 SAN FRANCISCO \(CA\), GPCIs work 1\.1, PE 1\.5, MP 0\.5 from CMS PFS 2026 GPCIs \(GPCI2026\.csv\), effective 2026-01-01 \(pack: cms-2026q2\)\.\n/);

    const json = JSON.parse(claimlint(['data', 'info', '-f', 'json'], dir).stdout);
    assert.deepEqual(json.packs.map((p: { name: string }) => p.name), ['built-in', 'cms-2026q2']);
    assert.equal(json.coverage.gpci.to, '2026-12-31');
    assert.ok(json.coverage.mue.to === null || /^\d{4}-\d{2}-\d{2}$/.test(json.coverage.mue.to), 'open-ended coverage is null');
    assert.equal(json.locality.gpci.name, 'SAN FRANCISCO');
  });

  it('the HTML report prices with the packs and locality of the config, and says national only without them', () => {
    assert.equal(claimlint(importArgs('packs/cms-2026q2'), dir).code, 0);
    // 97110 × 3 for 24 minutes: one MPPR-reduced unit over. SAN FRANCISCO: 0.805 RVU × 33.4009 = $26.89.
    writeFileSync(join(dir, 'visit.claim.yaml'), CLAIM.replace(/  lines:\n[\s\S]*$/, '  lines:\n    - { code: "97110", modifiers: [GP], units: 3, minutes: 24 }\n'));
    const national = claimlint(['-f', 'html', 'visit.claim.yaml'], dir);
    assert.match(national.stdout, />national, unadjusted</);
    assert.match(national.stdout, /\$22\.21/, 'built-in 2026 reduced unit');
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [packs/cms-2026q2]\nlocality: "01112-05"\n');
    const local = claimlint(['-f', 'html', 'visit.claim.yaml'], dir);
    assert.match(local.stdout, />locality 01112-05 \(SAN FRANCISCO\)</);
    assert.match(local.stdout, /\$26\.89/);
    assert.doesNotMatch(local.stdout, /national, unadjusted|\$22\.21/);
  });

  it('data info without a config: built-in data only, amounts national', () => {
    const r = claimlint(['data', 'info'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1\. built-in \(built-in\)/);
    assert.match(r.stdout, /Annual Therapy Code List: curated, 2017-01-01 to open-ended, \d+ rows/);
    assert.ok(!/\n2\. /.test(r.stdout));
    assert.match(r.stdout, /Locality: none configured; amounts are national \(unadjusted\)\./);
  });

  it('an audit whose pack was changed after import stops with exit 2, naming the pack and file', () => {
    assert.equal(claimlint(importArgs('p'), dir).code, 0);
    const mue = join(dir, 'p', 'mue-2026-04-01.json');
    writeFileSync(mue, readFileSync(mue, 'utf8').replace('"maxUnits":3', '"maxUnits":9'));
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [p]\n');
    writeFileSync(join(dir, 'visit.claim.yaml'), CLAIM);
    const r = claimlint(['visit.claim.yaml'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /data pack .*\/p: mue-2026-04-01\.json: its sha256 differs from the manifest/);
  });

  it('data with no subcommand prints its usage and exits 2', () => {
    const r = claimlint(['data'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: claimlint data import <files…> -o <pack-dir>/);
  });
});
