/**
 * Fix-safety sweep (issue 11): every example and rule fixture × fix-all and × every single
 * quick fix. Each result parses no worse than the input, a single fix changes nothing
 * outside its edits, and a second fix-all pass changes nothing.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyFixes, audit, fixAll, yamlErrorCount } from '../../src/core/engine';
import { resolveConfig } from '../../src/core/config/schema';
import { EXAMPLES, FIXTURES, ROOT } from '../support/paths';

function files(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name) && !name.startsWith('.claimlintrc')) out.push(p);
    }
  };
  walk(EXAMPLES);
  walk(FIXTURES);
  return out;
}

describe('fix-safety sweep: every example and fixture', function () {
  this.timeout(120000);
  const config = resolveConfig();
  let singles = 0;
  after(() => assert.ok(singles > 50, `${singles} single fixes checked`));
  for (const file of files()) {
    const name = relative(ROOT, file);
    it(name, () => {
      const text = readFileSync(file, 'utf8');
      const before = yamlErrorCount(text);
      for (const finding of audit(text, { config }).findings) {
        for (const fix of finding.fixes) {
          const r = applyFixes(text, [finding], () => fix);
          if (!r.applied) continue;
          singles++;
          assert.ok(yamlErrorCount(r.text) <= before, `${fix.title}: the result parses worse`);
          const start = Math.min(...fix.edits.map((e) => e.start));
          const end = Math.max(...fix.edits.map((e) => e.end));
          const grown = r.text.length - text.length;
          assert.equal(r.text.slice(0, start), text.slice(0, start), `${fix.title}: bytes before its edit changed`);
          assert.equal(r.text.slice(end + grown), text.slice(end), `${fix.title}: bytes after its edit changed`);
        }
      }
      const once = fixAll(text, { config });
      assert.ok(yamlErrorCount(once.text) <= before, 'fix-all: the result parses worse');
      const twice = fixAll(once.text, { config });
      assert.equal(twice.text, once.text, 'a second fix-all pass changed the file');
    });
  }
});
