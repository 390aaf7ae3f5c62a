/** Where the VS Code import command writes (src/client/importTarget.ts, pure). */
import assert from 'node:assert/strict';
import { claimFileName, isInside } from '../../src/client/importTarget';

describe('client: import target', () => {
  it('<name>.claim.yaml beside the source, never an existing file', () => {
    assert.equal(claimFileName('visits.837', () => false), 'visits.claim.yaml');
    assert.equal(claimFileName('export.bundle.json', () => false), 'export.bundle.claim.yaml');
    assert.equal(claimFileName('noext', () => false), 'noext.claim.yaml');
    assert.equal(claimFileName('.837', () => false), '.837.claim.yaml');
    const taken = new Set(['visits.claim.yaml', 'visits-2.claim.yaml']);
    assert.equal(claimFileName('visits.837', (n) => taken.has(n)), 'visits-3.claim.yaml');
  });

  it('tells files inside a folder from files beside it', () => {
    assert.ok(isInside('/ws/claims/a.837', '/ws'));
    assert.ok(isInside('/ws/a.837', '/ws/'));
    assert.ok(!isInside('/ws-other/a.837', '/ws'));
    assert.ok(!isInside('/elsewhere/a.837', '/ws'));
  });
});
