/**
 * Checks across a patient's claims (issue 23) through the core: every scenario under
 * test/fixtures/patients/<rule-id>/ is several files audited together, and each file's
 * findings (per-claim and cross-claim, merged) must be exactly its inline expectations.
 */
import assert from 'node:assert/strict';
import { analyze, fileClaims, resolveConfig, RULES_BY_ID } from '../../src/core';
import { keys, parseExpectations } from '../support/expectations';
import { auditTogether, scenarioFiles, scenarios } from '../support/patientFixtures';

describe('patient fixtures (several files, inline expectations)', () => {
  it('every scenario folder is named after a cross-claim rule and has several files', () => {
    for (const name of scenarios()) {
      assert.ok(RULES_BY_ID.get(name)?.checkPatient, `test/fixtures/patients/${name} is not a cross-claim rule`);
      assert.ok(scenarioFiles(name).length >= 2, `${name}: one file only`);
    }
  });

  it('every cross-claim rule has a scenario with a failing example', () => {
    for (const rule of RULES_BY_ID.values()) {
      if (!rule.checkPatient) continue;
      const texts = scenarios().includes(rule.id) ? scenarioFiles(rule.id).map((f) => f.text) : [];
      assert.ok(texts.some((t) => parseExpectations(t).some((e) => e.rule === rule.id)), `${rule.id}: no fixture expects it`);
    }
  });

  for (const name of scenarios()) {
    it(`${name}: each file reports exactly the expected findings`, () => {
      const files = scenarioFiles(name);
      const { findings } = auditTogether(files);
      for (const f of files) {
        const got = findings.get(f.name)!.map((x) => ({ line: x.range.start.line, rule: x.rule }));
        assert.deepEqual(keys(got), keys(parseExpectations(f.text)), `${name}/${f.name}`);
      }
    });
  }
});

