import assert from 'node:assert/strict';
import { isClaimFile, isConfigFile } from '../../src/server/claimFiles';
import { globToRegExp, matchesGlob } from '../../src/server/glob';

describe('server: globs and claim-file detection', () => {
  it('matches **, *, ?, {a,b} and classes', () => {
    const cases: [string, string, boolean][] = [
      ['claims/**/*.yaml', 'claims/march.yaml', true],
      ['claims/**/*.yaml', 'claims/2026/03/march.yaml', true],
      ['claims/**/*.yaml', 'other/march.yaml', false],
      ['claims/*.yaml', 'claims/2026/march.yaml', false],
      ['**/*.{yaml,yml}', 'a/b.yml', true],
      ['**/*.{yaml,yml}', 'b.yaml', true],
      ['**/*.{yaml,yml}', 'b.json', false],
      ['visit-??.yaml', 'x/visit-01.yaml', true],
      ['visit-??.yaml', 'visit-1.yaml', false],
      ['visit-[0-9].yaml', 'visit-7.yaml', true],
      ['visit-[!0-9].yaml', 'visit-a.yaml', true],
      ['visit-[!0-9].yaml', 'visit-7.yaml', false],
      ['data/**', 'data/x/y.yaml', true],
      ['./claims/*.yaml', 'claims/a.yaml', true],
      ['{a,b/{c,d}}/*.yaml', 'b/d/x.yaml', true],
      ['a.b', 'axb', false],
    ];
    for (const [pattern, path, want] of cases) assert.equal(matchesGlob(path, pattern), want, `${pattern} ~ ${path}`);
    assert.ok(globToRegExp('*.yaml') === globToRegExp('*.yaml'), 'cached');
  });

  it('knows claim files by name, by glob relative to a folder, and config files', () => {
    const ctx = { patterns: [], folders: ['/ws'] };
    assert.ok(isClaimFile('file:///ws/a.claim.yaml', ctx));
    assert.ok(isClaimFile('file:///ws/a.CLAIM.yml', ctx));
    assert.ok(isClaimFile('untitled:Untitled-1.claim.yaml', ctx));
    assert.ok(!isClaimFile('file:///ws/a.yaml', ctx));
    assert.ok(isClaimFile('file:///ws/claims/a.yaml', { patterns: ['claims/*.yaml'], folders: ['/ws'] }));
    assert.ok(!isClaimFile('file:///elsewhere/claims/b.yaml', { patterns: ['claims/*.yaml'], folders: ['/ws'] }));
    assert.ok(isClaimFile('file:///ws/sub/claims/a.yaml', { patterns: ['claims/*.yaml'], folders: ['/ws'], configDir: '/ws/sub' }));
    assert.ok(isClaimFile('file:///anywhere/x.visit.yaml', { patterns: ['*.visit.yaml'], folders: [] }));
    assert.ok(isConfigFile('file:///ws/.claimlintrc.yaml'));
    assert.ok(isConfigFile('file:///ws/sub/.claimlintrc.json'));
    assert.ok(!isConfigFile('file:///ws/claimlintrc.yaml'));
  });
});
