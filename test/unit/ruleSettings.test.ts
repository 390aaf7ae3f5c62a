/**
 * Rule settings against the rule registry (issue 10 item 6): unknown rule ids and bad
 * options are reported with the key path and a "did you mean", and left out; option
 * schemas declared on the rules; payerTypes matched exactly; the generated settings and
 * .claimlintrc schemas have one property per rule id.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, audit, checkRuleSettings, parseConfig, resolveConfig } from '../../src/core';
import { ROOT } from '../support/paths';

const KX_CLAIM = `claim:
  id: KX-1
  date_of_service: 2026-03-02
  payer: { type: medicare }
  patient: { id: PT-0045, ytd_allowed: { pt_slp: 2430.00, ot: 0 } }
  provider: { npi: "1234567893", discipline: PT }
  plan_of_care: { discipline: PT, start_date: 2026-02-16, certified_date: 2026-02-20, cert_through: 2026-05-15 }
  lines:
    - { code: "97110", modifiers: [GP], units: 2, minutes: 30 }
    - { code: "97140", modifiers: [GP, KX], units: 1, minutes: 15 }
`;

const kxFindings = (rules: Record<string, unknown>) =>
  audit(KX_CLAIM, { config: resolveConfig({ rules: rules as never }) }).findings.filter((f) => f.rule === 'kx-modifier-missing').length;

describe('rule settings: checked against the rule registry', () => {
  it('an unknown rule id is reported with a "did you mean" and left out', () => {
    const { rules, problems } = checkRuleSettings({ 'kx-modifer-missing': 'off', 'timed-units-total': 'warning' });
    assert.deepEqual(rules, { 'timed-units-total': 'warning' });
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0].path, ['rules', 'kx-modifer-missing']);
    assert.match(problems[0].message, /^unknown rule id; did you mean kx-modifier-missing\?/);
  });

  it('a bad option value, an unknown option and options on a rule without any are reported; the good options stay', () => {
    const { rules, problems } = checkRuleSettings({
      'kx-modifier-missing': { options: { payerTypes: ['medicar'] } },
      'certification-late': { severity: 'warning', options: { certifyWithinDays: 45, payerType: ['medicare'] } },
      'timed-units-total': { options: { share: 0.5 } },
      'timed-units-51-percent': { options: { share: 2 } },
    });
    const byPath = new Map(problems.map((p) => [p.path.join('.'), p.message]));
    assert.match(byPath.get('rules.kx-modifier-missing.options.payerTypes') ?? '', /must be one of medicare, medicare-advantage, medicaid, commercial/);
    assert.match(byPath.get('rules.certification-late.options.payerType') ?? '', /unknown option of certification-late; did you mean payerTypes\?/);
    assert.match(byPath.get('rules.timed-units-total.options') ?? '', /timed-units-total has no options/);
    assert.match(byPath.get('rules.timed-units-51-percent.options.share') ?? '', /must be at most 1/);
    assert.equal(problems.length, 4, JSON.stringify(problems));
    assert.deepEqual(rules['certification-late'], { severity: 'warning', options: { certifyWithinDays: 45 } });
    assert.deepEqual(rules['kx-modifier-missing'], { options: {} });
  });

  it('a bad regular expression in a phrase list is reported', () => {
    const { problems } = checkRuleSettings({ 'documentation-weak': { options: { placeholders: [{ label: 'x', pattern: '(' }] } } });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /not a valid regular expression/);
  });

  it('valid settings pass unchanged', () => {
    const input = {
      'kx-modifier-missing': { severity: 'warning' as const, options: { payerTypes: ['medicare', 'medicare-advantage'] } },
      'documentation-missing': { options: { byCode: { '92526': ['justification' as const] } } },
      'progress-report-due': 'off' as const,
    };
    assert.deepEqual(checkRuleSettings(input), { rules: input, problems: [] });
  });

  it('payerTypes given as one string is that payer type exactly: "medicare-advantage" does not match a medicare claim', () => {
    assert.equal(kxFindings({}), 1, 'the fixture passes the KX threshold');
    assert.equal(kxFindings({ 'kx-modifier-missing': { options: { payerTypes: 'medicare-advantage' } } }), 0);
    assert.equal(kxFindings({ 'kx-modifier-missing': { options: { payerTypes: 'medicare' } } }), 1);
    assert.equal(kxFindings({ 'kx-modifier-missing': { options: { payerTypes: ['medicare-advantage'] } } }), 0);
    assert.deepEqual(checkRuleSettings({ 'kx-modifier-missing': { options: { payerTypes: 'medicare-advantage' } } }).problems, []);
  });

  it("options: each rule's schema keys are exactly its defaults, plus payerTypes when the engine applies its payer types", () => {
    let withOptions = 0;
    for (const rule of ALL_RULES) {
      const keys = Object.keys(rule.options?.shape ?? {}).sort();
      const expected = [...Object.keys(rule.defaults ?? {}), ...(rule.payerTypes ? ['payerTypes'] : [])].sort();
      assert.deepEqual(keys, expected, `${rule.id}: options schema keys vs defaults${rule.payerTypes ? ' + payerTypes' : ''}`);
      if (rule.defaults) assert.ok(rule.options!.safeParse(rule.defaults).success, `${rule.id}: its defaults pass its own schema`);
      if (keys.length) withOptions++;
    }
    assert.ok(withOptions >= 15, `${withOptions} rules with options`);
    // No rule reads options by writing a rule id as a string, or filters payer types by hand.
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.ts')) files.push(join(dir, e.name));
      }
    };
    walk(join(ROOT, 'src', 'core'));
    const handWritten = files.filter((f) => /ruleOptions\(|forPayer\(opts|own\(ctx\.config\.rules/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(handWritten, []);
  });

  it('the engine applies a rule\'s payer types: the rule never runs on a claim of another payer type, and the option replaces them', () => {
    const kx = (rules: Record<string, unknown>, payer: string) =>
      audit(KX_CLAIM.replace(/type: medicare\b/g, `type: ${payer}`), { config: resolveConfig({ rules: rules as never }) }).findings.filter((f) => f.rule === 'kx-modifier-missing').length;
    assert.ok(kx({}, 'medicare') > 0);
    assert.equal(kx({}, 'commercial'), 0);
    assert.ok(kx({ 'kx-modifier-missing': { options: { payerTypes: ['commercial'] } } }, 'commercial') > 0);
    assert.equal(kx({ 'kx-modifier-missing': { options: { payerTypes: ['commercial'] } } }, 'medicare'), 0);
  });
});

describe('rule settings in a .claimlintrc file', () => {
  it('loads the config with warnings located at the offending keys', () => {
    const text = ['rules:', '  kx-modifer-missing: "off"', '  kx-modifier-missing:', '    options:', '      payerTypes: medicar', '  timed-units-total: warning', ''].join('\n');
    const load = parseConfig('/w/.claimlintrc.yaml', text);
    assert.ok(load.ok);
    assert.deepEqual(load.config.rules, { 'kx-modifier-missing': { options: {} }, 'timed-units-total': 'warning' });
    assert.deepEqual(
      load.warnings?.map((w) => [w.line, w.path]),
      [
        [2, 'rules.kx-modifer-missing'],
        [5, 'rules.kx-modifier-missing.options.payerTypes'],
      ],
    );
    assert.match(load.warnings![0].message, /did you mean kx-modifier-missing\?/);
    assert.equal(text.slice(...load.warnings![0].span!), 'kx-modifer-missing');
    assert.match(load.warnings![1].message, /must be one of medicare, medicare-advantage, medicaid, commercial/);
  });

  it('a JSON config is located the same way', () => {
    const text = '{\n  "rules": {\n    "kx-modifer-missing": "off"\n  }\n}\n';
    const load = parseConfig('/w/.claimlintrc.json', text);
    assert.ok(load.ok);
    assert.equal(load.warnings?.[0].line, 3);
  });
});
