/**
 * Every fixture under test/fixtures/rules/<rule-id>/ is audited; the findings must be
 * exactly the ones its inline `# expect:` comments name. Fixing it must give the committed
 * `.fixed.yaml` snapshot (UPDATE_SNAPSHOTS=1 writes them) and leave nothing fixable.
 * The whole-document path must give the same findings as the per-claim path.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, fixAll, preferredFix } from '../../src/core/engine';
import { RULES_BY_ID } from '../../src/core/rules';
import { keys, parseExpectations } from '../support/expectations';
import { FIXTURES } from '../support/paths';

const ROOT = join(FIXTURES, 'rules');

function fixtureFiles(): { rule: string; file: string }[] {
  if (!existsSync(ROOT)) return [];
  return readdirSync(ROOT).flatMap((rule) =>
    readdirSync(join(ROOT, rule))
      .filter((f) => /\.claim\.ya?ml$/.test(f))
      .map((f) => ({ rule, file: join(ROOT, rule, f) })),
  );
}

describe('rule fixtures (inline expectations)', () => {
  const files = fixtureFiles();

  it('every fixture folder is named after a real rule', () => {
    for (const { rule } of files) assert.ok(RULES_BY_ID.has(rule), `test/fixtures/rules/${rule} is not a rule id`);
  });

  for (const { rule, file } of files) {
    const name = `${rule}/${file.split(/[\\/]/).pop()}`;
    describe(name, () => {
      const text = readFileSync(file, 'utf8');

      it('reports exactly the expected findings', () => {
        const got = audit(text).findings.map((f) => ({ line: f.range.start.line, rule: f.rule }));
        assert.deepEqual(keys(got), keys(parseExpectations(text)));
      });

      it('gives the same findings when each document is parsed whole', () => {
        const strip = (fs: ReturnType<typeof audit>['findings']) => fs.map((f) => ({ ...f }));
        assert.deepEqual(strip(audit(text, { noSplit: true }).findings), strip(audit(text).findings));
      });

      it('fixes to its snapshot and leaves nothing fixable', () => {
        const fixed = fixAll(text).text;
        const snap = file.replace(/\.claim\.ya?ml$/, '.fixed.yaml');
        if (fixed === text) {
          assert.ok(!existsSync(snap), `${snap} exists but nothing is fixable`);
          return;
        }
        if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(snap, fixed);
        assert.ok(existsSync(snap), `missing snapshot ${snap} (run with UPDATE_SNAPSHOTS=1)`);
        assert.equal(fixed, readFileSync(snap, 'utf8'));
        const left = audit(fixed).findings.filter((f) => preferredFix(f));
        assert.deepEqual(left.map((f) => `${f.rule} ${f.path}`), []);
      });
    });
  }
});
