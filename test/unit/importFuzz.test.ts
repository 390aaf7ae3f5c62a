/**
 * A short seeded fuzz run of the importers in every `npm test` (issue 20): mutated 837P, FHIR
 * and CSV inputs and CMS tables (text and .xlsx) — only the importers' own errors, the same
 * claims streamed or whole, imported YAML without schema errors (dist/importFuzz.js also reports inputs over 2 s).
 * `node dist/importFuzz.js --count N` runs long ones.
 */
import assert from 'node:assert/strict';
import { runImportFuzz } from '../fuzz/importFuzz';

describe('import fuzz (short, seeded)', function () {
  this.timeout(120_000);
  it('300 mutated inputs of the three formats and data import, seed 20261206: no problem', () => {
    const r = runImportFuzz(300, 20261206);
    assert.deepEqual(r.problems, [], JSON.stringify(r.problems.slice(0, 5)));
    assert.equal(r.count, 300);
    assert.ok(r.outcomes.imported > 30 && r.outcomes.refused > 30, JSON.stringify(r.outcomes));
  });
});