describe('patient index (incremental API the editor builds on)', () => {
  const files = () => scenarioFiles('kx-accrual-missing');

  it('setFile names the files whose cross-claim findings may change: the file and every file of its patients', () => {
    const { index, analyses } = auditTogether(files());
    const a = analyses.get('a.claim.yaml')!;
    // The same claims again (fileClaims keeps untouched claims' objects): only the file itself.
    assert.deepEqual(index.setFile(fileClaims(a, 'a.claim.yaml'), a.config), ['a.claim.yaml']);
    // A claim changed: the file and every file of its patient.
    const changedA = analyze(files()[0].text.replace('pt_slp: 2400.00', 'pt_slp: 2300.00'), { config: a.config });
    assert.deepEqual(index.setFile(fileClaims(changedA, 'a.claim.yaml'), a.config), ['a.claim.yaml', 'b.claim.yaml', 'c.claim.yaml']);
    // A file with a patient nobody else has touches only itself.
    const lone = analyze('claims:\n  - id: L-1\n    date_of_service: 2026-02-02\n    payer: { type: medicare }\n    patient: { id: SOMEONE-ELSE }\n    lines:\n      - { code: "97110", modifiers: [GP], units: 1, minutes: 15 }\n');
    assert.deepEqual(index.setFile(fileClaims(lone, 'lone.claim.yaml'), lone.config), ['lone.claim.yaml']);
    // Removing a file republishes its patients' other files.
    assert.deepEqual(index.removeFile('b.claim.yaml'), ['a.claim.yaml', 'b.claim.yaml', 'c.claim.yaml']);
    assert.deepEqual(index.findings('b.claim.yaml'), []);
  });

  it('an edit in one file changes another file\'s findings (and moving a claim to another patient leaves the old group)', () => {
    const set = files();
    const { index } = auditTogether(set);
    assert.deepEqual(index.findings('b.claim.yaml').map((f) => f.rule), ['kx-accrual-missing']);
    const edited = set[0].text.replace('pt_slp: 2400.00', 'pt_slp: 100.00');
    const a = analyze(edited);
    const changed = index.setFile(fileClaims(a, 'a.claim.yaml'), a.config);
    assert.ok(changed.includes('b.claim.yaml'));
    assert.deepEqual(index.findings('b.claim.yaml'), []);
    const moved = analyze(set[0].text.replace('id: PAT-KA,', 'id: PAT-OTHER,'));
    assert.deepEqual(index.setFile(fileClaims(moved, 'a.claim.yaml'), moved.config), ['a.claim.yaml', 'b.claim.yaml', 'c.claim.yaml']);
  });

  it('related locations point at the other claim in its file; no message shows a patient id', () => {
    const { index } = auditTogether(files());
    const [f] = index.findings('b.claim.yaml');
    assert.deepEqual(f.related.map((r) => [r.file, r.claimId, r.path, r.range.start.line]), [
      ['a.claim.yaml', 'KA-1', 'claims[0].patient.ytd_allowed.pt_slp', 7],
      ['a.claim.yaml', 'KA-1', 'claims[0].date_of_service', 5],
    ]);
    for (const name of scenarios()) {
      for (const found of auditTogether(scenarioFiles(name)).findings.values()) for (const x of found) assert.doesNotMatch(x.message + JSON.stringify((x as { related?: unknown }).related ?? []), /PAT-/);
    }
  });

  it('accruals give the code lens its figures: the amount before each visit and the threshold', () => {
    const { index } = auditTogether(files());
    assert.deepEqual(index.accruals('b.claim.yaml').map((a) => [a.claim.claimId, a.text]), [
      ['KA-2', '$2,425.00 PT+SLP before this visit; KX from $2,480'],
      ['KB-2', '$25.00 PT+SLP before this visit; KX from $2,480'],
    ]);
    assert.deepEqual(index.accruals('c.claim.yaml').map((a) => a.text), ['$2,485.00 PT+SLP before this visit; KX from $2,480', '$0.00 OT before this visit; KX from $2,480']);
  });

  it('only the claims the accrual counts are priced: another payer\'s claims accrue (and are priced) once payerTypes names it', () => {
    const commercial = files().map((f) => ({ ...f, text: f.text.replaceAll('payer: { type: medicare }', 'payer: { type: commercial }') }));
    const quiet = auditTogether(commercial);
    assert.deepEqual(quiet.index.accruals('b.claim.yaml'), []);
    const lines = fileClaims(quiet.analyses.get('a.claim.yaml')!, 'a.claim.yaml').claims.flatMap((c) => c.lines);
    assert.deepEqual(lines.map((l) => [l.bucket, l.allowed]), lines.map(() => [undefined, 0]), 'a claim the accrual does not count is not priced');
    // The same claims counted: the amounts and accruals are the Medicare ones above.
    const config = resolveConfig({ rules: { 'kx-accrual-missing': { options: { payerTypes: ['commercial'] } } } });
    const counted = auditTogether(commercial, { config });
    assert.deepEqual(counted.index.accruals('b.claim.yaml').map((a) => [a.claim.claimId, a.text]), [
      ['KA-2', '$2,425.00 PT+SLP before this visit; KX from $2,480'],
      ['KB-2', '$25.00 PT+SLP before this visit; KX from $2,480'],
    ]);
    assert.deepEqual(counted.findings.get('b.claim.yaml')!.filter((f) => f.rule === 'kx-accrual-missing').length, 1);
    const priced = fileClaims(counted.analyses.get('a.claim.yaml')!, 'a.claim.yaml').claims.flatMap((c) => c.lines);
    assert.deepEqual(priced.map((l) => [l.bucket, l.allowed]), [['pt_slp', 25], ['pt_slp', 25]]);
  });

  it('scope "file" groups only within a file', () => {
    const { index } = auditTogether(files(), { scope: 'file' });
    for (const f of ['a.claim.yaml', 'b.claim.yaml', 'c.claim.yaml']) assert.deepEqual(index.findings(f), [], f);
  });

  it('inline directives silence a cross-claim finding', () => {
    const set = files().map((f) => (f.name === 'b.claim.yaml' ? { ...f, text: f.text.replace('        modifiers: [GP]   # expect: kx-accrual-missing', '        # claimlint-disable-next-line kx-accrual-missing\n        modifiers: [GP]') } : f));
    assert.deepEqual(auditTogether(set).index.findings('b.claim.yaml'), []);
  });
});
