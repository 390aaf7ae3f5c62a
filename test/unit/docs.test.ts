/** Every rule has a documentation page, and the committed pages match the generator. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../src/core/rules';
import { audit, fixAll, resolveConfig } from '../../src/core';
import { expectedDocs, fixKinds, README_MARKERS, readmeRulesTable } from '../support/ruleDocsFiles';
import { ROOT } from '../support/paths';

describe('rule documentation', () => {
  const pages = expectedDocs(ROOT);

  it('has a page for every rule with rationale and source', () => {
    for (const rule of ALL_RULES) {
      assert.ok(rule.rationale.length > 40, `${rule.id}: rationale too short`);
      assert.ok(rule.source.length > 3, `${rule.id}: no source`);
      assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md missing (npm run gen:docs)`);
    }
  });

  for (const [file, text] of pages) {
    it(`${file} matches the generator (npm run gen:docs)`, () => {
      assert.equal(readFileSync(join(ROOT, file), 'utf8'), text);
    });
  }

  it("the README's rules table matches the rules", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const [start, end] = README_MARKERS;
    const table = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end)).trim();
    assert.equal(table, readmeRulesTable(ROOT));
  });

  it('the Fix column claims --fix only for rules whose fix --fix applies (issue 25 item 8)', () => {
    const kinds = fixKinds(ROOT);
    const config = resolveConfig();
    for (const rule of ALL_RULES) {
      const dir = join(ROOT, 'test', 'fixtures', 'rules', rule.id);
      if (!existsSync(dir)) continue;
      // --fix over the rule's fixtures: does any finding of this rule go away?
      let fixedSome = false;
      for (const name of readdirSync(dir).filter((f) => /\.claim\.ya?ml$/.test(f))) {
        const text = readFileSync(join(dir, name), 'utf8');
        const before = audit(text, { config }).findings.filter((f) => f.rule === rule.id).length;
        const after = audit(fixAll(text, { config }).text, { config }).findings.filter((f) => f.rule === rule.id).length;
        if (after < before) fixedSome = true;
      }
      assert.equal(kinds.get(rule.id) === 'fix', fixedSome, `${rule.id}: the table says ${kinds.get(rule.id)}, --fix ${fixedSome ? 'fixes' : 'fixes none of'} its fixtures`);
    }
    const choose = ALL_RULES.filter((r) => r.fixable && kinds.get(r.id) === 'choice').map((r) => r.id);
    assert.ok(choose.includes('ncci-modifier-missing'), `fixable rules whose fixes are a choice: ${choose.join(', ')}`);
  });
});
