/**
 * `claimlint data import` on CMS's own files in ../shared/real-inputs/cms (read in place),
 * through the real binary: the manifest names its inputs by file name and sha256, never by
 * the folder they were read from (issue 24 item 7); and codes that only an imported therapy
 * code list knows get their imported NCCI and MUE edits instead of being called unknown
 * (issue 24 item 8).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from '../support/cli';
import { realInput, scratch } from '../support/realInputs';

const FILES = ['2026_Annual_Therapy_Code_List.probe.csv', 'MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv', 'ccipra-v322r0-f1.excerpt.txt'];

/** 0001U/0030U: an NCCI pair of the v322r0 excerpt (modifier indicator 1); 0009U: MUE 2 (MAI 3). All on the probe list only. */
const CLAIM = `claim:
  id: LAB-1
  date_of_service: 2026-07-15
  payer: { type: medicare }
  lines:
    - { code: "0001U", units: 1 }
    - { code: "0030U", units: 1 }
    - { code: "0009U", units: 3 }
    - { code: "0002U", units: 1 }
`;

interface Finding {
  rule: string;
  path: string;
  message: string;
}

describe('claimlint data import: real CMS files (../shared/real-inputs/cms)', function () {
  this.timeout(60_000);
  let s: ReturnType<typeof scratch>;
  before(function () {
    if (!realInput('cms', FILES[0])) this.skip();
  });
  beforeEach(() => (s = scratch()));
  afterEach(() => s.done());

  const importPack = () => {
    const paths = FILES.map((f) => realInput('cms', f)!);
    const r = runCli(['data', 'import', ...paths, '-o', join(s.dir, 'packs', 'probe')], s.dir);
    assert.equal(r.code, 0, r.stderr);
    return paths;
  };

  it('the manifest records each input by file name and sha256, not by the absolute path it was read from', () => {
    const paths = importPack();
    const text = readFileSync(join(s.dir, 'packs', 'probe', 'claimlint-pack.json'), 'utf8');
    const manifest = JSON.parse(text) as { tables: { inputs: { name: string; sha256: string }[] }[] };
    const inputs = manifest.tables.flatMap((t) => t.inputs);
    assert.deepEqual(inputs.map((i) => i.name).sort(), [...FILES].sort());
    for (const i of inputs) {
      const path = paths[FILES.indexOf(i.name)];
      assert.equal(i.sha256, createHash('sha256').update(readFileSync(path)).digest('hex'), i.name);
    }
    assert.ok(!text.includes(dirname(paths[0])), 'the folder of the inputs is nowhere in the manifest');
    assert.ok(!text.includes('real-inputs') && !text.includes(s.dir));
  });

  it('codes only the imported therapy list knows are not "unknown": their imported NCCI pair and MUE apply', () => {
    importPack();
    s.write('lab.claim.yaml', CLAIM);
    const audit = (config?: string) => {
      if (config) s.write('.claimlintrc.yaml', config);
      const r = runCli(['--format', 'json', 'lab.claim.yaml'], s.dir);
      return (JSON.parse(r.stdout) as { files: { findings: Finding[] }[] }).files[0].findings;
    };
    const without = audit();
    assert.deepEqual(
      without.filter((f) => f.rule === 'unknown-code').map((f) => f.path),
      ['claim.lines[0].code', 'claim.lines[1].code', 'claim.lines[2].code', 'claim.lines[3].code'],
      'the built-in data knows none of them',
    );
    const withPack = audit('data: [packs/probe]\n');
    // 0002U is in the MUE file but not on the list: the importer did not keep it, and it stays unknown.
    assert.deepEqual(withPack.filter((f) => f.rule === 'unknown-code').map((f) => f.path), ['claim.lines[3].code']);
    const mue = withPack.filter((f) => f.rule === 'units-exceed-mue');
    assert.deepEqual(mue.map((f) => f.path), ['claim.lines[2].units']);
    assert.match(mue[0].message, /^Service line 3 \(0009U\): 3 units, over the medically unlikely edit of 2 \(MAI 3/);
    const ncci = withPack.filter((f) => f.rule.startsWith('ncci'));
    assert.deepEqual(
      ncci.map((f) => [f.rule, f.path]),
      [['ncci-modifier-missing', 'claim.lines[1].modifiers']],
    );
    assert.match(ncci[0].message, /^Service line 2 \(0030U\): column 2 of the NCCI pair 0001U\/0030U, whose column 1 is service line 1 \(0001U\)/);
    // With 59 on the column-2 line the pair may be billed: no NCCI finding.
    s.write('lab.claim.yaml', CLAIM.replace('{ code: "0030U", units: 1 }', '{ code: "0030U", modifiers: ["59"], units: 1 }'));
    assert.deepEqual(audit().filter((f) => f.rule.startsWith('ncci')), []);
  });
});
