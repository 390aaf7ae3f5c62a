/**
 * Checks across a patient's claims (issue 23) through the core: every scenario under
 * test/fixtures/patients/<rule-id>/ is several files audited together, and each file's
 * findings (per-claim and cross-claim, merged) must be exactly its inline expectations.
 */
import assert from 'node:assert/strict';
import { RULES_BY_ID } from '../../src/core';
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
