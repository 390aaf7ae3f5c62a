/** Every rule has a documentation page, and the committed pages match the generator. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../src/core/rules';
import { expectedDocs, README_MARKERS, readmeRulesTable } from '../support/ruleDocsFiles';

const ROOT = join(__dirname, '..', '..', '..');

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
    assert.equal(table, readmeRulesTable());
  });
});
