/**
 * Lookups keyed by file content never read Object.prototype (issue 11 item 9): a payer
 * named "constructor" once silenced every unit finding on an over-billed claim.
 */
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { configSchema, resolveConfig } from '../../src/core/config/schema';
import { audit } from '../../src/core/engine';
import { singleClaimYaml } from '../support/claims';

/** 20 minutes billed as 4 units, the payer named `name`. */
const overBilled = (name: string) =>
  singleClaimYaml({ id: 'A', date: '2026-03-10', payerName: JSON.stringify(name), provider: false, plan: 'discipline', lines: [{ code: '97110', units: 4, minutes: 20 }] });

describe('prototype names in file content', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    it(`payer.name: ${name} still gets the over-billing finding`, () => {
      const rules = audit(overBilled(name)).findings.map((f) => f.rule);
      assert.ok(rules.includes('timed-units-total'), rules.join());
    });
  }

  it('a config naming __proto__ and constructor keys changes nothing but those names', () => {
    const raw = parseDocument('rules:\n  constructor: off\n  __proto__: off\nunitRule:\n  byPayerName:\n    __proto__: per-code\n    constructor: per-code\n').toJS();
    const parsed = configSchema.safeParse(raw);
    const config = resolveConfig(parsed.success ? parsed.data : undefined);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(config.rules), null);
    const rules = audit(overBilled('Acme'), { config }).findings.map((f) => f.rule);
    assert.ok(rules.includes('timed-units-total'), rules.join());
  });

  it('a documentation byCode option is read for the code only when the config names it', () => {
    const text = overBilled('Acme').replace('"97110"', 'constructor');
    assert.doesNotThrow(() => audit(text));
    assert.ok(!audit(text).findings.some((f) => f.rule === 'internal-error'));
  });
});
