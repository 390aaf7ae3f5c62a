/**
 * A short seeded fuzz run in every `npm test` (issue 11): mutated examples and fixtures
 * through the engine and every editor feature — no throw, spans inside the text, every
 * fix result parses. `npm run fuzz -- --count N` runs long ones and reports inputs over 2 s.
 */
import assert from 'node:assert/strict';
import { runFuzz } from '../fuzz/fuzz';

describe('fuzz (short, seeded)', function () {
  this.timeout(60000);
  it('150 mutated inputs, seed 20261129: no problem', () => {
    const r = runFuzz(150, 20261129);
    assert.deepEqual(r.problems, [], JSON.stringify(r.problems.slice(0, 5)));
    assert.equal(r.count, 150);
  });
});
