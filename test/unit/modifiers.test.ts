/**
 * Modifier, payer and coding-edit rules (issue 3) beyond their fixtures: rule options,
 * pricing choices behind the KX totals, the NPI check digit, and that no message carries
 * a patient value.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config/schema';
import { audit, fixAll } from '../../src/core/engine';
import { isValidNpi } from '../../src/core/rules/coding/npiInvalid';
import { RULES_BY_ID } from '../../src/core/rules';
import { FIXTURES } from '../support/paths';
import { singleClaimYaml, type ClaimSpec, type LineSpec } from '../support/claims';

const ISSUE_3_RULES = [
  'therapy-modifier-missing', 'therapy-modifier-mismatch', 'therapy-modifier-conflict',
  'assistant-modifier-missing', 'assistant-modifier-mismatch', 'assistant-modifier-unsupported',
  'kx-modifier-missing', 'kx-modifier-premature', 'kx-review-threshold',
  'ncci-modifier-missing', 'ncci-pair-denied', 'distinct-modifier-conflict',
  'code-not-payable', 'units-exceed-mue', 'unknown-modifier', 'npi-invalid', 'diagnosis-pointer-invalid',
];

/** A one-claim Medicare PT file (no provider, a plan naming only its discipline) of `lines`, `more` for the rest. */
const claim = (lines: LineSpec[], more: Partial<ClaimSpec> = {}): string =>
  singleClaimYaml({ id: 'CLM-XYZ-7781', date: '2026-03-10', provider: false, plan: 'discipline', lines, ...more });

const rules = (text: string, config = resolveConfig()) => audit(text, { config }).findings.map((f) => f.rule);

describe('issue 3 rules', () => {
  it('are all registered with docs-quality metadata', () => {
    for (const id of ISSUE_3_RULES) {
      const rule = RULES_BY_ID.get(id);
      assert.ok(rule, id);
      assert.ok(rule.rationale.length > 150, `${id} rationale`);
      assert.match(rule.source, /\[S\d+|CMS|claim format|reference data/, `${id} source`);
    }
  });

  describe('kx-modifier-premature options', () => {
    const premature = (payer = 'medicare') => claim([{ code: '97530', modifiers: ['GP', 'KX'], units: 1, minutes: 15 }], { payer, ytd: { pt_slp: '1000.00' } });
    const text = premature();
    it('default: below half of the threshold (1,035.07 < 1,240)', () => {
      assert.ok(rules(text).includes('kx-modifier-premature'));
    });
    it('belowShare 0.25 moves the line (1,035.07 > 620)', () => {
      const config = resolveConfig({ rules: { 'kx-modifier-premature': { options: { belowShare: 0.25 } } } });
      assert.ok(!rules(text, config).includes('kx-modifier-premature'));
    });
    it('payerTypes can include Medicare Advantage', () => {
      const ma = premature('medicare-advantage');
      assert.ok(!rules(ma).includes('kx-modifier-premature'));
      const config = resolveConfig({ rules: { 'kx-modifier-premature': { options: { payerTypes: ['medicare-advantage'] } } } });
      assert.ok(rules(ma, config).includes('kx-modifier-premature'));
    });
  });

  describe('KX amounts', () => {
    const over = (line: LineSpec, ytd: number) => rules(claim([line], { ytd: { pt_slp: ytd } })).includes('kx-modifier-missing');

    it('a charge below the fee caps the amount (lower of the two)', () => {
      // Fee 35.07; charge 20.00: 2,465.00 + 20.00 = 2,485.00 > 2,480, but + 10.00 is not.
      assert.equal(over({ code: '97530', units: 1, minutes: 15, charge: '20.00' }, 2465), true);
      assert.equal(over({ code: '97530', units: 1, minutes: 15, charge: '10.00' }, 2465), false);
    });
    it('a charge above the fee does not raise it', () => {
      assert.equal(over({ code: '97530', units: 1, minutes: 15, charge: '500.00' }, 2440), false); // 2,475.07
    });
    it('passing the threshold exactly is not passing it', () => {
      assert.equal(over({ code: '97530', units: 1, minutes: 15 }, 2444.93), false); // = 2,480.00
      assert.equal(over({ code: '97530', units: 1, minutes: 15 }, 2444.94), true);
    });
    it('a bundled code adds nothing on a Medicare claim', () => {
      assert.equal(over({ code: '97010', units: 1, minutes: 10, charge: '30.00' }, 2470), false);
    });
    it('without a year-to-date amount, this claim alone counts', () => {
      const text = claim([{ code: '97530', units: 1, minutes: 15, charge: '20.00' }]);
      assert.ok(!rules(text).includes('kx-modifier-missing'));
      assert.ok(!rules(text).includes('kx-modifier-premature'));
    });
  });

  it('unknown-modifier tells a modifier not yet in effect from an unknown one', () => {
    const text = claim([{ code: '97110', modifiers: ['GP', 'CQ', 'QQ'], units: 1, minutes: 15 }], { date: '2019-06-03' });
    const msgs = audit(text).findings.filter((f) => f.rule === 'unknown-modifier').map((f) => f.message);
    assert.deepEqual(msgs, ['Service line 1 (97110): CQ is not in effect on the date of service.', 'Service line 1 (97110): QQ is not a modifier claimlint knows.']);
  });

  it('the NPI check digit (Luhn over 80840 + NPI)', () => {
    for (const good of ['1234567893', '1245319599', '1003000126']) assert.equal(isValidNpi(good), true, good);
    for (const bad of ['1234567890', '1245319598', '1425319599', '123456789', '12345678901', '12345678a3']) assert.equal(isValidNpi(bad), false, bad);
  });

  it('a misspelled modifiers key is left to claim-schema, with no second list added', () => {
    // Spelled out: the misspelled key is the point.
    const text = 'claim:\n  id: A\n  date_of_service: 2026-03-10\n  payer: { type: medicare }\n  plan_of_care: { discipline: PT }\n  lines:\n    - { code: "97110", modifers: [GP], units: 1, minutes: 15 }\n';
    assert.deepEqual(rules(text).filter((r) => r === 'claim-schema' || ISSUE_3_RULES.includes(r)), ['claim-schema']);
  });

  it('a flow list keeps its other items when two therapy modifiers are removed', () => {
    const text = claim([{ code: '97110', modifiers: ['GN', "'KX'", 'GO', 'GP'], units: 1, minutes: 15 }]);
    assert.match(fixAll(text).text, /modifiers: \['KX', GP\]/);
  });

  it('messages name paths, codes, modifiers and numbers, never patient values', () => {
    const root = join(FIXTURES, 'rules');
    const forbidden = /CLM-|PT-00|1234567893|1245319599|1003000126|M17\.11|R26\.2|Z96|\d{4}-\d{2}-\d{2}/;
    let seen = 0;
    for (const id of ISSUE_3_RULES) {
      for (const f of readdirSync(join(root, id)).filter((n) => n.endsWith('.claim.yaml'))) {
        for (const finding of audit(readFileSync(join(root, id, f), 'utf8')).findings) {
          seen++;
          assert.doesNotMatch(finding.message, forbidden, `${id}/${f}: ${finding.message}`);
          for (const fix of finding.fixes) assert.doesNotMatch(fix.title, forbidden);
        }
      }
    }
    assert.ok(seen > 50);
  });
});
